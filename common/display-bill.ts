/**
 * The bill the customer display shows, from a priced cart (the cashier's preview) or a sale: the
 * same figures the receipt prints, so the customer never reads two different totals.
 */
import type { PriceBreakdown } from './pricing/types.ts';
import type { DisplayBill } from './till-contract.ts';

export function displayBill(
  b: PriceBreakdown,
  cash: { paid: number; change: number } = { paid: 0, change: 0 },
): DisplayBill {
  return {
    // Before discounts, so the bill adds up as the customer reads it: the lines make the subtotal,
    // and the discounts (line and order together) come off it once.
    lines: b.lines.map((line) => ({ name: line.name, quantity: line.quantity, amount: line.gross })),
    subtotal: b.subtotal,
    discounts: b.lineDiscounts + b.orderDiscount,
    service: b.service,
    ...(b.tax.kind === 'none' || b.tax.amount === 0
      ? {}
      : {
          tax: {
            kind: b.tax.kind,
            ratePercent: b.tax.ratePercent,
            amount: b.tax.amount,
            inclusive: b.tax.inclusive,
          },
        }),
    total: b.total,
    cashPaid: cash.paid,
    change: cash.change,
    due: Math.max(0, b.total - cash.paid),
  };
}
