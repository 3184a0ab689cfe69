/**
 * Where the key may travel. Production talks only to Midtrans's production host over https;
 * sandbox to its host over https or to loopback (the emulator, test servers); anything else is a
 * configuration error with a clear message, at the client, in the environment configuration and
 * in doctor. And a charge answer's QR image comes only from Midtrans's hosts over https.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv } from '../../main/host/env-config.ts';
import { MidtransClient } from '../../main/midtrans/client.ts';
import { MidtransRequestError } from '../../main/midtrans/errors.ts';
import { gatewayBaseUrl, isLoopbackHost, qrImageUrlAllowed } from '../../main/midtrans/hosts.ts';

describe('the gateway URL a client may use', () => {
  it.each([
    ['production', undefined, 'https://api.midtrans.com'],
    ['production', 'https://api.midtrans.com/', 'https://api.midtrans.com'],
    ['sandbox', undefined, 'https://api.sandbox.midtrans.com'],
    ['sandbox', 'https://api.sandbox.midtrans.com', 'https://api.sandbox.midtrans.com'],
    ['sandbox', 'http://127.0.0.1:3900/', 'http://127.0.0.1:3900'],
    ['sandbox', 'http://127.8.9.10:3900', 'http://127.8.9.10:3900'],
    ['sandbox', 'http://[::1]:3900', 'http://[::1]:3900'],
    ['sandbox', 'https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
  ] as const)('%s + %s → %s', (environment, url, expected) => {
    expect(gatewayBaseUrl(environment, url)).toBe(expected);
  });

  it.each([
    // The production key in clear Basic auth: the audit's finding.
    ['production', 'http://api.midtrans.com', /Production talks only to https:\/\/api\.midtrans\.com/],
    ['production', 'http://127.0.0.1:3900', /Production talks only to/],
    ['production', 'https://api.sandbox.midtrans.com', /Production talks only to/],
    ['production', 'https://api.midtrans.com.evil.example', /Production talks only to/],
    ['sandbox', 'http://api.sandbox.midtrans.com', /Sandbox talks only to/],
    ['sandbox', 'https://api.midtrans.com', /Sandbox talks only to/],
    ['sandbox', 'http://192.168.1.20:3900', /loopback/],
    ['sandbox', 'http://localhost:3900', /loopback/],
    ['sandbox', 'http://0.0.0.0:3900', /loopback/],
    ['sandbox', 'ftp://127.0.0.1', /refused/],
    ['sandbox', 'http://user:pw@127.0.0.1:3900', /credentials/],
    ['sandbox', 'not a url', /not a URL/],
  ] as const)('%s + %s is refused', (environment, url, message) => {
    expect(() => gatewayBaseUrl(environment, url)).toThrow(message);
    const error = (() => {
      try {
        new MidtransClient({ serverKey: 'SB-Mid-server-x', environment, baseUrl: url });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MidtransRequestError);
    expect((error as MidtransRequestError).operation).toBe('configure');
  });

  it('knows loopback by address only', () => {
    expect(['127.0.0.1', '127.255.0.1', '::1', '[::1]'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['localhost', '128.0.0.1', '10.0.0.1', '::2', 'api.midtrans.com'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('the environment configuration (CLI, browser mode)', () => {
  const base = { KIOSK_DATA_DIR: '/tmp/x' };
  it('refuses any URL for production, naming the variable', () => {
    expect(() =>
      configFromEnv({
        ...base,
        KIOSK_MODE: 'production',
        MIDTRANS_SERVER_KEY: 'Mid-server-abc',
        MIDTRANS_API_URL: 'http://api.midtrans.com',
      }),
    ).toThrow(ConfigError);
    expect(() =>
      configFromEnv({
        ...base,
        KIOSK_MODE: 'production',
        MIDTRANS_SERVER_KEY: 'Mid-server-abc',
        MIDTRANS_API_URL: 'http://api.midtrans.com',
      }),
    ).toThrow(/^MIDTRANS_API_URL: Production talks only to/);
  });

  it('accepts loopback for sandbox and refuses a LAN address', () => {
    const sandbox = { ...base, KIOSK_MODE: 'sandbox', MIDTRANS_SERVER_KEY: 'SB-Mid-server-abc' };
    expect(configFromEnv({ ...sandbox, MIDTRANS_API_URL: 'http://127.0.0.1:3900' }).apiUrl).toBe(
      'http://127.0.0.1:3900',
    );
    expect(() => configFromEnv({ ...sandbox, MIDTRANS_API_URL: 'http://192.168.0.5:3900' })).toThrow(
      /^MIDTRANS_API_URL: Sandbox talks only to/,
    );
  });
});

describe("a charge answer's QR image URL", () => {
  const official = 'https://api.sandbox.midtrans.com';
  it.each([
    ['https://api.sandbox.midtrans.com/v2/gopay/abc/qr-code', official, 'sandbox', true],
    ['https://api.sandbox.veritrans.co.id/v2/gopay/abc/qr-code', official, 'sandbox', true],
    ['https://api.midtrans.com//v4/qris/gopay/A1/qr-code', 'https://api.midtrans.com', 'production', true],
    ['http://api.sandbox.midtrans.com/v2/gopay/abc/qr-code', official, 'sandbox', false],
    ['https://api.midtrans.com/v2/gopay/abc/qr-code', official, 'sandbox', false],
    ['https://evil.example/qr.png', official, 'sandbox', false],
    ['http://127.0.0.1:3900/v2/gopay/abc/qr-code', official, 'sandbox', false],
    ['https://user@api.sandbox.midtrans.com/v2/gopay/abc/qr-code', official, 'sandbox', false],
    // A training or test client talks to loopback, and so may its QR images.
    ['http://127.0.0.1:3900/v2/gopay/abc/qr-code', 'http://127.0.0.1:3900', 'sandbox', true],
    ['http://10.0.0.9/qr.png', 'http://127.0.0.1:3900', 'sandbox', false],
  ] as const)('%s (client at %s, %s): %s', (url, clientBase, environment, allowed) => {
    expect(qrImageUrlAllowed(new URL(url), clientBase, environment)).toBe(allowed);
  });

  it('fetchQrCode refuses a URL off Midtrans before connecting', async () => {
    const client = new MidtransClient({ serverKey: 'SB-Mid-server-x' });
    const error = await client
      .fetchQrCode('http://api.sandbox.midtrans.com/v2/gopay/x/qr-code')
      .catch((e) => e);
    expect(error).toBeInstanceOf(MidtransRequestError);
    expect((error as Error).message).toMatch(/only https on Midtrans's sandbox hosts/);
    client.close();
  });
});
