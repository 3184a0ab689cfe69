/**
 * The sale being rung up, priced as it is typed by the very code the main process prices it
 * with (common/pricing): the cart's lines, plus the amount on the keypad as a free line of its
 * own, with the order discount, under the shop's pricing settings. What the screen shows as the
 * total is therefore what the till will record and charge.
 */
import {
  priceCart,
  type CartLine as PricingLine,
  type Discount,
  type PriceBreakdown,
  type PricingSettings,
} from '../../../common/pricing/index.ts';
import { entryAmount } from '../keypad/amount-entry.ts';
import type { ScreenProblem } from '../problems.ts';
import { saleLines, type CartLine } from './cart.ts';

export interface DraftInput {
  lines: readonly CartLine[];
  /** The keypad's amount, not yet added to the cart: it is sold as one more line. */
  freeDigits: string;
  /** What a free amount is called on the bill. */
  freeName: string;
  orderDiscount: Discount | undefined;
  pricing: PricingSettings;
}

export interface SaleDraft {
  /** The lines as the till takes them, the keypad's amount last. */
  lines: PricingLine[];
  /** The lines on screen, with their keys (the keypad's amount as 'free-typed'). */
  shown: CartLine[];
  breakdown: PriceBreakdown | undefined;
  problems: ScreenProblem[];
  /** Nothing rung up and nothing typed ('cart-empty'): no reason to show it before Charge. */
  empty: boolean;
}

export const TYPED_LINE_KEY = 'free-typed';

export function draftSale(input: DraftInput): SaleDraft {
  const shown: CartLine[] = [...input.lines];
  const typed = entryAmount(input.freeDigits);
  if (typed !== undefined)
    shown.push({ key: TYPED_LINE_KEY, name: input.freeName, unitPrice: typed, quantity: 1 });
  const lines = saleLines(shown);
  const empty = shown.length === 0;
  const priced = priceCart({
    lines,
    ...(input.orderDiscount === undefined ? {} : { orderDiscount: input.orderDiscount }),
    settings: input.pricing,
  });
  if (!priced.ok) return { lines, shown, breakdown: undefined, problems: priced.problems, empty };
  return { lines, shown, breakdown: priced.value, problems: [], empty };
}
