import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportCatalogueCsv, importCatalogueCsv } from '../../main/catalogue/csv-import.ts';
import type { CatalogueStore } from '../../main/catalogue/store.ts';
import { codes, freshStore, ok } from './helpers.ts';

const BOM = '\ufeff';

function snapshot(store: CatalogueStore) {
  const names = new Map(store.categories().map((c) => [c.id, c.name]));
  return store.list({ includeInactive: true }).map(({ id: _id, categoryId, ...rest }) => ({
    ...rest,
    category: categoryId === null ? null : names.get(categoryId),
  }));
}

function seeded(): CatalogueStore {
  const store = freshStore();
  const drinks = ok(store.addCategory('Minuman'));
  ok(store.add({ name: 'Kopi Susu', price: 18000, sku: 'kopi-susu', categoryId: drinks.id }));
  ok(store.add({ name: 'Teh Botol', price: 6000, barcode: '8991000000010', categoryId: drinks.id }));
  ok(store.add({ name: '=HYPERLINK("x")', price: 1000, sku: '00123', active: false }));
  return store;
}

describe('export', () => {
  it('is UTF-8 with BOM, semicolons, CRLF, a header, and keeps codes and formulas away from Excel', () => {
    const csv = exportCatalogueCsv(seeded());
    expect(csv.startsWith(`${BOM}id;sku;barcode;name;category;price;active;position\r\n`)).toBe(true);
    expect(csv).toContain('1;kopi-susu;;Kopi Susu;Minuman;18000;1;0\r\n');
    expect(csv).toContain('2;;"=""8991000000010""";Teh Botol;Minuman;6000;1;1\r\n');
    expect(csv).toContain(`3;"=""00123""";;"'=HYPERLINK(""x"")";;1000;0;0\r\n`);
  });

  it('round-trips: an export imported into an empty kiosk gives the same catalogue', () => {
    const source = seeded();
    const csv = exportCatalogueCsv(source);
    const target = freshStore();
    const summary = ok(importCatalogueCsv(target, csv));
    expect(summary).toMatchObject({ rows: 3, added: 3, updated: 0, categoriesAdded: 1, delimiter: ';' });
    expect(snapshot(target)).toEqual(snapshot(source));
    // And into the same kiosk: every row updates its own item (by id), nothing is added.
    expect(ok(importCatalogueCsv(source, csv))).toMatchObject({ added: 0, updated: 3 });
    expect(snapshot(source)).toEqual(snapshot(target));
  });
});

describe('import', () => {
  it('reads a BOM + semicolon + CRLF file with Indonesian headers and Indonesian thousands', () => {
    const store = freshStore();
    const csv = `${BOM}Nama;Harga;Kategori;Barcode;Aktif\r\nEs Teh Manis;8.000;Minuman;;ya\r\nKerupuk;Rp 2.000;Camilan;8991000000034;1\r\nNasi Uduk;15000,00;Makanan;;\r\n`;
    expect(ok(importCatalogueCsv(store, new TextEncoder().encode(csv)))).toMatchObject({
      added: 3,
      categoriesAdded: 3,
      delimiter: ';',
    });
    expect(store.list().map((i) => [i.name, i.price])).toEqual([
      ['Es Teh Manis', 8000],
      ['Kerupuk', 2000],
      ['Nasi Uduk', 15000],
    ]);
    expect(ok(store.byBarcode('8991000000034')).name).toBe('Kerupuk');
  });

  it('reads a comma file too, chosen by its header row', () => {
    const store = freshStore();
    const summary = ok(
      importCatalogueCsv(store, 'name,price,category\n"Nasi Goreng, Spesial",25000,Makanan\n'),
    );
    expect(summary.delimiter).toBe(',');
    expect(store.list()[0]?.name).toBe('Nasi Goreng, Spesial');
  });

  it('reports every bad line with its line number and reason, in both languages, and imports nothing', () => {
    const store = seeded();
    const before = snapshot(store);
    const csv = [
      'name;price;sku;barcode;active', // 1
      'Roti Bakar;15000;roti;;1', // 2 fine
      ';12000;;;1', // 3 no name
      '', // 4 blank, skipped
      'Es Jeruk;10000,50;;;1', // 5 cents
      'Tahu;0;;;1', // 6 zero
      '"Pisang', // 7 a quoted cell over two lines …
      'Goreng";12000;;;1', // 8 … so the name has a line break
      'Kopi;5000;roti;;1', // 9 SKU also on line 2
      'Teh;5000;;8991000000010;1', // 10 barcode of "Teh Botol"
      'Susu;7000;;;maybe', // 11 bad flag
      'Gula;18,000;;;1', // 12 ambiguous
      'Telur;2500;;8.99123E+12;1', // 13 spreadsheet number
    ].join('\r\n');
    const result = importCatalogueCsv(store, csv);
    expect(codes(result)).toEqual([
      '3:name-empty',
      '5:price-not-whole',
      '6:price-too-small',
      '7:name-characters',
      '9:sku-duplicate',
      '10:barcode-duplicate',
      '11:active-invalid',
      '12:price-not-whole',
      '13:barcode-spreadsheet-number',
    ]);
    if (!result.ok) {
      expect(result.problems[4]?.message).toEqual({
        id: 'Baris 9: SKU roti juga ada di baris 2.',
        en: 'Line 9: SKU roti is also on line 2.',
      });
      expect(result.problems[5]?.message.en).toBe(
        'Line 10: Barcode 8991000000010 is already used by "Teh Botol".',
      );
      for (const p of result.problems) expect(p.message.id).toMatch(/^Baris \d+: /);
    }
    expect(snapshot(store)).toEqual(before);
  });

  it('names a duplicate barcode inside the file on its later line', () => {
    const store = freshStore();
    const csv = 'name;price;barcode\nA;1000;8991000000058\nB;1000;8991000000065\nC;1000;8991000000058\n';
    const r = importCatalogueCsv(store, csv);
    expect(codes(r)).toEqual(['4:barcode-duplicate']);
    if (!r.ok) expect(r.problems[0]?.message.en).toBe('Line 4: Barcode 8991000000058 is also on line 2.');
    expect(store.count()).toBe(0);
  });

  it('refuses unknown, repeated and missing columns on line 1', () => {
    const store = freshStore();
    expect(codes(importCatalogueCsv(store, 'name;price;colour\nA;1000;red\n'))).toEqual([
      '1:csv-column-unknown',
    ]);
    expect(codes(importCatalogueCsv(store, 'name;price;harga\nA;1000;1000\n'))).toEqual([
      '1:csv-column-duplicate',
    ]);
    expect(codes(importCatalogueCsv(store, 'name;sku\nA;a\n'))).toEqual(['1:csv-column-missing']);
    expect(codes(importCatalogueCsv(store, 'name;price\nA;1000;extra\n'))).toEqual(['2:csv-row-width']);
    expect(store.count()).toBe(0);
  });

  it('refuses a file that is not UTF-8, an unclosed quote, an empty file', () => {
    const store = freshStore();
    const latin1 = Uint8Array.from(
      [...'name;price\nCaf', 0xe9, ...';1000\n'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))),
    );
    expect(codes(importCatalogueCsv(store, latin1))).toEqual(['csv-not-utf8']);
    expect(codes(importCatalogueCsv(store, 'name;price\n"A;1000\n'))).toEqual(['2:csv-unreadable']);
    expect(codes(importCatalogueCsv(store, `${BOM}\r\n`))).toEqual(['csv-empty']);
  });

  it('upserts by id, then by SKU, and adds the rest; items not in the file stay as they are', () => {
    const store = seeded();
    const csv =
      'id;sku;name;price\n2;;Teh Botol Dingin;6500\n;kopi-susu;Kopi Susu Gula Aren;20000\n999;;Es Campur;12000\n';
    expect(ok(importCatalogueCsv(store, csv))).toMatchObject({ added: 1, updated: 2 });
    expect(store.get(2)).toMatchObject({ name: 'Teh Botol Dingin', price: 6500, barcode: '8991000000010' });
    expect(store.get(1)).toMatchObject({ name: 'Kopi Susu Gula Aren', price: 20000, sku: 'kopi-susu' });
    expect(store.get(3)).toMatchObject({ sku: '00123', active: false }); // untouched
    expect(store.get(4)).toMatchObject({ name: 'Es Campur', categoryId: null });
  });

  it('lets two items swap barcodes in one file', () => {
    const store = freshStore();
    ok(store.add({ name: 'A', price: 1000, barcode: '111111' }));
    ok(store.add({ name: 'B', price: 1000, barcode: '222222' }));
    ok(importCatalogueCsv(store, 'id;name;price;barcode\n1;A;1000;222222\n2;B;1000;111111\n'));
    expect(ok(store.byBarcode('111111')).name).toBe('B');
    expect(ok(store.byBarcode('222222')).name).toBe('A');
  });

  it('two rows that update the same item are refused', () => {
    const store = seeded();
    expect(codes(importCatalogueCsv(store, 'id;sku;name;price\n1;;X;1000\n;kopi-susu;Y;1000\n'))).toEqual([
      '3:id-duplicate',
    ]);
  });

  it('places rows by their position column and keeps each category dense', () => {
    const store = freshStore();
    ok(importCatalogueCsv(store, 'name;price;category;position\nA;1;K;5\nB;1;K;0\nC;1;K;\n'));
    // C has no position, so it goes after everything placed so far (A at 5).
    expect(store.list().map((i) => [i.name, i.position])).toEqual([
      ['B', 0],
      ['A', 1],
      ['C', 2],
    ]);
  });

  it('an exported file parses as a plain CSV with one record per item', () => {
    const rows = parse(exportCatalogueCsv(seeded()), { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(['id', 'sku', 'barcode', 'name', 'category', 'price', 'active', 'position']);
  });
});
