/**
 * `kiosk catalogue import | export | list` over the catalogue in the journal's database, in
 * training mode (which starts with the warung list). An import is all or nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliInProcess, journalFingerprint, jsonLines, tempDir } from './helpers.ts';

interface ListedItem {
  id: number;
  name: string;
  price: number;
  sku: string | null;
  barcode: string | null;
  category: string | null;
  active: boolean;
}

async function listed(env: { KIOSK_DATA_DIR: string }): Promise<ListedItem[]> {
  const result = await cliInProcess(['catalogue', 'list', '--json'], env);
  expect(result.code).toBe(0);
  return jsonLines(result.stdout) as unknown as ListedItem[];
}

describe('kiosk catalogue list', () => {
  it('shows the catalogue as a table, and as one JSON item per line', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const table = await cliInProcess(['catalogue', 'list'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+SKU\s+BARCODE\s+NAME\s+CATEGORY\s+PRICE\s+ACTIVE\n/);
    expect(table.stdout).toMatch(
      /\n9\s+teh-botol\s+8991000000010\s+Teh Botol 350 ml\s+Minuman\s+Rp 6\.000\s+yes\n/,
    );
    expect(table.stdout).toContain('\n20 item(s)\n');

    const items = await listed(env);
    expect(items).toHaveLength(20);
    expect(items[0]).toMatchObject({
      name: 'Nasi Goreng',
      price: 25_000,
      sku: 'nasi-goreng',
      category: 'Makanan',
    });
    expect(items.every((item) => item.active)).toBe(true);
  });
});

describe('kiosk catalogue export', () => {
  it('writes the same CSV to stdout (a real process) and, atomically, to a file', async () => {
    const dataDir = tempDir();
    const env = { KIOSK_DATA_DIR: dataDir };
    const stdout = await cli(['catalogue', 'export'], env);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout.startsWith('\ufeffid;sku;barcode;name;category;price;active;position\r\n')).toBe(
      true,
    );
    expect(stdout.stdout.split('\r\n').filter((line) => line !== '')).toHaveLength(21);

    const outDir = tempDir();
    const file = path.join(outDir, 'katalog.csv');
    fs.writeFileSync(file, 'an older export');
    const written = await cliInProcess(['catalogue', 'export', file], env);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain(`exported 20 item(s) to ${file}`);
    expect(fs.readFileSync(file, 'utf8')).toBe(stdout.stdout);
    expect(fs.readdirSync(outDir)).toEqual(['katalog.csv']);
  });

  it('refuses a file it cannot write, in both languages, and creates nothing', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const file = path.join(tempDir(), 'no-such-folder', 'katalog.csv');
    const result = await cliInProcess(['catalogue', 'export', file], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('id: Berkas');
    expect(result.stderr).toContain('tidak bisa ditulis (ENOENT)');
    expect(result.stderr).toContain('en: Cannot write');
    expect(fs.existsSync(path.dirname(file))).toBe(false);
  });
});

describe('kiosk catalogue import', () => {
  it('imports a spreadsheet file: new items are sold by SKU, exported rows update their items', async () => {
    const dataDir = tempDir();
    const env = { KIOSK_DATA_DIR: dataDir };
    const file = path.join(tempDir(), 'baru.csv');
    fs.writeFileSync(file, 'name,price,sku,barcode,category\nKopi Tubruk,"9.000",kopi-tubruk,,Minuman\n');
    const result = await cliInProcess(['catalogue', 'import', file], env);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([
      { type: 'catalogue-import', file, rows: 1, added: 1, updated: 0, categoriesAdded: 0, delimiter: ',' },
    ]);
    expect(result.stderr).toContain('imported 1 row(s)');
    expect((await listed(env)).find((item) => item.sku === 'kopi-tubruk')).toMatchObject({
      name: 'Kopi Tubruk',
      price: 9_000,
      category: 'Minuman',
    });
    const sale = await cliInProcess(['charge', '--sku', 'kopi-tubruk:2', '--cash', '18000'], env);
    expect(sale.code).toBe(0);

    // An export edited in a spreadsheet comes back as updates, not duplicates.
    const exported = (await cliInProcess(['catalogue', 'export'], env)).stdout;
    const edited = exported.replace(';Kopi Tubruk;Minuman;9000;', ';Kopi Tubruk;Minuman;9500;');
    expect(edited).not.toBe(exported);
    fs.writeFileSync(file, edited);
    const again = await cliInProcess(['catalogue', 'import', file], env);
    expect(again.code).toBe(0);
    expect(jsonLines(again.stdout)[0]).toMatchObject({ rows: 21, added: 0, updated: 21, delimiter: ';' });
    const items = await listed(env);
    expect(items).toHaveLength(21);
    expect(items.find((item) => item.sku === 'kopi-tubruk')?.price).toBe(9_500);
  });

  it('refuses a file with bad rows: every reason by line in both languages, and nothing imported', async () => {
    const dataDir = tempDir();
    const env = { KIOSK_DATA_DIR: dataDir };
    expect((await cliInProcess(['catalogue', 'list'], env)).code).toBe(0);
    const before = journalFingerprint(dataDir);
    const file = path.join(tempDir(), 'salah.csv');
    fs.writeFileSync(
      file,
      [
        'name;price;sku;barcode',
        'Roti Sobek;12000;roti-sobek;',
        'Gratis;0;gratis;',
        'Minus;-500;minus;',
        'Pecahan;1500,5;pecahan;',
        ';5000;tanpa-nama;',
        `${'x'.repeat(100)};5000;panjang;`,
        'Roti Lagi;13000;roti-sobek;',
        'Sabun Baru;4000;sabun-baru;8991000000089',
      ].join('\n'),
    );
    const result = await cliInProcess(['catalogue', 'import', file], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const expected: [number, string, string, string][] = [
      [
        3,
        'price-too-small',
        'Baris 3: Harga harus lebih dari Rp 0.',
        'Line 3: The price must be above Rp 0.',
      ],
      [
        4,
        'price-too-small',
        'Baris 4: Harga harus lebih dari Rp 0.',
        'Line 4: The price must be above Rp 0.',
      ],
      [
        5,
        'price-not-whole',
        'Baris 5: Harga "1500,5" bukan rupiah bulat',
        'Line 5: The price "1500,5" is not whole',
      ],
      [6, 'name-empty', 'Baris 6: Nama barang wajib diisi.', 'Line 6: The item name is required.'],
      [7, 'name-too-long', 'Baris 7:', 'Line 7:'],
      [
        8,
        'sku-duplicate',
        'Baris 8: SKU roti-sobek juga ada di baris 2.',
        'Line 8: SKU roti-sobek is also on line 2.',
      ],
      [9, 'barcode-duplicate', 'Baris 9:', 'Line 9:'],
    ];
    for (const [line, code, id, en] of expected) {
      const block = result.stderr
        .split('kiosk: ')
        .find((part) => part.startsWith(`catalogue import refused (${code}, line ${line})`));
      expect(block, `line ${line}`).toBeDefined();
      expect(block).toContain(`  id: ${id}`);
      expect(block).toContain(`  en: ${en}`);
    }
    expect(result.stderr).toContain(`nothing was imported: ${expected.length} problem(s)`);
    expect(journalFingerprint(dataDir)).toEqual(before);
  });

  it.each([
    ['an unknown column', 'name;price;colour\nKopi;5000;merah\n', 'csv-column-unknown', 'line 1'],
    ['a file that is not UTF-8', Buffer.from('name;price\nKop\xed;5000\n', 'latin1'), 'csv-not-utf8', ''],
    ['an empty file', '', 'csv-empty', ''],
  ])('refuses %s, importing nothing', async (_what, content, code, where) => {
    const dataDir = tempDir();
    const env = { KIOSK_DATA_DIR: dataDir };
    expect((await cliInProcess(['catalogue', 'list'], env)).code).toBe(0);
    const before = journalFingerprint(dataDir);
    const file = path.join(tempDir(), 'katalog.csv');
    fs.writeFileSync(file, content);
    const result = await cliInProcess(['catalogue', 'import', file], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`catalogue import refused (${code}${where === '' ? '' : `, ${where}`})`);
    expect(result.stderr).toMatch(/\n {2}id: \S/);
    expect(result.stderr).toMatch(/\n {2}en: \S/);
    expect(journalFingerprint(dataDir)).toEqual(before);
  });

  it('refuses a file it cannot read, naming it in both languages', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const missing = path.join(tempDir(), 'tidak-ada.csv');
    const result = await cliInProcess(['catalogue', 'import', missing], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`id: Berkas ${missing} tidak bisa dibuka (ENOENT).`);
    expect(result.stderr).toContain(`en: Cannot open ${missing} (ENOENT).`);
    const folder = await cliInProcess(['catalogue', 'import', tempDir()], env);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('(EISDIR)');
  });
});
