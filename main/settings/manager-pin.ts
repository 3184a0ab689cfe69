/**
 * The manager PIN: stored as a salted scrypt hash, compared in constant time, and guarded by a
 * lockout that survives a restart (the counters live in the settings document).
 *
 * A 4–8 digit PIN has at most 10^8 values, so no hash keeps it from someone who has copied the
 * file; the hash keeps it from being read at a glance, and the lockout is what stops guessing at
 * the till. The cost is therefore moderate: about 50 ms per try on the kiosk's hardware.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ManagerBlock, PinRecord } from './settings-document.ts';

export const PIN_HASH_PARAMETERS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
const SALT_BYTES = 16;

export const WRONG_PINS_BEFORE_LOCKOUT = 5;
export const FIRST_LOCKOUT_MS = 60_000;
export const LONGEST_LOCKOUT_MS = 60 * 60_000;

function derive(
  pin: string,
  salt: Buffer,
  p: Pick<PinRecord, 'N' | 'r' | 'p' | 'keyLength'>,
): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; the default ceiling (32 MiB) is exactly that at N=2^15, r=8.
  const options: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, p.keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPin(pin: string): Promise<PinRecord> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(pin, salt, PIN_HASH_PARAMETERS);
  return {
    algorithm: 'scrypt',
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    ...PIN_HASH_PARAMETERS,
  };
}

/** With the record's own parameters, so PINs hashed at another cost still verify. */
export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64');
  const actual = await derive(pin, Buffer.from(record.salt, 'base64'), record);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** How long the `lockouts`-th lockout in a row lasts: 1 min, 2, 4, … at most an hour. */
export function lockoutMs(lockouts: number): number {
  const doublings = Math.max(0, Math.min(lockouts - 1, 30));
  return Math.min(FIRST_LOCKOUT_MS * 2 ** doublings, LONGEST_LOCKOUT_MS);
}

export function lockedUntil(block: ManagerBlock, now: number): number | null {
  return block.lockedUntil !== null && block.lockedUntil > now ? block.lockedUntil : null;
}

export function attemptsLeft(block: ManagerBlock): number {
  return Math.max(0, WRONG_PINS_BEFORE_LOCKOUT - block.failedAttempts);
}

/** The counters after a wrong PIN; the fifth in a row starts a lockout and the count again. */
export function afterWrongPin(block: ManagerBlock, now: number): ManagerBlock {
  const failedAttempts = block.failedAttempts + 1;
  if (failedAttempts < WRONG_PINS_BEFORE_LOCKOUT) return { ...block, failedAttempts };
  const lockouts = block.lockouts + 1;
  return { ...block, failedAttempts: 0, lockouts, lockedUntil: now + lockoutMs(lockouts) };
}

export function afterRightPin(block: ManagerBlock): ManagerBlock {
  return { ...block, failedAttempts: 0, lockouts: 0, lockedUntil: null };
}
