import { timingSafeEqual } from 'node:crypto';

/**
 * Midtrans Basic auth: the server key is the user name and the password is empty (reference §1.2).
 * A key followed by any password is refused, since the real gateway treats "key:x" as another key.
 */
export function isAuthorized(header: string | undefined, serverKey: string): boolean {
  if (header === undefined) return false;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!m || m[1] === undefined) return false;
  const given = Buffer.from(m[1], 'base64');
  const expected = Buffer.from(`${serverKey}:`, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function basicAuthHeader(serverKey: string): string {
  return `Basic ${Buffer.from(`${serverKey}:`, 'utf8').toString('base64')}`;
}
