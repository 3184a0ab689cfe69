/**
 * The catalogue's tables, as one journal migration step for the lead to append to
 * main/journal/migrations.ts (a step is history: never edit it once shipped, append a new one).
 *
 * STRICT, like the journal's own tables: a price must be stored as an integer, never silently as
 * text or real. Items are never deleted once sold (the store asks the journal first), and sales
 * keep their own copy of each line's name and price, so nothing in the journal points here.
 */
import type BetterSqlite3 from 'better-sqlite3';

export const CATALOGUE_SCHEMA_SQL = `
CREATE TABLE catalogue_categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
  position INTEGER NOT NULL CHECK (position >= 0)
) STRICT;

CREATE TABLE catalogue_items (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  -- Whole rupiah above 0, at most what GoPay takes in one charge.
  price INTEGER NOT NULL CHECK (price > 0 AND price <= 20000000),
  category_id INTEGER REFERENCES catalogue_categories (id),
  -- NULL when the item has none; UNIQUE still lets many items have none.
  sku TEXT UNIQUE CHECK (sku IS NULL OR length(sku) BETWEEN 1 AND 50),
  barcode TEXT UNIQUE CHECK (barcode IS NULL OR length(barcode) BETWEEN 1 AND 64),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  position INTEGER NOT NULL CHECK (position >= 0),
  -- Folded words of name, SKU and barcode (common/catalogue-search.ts), for search-as-you-type.
  search_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- The cashier's grid: one category's items in screen order.
CREATE INDEX catalogue_items_screen ON catalogue_items (category_id, position);

-- One-time facts, e.g. that the legacy quick-items file was imported.
CREATE TABLE catalogue_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

export const CATALOGUE_MIGRATION: { readonly description: string; up(db: BetterSqlite3.Database): void } = {
  description: 'catalogue: categories, items, meta',
  up: (db) => db.exec(CATALOGUE_SCHEMA_SQL),
};
