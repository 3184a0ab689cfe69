/**
 * Writes a checked import plan. Runs inside the import's transaction: any throw rolls back all of it.
 */
import { searchKey } from '../../common/catalogue-search.ts';
import type { CatalogueStore } from './store.ts';
import type { CatalogueItem } from './types.ts';

/** One checked row of an import: what it will write, and which stored item it updates. */
export interface RowPlan {
  line: number;
  /** The stored item this row updates; undefined = a new item. */
  match: CatalogueItem | undefined;
  name: string;
  price: number;
  /** undefined: the column is absent (keep / none). */
  sku: string | null | undefined;
  barcode: string | null | undefined;
  category: string | null | undefined;
  active: boolean | undefined;
  position: number | undefined;
}

export function applyPlan(
  store: CatalogueStore,
  plans: readonly RowPlan[],
): { added: number; updated: number; categoriesAdded: number } {
  const { db } = store;
  const at = store.now();
  // Codes may move between items in one file (A takes B's barcode while B takes a new one): clear
  // the moving codes first so the UNIQUE constraints never see the halfway state.
  const clearSku = db.prepare('UPDATE catalogue_items SET sku = NULL WHERE id = ?');
  const clearBarcode = db.prepare('UPDATE catalogue_items SET barcode = NULL WHERE id = ?');
  for (const plan of plans) {
    if (!plan.match) continue;
    if (plan.sku !== undefined) clearSku.run(plan.match.id);
    if (plan.barcode !== undefined) clearBarcode.run(plan.match.id);
  }

  let categoriesAdded = 0;
  const categoryId = (name: string | null | undefined, fallback: number | null): number | null => {
    if (name === undefined) return fallback;
    if (name === null) return null;
    const found = store.categoryByName(name);
    if (found) return found.id;
    const made = store.addCategory(name);
    if (!made.ok) throw new Error(`import: category "${name}" was checked but cannot be added`);
    categoriesAdded++;
    return made.value.id;
  };

  const touched = new Set<number | null>();
  const update = db.prepare(
    `UPDATE catalogue_items SET name = ?, price = ?, category_id = ?, sku = ?, barcode = ?, active = ?, position = ?,
       search_key = ?, updated_at = ? WHERE id = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO catalogue_items (name, price, category_id, sku, barcode, active, position, search_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let added = 0;
  let updated = 0;
  for (const plan of plans) {
    const old = plan.match;
    const category = categoryId(plan.category, old ? old.categoryId : null);
    const sku = plan.sku !== undefined ? plan.sku : (old?.sku ?? null);
    const barcode = plan.barcode !== undefined ? plan.barcode : (old?.barcode ?? null);
    const active = plan.active ?? old?.active ?? true;
    const stays = old !== undefined && old.categoryId === category;
    const position = plan.position ?? (stays ? old.position : store.nextPosition(category));
    const key = searchKey({ name: plan.name, sku, barcode });
    touched.add(category);
    if (old) {
      touched.add(old.categoryId);
      update.run(plan.name, plan.price, category, sku, barcode, active ? 1 : 0, position, key, at, old.id);
      updated++;
    } else {
      insert.run(plan.name, plan.price, category, sku, barcode, active ? 1 : 0, position, key, at, at);
      added++;
    }
  }
  // Positions from a file may collide or leave gaps: make each touched category 0, 1, 2 … again,
  // keeping the order they give (ties by id, i.e. older items first).
  const ids = db.prepare('SELECT id FROM catalogue_items WHERE category_id IS ? ORDER BY position, id');
  const setPosition = db.prepare('UPDATE catalogue_items SET position = ? WHERE id = ?');
  for (const category of touched) {
    (ids.all(category) as { id: number }[]).forEach((row, index) => setPosition.run(index, row.id));
  }
  return { added, updated, categoriesAdded };
}
