/**
 * Order ids a person can read off a receipt or the Midtrans dashboard: prefix, shop-local date
 * and time, and a random tail so two tills (or two sales in one second) never collide.
 * Example: K20261124-101500-7F3KQ2 (23 characters; Midtrans allows 50 of [A-Za-z0-9-_~.]).
 */
import { randomInt } from 'node:crypto';
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN } from '../../common/midtrans-limits.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread

export function newOrderId(prefix: string, nowMs: number, utcOffsetMinutes: number): string {
  const local = new Date(nowMs + utcOffsetMinutes * 60_000).toISOString(); // 2026-11-24T10:15:00.000Z
  const date = local.slice(0, 10).replaceAll('-', '');
  const time = local.slice(11, 19).replaceAll(':', '');
  let tail = '';
  for (let i = 0; i < 6; i++) tail += ALPHABET[randomInt(ALPHABET.length)];
  const id = `${prefix}${date}-${time}-${tail}`;
  if (id.length > ORDER_ID_MAX_LENGTH || !ORDER_ID_PATTERN.test(id)) {
    throw new RangeError(`order id prefix "${prefix}" makes an id Midtrans would refuse`);
  }
  return id;
}
