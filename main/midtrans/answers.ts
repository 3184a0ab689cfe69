/**
 * What each call's answer must say before the client returns it: for the order asked about, for
 * the amount charged, a QR that can be shown, and — for a status — whether it means paid. Pure
 * functions over parsed JSON; a ResponseShapeError here becomes 'malformed-response'.
 */
import { parseEmvco } from './emvco.ts';
import {
  ResponseShapeError,
  amountOf,
  parseActions,
  parseRefundBody,
  parseRefunds,
  parseTransactionBody,
  type ChargeResult,
  type RefundResult,
  type StatusResult,
  type TransactionBody,
  type TransactionSnapshot,
} from './responses.ts';
import type { ChargeRequest } from './validate.ts';

export function chargeAnswer(json: unknown, req: ChargeRequest): ChargeResult {
  const { body: b, snapshot } = parseTransactionBody(json);
  if (snapshot.orderId !== req.orderId)
    throw new ResponseShapeError(`answer is for order ${snapshot.orderId}, not ${req.orderId}`);
  if (snapshot.grossAmount !== req.grossAmount) {
    throw new ResponseShapeError(`answer has gross_amount ${snapshot.grossAmount}, not ${req.grossAmount}`);
  }
  const actions = parseActions(b.actions);
  const result: ChargeResult = {
    ...snapshot,
    actions,
    qrCodeUrl: actions.find((a) => a.name === 'generate-qr-code')?.url,
    deeplinkUrl: actions.find((a) => a.name === 'deeplink-redirect')?.url,
    qrString: b.qr_string,
  };
  if (result.qrString !== undefined) checkQrString(result.qrString, req.grossAmount);
  if (
    result.transactionStatus === 'pending' &&
    result.qrCodeUrl === undefined &&
    result.qrString === undefined
  ) {
    throw new ResponseShapeError('a pending charge came back with neither a QR code URL nor a qr_string');
  }
  return result;
}

/** A status, cancel or expire answer, which must be about the transaction asked for. */
export function transactionAnswer(
  json: unknown,
  ref: string,
): { body: TransactionBody; snapshot: TransactionSnapshot } {
  const parsed = parseTransactionBody(json);
  const { snapshot } = parsed;
  if (snapshot.orderId !== ref && snapshot.transactionId !== ref) {
    throw new ResponseShapeError(`answer is for order ${snapshot.orderId}, not ${ref}`);
  }
  return parsed;
}

/** A status answer whose signature has been verified, with what it means for the sale. */
export function statusResult(body: TransactionBody, snapshot: TransactionSnapshot): StatusResult {
  const refunds = parseRefunds(body.refunds);
  const listed = refunds.reduce((sum, r) => sum + r.amount, 0);
  const refundAmount =
    body.refund_amount === undefined ? listed : amountOf(body.refund_amount, 'refund_amount');
  // refund_amount is cumulative (reference §3.2): more than was paid, or a list that does not add
  // up to it, is not an answer a refund decision can rest on.
  if (refundAmount > snapshot.grossAmount) {
    throw new ResponseShapeError(
      `refund_amount ${refundAmount} is more than gross_amount ${snapshot.grossAmount}`,
    );
  }
  if (body.refunds !== undefined && listed !== refundAmount) {
    throw new ResponseShapeError(`refunds[] add up to ${listed} but refund_amount says ${refundAmount}`);
  }
  return { ...snapshot, paid: isPaid(snapshot), refundAmount, refunds };
}

/** What the caller asked for: the answer must be about this very refund. */
export interface RefundAsked {
  ref: string;
  refundKey: string;
  /** Absent: the whole remaining amount, whatever the gateway makes of it. */
  amount: number | undefined;
}

/**
 * A refund answer the caller may act on: status_code "200" for this order (or transaction), in
 * a refund state, for the key and the amount asked. Anything else is not this refund's approval;
 * the client reports it as malformed (ambiguous), so the caller looks the refund up instead.
 * "202 Refund denied by the bank" (reference §4.4) is a refusal, not an answer to doubt.
 */
export function refundAnswer(json: unknown, asked: RefundAsked): RefundResult | { denied: RefundResult } {
  const result = parseRefundBody(json);
  if (result.orderId === undefined && result.transactionId === undefined)
    throw new ResponseShapeError('refund answer names no order_id or transaction_id');
  if (result.orderId !== asked.ref && result.transactionId !== asked.ref) {
    throw new ResponseShapeError(
      `refund answer is for order ${result.orderId ?? result.transactionId}, not ${asked.ref}`,
    );
  }
  if (result.statusCode === '202') return { denied: result };
  if (result.statusCode !== '200')
    throw new ResponseShapeError(`refund answer has status_code ${result.statusCode}, not "200"`);
  if (result.transactionStatus !== 'refund' && result.transactionStatus !== 'partial_refund') {
    throw new ResponseShapeError(
      `refund answer leaves the transaction ${result.transactionStatus ?? '(no status)'}, not refunded`,
    );
  }
  if (result.refundKey !== undefined && result.refundKey !== asked.refundKey)
    throw new ResponseShapeError(
      `refund answer is for refund_key ${result.refundKey}, not ${asked.refundKey}`,
    );
  const amount = result.refundAmount;
  if (amount === undefined || amount <= 0)
    throw new ResponseShapeError('refund answer does not say how much was refunded');
  if (asked.amount !== undefined && amount !== asked.amount)
    throw new ResponseShapeError(`refund answer says ${amount} was refunded, not the ${asked.amount} asked`);
  if (result.grossAmount !== undefined && amount > result.grossAmount)
    throw new ResponseShapeError(`refund answer refunds ${amount} of a ${result.grossAmount} payment`);
  return result;
}

/**
 * signature_key covers order_id, status_code and gross_amount, not transaction_status or
 * fraud_status. So a settlement must also carry settlement's own code ("200": a "201" pending
 * relabelled settlement is not paid), fraud accept, and a readable settlement_time not before
 * the transaction time (a cancel or refund answer, also "200", has none of its own).
 */
function isPaid(s: TransactionSnapshot): boolean {
  return (
    s.transactionStatus === 'settlement' &&
    s.statusCode === '200' &&
    (s.fraudStatus === undefined || s.fraudStatus === 'accept') &&
    s.settlementTime !== undefined &&
    (s.transactionTime === undefined || s.settlementTime >= s.transactionTime)
  );
}

/** A qr_string we would show must be intact (CRC) and ask for the amount we charged. */
function checkQrString(qr: string, grossAmount: number): void {
  const parsed = parseEmvco(qr);
  if (parsed === null || !parsed.crcValid)
    throw new ResponseShapeError('qr_string is not a valid EMVCo payload (CRC check failed)');
  const amountTag = parsed.tags['54'];
  if (amountTag !== undefined && Number(amountTag) !== grossAmount) {
    throw new ResponseShapeError(`qr_string asks for ${amountTag}, not ${grossAmount}`);
  }
}
