/**
 * Item names and codes as they travel to the screens, the receipt and Midtrans' item_details.
 * One rule for the catalogue and the cart: a name that passes here is shown as typed, fits
 * Midtrans' 50-character name (counted in UTF-16 units, as JavaScript and the emulator count,
 * which is never fewer than the characters Midtrans counts), and cannot reorder or hide text.
 */
import { ITEM_NAME_MAX_LENGTH } from '../midtrans-limits.ts';
import { ITEM_ID_PATTERN } from '../sale-input.ts';

export type NameProblemCode = 'name-empty' | 'name-too-long' | 'name-characters';

export interface NameProblem {
  code: NameProblemCode;
  message: { id: string; en: string };
}

// C0/C1 controls, DEL, line/paragraph separators: they break the screen layout and the receipt.
// Bidi controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI) can make a name read differently than it sorts
// ("Trojan Source"). Invisible format characters (ZWSP, word joiner, BOM) make two names look alike.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/;

/** NFC, trimmed, runs of spaces made one: the form a name is stored, compared and sent in. */
export function normaliseName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/ {2,}/g, ' ');
}

/**
 * Checks a name (after `normaliseName`). `what` names the thing in both languages, e.g.
 * { id: 'Nama barang', en: 'The item name' }.
 */
export function nameProblem(
  name: string,
  what: { id: string; en: string } = { id: 'Nama barang', en: 'The item name' },
  max: number = ITEM_NAME_MAX_LENGTH,
): NameProblem | undefined {
  // A lone surrogate cannot be encoded as UTF-8: SQLite, JSON to Midtrans and the printer would
  // each replace it differently.
  if (!name.isWellFormed() || FORBIDDEN.test(name)) {
    return {
      code: 'name-characters',
      message: {
        id: `${what.id} berisi karakter tersembunyi atau kontrol yang tidak boleh dipakai.`,
        en: `${what.en} contains hidden or control characters that are not allowed.`,
      },
    };
  }
  if (name.trim() === '') {
    return { code: 'name-empty', message: { id: `${what.id} wajib diisi.`, en: `${what.en} is required.` } };
  }
  if (name.length > max) {
    return {
      code: 'name-too-long',
      message: {
        id: `${what.id} paling banyak ${max} karakter (sekarang ${name.length}).`,
        en: `${what.en} can have at most ${max} characters (it has ${name.length}).`,
      },
    };
  }
  return undefined;
}

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
