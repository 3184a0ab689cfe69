import type { PaymentType } from '../../common/midtrans-limits.ts';

/** What a request is aimed at; decided from method and path alone, before auth or body. */
export type Route =
  | { kind: 'charge' }
  | { kind: 'status'; id: string }
  | { kind: 'cancel'; id: string }
  | { kind: 'expire'; id: string }
  | { kind: 'refund'; id: string }
  | { kind: 'qr-code'; paymentType: PaymentType; transactionId: string }
  | { kind: 'simulator'; transactionId: string }
  | { kind: 'control'; segments: string[] }
  | { kind: 'unknown' };

export type ApiRoute = Extract<
  Route,
  { kind: 'charge' | 'status' | 'cancel' | 'expire' | 'refund' | 'qr-code' }
>;

export const SIMULATOR_PATH = '/gopay/partner/app/payment-pin';

export function matchRoute(method: string, rawUrl: string): Route {
  const url = new URL(rawUrl, 'http://emulator.invalid');
  let segments: string[];
  try {
    // Ids travel percent-encoded when an order_id holds reserved characters.
    segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return { kind: 'unknown' };
  }
  if (segments[0] === '_emulator') return { kind: 'control', segments: segments.slice(1) };
  if (url.pathname === SIMULATOR_PATH && (method === 'GET' || method === 'POST')) {
    const id = url.searchParams.get('id');
    return id ? { kind: 'simulator', transactionId: id } : { kind: 'unknown' };
  }
  if (segments[0] !== 'v2') return { kind: 'unknown' };
  const [, a, b, c, d] = segments;
  const n = segments.length;
  if (method === 'POST' && n === 2 && a === 'charge') return { kind: 'charge' };
  if (method === 'GET' && n === 4 && (a === 'gopay' || a === 'qris') && b && c === 'qr-code') {
    return { kind: 'qr-code', paymentType: a, transactionId: b };
  }
  if (!a) return { kind: 'unknown' };
  if (method === 'GET' && n === 3 && b === 'status') return { kind: 'status', id: a };
  if (method === 'POST' && n === 3 && b === 'cancel') return { kind: 'cancel', id: a };
  if (method === 'POST' && n === 3 && b === 'expire') return { kind: 'expire', id: a };
  if (method === 'POST' && n === 3 && b === 'refund') return { kind: 'refund', id: a };
  if (method === 'POST' && n === 5 && b === 'refund' && c === 'online' && d === 'direct')
    return { kind: 'refund', id: a };
  return { kind: 'unknown' };
}
