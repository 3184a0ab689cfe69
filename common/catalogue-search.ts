/**
 * Search-as-you-type over the catalogue, shared by the screens (which hold the catalogue in
 * memory and search it on every keystroke, with no round trip) and the main process (whose
 * SQLite store keeps the same folded key per item). One folding rule, so "Es Teh", "es teh" and
 * "ES  TÉH" find the same items, and "kopi-susu" finds "Kopi Susu", wherever the search runs.
 *
 * Matching: the query is folded and split into words; an item matches when every query word is
 * the start of a word of its name, SKU or barcode ("te" finds "Es Teh Manis"; "eh" does not).
 * Names that start with the whole query rank first, then catalogue order.
 */

/** Lower case, accents removed, anything but letters and digits turned into single spaces. */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchableItem {
  name: string;
  sku?: string | null;
  barcode?: string | null;
}

/**
 * The key an item is searched by: its folded words with a space before each, so a word-prefix
 * match is a plain substring test for " " + word, here and in SQL (instr).
 */
export function searchKey(item: SearchableItem): string {
  const parts = [item.name, item.sku ?? '', item.barcode ?? ''].map(foldSearchText).filter((p) => p !== '');
  return ` ${parts.join(' ')}`;
}

/** The query's words, each with the leading space it is matched with; [] for a blank query. */
export function queryNeedles(query: string): string[] {
  const folded = foldSearchText(query);
  return folded === '' ? [] : [...new Set(folded.split(' '))].map((word) => ` ${word}`);
}

export function keyMatches(key: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (!key.includes(needle)) return false;
  return true;
}

/** 0 when the name starts with the whole query, else 1. */
export function matchRank(foldedName: string, foldedQuery: string): number {
  return foldedName.startsWith(foldedQuery) ? 0 : 1;
}

export interface SearchOptions {
  /** Most results returned; a screen shows a page of them. Default 50. */
  limit?: number;
}

/**
 * An in-memory index for the screens: build it when the catalogue arrives or changes, then call
 * `search` per keystroke and `byBarcode` per scan. `items` should be in catalogue order.
 */
export class CatalogueIndex<T extends SearchableItem> {
  private readonly entries: { item: T; key: string; name: string; order: number }[];
  private readonly barcodes = new Map<string, T>();

  constructor(items: readonly T[]) {
    this.entries = items.map((item, order) => ({
      item,
      key: searchKey(item),
      name: foldSearchText(item.name),
      order,
    }));
    for (const item of items) {
      if (item.barcode) this.barcodes.set(item.barcode, item);
    }
  }

  search(query: string, options: SearchOptions = {}): T[] {
    const needles = queryNeedles(query);
    const limit = options.limit ?? 50;
    if (needles.length === 0) return this.entries.slice(0, limit).map((e) => e.item);
    const folded = foldSearchText(query);
    const first: T[] = [];
    const rest: T[] = [];
    for (const entry of this.entries) {
      if (!keyMatches(entry.key, needles)) continue;
      if (matchRank(entry.name, folded) === 0) {
        first.push(entry.item);
        // Enough names that start with the query: nothing ranked lower can enter the page.
        if (first.length >= limit) break;
      } else if (rest.length < limit) {
        rest.push(entry.item);
      }
    }
    return [...first, ...rest].slice(0, limit);
  }

  byBarcode(code: string): T | undefined {
    return this.barcodes.get(code.trim());
  }
}
