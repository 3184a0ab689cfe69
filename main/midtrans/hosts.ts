/**
 * Where the Core API lives, and where a client may be pointed. The server key travels in the
 * Authorization header of every request, so the gateway link is part of the key's protection:
 *
 * - production talks only to Midtrans's production host, over https, with no override;
 * - sandbox talks to Midtrans's sandbox host over https, or to a loopback address (127.0.0.0/8,
 *   ::1; http is fine there: the built-in emulator, a test server);
 * - training runs the built-in emulator on loopback.
 *
 * TLS to Midtrans's own hosts is also what protects the fields signature_key does not cover
 * (transaction_status, fraud_status): see the README's "Security" section.
 */
import { isIP } from 'node:net';
import { MidtransRequestError } from './errors.ts';

export type MidtransEnvironment = 'sandbox' | 'production';

export const MIDTRANS_BASE_URLS: Readonly<Record<MidtransEnvironment, string>> = {
  sandbox: 'https://api.sandbox.midtrans.com',
  production: 'https://api.midtrans.com',
};

/**
 * Hosts a charge answer's QR image may come from (https only). Midtrans's documented answers
 * name its API hosts, and older ones the veritrans.co.id hosts it grew from.
 */
const QR_IMAGE_HOSTS: Readonly<Record<MidtransEnvironment, readonly string[]>> = {
  sandbox: ['api.sandbox.midtrans.com', 'api.sandbox.veritrans.co.id'],
  production: ['api.midtrans.com', 'api.veritrans.co.id'],
};

/** 127.0.0.0/8 and ::1, written as addresses: a name could be made to resolve anywhere. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

function refuse(reason: 'wrong-type' | 'not-allowed', message: string): never {
  throw new MidtransRequestError('configure', 'baseUrl', reason, message);
}

/**
 * The base URL a client of `environment` may use, normalised (no trailing slash). Throws a
 * 'configure' MidtransRequestError whose message says what would be accepted.
 */
export function gatewayBaseUrl(environment: MidtransEnvironment, input: string | undefined): string {
  const official = MIDTRANS_BASE_URLS[environment];
  if (input === undefined) return official;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return refuse('wrong-type', `Invalid gateway URL: "${input}" is not a URL`);
  }
  if (url.username || url.password || url.search || url.hash) {
    refuse('not-allowed', 'Invalid gateway URL: no credentials, query or fragment allowed');
  }
  const normalized = url.toString().replace(/\/+$/, '');
  if (url.protocol === 'https:' && normalized === official) return normalized;
  if (environment === 'production') {
    refuse(
      'not-allowed',
      `Production talks only to ${official} (https); "${normalized}" is refused, because the production key would travel to it`,
    );
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname)) {
    return normalized;
  }
  return refuse(
    'not-allowed',
    `Sandbox talks only to ${official} (https) or to a loopback address (127.0.0.1, ::1: the emulator, a test server); "${normalized}" is refused`,
  );
}

/**
 * Whether a charge answer's QR image URL may be fetched: https on Midtrans's own hosts for the
 * environment, or — when the client itself talks to loopback (training, tests) — that loopback.
 */
export function qrImageUrlAllowed(
  url: URL,
  clientBaseUrl: string,
  environment: MidtransEnvironment,
): boolean {
  if (url.username || url.password) return false;
  if (url.protocol === 'https:' && QR_IMAGE_HOSTS[environment].includes(url.hostname)) return true;
  const base = new URL(clientBaseUrl);
  return (
    isLoopbackHost(base.hostname) &&
    isLoopbackHost(url.hostname) &&
    (url.protocol === 'http:' || url.protocol === 'https:')
  );
}
