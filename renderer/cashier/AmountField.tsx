import type { Ref } from 'react';
import { formatRupiah } from '../shared/format.ts';
import { useT } from '../shared/language.ts';

interface AmountFieldProps {
  amount: number | undefined;
  fromItems: boolean;
  locked: boolean;
  inputRef: Ref<HTMLInputElement>;
  describedBy: string;
  onText(text: string): void;
}

/**
 * The amount as rupiah, formatted while it is typed. Keys are handled by the window's keyboard
 * handler (they always edit the end, as on a till); `onText` covers paste and autofill.
 */
export function AmountField({ amount, fromItems, locked, inputRef, describedBy, onText }: AmountFieldProps) {
  const t = useT();
  return (
    <div className="amount-field">
      <label htmlFor="amount-input">{t('cashier.amount.label')}</label>
      <input
        id="amount-input"
        ref={inputRef}
        data-testid="amount-input"
        data-amount-input=""
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={formatRupiah(0)}
        value={amount === undefined ? '' : formatRupiah(amount)}
        readOnly={locked || fromItems}
        aria-describedby={describedBy}
        onChange={(event) => onText(event.currentTarget.value)}
      />
      {fromItems && (
        <p className="amount-note" data-testid="amount-from-items">
          {t('cashier.amount.fromItems')}
        </p>
      )}
    </div>
  );
}
