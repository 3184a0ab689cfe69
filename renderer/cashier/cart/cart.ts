/**
 * The cart being rung up: catalogue items and free amounts, each with its quantity and its own
 * discount. A line keeps the name and price it was added with, so a catalogue edit in the middle
 * of a sale cannot change what the customer was shown; the sale keeps its own copy once charged.
 */
import type { CatalogueItemView } from '../../../common/catalogue-contract.ts';
import type { CartLine as PricingLine, Discount } from '../../../common/pricing/index.ts';
import { MAX_ITEM_QUANTITY, MAX_SALE_ITEMS } from '../../../common/sale-input.ts';

export interface CartLine extends PricingLine {
  /** Stable on screen: the item's SKU (or item-<id>) for catalogue items, free-<n> for free amounts. */
  key: string;
}

export type CartAction =
  | { type: 'addItem'; item: CatalogueItemView }
  | { type: 'addFree'; name: string; amount: number }
  | { type: 'inc'; key: string }
  | { type: 'dec'; key: string }
  | { type: 'setQuantity'; key: string; quantity: number }
  | { type: 'remove'; key: string }
  | { type: 'discount'; key: string; discount: Discount | undefined }
  | { type: 'clear' };

/** The key a catalogue item's line has: its SKU when it has one, as the old quick items were keyed. */
export function itemKey(item: Pick<CatalogueItemView, 'id' | 'sku'>): string {
  return item.sku ?? `item-${item.id}`;
}

/** The next free-amount line's key: one more than the highest in the cart. */
function nextFreeKey(lines: readonly CartLine[]): string {
  let highest = 0;
  for (const line of lines) {
    const match = /^free-(\d+)$/.exec(line.key);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `free-${highest + 1}`;
}

const clampQuantity = (quantity: number) => Math.min(MAX_ITEM_QUANTITY, Math.max(0, Math.trunc(quantity)));

export function cartReducer(lines: readonly CartLine[], action: CartAction): CartLine[] {
  switch (action.type) {
    case 'addItem': {
      const { item } = action;
      const key = itemKey(item);
      if (lines.some((line) => line.key === key)) return cartReducer(lines, { type: 'inc', key });
      if (lines.length >= MAX_SALE_ITEMS) return [...lines];
      const line: CartLine = {
        key,
        itemId: String(item.id),
        name: item.name,
        unitPrice: item.price,
        quantity: 1,
      };
      if (item.sku !== null) line.sku = item.sku;
      return [...lines, line];
    }
    case 'addFree': {
      if (lines.length >= MAX_SALE_ITEMS) return [...lines];
      return [
        ...lines,
        { key: nextFreeKey(lines), name: action.name, unitPrice: action.amount, quantity: 1 },
      ];
    }
    case 'inc':
      return lines.map((line) =>
        line.key === action.key ? { ...line, quantity: clampQuantity(line.quantity + 1) } : line,
      );
    case 'dec':
      return lines
        .map((line) => (line.key === action.key ? { ...line, quantity: line.quantity - 1 } : line))
        .filter((line) => line.quantity > 0);
    case 'setQuantity':
      return lines
        .map((line) =>
          line.key === action.key ? { ...line, quantity: clampQuantity(action.quantity) } : line,
        )
        .filter((line) => line.quantity > 0);
    case 'remove':
      return lines.filter((line) => line.key !== action.key);
    case 'discount':
      return lines.map((line) => {
        if (line.key !== action.key) return line;
        const { discount: _old, ...rest } = line;
        return action.discount === undefined ? rest : { ...rest, discount: action.discount };
      });
    case 'clear':
      return [];
  }
}

/** The lines as the till takes them: the screen's keys left out. */
export function saleLines(lines: readonly CartLine[]): PricingLine[] {
  return lines.map(({ key: _key, ...line }) => line);
}
