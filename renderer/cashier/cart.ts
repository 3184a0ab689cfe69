/**
 * The cart of quick items. Lines keep the price they were added at, so a settings change in the
 * middle of a sale cannot change what the customer was shown.
 */
import type { QuickItem } from '../../common/contract.ts';
import type { SaleItem } from '../../common/order.ts';
import { MAX_ITEM_QUANTITY, MAX_SALE_ITEMS } from '../../common/sale-input.ts';

export type CartLine = SaleItem;

export type CartAction =
  | { type: 'add'; item: QuickItem }
  | { type: 'inc'; id: string }
  | { type: 'dec'; id: string }
  | { type: 'clear' };

export function cartReducer(lines: readonly CartLine[], action: CartAction): CartLine[] {
  switch (action.type) {
    case 'add': {
      const { item } = action;
      if (lines.some((line) => line.id === item.id)) return cartReducer(lines, { type: 'inc', id: item.id });
      if (lines.length >= MAX_SALE_ITEMS) return [...lines];
      return [...lines, { id: item.id, name: item.name, price: item.price, quantity: 1 }];
    }
    case 'inc':
      return lines.map((line) =>
        line.id === action.id ? { ...line, quantity: Math.min(MAX_ITEM_QUANTITY, line.quantity + 1) } : line,
      );
    case 'dec':
      return lines
        .map((line) => (line.id === action.id ? { ...line, quantity: line.quantity - 1 } : line))
        .filter((line) => line.quantity > 0);
    case 'clear':
      return [];
  }
}

export function cartTotal(lines: readonly CartLine[]): number {
  return lines.reduce((total, line) => total + line.price * line.quantity, 0);
}
