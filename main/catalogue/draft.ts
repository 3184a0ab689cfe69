/** The checks an item passes before the store writes it: its fields, its category, unique codes. */
import { checkBarcode, checkItemName, checkPrice, checkSku } from './checks.ts';
import { taken, unknownCategory } from './store-problems.ts';
import { catalogueProblem } from './types.ts';
import type {
  CatalogueCategory,
  CatalogueItem,
  CatalogueProblem,
  CatalogueResult,
  ItemDraft,
} from './types.ts';

export interface CheckedDraft {
  name: string;
  price: number;
  categoryId: number | null;
  sku: string | null;
  barcode: string | null;
  active: boolean;
}

/** What the checks read from the store (the store itself, in practice). */
export interface DraftLookups {
  categories(): CatalogueCategory[];
  owner(column: 'sku' | 'barcode', value: string): CatalogueItem | undefined;
}

const fail = <T>(...problems: CatalogueProblem[]): CatalogueResult<T> => ({ ok: false, problems });

/** `selfId`: the item being updated, which may keep its own SKU and barcode. */
export function checkDraft(
  store: DraftLookups,
  draft: ItemDraft,
  selfId: number | undefined,
): CatalogueResult<CheckedDraft> {
  const problems: CatalogueProblem[] = [];
  const name = checkItemName(typeof draft.name === 'string' ? draft.name : '');
  const price = checkPrice(draft.price);
  const sku = checkSku(draft.sku);
  const barcode = checkBarcode(draft.barcode);
  for (const c of [name, price, sku, barcode]) if (!c.ok) problems.push(c.problem);
  const categoryId = draft.categoryId ?? null;
  if (categoryId !== null && !store.categories().some((c) => c.id === categoryId))
    problems.push(unknownCategory(categoryId));
  if (sku.ok && sku.value !== null) {
    const owner = store.owner('sku', sku.value);
    if (owner && owner.id !== selfId) problems.push(taken('sku', sku.value, owner));
  }
  if (barcode.ok && barcode.value !== null) {
    const owner = store.owner('barcode', barcode.value);
    if (owner && owner.id !== selfId) problems.push(taken('barcode', barcode.value, owner));
  }
  if (draft.active !== undefined && typeof draft.active !== 'boolean') {
    problems.push(
      catalogueProblem(
        'active-invalid',
        'active',
        'Status aktif harus ya atau tidak.',
        'Active must be yes or no.',
      ),
    );
  }
  if (problems.length > 0 || !name.ok || !price.ok || !sku.ok || !barcode.ok) return fail(...problems);
  return {
    ok: true,
    value: {
      name: name.value,
      price: price.value,
      categoryId,
      sku: sku.value,
      barcode: barcode.value,
      active: draft.active ?? true,
    },
  };
}
