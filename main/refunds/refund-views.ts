/**
 * Refunds as the screens and the CLI see them, and what one order or sale has been paid, given
 * back and may still be refunded: read from the journal every time, never kept twice.
 */
import type { RefundSummary, RefundView } from '../../common/refund-contract.ts';
import type { OrderRow } from '../journal/types.ts';
import type { SaleRecord } from '../sales/sales-book.ts';
import type { RefundRecord } from './refund-store.ts';
import { REFUSAL_WORDS } from './refund-words.ts';

export function refundView(r: RefundRecord): RefundView {
  return {
    refundKey: r.refundKey,
    orderId: r.orderId,
    saleId: r.saleId,
    tender: r.tender,
    origin: r.origin,
    amount: r.amount,
    reason: r.reason,
    state: r.state,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
    businessDate: r.businessDate,
    refusal:
      r.refusal === undefined ? undefined : { code: r.refusal, message: { ...REFUSAL_WORDS[r.refusal] } },
  };
}

function sumOf(
  records: readonly RefundRecord[],
  state: RefundRecord['state'],
  tender?: RefundRecord['tender'],
) {
  return records
    .filter((r) => r.state === state && (tender === undefined || r.tender === tender))
    .reduce((sum, r) => sum + r.amount, 0);
}

/** A QRIS/GoPay payment: what it paid, what went back, what is left. */
export function orderSummary(order: OrderRow, refunds: readonly RefundRecord[]): RefundSummary {
  const paid = order.state === 'settlement' ? order.grossAmount : 0;
  const refunded = sumOf(refunds, 'refunded');
  const inDoubt = sumOf(refunds, 'requested');
  return {
    orderId: order.orderId,
    saleId: order.saleId,
    paid,
    refunded,
    inDoubt,
    left: Math.max(0, paid - refunded - inDoubt),
    cashLeft: 0,
    refunds: refunds.map(refundView),
  };
}

/** Cash the sale kept (taken, not given back when voided). */
export function cashTaken(sale: SaleRecord): number {
  return sale.cash.filter((c) => c.state === 'taken').reduce((sum, c) => sum + c.amount, 0);
}

/** A whole sale: its cash and its settled QRIS/GoPay payments. */
export function saleSummary(
  sale: SaleRecord,
  orders: readonly OrderRow[],
  refunds: readonly RefundRecord[],
): RefundSummary {
  const cash = sale.state === 'paid' ? cashTaken(sale) : 0;
  const settled = sale.state === 'paid' ? orders.filter((o) => o.state === 'settlement') : [];
  const paid = cash + settled.reduce((sum, o) => sum + o.grossAmount, 0);
  const refunded = sumOf(refunds, 'refunded');
  const inDoubt = sumOf(refunds, 'requested');
  return {
    orderId: undefined,
    saleId: sale.saleId,
    paid,
    refunded,
    inDoubt,
    left: Math.max(0, paid - refunded - inDoubt),
    cashLeft: Math.max(0, cash - sumOf(refunds, 'refunded', 'cash')),
    refunds: refunds.map(refundView),
  };
}
