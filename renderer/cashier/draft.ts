/**
 * The sale the cashier is about to charge, checked as it is typed with the same rules the main
 * process applies (common/sale-input.ts). With items in the cart the amount is their sum and the
 * keypad's amount is ignored, so item_details always add up to gross_amount.
 */
import type { PaymentType } from '../../common/midtrans-limits.ts';
import { checkSale, type SaleProblem, type SaleRequest } from '../../common/sale-input.ts';
import { entryAmount } from './amount-entry.ts';
import { cartTotal, type CartLine } from './cart.ts';

export interface SaleDraft {
  /** Present when the sale may be charged. */
  request: SaleRequest | undefined;
  amount: number | undefined;
  fromItems: boolean;
  problems: SaleProblem[];
  /** Nothing typed and nothing in the cart: no reason to show problems yet. */
  untouched: boolean;
}

export function draftSale(
  paymentType: PaymentType | undefined,
  enabled: readonly PaymentType[],
  digits: string,
  cart: readonly CartLine[],
): SaleDraft {
  const fromItems = cart.length > 0;
  const amount = fromItems ? cartTotal(cart) : entryAmount(digits);
  const input: Record<string, unknown> = { paymentType };
  if (amount !== undefined) input.amount = amount;
  if (fromItems) input.items = cart.map((line) => ({ ...line }));
  const checked = checkSale(input, enabled);
  const untouched = !fromItems && digits === '';
  if (!checked.ok) return { request: undefined, amount, fromItems, problems: checked.problems, untouched };
  const { sale } = checked;
  const request: SaleRequest = { paymentType: sale.paymentType, amount: sale.amount };
  if (sale.items.length > 0) request.items = sale.items;
  return { request, amount: sale.amount, fromItems, problems: [], untouched };
}
