import type { Ref } from 'react';
import { formatRupiah } from '../shared/format.ts';
import { useT } from '../shared/language.ts';

interface AmountFieldProps {
  amount: number | undefined;
  locked: boolean;
  inputRef: Ref<HTMLInputElement>;
  describedBy: string;
  onText(text: string): void;
  onFocus(): void;
  /** Puts the typed amount in the cart as a line, so another can be typed. */
  onAdd(): void;
}

/**
 * A free amount (for shops without a catalogue, or anything not in it), as rupiah, formatted while
 * it is typed. It is sold as a line of its own; "+" moves it into the cart to type another. Keys
 * are handled by the window's keyboard handler (they always edit the end, as on a till); `onText`
 * covers paste and autofill.
 */
export function AmountField({
  amount,
  locked,
  inputRef,
  describedBy,
  onText,
  onFocus,
  onAdd,
}: AmountFieldProps) {
  const t = useT();
  return (
    <div className="amount-field">
      <label htmlFor="amount-input">{t('cashier.amount.label')}</label>
      <div className="amount-row">
        <input
          id="amount-input"
          ref={inputRef}
          data-testid="amount-input"
          data-keypad-field="amount"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={formatRupiah(0)}
          value={amount === undefined ? '' : formatRupiah(amount)}
          readOnly={locked}
          aria-describedby={describedBy}
          onFocus={onFocus}
          onChange={(event) => onText(event.currentTarget.value)}
        />
        <button
          type="button"
          className="secondary-button amount-add"
          data-testid="amount-add"
          aria-label={t('cashier.amount.add')}
          disabled={locked || amount === undefined || amount <= 0}
          onClick={onAdd}
        >
          +
        </button>
      </div>
    </div>
  );
}
