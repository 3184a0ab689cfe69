/** The store's refusals, in both languages. */
import { catalogueProblem } from './types.ts';
import type { CatalogueProblem } from './types.ts';

export function taken(
  column: 'sku' | 'barcode',
  value: string,
  owner: { name: string },
  line?: number,
): CatalogueProblem {
  const what = column === 'sku' ? 'SKU' : { id: 'Kode batang', en: 'Barcode' };
  const id = typeof what === 'string' ? what : what.id;
  const en = typeof what === 'string' ? what : what.en;
  return catalogueProblem(
    column === 'sku' ? 'sku-duplicate' : 'barcode-duplicate',
    column,
    `${id} ${value} sudah dipakai "${owner.name}".`,
    `${en} ${value} is already used by "${owner.name}".`,
    line,
  );
}

export function unknownItem(id: number): CatalogueProblem {
  return catalogueProblem('item-unknown', 'id', `Barang #${id} tidak ada.`, `There is no item #${id}.`);
}

export function unknownCategory(id: number): CatalogueProblem {
  return catalogueProblem(
    'category-unknown',
    'categoryId',
    `Kategori #${id} tidak ada.`,
    `There is no category #${id}.`,
  );
}

export function duplicateCategory(name: string): CatalogueProblem {
  return catalogueProblem(
    'category-duplicate',
    'category',
    `Kategori "${name}" sudah ada.`,
    `The category "${name}" already exists.`,
  );
}

export function reorderMismatch(what: 'items' | 'categories'): CatalogueProblem {
  return what === 'items'
    ? catalogueProblem(
        'reorder-mismatch',
        'itemIds',
        'Urutan harus memuat semua barang kategori ini, masing-masing sekali.',
        'The order must list every item of this category, each once.',
      )
    : catalogueProblem(
        'reorder-mismatch',
        'categoryIds',
        'Urutan harus memuat semua kategori, masing-masing sekali.',
        'The order must list every category, each once.',
      );
}

export function sameSet(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length || new Set(b).size !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
