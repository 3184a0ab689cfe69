/**
 * Which discounts need the manager's PIN: those above the limit the manager set, as a percentage
 * (of a percentage discount) or in rupiah (what the discount takes off, as priced). One rule for
 * the till, which refuses such a sale without the PIN, and for the screens that ask for it.
 */
import type { CartLine, Discount, PriceBreakdown } from './types.ts';

/** A discount above these needs the manager's PIN. null: no discount needs it. */
export interface DiscountApproval {
  percent: number;
  amount: number;
}

export interface DiscountOverLimit {
  /** The line's index in the cart, or 'order' for the order discount. */
  where: number | 'order';
  discount: Discount;
}

export function discountsOverLimit(
  cart: { lines: readonly Pick<CartLine, 'discount'>[]; orderDiscount?: Discount | undefined },
  breakdown: Pick<PriceBreakdown, 'lines' | 'orderDiscount'>,
  approval: DiscountApproval | null,
): DiscountOverLimit[] {
  if (approval === null) return [];
  const over: DiscountOverLimit[] = [];
  const check = (discount: Discount | undefined, takenOff: number, where: number | 'order') => {
    if (discount === undefined) return;
    const percentTooHigh = discount.kind === 'percent' && discount.value > approval.percent;
    if (percentTooHigh || takenOff > approval.amount) over.push({ where, discount });
  };
  cart.lines.forEach((line, index) => check(line.discount, breakdown.lines[index]?.lineDiscount ?? 0, index));
  check(cart.orderDiscount, breakdown.orderDiscount, 'order');
  return over;
}
