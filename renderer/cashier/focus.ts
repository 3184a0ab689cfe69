/** Where a key press or a pointer press lands, for the window-wide keyboard handling. */
import type { MouseEvent } from 'react';
import type { KeyTarget } from './keyboard.ts';

/** The two amount fields carry `data-keypad-field="amount" | "cash"`: keys there edit them as a till does. */
export function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  const field = target.dataset.keypadField;
  if (field === 'amount' || field === 'cash') return field;
  if (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target.isContentEditable
  ) {
    return 'text';
  }
  return target.closest('button, a[href], select, [role="button"], [role="tab"]') === null
    ? 'other'
    : 'button';
}

/**
 * A tap or click on a button does not take focus from where the cashier is typing, so after
 * "tap Kopi, tap Kopi" Enter charges instead of adding a third Kopi. Buttons still take focus
 * from Tab, and then Enter presses them.
 */
export function keepFocusOnPointer(event: MouseEvent<HTMLElement>): void {
  if (event.target instanceof Element && event.target.closest('button') !== null) event.preventDefault();
}
