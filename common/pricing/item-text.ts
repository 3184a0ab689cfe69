/**
 * Item names and codes as they travel to the screens, the receipt and Midtrans' item_details.
 * One rule for the catalogue and the cart: a name that passes here is shown as typed, fits
 * Midtrans' 50-character name (counted in UTF-16 units, as JavaScript and the emulator count,
 * which is never fewer than the characters Midtrans counts), and cannot reorder or hide text.
 */
import { ITEM_NAME_MAX_LENGTH } from '../midtrans-limits.ts';
import { ITEM_ID_PATTERN } from '../sale-input.ts';

export { nameProblem, normaliseName, type NameProblem, type NameProblemCode } from '../item-name.ts';

/** Cuts a generated name ("Diskon …") to Midtrans' limit without splitting a surrogate pair. */
export function fitName(text: string, max: number = ITEM_NAME_MAX_LENGTH): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** The item_details id for a cart line: its item id or SKU when Midtrans-safe, else "line-N". */
export function lineItemId(line: { itemId?: string; sku?: string }, index: number): string {
  for (const candidate of [line.itemId, line.sku]) {
    if (candidate !== undefined && ITEM_ID_PATTERN.test(candidate)) return candidate;
  }
  return `line-${index + 1}`;
}
