/**
 * The cashier's keyboard: digits type the amount, Backspace deletes one, Escape clears, Enter
 * charges (or starts the next sale). Keys with a modifier are left to the browser, as are keys
 * aimed at another text field, and Enter on a focused button presses that button (pointer clicks
 * do not move focus, see App.tsx).
 */
export type KeyCommand =
  { kind: 'digits'; digits: string } | { kind: 'back' } | { kind: 'clear' } | { kind: 'enter' };

/** What had focus when the key was pressed. */
export type KeyTarget = 'amount' | 'button' | 'text' | 'other';

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
      return undefined;
  }
}
