/** The catalogue's active items as the cashier's item buttons (keyed by SKU, as the cart is). */
import type { CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import type { QuickItem } from '../../common/contract.ts';

export function quickItemsOf(catalogue: CatalogueSnapshot | undefined): QuickItem[] {
  if (catalogue === undefined) return [];
  return catalogue.items
    .filter((item) => item.active)
    .map((item) => ({ id: item.sku ?? `item-${item.id}`, name: item.name, price: item.price }));
}
