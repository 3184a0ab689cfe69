/**
 * The one rule for a name that reaches a screen, a receipt, Midtrans' item_details or the
 * journal: a sale's item names, the catalogue's, the cart's. A leaf, so the sale checks and the
 * pricing can both use it.
 */
import { ITEM_NAME_MAX_LENGTH } from './midtrans-limits.ts';

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
