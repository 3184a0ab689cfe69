/**
 * The per-run tokens that decide who is talking: whoever holds the cashier token may drive sales,
 * the display token only reads. They live in the URLs `npm run serve` prints and nowhere else.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../common/contract.ts';

export type RoleTokens = Readonly<Record<Role, string>>;

/** 32 random bytes each: unguessable even by a LAN neighbour trying all day. */
export function randomTokens(): RoleTokens {
  return { cashier: randomBytes(32).toString('base64url'), display: randomBytes(32).toString('base64url') };
}

/** A role is only decided by its token, so the two must never be confused for each other. */
export function checkTokens(tokens: RoleTokens): void {
  for (const [role, token] of Object.entries(tokens)) {
    if (token.length < 16 || !/^[A-Za-z0-9_-]+$/.test(token)) {
      throw new RangeError(`the ${role} token must be at least 16 URL-safe characters`);
    }
  }
  if (tokens.cashier === tokens.display) throw new RangeError('the cashier and display tokens must differ');
}

// Hashing first gives both sides the same length, so the comparison time says nothing about
// how long the real token is or how much of it a guess got right.
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (candidate === null || candidate === undefined) return false;
  return timingSafeEqual(digest(candidate), digest(token));
}

/** The role a token belongs to; both are always compared, so timing does not reveal which matched. */
export function roleOfToken(candidate: string | null | undefined, tokens: RoleTokens): Role | undefined {
  const cashier = tokenMatches(candidate, tokens.cashier);
  const display = tokenMatches(candidate, tokens.display);
  if (cashier) return 'cashier';
  if (display) return 'display';
  return undefined;
}
