/**
 * The shop's catalogue over a better-sqlite3 handle (the journal's database; the tables come from
 * migration.ts). Every write is one transaction; every user-caused refusal is a bilingual
 * problem, checked before writing, with the table's own constraints as the last guard.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { foldSearchText, matchRank, queryNeedles, searchKey } from '../../common/catalogue-search.ts';
import { checkCategoryName } from './checks.ts';
import { checkDraft } from './draft.ts';
import {
  duplicateCategory,
  reorderMismatch,
  sameSet,
  unknownCategory,
  unknownItem,
} from './store-problems.ts';
import { catalogueProblem } from './types.ts';
import type {
  CatalogueCategory,
  CatalogueItem,
  CatalogueProblem,
  CatalogueResult,
  ItemDraft,
} from './types.ts';

interface ItemRow {
  id: number;
  name: string;
  price: number;
  category_id: number | null;
  sku: string | null;
  barcode: string | null;
  active: number;
  position: number;
}

const ITEM_COLUMNS = 'i.id, i.name, i.price, i.category_id, i.sku, i.barcode, i.active, i.position';
/** Catalogue order: categories by position (uncategorised last), then items by position. */
const ORDER = 'ORDER BY c.position IS NULL, c.position, i.position, i.id';
const FROM = 'FROM catalogue_items i LEFT JOIN catalogue_categories c ON c.id = i.category_id';

export function toItem(row: ItemRow): CatalogueItem {
  return {
    id: row.id,
    name: row.name,
    price: row.price,
    categoryId: row.category_id,
    sku: row.sku,
    barcode: row.barcode,
    active: row.active === 1,
    position: row.position,
  };
}

const fail = <T>(...problems: CatalogueProblem[]): CatalogueResult<T> => ({ ok: false, problems });

export interface ListOptions {
  includeInactive?: boolean;
  /** Only this category; null = the uncategorised items. */
  categoryId?: number | null;
}

export class CatalogueStore {
  readonly db: BetterSqlite3.Database;
  readonly now: () => number;

  constructor(db: BetterSqlite3.Database, options: { now?: () => number } = {}) {
    this.db = db;
    this.now = options.now ?? Date.now;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM catalogue_items').get() as { n: number }).n;
  }

  get(id: number): CatalogueItem | undefined {
    const row = this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM catalogue_items i WHERE i.id = ?`).get(id);
    return row ? toItem(row as ItemRow) : undefined;
  }

  list(options: ListOptions = {}): CatalogueItem[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!options.includeInactive) where.push('i.active = 1');
    if (options.categoryId !== undefined) {
      where.push(options.categoryId === null ? 'i.category_id IS NULL' : 'i.category_id = ?');
      if (options.categoryId !== null) params.push(options.categoryId);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db.prepare(`SELECT ${ITEM_COLUMNS} ${FROM} ${clause} ${ORDER}`).all(...params);
    return (rows as ItemRow[]).map(toItem);
  }

  categories(): CatalogueCategory[] {
    return this.db
      .prepare('SELECT id, name, position FROM catalogue_categories ORDER BY position, id')
      .all() as CatalogueCategory[];
  }

  /** Search-as-you-type, with the screens' rule (common/catalogue-search.ts). Active items only by default. */
  search(text: string, options: { limit?: number; includeInactive?: boolean } = {}): CatalogueItem[] {
    const needles = queryNeedles(text);
    const limit = options.limit ?? 50;
    const where = needles.map(() => 'instr(i.search_key, ?) > 0');
    if (!options.includeInactive) where.push('i.active = 1');
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT ${ITEM_COLUMNS} ${FROM} ${clause} ${ORDER}`)
      .all(...needles) as ItemRow[];
    const folded = foldSearchText(text);
    const ranked = rows.map((row, order) => ({
      row,
      order,
      rank: matchRank(foldSearchText(row.name), folded),
    }));
    ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
    return ranked.slice(0, limit).map((r) => toItem(r.row));
  }

  /** A scanned code: the item, or "unknown code", or "item is inactive" (never sold by accident). */
  byBarcode(code: string): CatalogueResult<CatalogueItem> {
    const trimmed = code.trim();
    const row = this.db
      .prepare(`SELECT ${ITEM_COLUMNS} FROM catalogue_items i WHERE i.barcode = ?`)
      .get(trimmed);
    if (!row) {
      return fail(
        catalogueProblem(
          'barcode-unknown',
          'barcode',
          `Kode batang ${trimmed.slice(0, 64)} tidak ada di katalog.`,
          `Barcode ${trimmed.slice(0, 64)} is not in the catalogue.`,
        ),
      );
    }
    return this.sellable(toItem(row as ItemRow), 'barcode');
  }

  bySku(sku: string): CatalogueResult<CatalogueItem> {
    const trimmed = sku.trim();
    const row = this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM catalogue_items i WHERE i.sku = ?`).get(trimmed);
    if (!row) {
      return fail(
        catalogueProblem(
          'sku-unknown',
          'sku',
          `SKU ${trimmed.slice(0, 64)} tidak ada di katalog.`,
          `SKU ${trimmed.slice(0, 64)} is not in the catalogue.`,
        ),
      );
    }
    return this.sellable(toItem(row as ItemRow), 'sku');
  }

  private sellable(item: CatalogueItem, field: string): CatalogueResult<CatalogueItem> {
    if (item.active) return { ok: true, value: item };
    return fail(
      catalogueProblem(
        'item-inactive',
        field,
        `Barang "${item.name}" tidak aktif dan tidak bisa dijual.`,
        `The item "${item.name}" is inactive and cannot be sold.`,
      ),
    );
  }

  add(draft: ItemDraft): CatalogueResult<CatalogueItem> {
    return this.db
      .transaction(() => {
        const checked = checkDraft(this, draft, undefined);
        if (!checked.ok) return checked;
        const d = checked.value;
        const at = this.now();
        const info = this.db
          .prepare(
            `INSERT INTO catalogue_items (name, price, category_id, sku, barcode, active, position, search_key, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            d.name,
            d.price,
            d.categoryId,
            d.sku,
            d.barcode,
            d.active ? 1 : 0,
            this.nextPosition(d.categoryId),
            searchKey(d),
            at,
            at,
          );
        return { ok: true as const, value: this.get(Number(info.lastInsertRowid)) as CatalogueItem };
      })
      .immediate();
  }

  update(id: number, patch: Partial<ItemDraft>): CatalogueResult<CatalogueItem> {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (!current) return fail<CatalogueItem>(unknownItem(id));
        const checked = checkDraft(this, { ...current, ...patch }, id);
        if (!checked.ok) return checked;
        const d = checked.value;
        const position =
          d.categoryId === current.categoryId ? current.position : this.nextPosition(d.categoryId);
        this.db
          .prepare(
            `UPDATE catalogue_items SET name = ?, price = ?, category_id = ?, sku = ?, barcode = ?, active = ?,
             position = ?, search_key = ?, updated_at = ? WHERE id = ?`,
          )
          .run(
            d.name,
            d.price,
            d.categoryId,
            d.sku,
            d.barcode,
            d.active ? 1 : 0,
            position,
            searchKey(d),
            this.now(),
            id,
          );
        return { ok: true as const, value: this.get(id) as CatalogueItem };
      })
      .immediate();
  }

  deactivate(id: number): CatalogueResult<CatalogueItem> {
    return this.update(id, { active: false });
  }

  reactivate(id: number): CatalogueResult<CatalogueItem> {
    return this.update(id, { active: true });
  }

  /** Deletes an item that was never sold; a sold one must be deactivated instead. */
  delete(id: number, soldCheck: (itemId: number) => boolean): CatalogueResult<{ id: number }> {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (!current) return fail<{ id: number }>(unknownItem(id));
        if (soldCheck(id)) {
          return fail<{ id: number }>(
            catalogueProblem(
              'item-was-sold',
              'id',
              `"${current.name}" pernah terjual, jadi tidak bisa dihapus; nonaktifkan saja.`,
              `"${current.name}" has been sold, so it cannot be deleted; deactivate it instead.`,
            ),
          );
        }
        this.db.prepare('DELETE FROM catalogue_items WHERE id = ?').run(id);
        return { ok: true as const, value: { id } };
      })
      .immediate();
  }

  addCategory(rawName: string): CatalogueResult<CatalogueCategory> {
    return this.db
      .transaction(() => {
        const name = checkCategoryName(rawName);
        if (!name.ok) return fail<CatalogueCategory>(name.problem);
        if (this.categoryByName(name.value)) return fail<CatalogueCategory>(duplicateCategory(name.value));
        const next = this.db
          .prepare('SELECT coalesce(max(position) + 1, 0) AS p FROM catalogue_categories')
          .get() as { p: number };
        const info = this.db
          .prepare('INSERT INTO catalogue_categories (name, position) VALUES (?, ?)')
          .run(name.value, next.p);
        return {
          ok: true as const,
          value: { id: Number(info.lastInsertRowid), name: name.value, position: next.p },
        };
      })
      .immediate();
  }

  renameCategory(id: number, rawName: string): CatalogueResult<CatalogueCategory> {
    return this.db
      .transaction(() => {
        const name = checkCategoryName(rawName);
        if (!name.ok) return fail<CatalogueCategory>(name.problem);
        const other = this.categoryByName(name.value);
        if (other && other.id !== id) return fail<CatalogueCategory>(duplicateCategory(name.value));
        const info = this.db
          .prepare('UPDATE catalogue_categories SET name = ? WHERE id = ?')
          .run(name.value, id);
        if (info.changes === 0) return fail<CatalogueCategory>(unknownCategory(id));
        return { ok: true as const, value: this.categories().find((c) => c.id === id) as CatalogueCategory };
      })
      .immediate();
  }

  categoryByName(name: string): CatalogueCategory | undefined {
    return this.db.prepare('SELECT id, name, position FROM catalogue_categories WHERE name = ?').get(name) as
      CatalogueCategory | undefined;
  }

  /** Sets the screen order of one category's items; `itemIds` must be exactly that category's items. */
  reorderItems(categoryId: number | null, itemIds: readonly number[]): CatalogueResult<CatalogueItem[]> {
    return this.db
      .transaction(() => {
        const current = this.list({ includeInactive: true, categoryId }).map((i) => i.id);
        if (!sameSet(current, itemIds)) return fail<CatalogueItem[]>(reorderMismatch('items'));
        const set = this.db.prepare('UPDATE catalogue_items SET position = ?, updated_at = ? WHERE id = ?');
        const at = this.now();
        itemIds.forEach((id, position) => set.run(position, at, id));
        return { ok: true as const, value: this.list({ includeInactive: true, categoryId }) };
      })
      .immediate();
  }

  reorderCategories(categoryIds: readonly number[]): CatalogueResult<CatalogueCategory[]> {
    return this.db
      .transaction(() => {
        if (
          !sameSet(
            this.categories().map((c) => c.id),
            categoryIds,
          )
        ) {
          return fail<CatalogueCategory[]>(reorderMismatch('categories'));
        }
        const set = this.db.prepare('UPDATE catalogue_categories SET position = ? WHERE id = ?');
        categoryIds.forEach((id, position) => set.run(position, id));
        return { ok: true as const, value: this.categories() };
      })
      .immediate();
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM catalogue_meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO catalogue_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  nextPosition(categoryId: number | null): number {
    const row = this.db
      .prepare('SELECT coalesce(max(position) + 1, 0) AS p FROM catalogue_items WHERE category_id IS ?')
      .get(categoryId) as { p: number };
    return row.p;
  }

  owner(column: 'sku' | 'barcode', value: string): CatalogueItem | undefined {
    const row = this.db
      .prepare(`SELECT ${ITEM_COLUMNS} FROM catalogue_items i WHERE i.${column} = ?`)
      .get(value);
    return row ? toItem(row as ItemRow) : undefined;
  }
}
