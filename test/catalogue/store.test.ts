import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../common/catalogue-search.ts';
import { CATALOGUE_MIGRATION } from '../../main/catalogue/migration.ts';
import { CatalogueStore } from '../../main/catalogue/store.ts';
import { openDatabase } from '../../main/journal/database.ts';
import { MIGRATIONS } from '../../main/journal/migrations.ts';
import { codes, freshStore, ok } from './helpers.ts';

describe('schema', () => {
  it('is the journal’s third step, and the store works on a journal file', () => {
    expect(MIGRATIONS[2]).toBe(CATALOGUE_MIGRATION);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
    try {
      const db = openDatabase(path.join(dir, 'journal.sqlite'), { migrations: MIGRATIONS });
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      const store = new CatalogueStore(db);
      expect(ok(store.add({ name: 'Kopi', price: 5000 })).id).toBe(1);
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is STRICT with CHECKs: a fractional or zero price, a bad active flag, a duplicate code fail in SQL too', () => {
    const { db } = freshStore();
    const insert = (price: unknown, active: unknown, sku: unknown, barcode: unknown) =>
      db
        .prepare(
          `INSERT INTO catalogue_items (name, price, active, position, sku, barcode, search_key, created_at, updated_at)
           VALUES ('x', ?, ?, 0, ?, ?, ' x', 0, 0)`,
        )
        .run(price, active, sku, barcode);
    expect(() => insert(1.5, 1, null, null)).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => insert('100', 1, null, null)).not.toThrow(); // SQLite converts lossless text to INTEGER
    expect(() => insert(0, 1, null, null)).toThrow(/CHECK constraint failed/);
    expect(() => insert(-5, 1, null, null)).toThrow(/CHECK constraint failed/);
    expect(() => insert(100, 2, null, null)).toThrow(/CHECK constraint failed/);
    insert(100, 1, null, null); // many items without SKU or barcode
    insert(100, 1, 'A', '899');
    expect(() => insert(100, 1, 'A', null)).toThrow(/UNIQUE constraint failed: catalogue_items.sku/);
    expect(() => insert(100, 1, null, '899')).toThrow(/UNIQUE constraint failed: catalogue_items.barcode/);
  });
});

describe('adding and editing items', () => {
  it('refuses bad fields with specific bilingual problems and writes nothing', () => {
    const store = freshStore();
    expect(codes(store.add({ name: 'Teh', price: 0 }))).toEqual(['price-too-small']);
    expect(codes(store.add({ name: 'Teh', price: -1 }))).toEqual(['price-too-small']);
    expect(codes(store.add({ name: 'Teh', price: 1500.5 }))).toEqual(['price-not-whole']);
    expect(codes(store.add({ name: '', price: 1000 }))).toEqual(['name-empty']);
    expect(codes(store.add({ name: 'x'.repeat(100), price: 1000 }))).toEqual(['name-too-long']);
    expect(codes(store.add({ name: 'Teh\u202e', price: 1000 }))).toEqual(['name-characters']);
    expect(codes(store.add({ name: 'Teh', price: 1000, sku: 'KS/01' }))).toEqual(['sku-invalid']);
    expect(codes(store.add({ name: 'Teh', price: 1000, categoryId: 9 }))).toEqual(['category-unknown']);
    const bad = store.add({ name: '', price: 0 });
    expect(codes(bad)).toEqual(['name-empty', 'price-too-small']);
    if (!bad.ok) for (const p of bad.problems) expect(p.message.id).not.toBe(p.message.en);
    expect(store.count()).toBe(0);
  });

  it('refuses a duplicate barcode or SKU, naming the item that has it', () => {
    const store = freshStore();
    ok(store.add({ name: 'Teh Botol', price: 6000, sku: 'TB', barcode: '8991000000010' }));
    const dup = store.add({ name: 'Teh Kotak', price: 5000, sku: 'TB', barcode: '8991000000010' });
    expect(codes(dup)).toEqual(['sku-duplicate', 'barcode-duplicate']);
    if (!dup.ok)
      expect(dup.problems[1]?.message.en).toBe('Barcode 8991000000010 is already used by "Teh Botol".');
    const other = ok(store.add({ name: 'Teh Kotak', price: 5000 }));
    expect(codes(store.update(other.id, { barcode: '8991000000010' }))).toEqual(['barcode-duplicate']);
    // An item keeps its own codes on update.
    expect(ok(store.update(1, { price: 6500 })).price).toBe(6500);
  });

  it('normalises names (NFC, spaces) and moves an item to the end of its new category', () => {
    const store = freshStore();
    const food = ok(store.addCategory('Makanan'));
    const drink = ok(store.addCategory('Minuman'));
    ok(store.add({ name: 'Kopi', price: 5000, categoryId: drink.id }));
    const item = ok(store.add({ name: '  Cafe\u0301   Latte ', price: 20000, categoryId: food.id }));
    expect(item.name).toBe('Caf\u00e9 Latte');
    expect(item.position).toBe(0);
    expect(ok(store.update(item.id, { categoryId: drink.id })).position).toBe(1);
    expect(codes(store.addCategory('makanan'))).toEqual(['category-duplicate']);
  });
});

describe('lookups', () => {
  const store = freshStore();
  const item = ok(
    store.add({ name: 'Air Mineral', price: 5000, sku: 'air-mineral', barcode: '8991000000027' }),
  );

  it('finds by barcode and SKU; an unknown code says so', () => {
    expect(ok(store.byBarcode(' 8991000000027 ')).id).toBe(item.id);
    expect(ok(store.bySku('air-mineral')).id).toBe(item.id);
    const unknown = store.byBarcode('8990000000000');
    expect(codes(unknown)).toEqual(['barcode-unknown']);
    if (!unknown.ok)
      expect(unknown.problems[0]?.message.id).toBe('Kode batang 8990000000000 tidak ada di katalog.');
    expect(codes(store.bySku('nope'))).toEqual(['sku-unknown']);
  });

  it('a barcode of an inactive item is a specific error, in both languages', () => {
    ok(store.deactivate(item.id));
    const r = store.byBarcode('8991000000027');
    expect(codes(r)).toEqual(['item-inactive']);
    if (!r.ok) {
      expect(r.problems[0]?.message.en).toBe('The item "Air Mineral" is inactive and cannot be sold.');
      expect(r.problems[0]?.message.id).toBe('Barang "Air Mineral" tidak aktif dan tidak bisa dijual.');
    }
    expect(codes(store.bySku('air-mineral'))).toEqual(['item-inactive']);
    ok(store.reactivate(item.id));
    expect(store.byBarcode('8991000000027').ok).toBe(true);
  });
});

describe('deleting', () => {
  it('deletes an item never sold, refuses one that was, and the sold one stays', () => {
    const store = freshStore();
    const sold = ok(store.add({ name: 'Kopi', price: 5000 }));
    const fresh = ok(store.add({ name: 'Teh', price: 4000 }));
    const soldCheck = (id: number) => id === sold.id;
    expect(codes(store.delete(sold.id, soldCheck))).toEqual(['item-was-sold']);
    expect(store.get(sold.id)?.name).toBe('Kopi');
    expect(ok(store.delete(fresh.id, soldCheck))).toEqual({ id: fresh.id });
    expect(store.get(fresh.id)).toBeUndefined();
    expect(codes(store.delete(99, soldCheck))).toEqual(['item-unknown']);
  });
});

describe('listing and ordering', () => {
  function shop() {
    const store = freshStore();
    const food = ok(store.addCategory('Makanan'));
    const drink = ok(store.addCategory('Minuman'));
    const a = ok(store.add({ name: 'Nasi Goreng', price: 25000, categoryId: food.id }));
    const b = ok(store.add({ name: 'Mie Ayam', price: 20000, categoryId: food.id }));
    const c = ok(store.add({ name: 'Kopi Susu', price: 18000, categoryId: drink.id }));
    const d = ok(store.add({ name: 'Kerupuk', price: 2000 }));
    const e = ok(store.add({ name: 'Es Teh', price: 8000, categoryId: drink.id, active: false }));
    return { store, food, drink, a, b, c, d, e };
  }

  it('lists by category position then item position, uncategorised last; active only unless asked', () => {
    const { store } = shop();
    expect(store.list().map((i) => i.name)).toEqual(['Nasi Goreng', 'Mie Ayam', 'Kopi Susu', 'Kerupuk']);
    expect(store.list({ includeInactive: true }).map((i) => i.name)).toEqual([
      'Nasi Goreng',
      'Mie Ayam',
      'Kopi Susu',
      'Es Teh',
      'Kerupuk',
    ]);
    expect(store.list({ categoryId: null }).map((i) => i.name)).toEqual(['Kerupuk']);
  });

  it('reorders items within a category and the categories themselves', () => {
    const { store, food, drink, a, b, c, e } = shop();
    ok(store.reorderItems(food.id, [b.id, a.id]));
    ok(store.reorderCategories([drink.id, food.id]));
    expect(store.list({ includeInactive: true }).map((i) => i.name)).toEqual([
      'Kopi Susu',
      'Es Teh',
      'Mie Ayam',
      'Nasi Goreng',
      'Kerupuk',
    ]);
    ok(store.reorderItems(drink.id, [e.id, c.id]));
    expect(store.list({ categoryId: drink.id, includeInactive: true }).map((i) => i.position)).toEqual([
      0, 1,
    ]);
    expect(codes(store.reorderItems(food.id, [a.id]))).toEqual(['reorder-mismatch']);
    expect(codes(store.reorderItems(food.id, [a.id, a.id]))).toEqual(['reorder-mismatch']);
    expect(codes(store.reorderItems(food.id, [a.id, c.id]))).toEqual(['reorder-mismatch']);
    expect(codes(store.reorderCategories([food.id]))).toEqual(['reorder-mismatch']);
  });
});

describe('search-as-you-type', () => {
  const store = freshStore();
  for (const [name, sku, barcode] of [
    ['Es Teh Manis', 'es-teh-manis', null],
    ['Teh Botol', null, '8991000000010'],
    ['Kopi Susu', 'kopi-susu', null],
    ['Kopi Hitam', null, null],
    ['Nasi Goreng Spesial', null, null],
    ['Crème Brûlée', null, null],
    ['Es Jeruk', null, null],
  ] as const) {
    ok(store.add({ name, price: 1000, sku, barcode }));
  }
  ok(store.add({ name: 'Es Teh Tawar', price: 1000, active: false }));
  const names = (q: string) => store.search(q).map((i) => i.name);

  it('is case- and accent-insensitive and ignores punctuation', () => {
    expect(names('Es Teh')).toEqual(['Es Teh Manis']);
    expect(names('es teh')).toEqual(['Es Teh Manis']);
    expect(names('ÉS  TÉH')).toEqual(['Es Teh Manis']);
    expect(names('Kopi Susu')).toEqual(['Kopi Susu']);
    expect(names('kopi-susu')).toEqual(['Kopi Susu']);
    expect(names('creme brulee')).toEqual(['Crème Brûlée']);
  });

  it('matches word starts, in any order, and ranks names that start with the query first', () => {
    expect(names('teh')).toEqual(['Teh Botol', 'Es Teh Manis']);
    expect(names('eh')).toEqual([]);
    expect(names('susu kopi')).toEqual(['Kopi Susu']);
    expect(names('es')).toEqual(['Es Teh Manis', 'Es Jeruk']); // not "Spesial": no word starts with es
    expect(names('spes')).toEqual(['Nasi Goreng Spesial']);
    expect(names('89910')).toEqual(['Teh Botol']);
    expect(store.search('es teh', { includeInactive: true }).map((i) => i.name)).toEqual([
      'Es Teh Manis',
      'Es Teh Tawar',
    ]);
  });

  it('gives the screens’ in-memory index the same answers', () => {
    const index = new CatalogueIndex(store.list());
    for (const q of ['Es Teh', 'es teh', 'kopi-susu', 'teh', 'eh', 'es', '89910', 'creme', '', 'k']) {
      expect(index.search(q).map((i) => i.id)).toEqual(store.search(q).map((i) => i.id));
    }
    expect(index.byBarcode('8991000000010')?.name).toBe('Teh Botol');
    expect(store.search('', { limit: 3 })).toHaveLength(3);
  });
});
