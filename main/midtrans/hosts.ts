/** Where the Core API lives, and which base URLs a client may be pointed at. */
import { MidtransRequestError } from './errors.ts';

export type MidtransEnvironment = 'sandbox' | 'production';

export const MIDTRANS_BASE_URLS: Readonly<Record<MidtransEnvironment, string>> = {
  sandbox: 'https://api.sandbox.midtrans.com',
  production: 'https://api.midtrans.com',
};

export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new MidtransRequestError(
      'configure',
      'baseUrl',
      'wrong-type',
      `Invalid baseUrl: "${input}" is not a URL`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MidtransRequestError(
      'configure',
      'baseUrl',
      'not-allowed',
      'Invalid baseUrl: only http and https are allowed',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new MidtransRequestError(
      'configure',
      'baseUrl',
      'not-allowed',
      'Invalid baseUrl: no credentials, query or fragment allowed',
    );
  }
  return url.toString().replace(/\/+$/, '');
}
