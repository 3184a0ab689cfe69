/**
 * The catalogue as the cashier screen uses it, built once per catalogue revision: the active items
 * in an index for search-as-you-type (common/catalogue-search.ts), the categories that have
 * something to sell, and every barcode, inactive items' too, so a scan of a withdrawn item is
 * told apart from an unknown code.
 */
import type {
  CatalogueCategoryView,
  CatalogueItemView,
  CatalogueSnapshot,
} from '../../../common/catalogue-contract.ts';
import { CatalogueIndex } from '../../../common/catalogue-search.ts';

/** 'all', or a category id; null is the items with no category. */
export type CategoryChoice = 'all' | number | null;

export interface CatalogueView {
  revision: number;
  /** Active items, in the order the manager set (category order, then position). */
  items: CatalogueItemView[];
  categories: CatalogueCategoryView[];
  /** Whether some active item has no category (a tab for them is shown). */
  uncategorised: boolean;
  index: CatalogueIndex<CatalogueItemView>;
  byCategory: Map<number | null, CatalogueItemView[]>;
  barcodes: Map<string, CatalogueItemView>;
}

export function catalogueView(snapshot: CatalogueSnapshot): CatalogueView {
  const categories = [...snapshot.categories].sort((a, b) => a.position - b.position || a.id - b.id);
  const rank = new Map(categories.map((c, i) => [c.id, i]));
  const rankOf = (id: number | null) =>
    id === null ? categories.length : (rank.get(id) ?? categories.length);
  const items = snapshot.items
    .filter((item) => item.active)
    .sort((a, b) => rankOf(a.categoryId) - rankOf(b.categoryId) || a.position - b.position || a.id - b.id);
  const byCategory = new Map<number | null, CatalogueItemView[]>();
  for (const item of items) {
    const list = byCategory.get(item.categoryId);
    if (list === undefined) byCategory.set(item.categoryId, [item]);
    else list.push(item);
  }
  const barcodes = new Map<string, CatalogueItemView>();
  // An active item wins a barcode over an inactive one (the store keeps them unique, but a stale
  // snapshot must still sell the item on the shelf).
  for (const item of snapshot.items) {
    if (item.barcode === null) continue;
    const held = barcodes.get(item.barcode);
    if (held === undefined || (!held.active && item.active)) barcodes.set(item.barcode, item);
  }
  return {
    revision: snapshot.revision,
    items,
    categories: categories.filter((c) => byCategory.has(c.id)),
    uncategorised: byCategory.has(null),
    index: new CatalogueIndex(items),
    byCategory,
    barcodes,
  };
}

export interface GridPage {
  items: CatalogueItemView[];
  /** More items match than are shown: a "show more" button is offered. */
  more: boolean;
}

/** What the grid shows: search results across the catalogue, else the chosen category's items. */
export function gridItems(
  view: CatalogueView,
  query: string,
  category: CategoryChoice,
  limit: number,
): GridPage {
  if (query.trim() !== '') {
    const found = view.index.search(query, { limit: limit + 1 });
    return { items: found.slice(0, limit), more: found.length > limit };
  }
  const list = category === 'all' ? view.items : (view.byCategory.get(category) ?? []);
  return { items: list.slice(0, limit), more: list.length > limit };
}

export type BarcodeLookup =
  | { kind: 'found'; item: CatalogueItemView }
  | { kind: 'inactive'; item: CatalogueItemView }
  | { kind: 'unknown'; code: string };

export function lookupBarcode(view: CatalogueView | undefined, code: string): BarcodeLookup {
  const item = view?.barcodes.get(code.trim());
  if (item === undefined) return { kind: 'unknown', code };
  return item.active ? { kind: 'found', item } : { kind: 'inactive', item };
}
