/**
 * A till sale's money as the screen needs it to tell the cashier what is left to do: what was
 * taken in cash, what QRIS/GoPay settled, and what is still due by each way of paying the rest.
 * The same rules as the till (main/sales/till.ts): a charge asks for the exact rest; the rest in
 * cash asks for the cash total when no charge has settled (the sale has become a cash sale).
 */
import type { SaleView } from '../../../common/till-contract.ts';

export interface SaleMoney {
  cashTaken: number;
  /** Cash handed over for the sale (what the customer gave, change included). */
  cashReceived: number;
  change: number;
  settled: number;
  /** What a new QR would ask for. */
  dueByCharge: number;
  /** What the rest in cash asks for. */
  dueInCash: number;
}

export function saleMoney(sale: SaleView): SaleMoney {
  const taken = sale.cash.filter((c) => c.state === 'taken');
  const cashTaken = taken.reduce((sum, c) => sum + c.amount, 0);
  const cashReceived = taken.reduce((sum, c) => sum + c.received, 0);
  const change = taken.reduce((sum, c) => sum + c.change, 0);
  const settled = sale.charges.filter((c) => c.state === 'settlement').reduce((sum, c) => sum + c.amount, 0);
  const { total, cashTotal } = sale.breakdown;
  const open = sale.state === 'open';
  const dueByCharge = open ? Math.max(0, total - cashTaken - settled) : 0;
  const dueInCash = open ? Math.max(0, (settled > 0 ? total : cashTotal) - cashTaken - settled) : 0;
  return { cashTaken, cashReceived, change, settled, dueByCharge, dueInCash };
}

/** The later of two views of one sale; a closed sale (paid, voided) never reopens. */
export function newerSale(current: SaleView, incoming: SaleView): SaleView {
  const closed = (sale: SaleView) => sale.state !== 'open';
  if (closed(current) && !closed(incoming)) return current;
  if (!closed(current) && closed(incoming)) return incoming;
  return incoming.updatedAt >= current.updatedAt ? incoming : current;
}

/** The last charge of a sale that ended unpaid, for the cashier's "what happened" line. */
export function lastCharge(sale: SaleView): SaleView['charges'][number] | undefined {
  return sale.charges[sale.charges.length - 1];
}
