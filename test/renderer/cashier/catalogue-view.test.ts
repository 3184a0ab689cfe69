import { describe, expect, it } from 'vitest';
import {
  catalogueView,
  gridItems,
  lookupBarcode,
} from '../../../renderer/cashier/catalogue/catalogue-view.ts';
import { catalogueSnapshot } from '../fixtures.ts';

const view = catalogueView(catalogueSnapshot());
const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('the catalogue on the cashier screen', () => {
  it('offers active items only, in the manager’s category order, and only categories with items', () => {
    expect(names(view.items)).toEqual([
      'Nasi Goreng',
      'Kopi Susu',
      'Es Teh Manis',
      'Teh Botol 350 ml',
      'Kerupuk',
    ]);
    expect(view.categories.map((c) => c.name)).toEqual(['Makanan', 'Minuman']);
    expect(view.uncategorised).toBe(true);
  });

  it('shows a category’s items, or search results across every category, a page at a time', () => {
    expect(names(gridItems(view, '', 2, 60).items)).toEqual([
      'Kopi Susu',
      'Es Teh Manis',
      'Teh Botol 350 ml',
    ]);
    expect(names(gridItems(view, '', null, 60).items)).toEqual(['Kerupuk']);
    // Names that start with the search come first.
    expect(names(gridItems(view, 'teh', 1, 60).items)).toEqual(['Teh Botol 350 ml', 'Es Teh Manis']);
    expect(gridItems(view, '', 'all', 2)).toEqual({ items: view.items.slice(0, 2), more: true });
    expect(gridItems(view, 'teh', 'all', 1).more).toBe(true);
    // Withdrawn items are not found by search either.
    expect(gridItems(view, 'sirup', 'all', 60).items).toEqual([]);
  });

  it('tells a scanned code of an item on sale, of a withdrawn item, and an unknown one apart', () => {
    expect(lookupBarcode(view, ' 8991000000010 ')).toMatchObject({
      kind: 'found',
      item: { name: 'Teh Botol 350 ml' },
    });
    expect(lookupBarcode(view, '8991000000096')).toMatchObject({
      kind: 'inactive',
      item: { name: 'Sirup Lama' },
    });
    expect(lookupBarcode(view, '0000000000000')).toEqual({ kind: 'unknown', code: '0000000000000' });
    expect(lookupBarcode(undefined, '8991000000010').kind).toBe('unknown');
  });

  it('sells the active item when a stale snapshot gives a code to an inactive one too', () => {
    const snapshot = catalogueSnapshot();
    snapshot.items.push({ ...snapshot.items[5]!, id: 7, name: 'Sirup Baru', active: true });
    expect(lookupBarcode(catalogueView(snapshot), '8991000000096')).toMatchObject({
      kind: 'found',
      item: { name: 'Sirup Baru' },
    });
  });
});
