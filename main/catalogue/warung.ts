/**
 * The warung list a new training kiosk starts with: enough to try categories, search, a scanner
 * (the packaged goods carry EAN-13 codes with GS1 Indonesia's 899 prefix and valid check digits;
 * they are made up for training) and a full cart. The six quick items of earlier versions keep
 * their ids as SKUs, so scripts that used them still find them.
 */
import type { CatalogueStore } from './store.ts';

interface SeedItem {
  name: string;
  price: number;
  sku: string;
  barcode?: string;
}

export const WARUNG_CATALOGUE: readonly { category: string; items: readonly SeedItem[] }[] = [
  {
    category: 'Makanan',
    items: [
      { name: 'Nasi Goreng', price: 25_000, sku: 'nasi-goreng' },
      { name: 'Mie Ayam', price: 20_000, sku: 'mie-ayam' },
      { name: 'Nasi Uduk', price: 15_000, sku: 'nasi-uduk' },
      { name: 'Soto Ayam', price: 18_000, sku: 'soto-ayam' },
      { name: 'Gado-gado', price: 17_000, sku: 'gado-gado' },
    ],
  },
  {
    category: 'Minuman',
    items: [
      { name: 'Kopi Susu', price: 18_000, sku: 'kopi-susu' },
      { name: 'Es Teh Manis', price: 8_000, sku: 'es-teh-manis' },
      { name: 'Es Jeruk', price: 10_000, sku: 'es-jeruk' },
      { name: 'Teh Botol 350 ml', price: 6_000, sku: 'teh-botol', barcode: '8991000000010' },
      { name: 'Air Mineral', price: 5_000, sku: 'air-mineral', barcode: '8991000000027' },
    ],
  },
  {
    category: 'Camilan',
    items: [
      { name: 'Pisang Goreng', price: 12_000, sku: 'pisang-goreng' },
      { name: 'Tahu Isi', price: 2_000, sku: 'tahu-isi' },
      { name: 'Roti Bakar', price: 15_000, sku: 'roti-bakar' },
      { name: 'Kerupuk', price: 2_000, sku: 'kerupuk', barcode: '8991000000034' },
      { name: 'Keripik Singkong', price: 8_000, sku: 'keripik-singkong', barcode: '8991000000041' },
    ],
  },
  {
    category: 'Kebutuhan',
    items: [
      { name: 'Mi Instan Goreng', price: 3_500, sku: 'mi-instan', barcode: '8991000000058' },
      { name: 'Kopi Sachet', price: 2_000, sku: 'kopi-sachet', barcode: '8991000000065' },
      { name: 'Gula Pasir 1 kg', price: 18_000, sku: 'gula-1kg', barcode: '8991000000072' },
      { name: 'Telur Ayam (1 butir)', price: 2_500, sku: 'telur' },
      { name: 'Sabun Mandi', price: 4_500, sku: 'sabun-mandi', barcode: '8991000000089' },
    ],
  },
];

/** Seeds the warung list when the catalogue is empty (training mode's first start); returns how many items. */
export function seedWarungIfEmpty(store: CatalogueStore): number {
  return store.db
    .transaction(() => {
      if (store.count() > 0) return 0;
      let added = 0;
      for (const group of WARUNG_CATALOGUE) {
        const category = store.categoryByName(group.category) ?? unwrap(store.addCategory(group.category));
        for (const item of group.items) {
          unwrap(store.add({ ...item, categoryId: category.id }));
          added++;
        }
      }
      return added;
    })
    .immediate();
}

function unwrap<T>(
  result: { ok: true; value: T } | { ok: false; problems: { message: { en: string } }[] },
): T {
  if (result.ok) return result.value;
  throw new Error(`warung seed refused: ${result.problems.map((p) => p.message.en).join('; ')}`);
}
