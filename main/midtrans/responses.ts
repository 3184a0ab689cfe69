/**
 * Turns gateway JSON into typed results. Parsing is lenient where Midtrans is loose (unknown
 * fields, omitted fields, `expiry_time` vs `expire_time`, numbers sent as strings) and strict
 * where money is concerned (amounts, ids, times must be exactly what they claim to be).
 */
import { z } from 'zod';
import { parseGatewayAmount } from './money.ts';
import { parseWibTime } from './wib-time.ts';

/** Body status_code and a few other fields arrive as strings, but some proxies re-encode them as numbers. */
const text = z.union([z.string(), z.number()]).transform(String);
const optionalText = text.optional();

export const TRANSACTION_STATUSES = [
  'pending',
  'settlement',
  'capture',
  'authorize',
  'deny',
  'cancel',
  'expire',
  'failure',
  'refund',
  'partial_refund',
  'chargeback',
  'partial_chargeback',
] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** States after which a sale can no longer be paid: all but pending and the card-only holds. */
const OPEN_STATUSES: readonly TransactionStatus[] = ['pending', 'capture', 'authorize'];
export const FINAL_STATUSES: readonly TransactionStatus[] = TRANSACTION_STATUSES.filter(
  (s) => !OPEN_STATUSES.includes(s),
);

export interface GatewayAction {
  name: string;
  method: string;
  url: string;
}

const actionSchema = z.looseObject({ name: z.string(), method: z.string().optional(), url: z.string() });

/** Fields shared by charge, status, cancel and expire answers. */
export const transactionBodySchema = z.looseObject({
  status_code: text,
  status_message: optionalText,
  transaction_id: z.string().min(1),
  order_id: z.string().min(1),
  merchant_id: optionalText,
  gross_amount: text,
  currency: optionalText,
  payment_type: z.string().min(1),
  transaction_time: optionalText,
  transaction_status: z.enum(TRANSACTION_STATUSES),
  fraud_status: optionalText,
  expiry_time: optionalText,
  expire_time: optionalText,
  settlement_time: optionalText,
  signature_key: optionalText,
  actions: z.array(z.unknown()).optional(),
  qr_string: optionalText,
  acquirer: optionalText,
  issuer: optionalText,
  transaction_type: optionalText,
  payment_option_type: optionalText,
  merchant_cross_reference_id: optionalText,
  refund_amount: optionalText,
  refunds: z.array(z.unknown()).optional(),
});
export type TransactionBody = z.infer<typeof transactionBodySchema>;

export interface TransactionSnapshot {
  orderId: string;
  transactionId: string;
  /** As reported by the gateway: a GoPay charge paid by a QRIS scan reports "qris". */
  paymentType: string;
  transactionStatus: TransactionStatus;
  fraudStatus: string | undefined;
  /** Whole rupiah, parsed exactly from the gateway's "44000.00". */
  grossAmount: number;
  /** The gateway's own string, kept because signature_key is computed over it. */
  grossAmountText: string;
  statusCode: string;
  statusMessage: string | undefined;
  currency: string | undefined;
  merchantId: string | undefined;
  transactionTime: number | undefined;
  expiryTime: number | undefined;
  settlementTime: number | undefined;
  acquirer: string | undefined;
  issuer: string | undefined;
  transactionType: string | undefined;
  paymentOptionType: string | undefined;
  /**
   * The HTTP status the answer came with (200 in Midtrans' usual mode, the body's code in its
   * mirror mode), for the journal's record of the call; set by the client.
   */
  httpStatus?: number | undefined;
  /** Every field of the answer, including ones this client does not know yet. */
  raw: Readonly<Record<string, unknown>>;
}

export interface ChargeResult extends TransactionSnapshot {
  actions: GatewayAction[];
  /** PNG of the QR (generate-qr-code). Only available from the charge answer: store it. */
  qrCodeUrl: string | undefined;
  /** GoPay app deeplink, for a customer paying on the same phone. */
  deeplinkUrl: string | undefined;
  /** EMVCo payload for drawing the QR locally (QRIS charges), CRC-checked. */
  qrString: string | undefined;
}

export interface RefundRecord {
  refundKey: string | undefined;
  amount: number;
  createdAt: number | undefined;
  reason: string | undefined;
  /** The gateway's own id for the refund (or chargeback): they share one numbering. */
  refundChargebackId: number | undefined;
  /** 'online' for a refund; a chargeback is not documented for GoPay/QRIS (see the emulator). */
  method: string | undefined;
  /** Midtrans sends a refund twice; the second, with this set, is the bank's confirmation. */
  bankConfirmedAt: number | undefined;
}

export interface StatusResult extends TransactionSnapshot {
  /** True only for settlement with status_code "200" and fraud_status accept (or absent), on a verified answer. */
  paid: boolean;
  /** Cumulative refunded rupiah. */
  refundAmount: number;
  refunds: RefundRecord[];
}

export interface RefundResult {
  orderId: string | undefined;
  transactionId: string | undefined;
  /** 'refund' or 'partial_refund': the client refuses any other answer. */
  transactionStatus: string | undefined;
  statusCode: string;
  statusMessage: string | undefined;
  refundKey: string | undefined;
  refundAmount: number | undefined;
  refundChargebackId: number | undefined;
  grossAmount: number | undefined;
  raw: Readonly<Record<string, unknown>>;
}

export class ResponseShapeError extends Error {}

export function amountOf(value: string, field: string): number {
  const amount = parseGatewayAmount(value);
  if (amount === null) throw new ResponseShapeError(`${field} "${value}" is not a whole rupiah amount`);
  return amount;
}

function timeOf(value: string | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const t = parseWibTime(value);
  if (t === null) throw new ResponseShapeError(`${field} "${value}" is not a "YYYY-MM-DD HH:MM:SS" time`);
  return t;
}

export function parseTransactionBody(json: unknown): {
  body: TransactionBody;
  snapshot: TransactionSnapshot;
} {
  const parsed = transactionBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ResponseShapeError(
      `field ${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const b = parsed.data;
  return {
    body: b,
    snapshot: {
      orderId: b.order_id,
      transactionId: b.transaction_id,
      paymentType: b.payment_type,
      transactionStatus: b.transaction_status,
      fraudStatus: b.fraud_status,
      grossAmount: amountOf(b.gross_amount, 'gross_amount'),
      grossAmountText: b.gross_amount,
      statusCode: b.status_code,
      statusMessage: b.status_message,
      currency: b.currency,
      merchantId: b.merchant_id,
      transactionTime: timeOf(b.transaction_time, 'transaction_time'),
      // Midtrans documents both spellings; the newer one wins when both are present.
      expiryTime: timeOf(
        b.expiry_time ?? b.expire_time,
        b.expiry_time !== undefined ? 'expiry_time' : 'expire_time',
      ),
      settlementTime: timeOf(b.settlement_time, 'settlement_time'),
      acquirer: b.acquirer,
      issuer: b.issuer,
      transactionType: b.transaction_type,
      paymentOptionType: b.payment_option_type,
      raw: json as Record<string, unknown>,
    },
  };
}

export function parseActions(list: readonly unknown[] | undefined): GatewayAction[] {
  const actions: GatewayAction[] = [];
  for (const entry of list ?? []) {
    const a = actionSchema.safeParse(entry);
    // An action we cannot read is skipped rather than failing a charge that did happen.
    if (a.success)
      actions.push({ name: a.data.name, method: (a.data.method ?? 'GET').toUpperCase(), url: a.data.url });
  }
  return actions;
}

const refundEntrySchema = z.looseObject({
  refund_key: optionalText,
  refund_amount: text,
  created_at: optionalText,
  reason: optionalText,
  refund_chargeback_id: z.union([z.number(), z.string()]).optional(),
  refund_method: optionalText,
  bank_confirmed_at: optionalText,
});

function chargebackIdOf(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function parseRefunds(list: readonly unknown[] | undefined): RefundRecord[] {
  return (list ?? []).map((entry, i) => {
    const r = refundEntrySchema.safeParse(entry);
    if (!r.success) throw new ResponseShapeError(`refunds[${i}] is not a refund record`);
    const amount = amountOf(r.data.refund_amount, `refunds[${i}].refund_amount`);
    if (amount <= 0) throw new ResponseShapeError(`refunds[${i}] returns nothing (${amount})`);
    return {
      refundKey: r.data.refund_key,
      amount,
      createdAt: timeOf(r.data.created_at, `refunds[${i}].created_at`),
      reason: r.data.reason,
      refundChargebackId: chargebackIdOf(r.data.refund_chargeback_id),
      method: r.data.refund_method,
      bankConfirmedAt: timeOf(r.data.bank_confirmed_at, `refunds[${i}].bank_confirmed_at`),
    };
  });
}

const refundBodySchema = z.looseObject({
  status_code: text,
  status_message: optionalText,
  transaction_id: optionalText,
  order_id: optionalText,
  transaction_status: optionalText,
  refund_key: optionalText,
  refund_amount: optionalText,
  refund_chargeback_id: z.union([z.number(), z.string()]).optional(),
  gross_amount: optionalText,
});

export function parseRefundBody(json: unknown): RefundResult {
  const parsed = refundBodySchema.safeParse(json);
  if (!parsed.success) throw new ResponseShapeError('refund answer has no status_code');
  const b = parsed.data;
  const id = chargebackIdOf(b.refund_chargeback_id);
  return {
    orderId: b.order_id,
    transactionId: b.transaction_id,
    transactionStatus: b.transaction_status,
    statusCode: b.status_code,
    statusMessage: b.status_message,
    refundKey: b.refund_key,
    refundAmount: b.refund_amount === undefined ? undefined : amountOf(b.refund_amount, 'refund_amount'),
    refundChargebackId: id,
    grossAmount: b.gross_amount === undefined ? undefined : amountOf(b.gross_amount, 'gross_amount'),
    raw: json as Record<string, unknown>,
  };
}
