/**
 * The catalogue as the editor lists it: categories in their order, each with its items in theirs
 * (inactive ones included: they are reactivated from here), the uncategorised last; search over
 * names, SKUs and barcodes with the cashier's own folding (common/catalogue-search.ts); and the
 * new order a move up or down asks the main process for.
 */
import type {
  CatalogueCategoryView,
  CatalogueItemView,
  CatalogueSnapshot,
} from '../../../../common/catalogue-contract.ts';
import { CatalogueIndex } from '../../../../common/catalogue-search.ts';

export interface CategoryGroup {
  /** null: the items without a category. */
  category: CatalogueCategoryView | null;
  items: CatalogueItemView[];
}

const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) =>
  a.position - b.position || a.id - b.id;

export function groupCatalogue(catalogue: CatalogueSnapshot): CategoryGroup[] {
  const categories = [...catalogue.categories].sort(byPosition);
  const known = new Set(categories.map((c) => c.id));
  const items = [...catalogue.items].sort(byPosition);
  const groups: CategoryGroup[] = categories.map((category) => ({
    category,
    items: items.filter((item) => item.categoryId === category.id),
  }));
  // An item whose category is unknown here (a snapshot from mid-change) is listed, not lost.
  const loose = items.filter((item) => item.categoryId === null || !known.has(item.categoryId));
  if (loose.length > 0) groups.push({ category: null, items: loose });
  return groups;
}

/** The search index over every item the groups hold: built once per catalogue, not per keystroke. */
export function searchIndex(groups: readonly CategoryGroup[]): CatalogueIndex<CatalogueItemView> {
  return new CatalogueIndex(groups.flatMap((group) => group.items));
}

/**
 * The groups with only the items that match; a blank query keeps everything. While searching,
 * a category with no match is left out.
 */
export function filterGroups(
  groups: readonly CategoryGroup[],
  query: string,
  index: CatalogueIndex<CatalogueItemView> = searchIndex(groups),
): CategoryGroup[] {
  if (query.trim() === '') return [...groups];
  const all = groups.reduce((n, group) => n + group.items.length, 0);
  const found = new Set(index.search(query, { limit: all }).map((item) => item.id));
  return groups
    .map((group) => ({ ...group, items: group.items.filter((item) => found.has(item.id)) }))
    .filter((group) => group.items.length > 0);
}

export interface ShownGroup extends CategoryGroup {
  /** Items of this group not drawn because the list reached its limit. */
  hidden: number;
}

/**
 * At most `limit` item rows in all: a shop may keep 10,000 items, and a row per item with its
 * buttons would make every keystroke slow. Every category header stays, so categories can still
 * be renamed and moved; search narrows the rest.
 */
export function limitRows(groups: readonly CategoryGroup[], limit: number): ShownGroup[] {
  let left = limit;
  return groups.map((group) => {
    const shown = group.items.slice(0, Math.max(0, left));
    left -= shown.length;
    return { ...group, items: shown, hidden: group.items.length - shown.length };
  });
}

/** The ids in their new order after moving `id` one place up (-1) or down (+1); undefined at an end. */
export function moved(ids: readonly number[], id: number, step: -1 | 1): number[] | undefined {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from === -1 || to < 0 || to >= ids.length) return undefined;
  const next = [...ids];
  next[from] = ids[to] as number;
  next[to] = id;
  return next;
}

/** Every item id of one category (null: uncategorised) in its current order: what reorderItems takes. */
export function categoryItemIds(catalogue: CatalogueSnapshot, categoryId: number | null): number[] {
  return catalogue.items
    .filter((item) => item.categoryId === categoryId)
    .sort(byPosition)
    .map((item) => item.id);
}

export function categoryIds(catalogue: CatalogueSnapshot): number[] {
  return [...catalogue.categories].sort(byPosition).map((category) => category.id);
}

/**
 * The newer of two snapshots: the one a command answered and the one the cashier's feed holds.
 * The revision only grows while the kiosk runs; on a tie the command's answer is as new.
 */
export function newerCatalogue(
  answered: CatalogueSnapshot | undefined,
  fed: CatalogueSnapshot | undefined,
): CatalogueSnapshot | undefined {
  if (answered === undefined) return fed;
  if (fed === undefined) return answered;
  return fed.revision > answered.revision ? fed : answered;
}
