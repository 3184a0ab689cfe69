/**
 * A sale as the screens see it: what was sold, what has been paid (cash taken, charges settled)
 * and what is still due. Read from the sale's own cash and its orders every time, never kept
 * twice, so it cannot drift from the journal.
 */
import { isFinalState } from '../../common/order.ts';
import type { SaleChargeView, SaleView } from '../../common/till-contract.ts';
import type { OrderRow } from '../journal/types.ts';
import type { SaleRecord } from './sales-book.ts';

export interface SaleMoney {
  cashTaken: number;
  settled: number;
  /** What the sale asks for now: the cash total while it is cash only, the exact total otherwise. */
  owed: number;
  due: number;
  live: OrderRow | undefined;
}

/**
 * A cash-only sale is asked for its cash total (rounded to the coin the shop uses); a sale with
 * any part for QRIS/GoPay is exact, because the gateway charges to the rupiah.
 */
export function saleMoney(sale: SaleRecord, orders: readonly OrderRow[]): SaleMoney {
  const cashTaken = sale.cash.filter((c) => c.state === 'taken').reduce((sum, c) => sum + c.amount, 0);
  const settled = orders.filter((o) => o.state === 'settlement').reduce((sum, o) => sum + o.grossAmount, 0);
  const live = orders.find((o) => !isFinalState(o.state));
  // An open sale is never cash-only (a cash sale is paid when it is made): its rest was to go to
  // the gateway even when no charge was made yet (a stopped engine, a crash between the commits).
  const usesGateway = orders.length > 0 || sale.state === 'open';
  const owed = usesGateway ? sale.breakdown.total : sale.breakdown.cashTotal;
  const due = sale.state === 'open' ? Math.max(0, owed - cashTaken - settled) : 0;
  return { cashTaken, settled, owed, due, live };
}

/** A sale's refunds, summed (see SalesBook.refundTotals); undefined while it has none. */
export type SaleRefundTotals = SaleView['refunded'];

export function saleView(
  sale: SaleRecord,
  orders: readonly OrderRow[],
  refunded: SaleRefundTotals = undefined,
): SaleView {
  const money = saleMoney(sale, orders);
  const charges: SaleChargeView[] = orders.map((o) => ({
    orderId: o.orderId,
    paymentType: o.paymentType,
    amount: o.grossAmount,
    state: o.state,
    paidWith: o.paidWith,
    issuer: o.issuer,
    transactionId: o.transactionId,
  }));
  return {
    saleId: sale.saleId,
    state: sale.state,
    createdAt: sale.createdAt,
    updatedAt: Math.max(sale.updatedAt, ...orders.map((o) => o.updatedAt)),
    closedAt: sale.closedAt,
    breakdown: sale.breakdown,
    cash: sale.cash.map((c) => ({
      tenderId: c.id,
      amount: c.amount,
      received: c.received,
      change: c.change,
      state: c.state,
      at: c.createdAt,
    })),
    charges,
    paid: money.cashTaken + money.settled,
    due: money.due,
    liveOrderId: money.live?.orderId,
    voidReason: sale.voidReason,
    refunded,
  };
}
