/**
 * The manager's catalogue editor in browser mode, on a training kiosk (which starts with the
 * warung list): an item added, edited, refused at its fields, deactivated and moved, with every
 * change reaching the cashier's api and its 'catalogue' event; a bad CSV refused whole with its
 * line numbers, a good one imported, the catalogue exported. Screenshots go to
 * test-results/catalogue-editor/.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { CatalogueItemView, CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import { openCashierWire, type CashierWire } from './support/cashier-wire.ts';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { openScreens } from './support/screens.ts';
import { createPin, openSettings } from './support/settings-pin.ts';

const PIN = '5937';
const SHOTS = 'test-results/catalogue-editor';

let kiosk: Kiosk;
let wire: CashierWire | undefined;
test.afterEach(async () => {
  wire?.close();
  wire = undefined;
  expect(await kiosk.stop()).toBe(0);
});

async function openCatalogue(cashier: Page): Promise<void> {
  await openSettings(cashier);
  await createPin(cashier, PIN);
  await cashier.getByTestId('settings-tab-catalogue').click();
  await expect(cashier.getByTestId('catalogue-editor')).toBeVisible();
}

const byName = (catalogue: CatalogueSnapshot, name: string): CatalogueItemView | undefined =>
  catalogue.items.find((item) => item.name === name);

test('an item is added, refused at its fields, edited, deactivated and moved; the cashier follows', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  wire = await openCashierWire(kiosk);
  const start = await wire.call('catalogue.list', {});
  const drinks = start.categories.find((c) => c.name === 'Minuman');
  expect(drinks).toBeDefined();
  const taken = start.items.find((item) => item.barcode !== null);
  expect(taken?.barcode).toBeTruthy();

  await openCatalogue(cashier);
  await expect(cashier.getByTestId(`catalogue-group-${drinks?.id}`)).toContainText('Kopi Susu');

  // The screen's own checks, shown at their fields in both languages, before anything is sent.
  await cashier.getByTestId('item-add').click();
  await expect(cashier.getByTestId('item-name')).toBeFocused();
  await cashier.getByTestId('item-price').fill('12,5');
  await cashier.getByTestId('item-save').click();
  await expect(cashier.getByTestId('problems-item-name')).toContainText('Nama barang wajib diisi');
  await expect(cashier.getByTestId('problems-item-name')).toContainText('The item name is required');
  await expect(cashier.getByTestId('problems-item-price')).toContainText('rupiah bulat');
  await expect(cashier.getByTestId('problems-item-price')).toContainText('whole rupiah');
  await expect(cashier.getByTestId('item-price')).toHaveAttribute('aria-invalid', 'true');

  // The main process's refusal (a barcode another item has) lands at the barcode.
  await cashier.getByTestId('item-name').fill('Kopi Tubruk');
  await cashier.getByTestId('item-price').fill('12.500');
  await expect(cashier.getByTestId('item-price-shown')).toHaveText('Rp\u00a012.500');
  await cashier.getByTestId('item-category').selectOption(String(drinks?.id));
  await cashier.getByTestId('item-sku').fill('kopi-tubruk');
  await cashier.getByTestId('item-barcode').fill(taken?.barcode ?? '');
  await cashier.getByTestId('item-save').click();
  const barcodeProblem = cashier.getByTestId('problems-item-barcode');
  await expect(barcodeProblem).toContainText('sudah dipakai');
  await expect(barcodeProblem).toContainText('already used');
  await expect(barcodeProblem).toContainText(taken?.name ?? '');
  await cashier.screenshot({ path: `${SHOTS}/item-refused.png` });
  expect(byName(await wire.call('catalogue.list', {}), 'Kopi Tubruk')).toBeUndefined();

  await cashier.getByTestId('item-barcode').fill('2000000000015');
  await expect(barcodeProblem).toHaveCount(0);
  await cashier.getByTestId('item-save').click();
  await expect(cashier.getByTestId('catalogue-done')).toContainText('Kopi Tubruk');
  const added = await wire.nextCatalogue((c) => byName(c, 'Kopi Tubruk') !== undefined);
  const item = byName(added, 'Kopi Tubruk');
  expect(item).toMatchObject({
    price: 12_500,
    categoryId: drinks?.id,
    sku: 'kopi-tubruk',
    barcode: '2000000000015',
    active: true,
  });
  const id = item?.id ?? 0;
  const row = cashier.getByTestId(`catalogue-item-${id}`);
  await expect(row).toContainText('Rp\u00a012.500');
  // Focus is back on the button that opened the form.
  await expect(cashier.getByTestId('item-add')).toBeFocused();

  // Edited: a new name and price, the SKU cleared (sent as none, not left as it was).
  await cashier.getByTestId(`item-edit-${id}`).click();
  await expect(cashier.getByTestId('item-name')).toHaveValue('Kopi Tubruk');
  await cashier.getByTestId('item-name').fill('Kopi Tubruk Besar');
  await cashier.getByTestId('item-price').fill('15000');
  await cashier.getByTestId('item-sku').fill('');
  await cashier.getByTestId('item-save').click();
  await expect(row).toContainText('Kopi Tubruk Besar');
  await expect(row).toContainText('Rp\u00a015.000');
  const edited = await wire.nextCatalogue((c) => byName(c, 'Kopi Tubruk Besar') !== undefined);
  expect(byName(edited, 'Kopi Tubruk Besar')).toMatchObject({ id, price: 15_000, sku: null });

  // Moved up within its category: the cashier's order changes with it.
  const before = (c: CatalogueSnapshot) =>
    c.items.filter((i) => i.categoryId === drinks?.id).sort((a, b) => a.position - b.position);
  const ownPlace = before(edited).findIndex((i) => i.id === id);
  await cashier.getByTestId(`item-up-${id}`).click();
  const movedUp = await wire.nextCatalogue((c) => before(c).findIndex((i) => i.id === id) === ownPlace - 1);
  expect(before(movedUp).length).toBe(before(edited).length);

  // Categories: Minuman moved up, a new one added and renamed.
  const categoryOrder = (c: CatalogueSnapshot) =>
    [...c.categories].sort((a, b) => a.position - b.position).map((x) => x.id);
  const drinksPlace = categoryOrder(movedUp).indexOf(drinks?.id ?? 0);
  expect(drinksPlace).toBeGreaterThan(0);
  await cashier.getByTestId(`category-up-${drinks?.id}`).click();
  await wire.nextCatalogue((c) => categoryOrder(c).indexOf(drinks?.id ?? 0) === drinksPlace - 1);
  await cashier.getByTestId('category-add').click();
  await expect(cashier.getByTestId('category-name')).toBeFocused();
  await cashier.keyboard.type('Camilan');
  await cashier.keyboard.press('Enter');
  const categoryProblem = cashier.getByTestId('problems-category-name');
  await expect(categoryProblem).toContainText('sudah ada');
  await expect(categoryProblem).toContainText('already exists');
  await cashier.getByTestId('category-name').fill('Gorengan');
  await expect(categoryProblem).toHaveCount(0);
  await cashier.keyboard.press('Enter');
  const withFried = await wire.nextCatalogue((c) => c.categories.some((x) => x.name === 'Gorengan'));
  const fried = withFried.categories.find((x) => x.name === 'Gorengan');
  await cashier.getByTestId(`category-rename-${fried?.id}`).click();
  await cashier.getByTestId('category-name').fill('Gorengan Hangat');
  await cashier.getByTestId('category-save').click();
  await wire.nextCatalogue((c) =>
    c.categories.some((x) => x.id === fried?.id && x.name === 'Gorengan Hangat'),
  );
  await expect(cashier.getByTestId(`catalogue-group-${fried?.id}`)).toContainText('Gorengan Hangat');

  // Deactivated: never deleted, marked here, inactive in the cashier's catalogue and event.
  await cashier.getByTestId(`item-toggle-${id}`).click();
  await expect(row).toHaveAttribute('data-active', 'false');
  await expect(cashier.getByTestId(`item-inactive-${id}`)).toBeVisible();
  const deactivated = await wire.nextCatalogue((c) => c.items.some((i) => i.id === id && !i.active));
  expect(byName(deactivated, 'Kopi Tubruk Besar')?.active).toBe(false);
  expect((await wire.call('catalogue.list', {})).items.find((i) => i.id === id)?.active).toBe(false);
  await cashier.screenshot({ path: `${SHOTS}/deactivated.png` });

  // Search narrows the list and turns moving off.
  await cashier.getByTestId('catalogue-editor-search').fill('tubruk');
  await expect(cashier.locator('[data-testid^="catalogue-item-"]')).toHaveCount(1);
  await expect(cashier.getByTestId(`item-up-${id}`)).toHaveCount(0);
  await cashier.getByTestId('catalogue-editor-search').fill('');

  // Reactivated: offered again.
  await cashier.getByTestId(`item-toggle-${id}`).click();
  await wire.nextCatalogue(
    (c) => c.items.some((i) => i.id === id && i.active) && c.revision > deactivated.revision,
  );
  await expect(row).toHaveAttribute('data-active', 'true');

  // A common till screen: the list takes the whole width, every row still one line.
  await cashier.setViewportSize({ width: 1024, height: 768 });
  await cashier.getByTestId(`catalogue-group-${drinks?.id}`).scrollIntoViewIfNeeded();
  await cashier.screenshot({ path: `${SHOTS}/list-1024x768.png` });
  const rowBox = await row.boundingBox();
  expect(rowBox?.height ?? 0).toBeLessThan(80);
  expect(screens.problems).toEqual([]);
});

const BAD_CSV = (takenBarcode: string) =>
  [
    'name;price;sku;barcode',
    'Martabak Manis;15000;martabak-manis;',
    ';8000;tanpa-nama;',
    'Cireng Isi;12,5;cireng-isi;',
    `Teh Tarik;10000;teh-tarik;${takenBarcode}`,
  ].join('\r\n');

const GOOD_CSV = [
  '\ufeffname,price,category,sku',
  'Martabak Manis,15000,Jajanan,martabak-manis',
  'Cireng Isi,"12.000",Jajanan,cireng-isi',
].join('\n');

test('a bad CSV is refused whole, line by line; a good one is imported; the catalogue is exported', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  wire = await openCashierWire(kiosk);
  const start = await wire.call('catalogue.list', {});
  const taken = start.items.find((item) => item.barcode !== null);
  await openCatalogue(cashier);

  const input = cashier.getByTestId('csv-import-input');
  await input.setInputFiles({
    name: 'salah.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(BAD_CSV(taken?.barcode ?? ''), 'utf8'),
  });
  const errors = cashier.getByTestId('import-errors');
  await expect(cashier.getByTestId('import-nothing')).toContainText('tidak ada yang diimpor');
  await expect(cashier.getByTestId('import-nothing')).toContainText('nothing was imported');
  const lines = cashier.getByTestId('import-problem');
  await expect(lines.first()).toBeVisible();
  const texts = await lines.allTextContents();
  // Lines 3, 4 and 5 of the file (the header is line 1), in order, each in both languages.
  for (const [index, line] of [3, 4, 5].entries()) {
    const text = texts.find((t) => t.includes(`Baris ${line}:`));
    expect(text, `line ${line} in ${JSON.stringify(texts)}`).toBeDefined();
    expect(text).toContain(`Line ${line}:`);
    expect(texts.findIndex((t) => t.includes(`Baris ${line}:`))).toBeGreaterThanOrEqual(index);
  }
  expect(texts.some((t) => t.includes('Baris 2:'))).toBe(false);
  await expect(errors).toContainText(taken?.name ?? '');
  await cashier.getByTestId('csv-panel').screenshot({ path: `${SHOTS}/import-refused.png` });
  // Nothing changed: not even the good row on line 2.
  const after = await wire.call('catalogue.list', {});
  expect(after).toEqual(start);
  expect(wire.catalogueEvents).toEqual([]);

  // A file that is not UTF-8 (Excel's Windows code page) is refused on the screen.
  await input.setInputFiles({
    name: 'ansi.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([...Buffer.from('name;price\r\nCaf'), 0xe9, ...Buffer.from(';5000\r\n')]),
  });
  await expect(errors).toContainText('bukan UTF-8');
  await expect(errors).toContainText('not UTF-8');

  await input.setInputFiles({
    name: 'benar.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(GOOD_CSV, 'utf8'),
  });
  const summary = cashier.getByTestId('import-summary');
  await expect(summary).toHaveText(
    'benar.csv: 2 baris diimpor (2 barang baru, 0 diperbarui, 1 kategori baru).',
  );
  await expect(errors).toHaveCount(0);
  const imported = await wire.nextCatalogue((c) => byName(c, 'Cireng Isi') !== undefined);
  const snacks = imported.categories.find((c) => c.name === 'Jajanan');
  expect(byName(imported, 'Martabak Manis')).toMatchObject({
    price: 15_000,
    categoryId: snacks?.id,
    sku: 'martabak-manis',
  });
  expect(byName(imported, 'Cireng Isi')).toMatchObject({ price: 12_000, categoryId: snacks?.id });
  expect(imported.items.length).toBe(start.items.length + 2);
  await expect(cashier.getByTestId(`catalogue-group-${snacks?.id}`)).toContainText('Cireng Isi');
  await cashier.screenshot({ path: `${SHOTS}/imported.png` });

  const [download] = await Promise.all([
    cashier.waitForEvent('download'),
    cashier.getByTestId('csv-export').click(),
  ]);
  expect(download.suggestedFilename()).toBe('katalog.csv');
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const [header, ...rows] = text.split('\r\n').filter((line) => line !== '');
  expect(header).toBe('id;sku;barcode;name;category;price;active;position');
  expect(rows.length).toBe(imported.items.length);
  expect(rows.some((row) => row.includes(';Martabak Manis;Jajanan;15000;1;'))).toBe(true);
  await expect(cashier.getByTestId('catalogue-done')).toContainText('katalog.csv');
  expect(screens.problems).toEqual([]);
});
