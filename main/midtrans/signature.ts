import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Midtrans' signature_key: SHA-512 hex of order_id + status_code + gross_amount + server key.
 * The inputs must be the exact strings of the answer being checked ("44000.00", the body's own
 * status_code), never re-formatted values, or a genuine answer fails to verify.
 */
export function computeSignatureKey(
  orderId: string,
  statusCode: string,
  grossAmount: string,
  serverKey: string,
): string {
  return createHash('sha512')
    .update(orderId + statusCode + grossAmount + serverKey, 'utf8')
    .digest('hex');
}

/** Constant-time comparison so a tampering peer learns nothing from response timing. */
export function isValidSignatureKey(
  signatureKey: string,
  orderId: string,
  statusCode: string,
  grossAmount: string,
  serverKey: string,
): boolean {
  const expected = Buffer.from(computeSignatureKey(orderId, statusCode, grossAmount, serverKey), 'utf8');
  const given = Buffer.from(signatureKey.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
