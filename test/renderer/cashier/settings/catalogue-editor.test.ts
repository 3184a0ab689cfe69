import { describe, expect, it } from 'vitest';
import type { CatalogueItemView, CatalogueSnapshot } from '../../../../common/catalogue-contract.ts';
import {
  catalogueReducer,
  initialCatalogueState,
} from '../../../../renderer/cashier/settings/catalogue/catalogue-state.ts';
import {
  categoryIds,
  categoryItemIds,
  filterGroups,
  groupCatalogue,
  limitRows,
  moved,
  newerCatalogue,
} from '../../../../renderer/cashier/settings/catalogue/catalogue-view.ts';
import { categoryNameProblems } from '../../../../renderer/cashier/settings/catalogue/category-form.ts';
import { decodeCsvBytes, importProblems } from '../../../../renderer/cashier/settings/catalogue/csv-file.ts';
import {
  itemDraftOf,
  itemFieldOf,
  itemFormFrom,
  itemFormProblems,
  mergeMessages,
  messagesByField,
  type ItemWords,
} from '../../../../renderer/cashier/settings/catalogue/item-form.ts';

let nextId = 1;
function item(
  name: string,
  categoryId: number | null,
  position: number,
  extra: Partial<CatalogueItemView> = {},
) {
  return {
    id: nextId++,
    name,
    price: 10_000,
    categoryId,
    sku: null,
    barcode: null,
    active: true,
    position,
    ...extra,
  };
}

const food = { id: 1, name: 'Makanan', position: 1 };
const drinks = { id: 2, name: 'Minuman', position: 0 };
const tea = item('Es Teh Manis', 2, 1, { sku: 'es-teh', barcode: '8991000000010' });
const coffee = item('Kopi Susu', 2, 0);
const rice = item('Nasi Goreng', 1, 0);
const loose = item('Kantong Plastik', null, 0, { active: false });
const CATALOGUE: CatalogueSnapshot = {
  items: [tea, rice, loose, coffee],
  categories: [food, drinks],
  revision: 4,
};

const WORDS: ItemWords = {
  priceNotWhole: { id: 'Harga harus bulat.', en: 'Whole rupiah.' },
  priceTooSmall: { id: 'Lebih dari Rp 0.', en: 'Above Rp 0.' },
  priceTooLarge: { id: 'Terlalu mahal.', en: 'Too dear.' },
  skuInvalid: { id: 'SKU salah.', en: 'Bad SKU.' },
};

describe('catalogue list', () => {
  it('groups by category in their order, items in theirs, the uncategorised (inactive too) last', () => {
    const groups = groupCatalogue(CATALOGUE);
    expect(groups.map((g) => g.category?.name ?? null)).toEqual(['Minuman', 'Makanan', null]);
    expect(groups[0]?.items.map((i) => i.name)).toEqual(['Kopi Susu', 'Es Teh Manis']);
    expect(groups[2]?.items.map((i) => i.name)).toEqual(['Kantong Plastik']);
  });

  it('keeps an item whose category is not in the snapshot, with the uncategorised', () => {
    const stray = item('Sisa', 99, 0);
    const groups = groupCatalogue({ ...CATALOGUE, items: [...CATALOGUE.items, stray] });
    expect(groups.at(-1)?.items.map((i) => i.name)).toContain('Sisa');
  });

  it('searches names, SKUs and barcodes by word start, and leaves out empty categories while searching', () => {
    const groups = groupCatalogue(CATALOGUE);
    expect(filterGroups(groups, '')).toHaveLength(3);
    const byWord = filterGroups(groups, 'teh');
    expect(byWord.map((g) => g.items.map((i) => i.name))).toEqual([['Es Teh Manis']]);
    expect(filterGroups(groups, '89910000')[0]?.items[0]?.name).toBe('Es Teh Manis');
    expect(filterGroups(groups, 'ES-TEH')[0]?.items[0]?.name).toBe('Es Teh Manis');
    expect(filterGroups(groups, 'eh')).toEqual([]);
  });

  it('draws at most the row limit but keeps every category header, counting what is hidden', () => {
    const shown = limitRows(groupCatalogue(CATALOGUE), 1);
    expect(shown.map((g) => [g.items.length, g.hidden])).toEqual([
      [1, 1],
      [0, 1],
      [0, 1],
    ]);
  });

  it('moves one place up or down, and not past either end', () => {
    expect(moved([5, 6, 7], 6, -1)).toEqual([6, 5, 7]);
    expect(moved([5, 6, 7], 6, 1)).toEqual([5, 7, 6]);
    expect(moved([5, 6, 7], 5, -1)).toBeUndefined();
    expect(moved([5, 6, 7], 7, 1)).toBeUndefined();
    expect(moved([5, 6, 7], 9, 1)).toBeUndefined();
  });

  it('asks to reorder a whole category (inactive items included) or all categories', () => {
    expect(categoryItemIds(CATALOGUE, 2)).toEqual([coffee.id, tea.id]);
    expect(categoryItemIds(CATALOGUE, null)).toEqual([loose.id]);
    expect(categoryIds(CATALOGUE)).toEqual([2, 1]);
  });

  it('shows the newer of the feed and the last answer', () => {
    const older = { ...CATALOGUE, revision: 3 };
    expect(newerCatalogue(undefined, older)).toBe(older);
    expect(newerCatalogue(CATALOGUE, older)).toBe(CATALOGUE);
    expect(newerCatalogue(older, CATALOGUE)).toBe(CATALOGUE);
    expect(newerCatalogue(CATALOGUE, { ...CATALOGUE })).toBe(CATALOGUE);
  });
});

describe('item form', () => {
  it('sends every field, an emptied code as none, the price as whole rupiah', () => {
    const form = {
      ...itemFormFrom(tea, tea.categoryId),
      sku: '  ',
      barcode: ' 123 ',
      priceText: 'Rp 12.500',
      name: ' Es  Teh ',
    };
    expect(itemDraftOf(form)).toEqual({
      name: 'Es Teh',
      price: 12_500,
      categoryId: 2,
      sku: null,
      barcode: '123',
      active: true,
    });
    expect(itemFormFrom(undefined, 1)).toEqual({
      name: '',
      priceText: '',
      categoryId: 1,
      sku: '',
      barcode: '',
      active: true,
    });
  });

  it('checks the name, price and SKU on the screen, each at its field', () => {
    const problems = itemFormProblems(
      { ...itemFormFrom(undefined, null), priceText: '12,5', sku: 'kopi susu' },
      WORDS,
    );
    expect(problems.name?.[0]?.en).toBe('The item name is required.');
    expect(problems.price).toEqual([WORDS.priceNotWhole]);
    expect(problems.sku).toEqual([WORDS.skuInvalid]);
    const priced = (priceText: string) =>
      itemFormProblems({ ...itemFormFrom(tea, 2), priceText }, WORDS).price;
    expect(priced('0')).toEqual([WORDS.priceTooSmall]);
    expect(priced('-5')).toEqual([WORDS.priceTooSmall]);
    expect(priced('20000001')).toEqual([WORDS.priceTooLarge]);
    expect(priced('18.000')).toBeUndefined();
    expect(itemFormProblems({ ...itemFormFrom(tea, 2), name: 'x'.repeat(51) }, WORDS).name?.[0]?.en).toMatch(
      /at most 50/,
    );
  });

  it('places the main process’s refusals at their inputs', () => {
    expect(itemFieldOf('barcode')).toBe('barcode');
    expect(itemFieldOf('categoryId')).toBe('categoryId');
    expect(itemFieldOf('id')).toBe('general');
    const refused = messagesByField(
      [
        { field: 'barcode', message: { id: 'Dipakai.', en: 'Taken.' } },
        { field: 'id', message: { id: 'Tidak ada.', en: 'Missing.' } },
        { field: 'barcode', message: { id: 'Dipakai.', en: 'Taken.' } },
      ],
      itemFieldOf,
    );
    expect(refused).toEqual({
      barcode: [{ id: 'Dipakai.', en: 'Taken.' }],
      general: [{ id: 'Tidak ada.', en: 'Missing.' }],
    });
    expect(mergeMessages({ name: [WORDS.skuInvalid] }, refused).name).toEqual([WORDS.skuInvalid]);
    expect(mergeMessages({ barcode: [] }, refused).barcode).toEqual([{ id: 'Dipakai.', en: 'Taken.' }]);
  });

  it('checks a category name with the shared rule', () => {
    expect(categoryNameProblems('  ')[0]?.en).toBe('The category name is required.');
    expect(categoryNameProblems('Camilan')).toEqual([]);
  });
});

describe('editor state', () => {
  const opened = catalogueReducer(initialCatalogueState(), {
    type: 'openItem',
    id: tea.id,
    form: itemFormFrom(tea, 2),
  });

  it('puts a refusal into the open form and clears it from the field that is edited', () => {
    const refused = catalogueReducer(catalogueReducer(opened, { type: 'busy' }), {
      type: 'refused',
      problems: [
        { field: 'barcode', message: { id: 'Dipakai.', en: 'Taken.' } },
        { field: 'price', message: { id: 'Harga.', en: 'Price.' } },
      ],
    });
    expect(refused.busy).toBe(false);
    const editing = refused.editing;
    expect(editing?.kind === 'item' && Object.keys(editing.refused).sort()).toEqual(['barcode', 'price']);
    const edited = catalogueReducer(refused, { type: 'editItem', changes: { priceText: '9000' } });
    expect(edited.editing?.kind === 'item' && Object.keys(edited.editing.refused)).toEqual(['barcode']);
  });

  it('closes the form on a saved answer and keeps the newer catalogue', () => {
    const answered = catalogueReducer(opened, {
      type: 'answered',
      catalogue: CATALOGUE,
      done: { what: 'itemSaved', name: 'Es Teh Manis' },
      closeForm: true,
    });
    expect(answered.editing).toBeUndefined();
    expect(answered.answered).toBe(CATALOGUE);
    expect(answered.done).toEqual({ what: 'itemSaved', name: 'Es Teh Manis' });
    // A move keeps the form that is open.
    const moved = catalogueReducer(opened, {
      type: 'answered',
      catalogue: CATALOGUE,
      done: { what: 'moved', name: 'Kopi Susu' },
      closeForm: false,
    });
    expect(moved.editing?.kind).toBe('item');
  });

  it('keeps an import’s outcome, replaced by the next one', () => {
    const failed = catalogueReducer(initialCatalogueState(), {
      type: 'importFailed',
      fileName: 'salah.csv',
      message: undefined,
      problems: [{ line: 3, message: { id: 'Nama wajib.', en: 'Name required.' } }],
    });
    expect(failed.importOutcome).toMatchObject({ ok: false, fileName: 'salah.csv' });
    const summary = { rows: 2, added: 2, updated: 0, categoriesAdded: 1, delimiter: ',' as const };
    const ok = catalogueReducer(failed, {
      type: 'imported',
      fileName: 'benar.csv',
      summary,
      catalogue: CATALOGUE,
    });
    expect(ok.importOutcome).toEqual({ ok: true, fileName: 'benar.csv', summary });
    expect(ok.answered).toBe(CATALOGUE);
  });
});

describe('CSV files', () => {
  it('reads UTF-8 (dropping the BOM) and refuses another encoding, an empty file, or one too large', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name;price\nKopi;5000')]);
    expect(decodeCsvBytes(bom)).toEqual({ ok: true, text: 'name;price\nKopi;5000' });
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({
      ok: false,
      reason: 'not-utf8',
    });
    expect(decodeCsvBytes(new TextEncoder().encode(' \n '))).toEqual({ ok: false, reason: 'empty' });
    expect(decodeCsvBytes(new Uint8Array(4 * 1024 * 1024 + 1))).toEqual({ ok: false, reason: 'too-large' });
  });

  it('lists a refused import file-wide first, then by line, keeping the order within a line', () => {
    const m = (text: string) => ({ id: text, en: text });
    expect(
      importProblems([
        { message: m('b'), line: 5 },
        { message: m('a'), line: 3 },
        { message: m('file') },
        { message: m('c'), line: 3 },
      ]),
    ).toEqual([
      { line: undefined, message: m('file') },
      { line: 3, message: m('a') },
      { line: 3, message: m('c') },
      { line: 5, message: m('b') },
    ]);
  });
});
