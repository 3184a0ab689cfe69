/** A refund row as the journal keeps it, and its one mapping from SQL. */
import type { RefundOrigin, RefundRefusal, RefundState, RefundTender } from '../../common/refund-contract.ts';

export interface RefundRecord {
  refundKey: string;
  environment: string;
  orderId: string | undefined;
  saleId: string | undefined;
  tender: RefundTender;
  origin: RefundOrigin;
  amount: number;
  reason: string;
  state: RefundState;
  requestedBy: string;
  createdAt: number;
  updatedAt: number;
  businessDate: string;
  sends: number;
  sentAt: number | undefined;
  resolvedAt: number | undefined;
  gatewayRefundId: number | undefined;
  gatewayAt: number | undefined;
  refusal: RefundRefusal | undefined;
  detail: string | undefined;
}

export type RefundEventKind =
  'requested' | 'sent' | 'refunded' | 'refused' | 'adopted' | 'recovery' | 'drawer' | 'note';

export interface RefundEventRecord {
  seq: number;
  refundKey: string;
  at: number;
  kind: RefundEventKind;
  detail: Record<string, unknown>;
}

export interface RefundSqlRow {
  refund_key: string;
  environment: string;
  order_id: string | null;
  sale_id: string | null;
  tender: string;
  origin: string;
  amount: number;
  reason: string;
  state: string;
  requested_by: string;
  created_at: number;
  updated_at: number;
  business_date: string;
  sends: number;
  sent_at: number | null;
  resolved_at: number | null;
  gateway_refund_id: number | null;
  gateway_at: number | null;
  refusal: string | null;
  detail: string | null;
}

export const COLUMNS =
  'refund_key, environment, order_id, sale_id, tender, origin, amount, reason, state, requested_by, ' +
  'created_at, updated_at, business_date, sends, sent_at, resolved_at, gateway_refund_id, gateway_at, refusal, detail';
export const SELECT = `SELECT ${COLUMNS} FROM refunds`;

export function toRecord(r: RefundSqlRow): RefundRecord {
  return {
    refundKey: r.refund_key,
    environment: r.environment,
    orderId: r.order_id ?? undefined,
    saleId: r.sale_id ?? undefined,
    tender: r.tender as RefundTender,
    origin: r.origin as RefundOrigin,
    amount: r.amount,
    reason: r.reason,
    state: r.state as RefundState,
    requestedBy: r.requested_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    businessDate: r.business_date,
    sends: r.sends,
    sentAt: r.sent_at ?? undefined,
    resolvedAt: r.resolved_at ?? undefined,
    gatewayRefundId: r.gateway_refund_id ?? undefined,
    gatewayAt: r.gateway_at ?? undefined,
    refusal: (r.refusal ?? undefined) as RefundRefusal | undefined,
    detail: r.detail ?? undefined,
  };
}
