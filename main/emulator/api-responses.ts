import { randomUUID } from 'node:crypto';
import { formatGatewayAmount } from '../midtrans/money.ts';
import { computeSignatureKey } from '../midtrans/signature.ts';
import { formatWibTime } from '../midtrans/wib-time.ts';
import type { OrderRecord, RefundRecord } from './ledger.ts';
import type { TransactionStatus } from './types.ts';

/**
 * Midtrans-shaped JSON bodies. Field names, codes and messages follow the reference (§2–§4);
 * null fields are omitted rather than sent as null, as Midtrans does (§1.4).
 */

export type Body = Record<string, unknown>;

export interface ResponseContext {
  baseUrl: string;
  merchantId: string;
  serverKey: string;
}

export const MSG = {
  validation: 'One or more parameters in the payload is invalid.',
  unauthorized: 'Transaction cannot be authorized with the current client/server key.',
  paymentTypeUnavailable: "Merchant doesn't have access for this payment type",
  notFound: "Transaction doesn't exist.",
  duplicateOrder:
    'The request could not be completed due to a conflict with the current state of the target resource, please try again',
  cannotUpdate: 'Transaction status cannot be updated.',
  malformed: 'Malformed syntax in request body',
  invalidRefundAmount: 'Refund request is rejected due to invalid amount',
  duplicateRefund: 'Duplicate refund ID',
  found: 'Success, transaction is found',
  canceled: 'Success, transaction is canceled',
  expired: 'Success, transaction is expired',
  refunded: 'Success, refund request is approved',
  refundDenied: 'Refund denied by the bank',
  unexpected: 'An unexpected error occurred',
} as const;

/** Default messages for injected body errors, from the reference's code tables (§6.1). */
const MESSAGE_BY_CODE: Record<string, string> = {
  '400': MSG.validation,
  '401': MSG.unauthorized,
  '402': MSG.paymentTypeUnavailable,
  '404': MSG.notFound,
  '406': MSG.duplicateOrder,
  '410': 'Merchant account is deactivated',
  '412': MSG.cannotUpdate,
  '413': MSG.malformed,
  '414': MSG.invalidRefundAmount,
  '500': 'Internal Server Error',
  '501': 'Feature is not available',
  '502': 'Internal Server Error: Bank Connection Problem',
  '503': 'Bank/partner is experiencing connection issue.',
  '504': 'Internal Server Error: Fraud detection is unavailable',
  '505': 'Requested payment reference is not available',
};

export function errorBody(statusCode: string, statusMessage?: string, extra: Body = {}): Body {
  return {
    status_code: statusCode,
    status_message: statusMessage ?? MESSAGE_BY_CODE[statusCode] ?? 'Emulated error',
    ...extra,
    id: randomUUID(),
  };
}

export function validationBody(messages: string[]): Body {
  return errorBody('400', MSG.validation, { validation_messages: messages });
}

/** status_code of a status answer per transaction state (reference §3.1; deny → 202 is a choice). */
const STATUS_CODE_BY_STATE: Record<TransactionStatus, string> = {
  pending: '201',
  settlement: '200',
  cancel: '200',
  refund: '200',
  partial_refund: '200',
  expire: '407',
  deny: '202',
  // Not documented for GoPay/QRIS (chargebacks are a card matter in §3.5): the refund states' code.
  chargeback: '200',
  partial_chargeback: '200',
};

function transactionFields(order: OrderRecord, ctx: ResponseContext): Body {
  const fields: Body = {
    transaction_id: order.transactionId,
    order_id: order.orderId,
    merchant_id: ctx.merchantId,
    gross_amount: formatGatewayAmount(order.grossAmount),
    currency: 'IDR',
    payment_type: order.reportedPaymentType,
    transaction_time: formatWibTime(order.transactionTimeMs),
    transaction_status: order.status,
    fraud_status: order.fraudStatus,
    expiry_time: formatWibTime(order.expiryTimeMs),
  };
  if (order.settlementTimeMs !== null) fields['settlement_time'] = formatWibTime(order.settlementTimeMs);
  if (order.acquirer !== null) fields['acquirer'] = order.acquirer;
  if (order.issuer !== null) fields['issuer'] = order.issuer;
  if (order.transactionType !== null) fields['transaction_type'] = order.transactionType;
  if (order.merchantCrossReferenceId !== null)
    fields['merchant_cross_reference_id'] = order.merchantCrossReferenceId;
  if (order.paymentOptionType !== null) fields['payment_option_type'] = order.paymentOptionType;
  return fields;
}

export function chargeBody(order: OrderRecord, ctx: ResponseContext): Body {
  const tid = order.transactionId;
  const isQris = order.paymentType === 'qris';
  const body: Body = {
    status_code: '201',
    status_message: isQris ? 'QRIS transaction is created' : 'GoPay transaction is created',
    ...transactionFields(order, ctx),
  };
  body['actions'] = isQris
    ? [{ name: 'generate-qr-code', method: 'GET', url: `${ctx.baseUrl}/v2/qris/${tid}/qr-code` }]
    : [
        { name: 'generate-qr-code', method: 'GET', url: `${ctx.baseUrl}/v2/gopay/${tid}/qr-code` },
        {
          name: 'deeplink-redirect',
          method: 'GET',
          url: `${ctx.baseUrl}/gopay/partner/app/payment-pin?id=${tid}`,
        },
        { name: 'get-status', method: 'GET', url: `${ctx.baseUrl}/v2/${tid}/status` },
        { name: 'cancel', method: 'POST', url: `${ctx.baseUrl}/v2/${tid}/cancel` },
      ];
  // GoPay answers never include qr_string (reference §2.3), although its QR image encodes one.
  if (isQris) body['qr_string'] = order.qrString;
  return body;
}

export function statusBody(order: OrderRecord, ctx: ResponseContext): Body {
  const statusCode = STATUS_CODE_BY_STATE[order.status];
  const fields = transactionFields(order, ctx);
  const body: Body = { status_code: statusCode, status_message: MSG.found, ...fields, ...order.extras };
  if (order.refunds.length > 0) {
    body['refunds'] = order.refunds.map(refundEntry);
    body['refund_amount'] = formatGatewayAmount(order.refunds.reduce((sum, r) => sum + r.amount, 0));
  }
  // Signed over this very answer's status_code and gross_amount string (reference §5).
  body['signature_key'] = computeSignatureKey(
    order.orderId,
    statusCode,
    fields['gross_amount'] as string,
    ctx.serverKey,
  );
  return body;
}

function refundEntry(refund: RefundRecord): Body {
  const entry: Body = {
    refund_chargeback_id: refund.refundChargebackId,
    refund_chargeback_uuid: refund.refundChargebackUuid,
    refund_amount: formatGatewayAmount(refund.amount),
    created_at: formatWibTime(refund.createdAtMs),
  };
  if (refund.reason !== null) entry['reason'] = refund.reason;
  entry['refund_key'] = refund.refundKey;
  // A chargeback's method is this emulator's choice (UNCONFIRMED); a refund's is the docs' sample.
  entry['refund_method'] = refund.kind === 'chargeback' ? 'chargeback' : 'online';
  entry['bank_confirmed_at'] = formatWibTime(refund.createdAtMs);
  return entry;
}

export function cancelBody(order: OrderRecord, ctx: ResponseContext): Body {
  return { status_code: '200', status_message: MSG.canceled, ...transactionFields(order, ctx) };
}

export function expireBody(order: OrderRecord, ctx: ResponseContext): Body {
  return { status_code: '407', status_message: MSG.expired, ...transactionFields(order, ctx) };
}

/** The documented rejection of a direct refund (§4.4): nothing refunded, the payment unchanged. */
export function refundDeniedBody(order: OrderRecord, refundKey: string | null, ctx: ResponseContext): Body {
  return {
    status_code: '202',
    status_message: MSG.refundDenied,
    ...transactionFields(order, ctx),
    refund_amount: '0.00',
    refund_key: refundKey ?? randomUUID(),
  };
}

export function refundBody(order: OrderRecord, refund: RefundRecord, ctx: ResponseContext): Body {
  return {
    status_code: '200',
    status_message: MSG.refunded,
    ...transactionFields(order, ctx),
    refund_chargeback_id: refund.refundChargebackId,
    refund_amount: formatGatewayAmount(refund.amount),
    refund_key: refund.refundKey,
  };
}
