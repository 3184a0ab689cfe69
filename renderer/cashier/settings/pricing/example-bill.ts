/**
 * The example bill under the pricing settings: a small restaurant order priced by the very code
 * the till uses (common/pricing), so the owner sees what a setting does before saving it. The
 * order is the worked example of shop-operations.md §1.3 (Rp 85.000 of food, 10 % off), so with
 * PB1 10 %, service 5 % and Rp 100 cash rounding it reads 88.358, and 88.400 in cash.
 */
import {
  discountsOverLimit,
  priceCart,
  type CartLine,
  type Discount,
  type PriceBreakdown,
} from '../../../../common/pricing/index.ts';
import type { PricingRead } from './pricing-draft.ts';

export const EXAMPLE_LINES: readonly CartLine[] = [
  { name: 'Nasi Goreng', unitPrice: 25_000, quantity: 2 },
  { name: 'Es Teh Manis', unitPrice: 5_000, quantity: 3 },
  { name: 'Sate Ayam', unitPrice: 20_000, quantity: 1 },
];
export const EXAMPLE_DISCOUNT: Discount = { kind: 'percent', value: 10 };

export type ExampleBill =
  | { ok: true; breakdown: PriceBreakdown; discountNeedsPin: boolean }
  /** The settings as typed cannot price a bill yet (their problems are shown at the fields). */
  | { ok: false };

export function exampleBill(read: PricingRead): ExampleBill {
  if (read.problems.length > 0) return { ok: false };
  const priced = priceCart({ lines: EXAMPLE_LINES, orderDiscount: EXAMPLE_DISCOUNT, settings: read.pricing });
  if (!priced.ok) return { ok: false };
  return {
    ok: true,
    breakdown: priced.value,
    discountNeedsPin:
      discountsOverLimit(
        { lines: EXAMPLE_LINES, orderDiscount: EXAMPLE_DISCOUNT },
        priced.value,
        read.approval,
      ).length > 0,
  };
}

/** "11" for 12 % on 11/12; at most two decimals, for the sentence that explains the DPP. */
export function effectiveRate(ratePercent: number, numerator: number, denominator: number): number {
  return Math.round(((ratePercent * numerator) / denominator) * 100) / 100;
}
