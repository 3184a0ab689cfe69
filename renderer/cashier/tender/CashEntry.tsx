import { useEffect, useRef } from 'react';
import { formatRupiah } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';

interface CashEntryProps {
  /** 'received' for a cash sale or the rest in cash, 'part' for a split sale's cash part. */
  purpose: 'received' | 'part';
  cash: number | undefined;
  quick: readonly { amount: number; exact: boolean }[];
  /** What to hand back, once enough cash is typed. */
  change: number | undefined;
  /** Split: what QRIS/GoPay will be charged. */
  remainder: number | undefined;
  remainderType: string | undefined;
  disabled: boolean;
  onFocus(): void;
  onText(text: string): void;
  onQuick(amount: number): void;
}

/**
 * The cash the customer hands over, typed (keys edit it as on a till, like the amount) or picked
 * from the quick buttons: the exact amount, Rp 20.000, 50.000, 100.000. The change follows it.
 */
export function CashEntry(props: CashEntryProps) {
  const t = useT();
  const { purpose, cash, quick, change, remainder, disabled } = props;
  const inputRef = useRef<HTMLInputElement>(null);
  // Cash or Split was just chosen, or a sale waits for its rest: what comes next is the cash, so
  // the keys (and Enter) go to it, wherever focus was.
  useEffect(() => inputRef.current?.focus(), [purpose]);
  return (
    <div className="cash-entry" data-testid="cash-entry" data-purpose={purpose}>
      <label htmlFor="cash-received">
        {t(purpose === 'part' ? 'cashier.tender.cashPart' : 'cashier.tender.received')}
      </label>
      <input
        id="cash-received"
        ref={inputRef}
        className="cash-input"
        data-testid="cash-received"
        data-keypad-field="cash"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={formatRupiah(0)}
        value={cash === undefined ? '' : formatRupiah(cash)}
        readOnly={disabled}
        onFocus={props.onFocus}
        onChange={(event) => props.onText(event.currentTarget.value)}
      />
      <div className="quick-cash" role="group" aria-label={t('cashier.tender.quick')}>
        {quick.map(({ amount, exact }) => (
          <button
            key={exact ? 'exact' : amount}
            type="button"
            className="quick-cash-button"
            data-testid={exact ? 'quick-cash-exact' : `quick-cash-${amount}`}
            aria-label={
              exact ? `${t('cashier.tender.exact')}, ${formatRupiah(amount)}` : formatRupiah(amount)
            }
            disabled={disabled}
            onClick={() => props.onQuick(amount)}
          >
            {/* The notes without "Rp": four of them fit a 1024-pixel screen's column. */}
            {exact ? t('cashier.tender.exact') : formatRupiah(amount).replace(/^Rp\s*/, '')}
          </button>
        ))}
      </div>
      {change !== undefined && (
        <p className="change-line">
          <span>{t('cashier.tender.change')}</span>
          <span className="change-amount" data-testid="change-due">
            {formatRupiah(change)}
          </span>
        </p>
      )}
      {remainder !== undefined && (
        <p className="change-line">
          <span>{t('cashier.tender.remainder', { type: props.remainderType ?? '' })}</span>
          <span className="change-amount" data-testid="split-remainder">
            {formatRupiah(remainder)}
          </span>
        </p>
      )}
    </div>
  );
}
