/**
 * The cashier's keyboard: digits type the keypad's amount (or the cash received, once Cash or
 * Split is chosen, or whichever of the two fields has focus), Backspace deletes one, Escape clears
 * it, Enter charges (or starts the next sale), and a letter starts a search of the catalogue.
 * Keys with a modifier are left to the browser, as are keys aimed at another text field, and Enter
 * on a focused button presses that button (pointer clicks do not move focus, see focus.ts).
 */
export type KeyCommand =
  | { kind: 'digits'; digits: string }
  | { kind: 'back' }
  | { kind: 'clear' }
  | { kind: 'enter' }
  | { kind: 'search'; text: string };

/** What had focus when the key was pressed: one of the two amount fields, or something else. */
export type KeyTarget = 'amount' | 'cash' | 'button' | 'text' | 'other';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export function keyCommand(press: KeyPress, target: KeyTarget): KeyCommand | undefined {
  if (press.ctrlKey || press.altKey || press.metaKey || target === 'text') return undefined;
  if (/^\d$/.test(press.key)) return { kind: 'digits', digits: press.key };
  switch (press.key) {
    case 'Backspace':
      return { kind: 'back' };
    case 'Escape':
      return { kind: 'clear' };
    case 'Enter':
      return target === 'button' ? undefined : { kind: 'enter' };
    default:
      // A letter (any script) begins a search; space and punctuation keep their usual meaning.
      return /^\p{L}$/u.test(press.key) ? { kind: 'search', text: press.key } : undefined;
  }
}
