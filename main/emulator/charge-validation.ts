import {
  DEFAULT_EXPIRY_SECONDS,
  EXPIRY_UNIT_SECONDS,
  ITEM_NAME_MAX_LENGTH,
  MAX_AMOUNT,
  MAX_EXPIRY_SECONDS,
  MAX_EXPIRY_SECONDS_SHOPEE,
  MIN_AMOUNT,
  MIN_EXPIRY_SECONDS,
  ORDER_ID_MAX_LENGTH,
  ORDER_ID_PATTERN,
  PAYMENT_TYPES,
  QRIS_ACQUIRERS,
} from '../../common/midtrans-limits.ts';
import type { ExpiryUnit, PaymentType, QrisAcquirer } from '../../common/midtrans-limits.ts';
import { parseWibTime } from '../midtrans/wib-time.ts';

/**
 * Charge request checks (reference §2.1, §7.1, §11). Midtrans only documents two message texts
 * ("transaction_details.order_id is required" and the item-sum one); the others follow the same
 * "<field path> <problem>" style so a cashier-facing log stays readable.
 */

export interface ValidCharge {
  paymentType: PaymentType;
  orderId: string;
  grossAmount: number;
  acquirer: QrisAcquirer | null;
  expiryTimeMs: number;
  /** Request fields that status answers echo back. */
  extras: Record<string, unknown>;
}

export type ChargeCheck =
  | { kind: 'ok'; charge: ValidCharge }
  | { kind: 'invalid'; messages: string[] }
  | { kind: 'payment-type-unavailable' };

export const ITEM_SUM_MESSAGE = 'transaction_details.gross_amount is not equal to the sum of item_details';
const CUSTOM_FIELD_MAX_LENGTH = 255;
const HOUR_MS = 3_600_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

export function validateCharge(body: Json, enabled: ReadonlySet<PaymentType>, nowMs: number): ChargeCheck {
  const rawType = body['payment_type'];
  if (isAbsent(rawType) || rawType === '') return { kind: 'invalid', messages: ['payment_type is required'] };
  if (typeof rawType !== 'string') return { kind: 'invalid', messages: ['payment_type must be a string'] };
  // Any other Midtrans payment type exists but is not enabled for this (emulated) merchant.
  const paymentType = PAYMENT_TYPES.find((t) => t === rawType);
  if (!paymentType || !enabled.has(paymentType)) return { kind: 'payment-type-unavailable' };

  const messages: string[] = [];
  const details = isObject(body['transaction_details']) ? body['transaction_details'] : {};
  const orderId = checkOrderId(details['order_id'], messages);
  const grossAmount = checkGrossAmount(details['gross_amount'], paymentType, messages);
  const itemSum = checkItems(body['item_details'], messages);
  if (grossAmount !== null && itemSum !== null && itemSum !== BigInt(grossAmount))
    messages.push(ITEM_SUM_MESSAGE);
  const acquirer = paymentType === 'qris' ? checkAcquirer(body['qris'], messages) : null;
  const expiryTimeMs = checkExpiry(body['custom_expiry'], acquirer, nowMs, messages);
  const extras = checkExtras(body, messages);

  if (messages.length > 0 || orderId === null || grossAmount === null || expiryTimeMs === null) {
    return { kind: 'invalid', messages };
  }
  return { kind: 'ok', charge: { paymentType, orderId, grossAmount, acquirer, expiryTimeMs, extras } };
}

function checkOrderId(value: unknown, messages: string[]): string | null {
  const field = 'transaction_details.order_id';
  if (isAbsent(value) || value === '') {
    messages.push(`${field} is required`);
    return null;
  }
  if (typeof value !== 'string') {
    messages.push(`${field} must be a string`);
    return null;
  }
  let ok = true;
  if (value.length > ORDER_ID_MAX_LENGTH) {
    messages.push(`${field} must not be longer than ${ORDER_ID_MAX_LENGTH} characters`);
    ok = false;
  }
  if (!ORDER_ID_PATTERN.test(value)) {
    messages.push(`${field} may only contain letters, digits, '-', '_', '~' and '.'`);
    ok = false;
  }
  return ok ? value : null;
}

function checkGrossAmount(value: unknown, paymentType: PaymentType, messages: string[]): number | null {
  const field = 'transaction_details.gross_amount';
  if (isAbsent(value)) {
    messages.push(`${field} is required`);
    return null;
  }
  // Strictly a JSON integer: Midtrans rejects decimals, and a string amount is a client bug worth surfacing.
  if (!isInteger(value)) {
    messages.push(`${field} must be an integer without decimals`);
    return null;
  }
  if (value < MIN_AMOUNT) {
    messages.push(`${field} must be at least ${MIN_AMOUNT}`);
    return null;
  }
  if (value > MAX_AMOUNT[paymentType]) {
    messages.push(`${field} must not exceed ${MAX_AMOUNT[paymentType]} for ${paymentType}`);
    return null;
  }
  return value;
}

/**
 * Sum of price × quantity, or null when absent or when any item is invalid. Added up in BigInt:
 * in doubles, lines past 2^53 could round into a sum that "equals" gross_amount.
 */
function checkItems(value: unknown, messages: string[]): bigint | null {
  if (isAbsent(value)) return null;
  if (!Array.isArray(value)) {
    messages.push('item_details must be an array');
    return null;
  }
  let sum = 0n;
  let ok = true;
  value.forEach((item: unknown, i) => {
    const at = `item_details[${i}]`;
    if (!isObject(item)) {
      messages.push(`${at} must be an object`);
      ok = false;
      return;
    }
    const { price, quantity, name } = item;
    if (isAbsent(price)) {
      messages.push(`${at}.price is required`);
      ok = false;
    } else if (!isInteger(price)) {
      messages.push(`${at}.price must be an integer without decimals`);
      ok = false;
    }
    if (isAbsent(quantity)) {
      messages.push(`${at}.quantity is required`);
      ok = false;
    } else if (!isInteger(quantity)) {
      messages.push(`${at}.quantity must be an integer`);
      ok = false;
    } else if (quantity < 1) {
      messages.push(`${at}.quantity must be at least 1`);
      ok = false;
    }
    if (isAbsent(name) || name === '') {
      messages.push(`${at}.name is required`);
      ok = false;
    } else if (typeof name !== 'string') {
      messages.push(`${at}.name must be a string`);
      ok = false;
    } else if (name.length > ITEM_NAME_MAX_LENGTH) {
      messages.push(`${at}.name must not be longer than ${ITEM_NAME_MAX_LENGTH} characters`);
      ok = false;
    }
    if (ok && isInteger(price) && isInteger(quantity)) sum += BigInt(price) * BigInt(quantity);
  });
  return ok ? sum : null;
}

function checkAcquirer(value: unknown, messages: string[]): QrisAcquirer {
  const raw = isObject(value) ? value['acquirer'] : undefined;
  if (isAbsent(raw)) return 'gopay';
  const acquirer = QRIS_ACQUIRERS.find((a) => a === raw);
  if (!acquirer) {
    messages.push(`qris.acquirer must be one of: ${QRIS_ACQUIRERS.join(', ')}`);
    return 'gopay';
  }
  return acquirer;
}

function checkExpiry(
  value: unknown,
  acquirer: QrisAcquirer | null,
  nowMs: number,
  messages: string[],
): number | null {
  if (isAbsent(value)) return nowMs + DEFAULT_EXPIRY_SECONDS * 1000;
  if (!isObject(value)) {
    messages.push('custom_expiry must be an object');
    return null;
  }
  const { order_time: orderTime, expiry_duration: duration, unit: rawUnit } = value;
  let base = nowMs;
  if (!isAbsent(orderTime)) {
    const parsed = typeof orderTime === 'string' ? parseOrderTime(orderTime) : null;
    if (parsed === null) {
      messages.push('custom_expiry.order_time must look like "2016-12-07 11:54:12 +0700"');
      return null;
    }
    base = parsed;
  }
  let unit: ExpiryUnit = 'minute';
  if (!isAbsent(rawUnit)) {
    const known = (Object.keys(EXPIRY_UNIT_SECONDS) as ExpiryUnit[]).find((u) => u === rawUnit);
    if (!known) {
      messages.push('custom_expiry.unit must be one of: second, minute, hour, day');
      return null;
    }
    unit = known;
  }
  if (isAbsent(duration)) {
    messages.push('custom_expiry.expiry_duration is required');
    return null;
  }
  if (!isInteger(duration) || duration <= 0) {
    messages.push('custom_expiry.expiry_duration must be a positive integer');
    return null;
  }
  const seconds = duration * EXPIRY_UNIT_SECONDS[unit];
  const max = acquirer === 'airpay shopee' ? MAX_EXPIRY_SECONDS_SHOPEE : MAX_EXPIRY_SECONDS;
  if (seconds < MIN_EXPIRY_SECONDS) {
    messages.push(`custom_expiry must be at least ${MIN_EXPIRY_SECONDS} seconds`);
    return null;
  }
  if (seconds > max) {
    const limit = `${max / 86_400} days${acquirer === 'airpay shopee' ? ' for acquirer airpay shopee' : ''}`;
    messages.push(`custom_expiry exceeds the maximum of ${limit}`);
    return null;
  }
  const expiry = base + seconds * 1000;
  // Accepting it would hand out a QR that is dead on arrival; refusing makes the client bug visible.
  if (expiry <= nowMs) {
    messages.push('custom_expiry.order_time plus expiry_duration is already in the past');
    return null;
  }
  return expiry;
}

/** "YYYY-MM-DD HH:MM:SS +HHMM" → epoch ms, honouring the given offset (not only +0700). */
export function parseOrderTime(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text);
  if (!m || m[1] === undefined) return null;
  const asWib = parseWibTime(m[1]);
  if (asWib === null) return null;
  const offsetMs = (Number(m[3]) * 60 + Number(m[4])) * 60_000 * (m[2] === '-' ? -1 : 1);
  return asWib + 7 * HOUR_MS - offsetMs;
}

function checkExtras(body: Json, messages: string[]): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const key of ['custom_field1', 'custom_field2', 'custom_field3']) {
    const value = body[key];
    if (isAbsent(value)) continue;
    if (typeof value !== 'string' || value.length > CUSTOM_FIELD_MAX_LENGTH) {
      messages.push(`${key} must be a string of at most ${CUSTOM_FIELD_MAX_LENGTH} characters`);
    } else {
      extras[key] = value;
    }
  }
  const metadata = body['metadata'];
  if (!isAbsent(metadata)) {
    if (isObject(metadata)) extras['metadata'] = metadata;
    else messages.push('metadata must be an object');
  }
  return extras;
}
