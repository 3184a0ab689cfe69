/**
 * The orders table's columns and how an OrderRow maps onto them, so a new field is added in one
 * place: the SQL row type, both conversions and the column lists.
 */
import type { EndReason, OrderAlert, OrderRefunds, OrderState, SaleItem } from '../../common/order.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { OrderRow } from './types.ts';

export interface OrderSqlRow {
  id: number;
  order_id: string;
  sale_id: string | null;
  environment: string;
  state: string;
  payment_type: string;
  gross_amount: number;
  items: string;
  created_at: number;
  updated_at: number;
  deadline_at: number;
  business_date: string;
  attempt: number;
  attempt_key: string | null;
  attempt_sent_at: number | null;
  transaction_id: string | null;
  gateway_status: string | null;
  fraud_status: string | null;
  paid_with: string | null;
  issuer: string | null;
  acquirer: string | null;
  qr_path: string | null;
  qr_source: string | null;
  qr_string: string | null;
  qr_url: string | null;
  deeplink_url: string | null;
  gateway_expiry_at: number | null;
  settled_at: number | null;
  final_at: number | null;
  cancel_requested_at: number | null;
  confirmed_unpaid: string | null;
  end_reason: string | null;
  alert: string | null;
  detail: string | null;
  /** Not a column: read from the refunds table with the row (JSON, or NULL when there are none). */
  refund_summary: string | null;
}

/** Named parameters, one per column, keyed by the column name. */
export type OrderParams = Omit<OrderSqlRow, 'id' | 'refund_summary'>;

/** Columns an update rewrites: everything but the identity of the sale and what was sold. */
export const MUTABLE_COLUMNS = [
  'state',
  'updated_at',
  'deadline_at',
  'attempt',
  'attempt_key',
  'attempt_sent_at',
  'transaction_id',
  'gateway_status',
  'fraud_status',
  'paid_with',
  'issuer',
  'acquirer',
  'qr_path',
  'qr_source',
  'qr_string',
  'qr_url',
  'deeplink_url',
  'gateway_expiry_at',
  'settled_at',
  'final_at',
  'cancel_requested_at',
  'confirmed_unpaid',
  'end_reason',
  'alert',
  'detail',
] as const satisfies readonly (keyof OrderParams)[];

const FIXED_COLUMNS = [
  'order_id',
  'sale_id',
  'environment',
  'payment_type',
  'gross_amount',
  'items',
  'created_at',
  'business_date',
] as const satisfies readonly (keyof OrderParams)[];

export const ORDER_COLUMNS = [...FIXED_COLUMNS, ...MUTABLE_COLUMNS];

// The CHECK constraints guarantee the narrowed types below, so no value is re-validated on read.
export function toOrderRow(r: OrderSqlRow): OrderRow {
  return {
    orderId: r.order_id,
    saleId: r.sale_id ?? undefined,
    environment: r.environment,
    state: r.state as OrderState,
    paymentType: r.payment_type as PaymentType,
    grossAmount: r.gross_amount,
    items: JSON.parse(r.items) as SaleItem[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deadlineAt: r.deadline_at,
    businessDate: r.business_date,
    attempt: r.attempt,
    attemptKey: r.attempt_key ?? undefined,
    attemptSentAt: r.attempt_sent_at ?? undefined,
    transactionId: r.transaction_id ?? undefined,
    gatewayStatus: r.gateway_status ?? undefined,
    fraudStatus: r.fraud_status ?? undefined,
    paidWith: r.paid_with ?? undefined,
    issuer: r.issuer ?? undefined,
    acquirer: r.acquirer ?? undefined,
    qrPath: r.qr_path ?? undefined,
    qrSource: (r.qr_source ?? undefined) as OrderRow['qrSource'],
    qrString: r.qr_string ?? undefined,
    qrUrl: r.qr_url ?? undefined,
    deeplinkUrl: r.deeplink_url ?? undefined,
    gatewayExpiryAt: r.gateway_expiry_at ?? undefined,
    settledAt: r.settled_at ?? undefined,
    finalAt: r.final_at ?? undefined,
    cancelRequestedAt: r.cancel_requested_at ?? undefined,
    confirmedUnpaid: (r.confirmed_unpaid ?? undefined) as OrderRow['confirmedUnpaid'],
    endReason: (r.end_reason ?? undefined) as EndReason | undefined,
    alert: (r.alert ?? undefined) as OrderAlert | undefined,
    detail: r.detail ?? undefined,
    refunded: r.refund_summary === null ? undefined : (JSON.parse(r.refund_summary) as OrderRefunds),
  };
}

export function toOrderParams(o: OrderRow): OrderParams {
  return {
    order_id: o.orderId,
    sale_id: o.saleId ?? null,
    environment: o.environment,
    state: o.state,
    payment_type: o.paymentType,
    gross_amount: o.grossAmount,
    items: JSON.stringify(o.items),
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    deadline_at: o.deadlineAt,
    business_date: o.businessDate,
    attempt: o.attempt,
    attempt_key: o.attemptKey ?? null,
    attempt_sent_at: o.attemptSentAt ?? null,
    transaction_id: o.transactionId ?? null,
    gateway_status: o.gatewayStatus ?? null,
    fraud_status: o.fraudStatus ?? null,
    paid_with: o.paidWith ?? null,
    issuer: o.issuer ?? null,
    acquirer: o.acquirer ?? null,
    qr_path: o.qrPath ?? null,
    qr_source: o.qrSource ?? null,
    qr_string: o.qrString ?? null,
    qr_url: o.qrUrl ?? null,
    deeplink_url: o.deeplinkUrl ?? null,
    gateway_expiry_at: o.gatewayExpiryAt ?? null,
    settled_at: o.settledAt ?? null,
    final_at: o.finalAt ?? null,
    cancel_requested_at: o.cancelRequestedAt ?? null,
    confirmed_unpaid: o.confirmedUnpaid ?? null,
    end_reason: o.endReason ?? null,
    alert: o.alert ?? null,
    detail: o.detail ?? null,
  };
}
