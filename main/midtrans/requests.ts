/** The bodies and Idempotency-Keys of the requests the client sends, built from checked input. */
import { createHash } from 'node:crypto';
import type { ChargeRequest, RefundRequest } from './validate.ts';
import { formatWibOrderTime } from './wib-time.ts';

/**
 * The Idempotency-Key for one charge attempt of an order: stable across re-sends of that attempt
 * (a restart after a crash re-sends with the same key), different for the next attempt.
 */
export function chargeIdempotencyKey(orderId: string, attempt: number): string {
  if (!Number.isSafeInteger(attempt) || attempt < 1)
    throw new RangeError('attempt must be a positive integer');
  return derivedKey('charge', orderId, String(attempt));
}

/**
 * One path segment of a Core API URL, percent-encoded. The id has been validated already; a dot
 * segment is refused here as well, because "/v2/../status" would reach another endpoint with the
 * key attached.
 */
export function pathSegment(id: string): string {
  if (/^\.+$/.test(id)) throw new RangeError(`"${id}" is a path step, not a transaction id`);
  return encodeURIComponent(id);
}

/** A key derived from its parts: the same request always gets the same key. */
export function derivedKey(...parts: string[]): string {
  // base64url of SHA-256 is 43 characters, inside Midtrans' 46-character limit.
  return createHash('sha256').update(parts.join('\n'), 'utf8').digest('base64url');
}

export function chargeBody(req: ChargeRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    payment_type: req.paymentType,
    transaction_details: { order_id: req.orderId, gross_amount: req.grossAmount },
  };
  if (req.items) {
    body.item_details = req.items.map((item) => ({
      ...(item.id !== undefined ? { id: item.id } : {}),
      price: item.price,
      quantity: item.quantity,
      name: item.name,
    }));
  }
  if (req.customer) {
    const c = req.customer;
    body.customer_details = {
      ...(c.firstName !== undefined ? { first_name: c.firstName } : {}),
      ...(c.lastName !== undefined ? { last_name: c.lastName } : {}),
      ...(c.email !== undefined ? { email: c.email } : {}),
      ...(c.phone !== undefined ? { phone: c.phone } : {}),
    };
  }
  if (req.expiry) {
    body.custom_expiry = {
      ...(req.expiry.orderTime !== undefined ? { order_time: formatWibOrderTime(req.expiry.orderTime) } : {}),
      expiry_duration: req.expiry.duration,
      unit: req.expiry.unit ?? 'minute',
    };
  }
  if (req.paymentType === 'qris' && req.qrisAcquirer !== undefined)
    body.qris = { acquirer: req.qrisAcquirer };
  return body;
}

export function refundBody(req: RefundRequest, refundKey: string): Record<string, unknown> {
  const body: Record<string, unknown> = { refund_key: refundKey };
  if (req.amount !== undefined) body.amount = req.amount;
  if (req.reason !== undefined) body.reason = req.reason;
  return body;
}
