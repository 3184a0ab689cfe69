/**
 * The amount typed on the keypad or keyboard, kept as its digits. Typing always edits the end
 * (as on a till), a lone 0 may be typed (and is refused with a reason), and anything pasted is
 * reduced to its whole-rupiah digits.
 */

/** Two more digits than the largest acquirer limit, so "too large" can be typed and explained. */
export const MAX_AMOUNT_DIGITS = 10;

export type EntryAction =
  | { type: 'digits'; digits: string }
  | { type: 'back' }
  | { type: 'clear' }
  /** The whole field replaced (paste, autofill, a test's fill()). */
  | { type: 'set'; text: string };

function withoutLeadingZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

export function entryReducer(digits: string, action: EntryAction): string {
  switch (action.type) {
    case 'digits': {
      const next = withoutLeadingZeros(digits + action.digits.replace(/\D/g, ''));
      // A key that would overflow the field does nothing, rather than half of "000" landing.
      return next.length > MAX_AMOUNT_DIGITS ? digits : next;
    }
    case 'back':
      return digits.slice(0, -1);
    case 'clear':
      return '';
    case 'set': {
      // Indonesian writes cents after a comma ("44.000,00"); they are dropped, not added on.
      const withoutCents = action.text.replace(/,\d{0,2}\s*$/, '');
      return withoutLeadingZeros(withoutCents.replace(/\D/g, '')).slice(0, MAX_AMOUNT_DIGITS);
    }
  }
}

export function entryAmount(digits: string): number | undefined {
  return digits === '' ? undefined : Number(digits);
}
