/**
 * Puts typed text into a text field as if it had been typed there. Used for keys the barcode
 * scanner detector held back and then handed back as a person's typing: the field gets them at
 * its caret, and React hears an ordinary input event (its controlled value follows).
 */
export function insertText(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  if (field.readOnly || field.disabled || text === '') return;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  let next = field.value.slice(0, start) + text + field.value.slice(end);
  if (field.maxLength > 0 && next.length > field.maxLength) next = next.slice(0, field.maxLength);
  // The prototype's setter, not the instance's: React watches the instance's own value property
  // and would otherwise treat the change as its own and drop the event.
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  if (setter === undefined) return;
  setter.call(field, next);
  const caret = Math.min(next.length, start + text.length);
  field.setSelectionRange(caret, caret);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export function isTextField(target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}
