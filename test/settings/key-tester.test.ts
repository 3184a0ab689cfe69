import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/clock.ts';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { MidtransApiError } from '../../main/midtrans/errors.ts';
import { classifyKeyTestError, keyTestOrderId, testServerKey } from '../../main/settings/key-tester.ts';
import { SANDBOX_KEY, expectNoKeyIn, expectRefused, openUnlocked } from './helpers.ts';

const WRONG_KEY = 'SB-Mid-server-WrongKey_abcdefghij';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ serverKey: SANDBOX_KEY });
});
afterAll(async () => {
  await emulator.close();
});

/** A 127.0.0.1 port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const clock = new ManualClock();

describe('testServerKey against the emulator', () => {
  it('the right key: 404 for an order that cannot exist, so it works', async () => {
    const result = await testServerKey({
      environment: 'sandbox',
      key: SANDBOX_KEY,
      stored: true,
      baseUrl: emulator.url,
      clock,
    });
    expect(result).toEqual({
      environment: 'sandbox',
      outcome: 'works',
      stored: true,
      at: clock.now(),
      detail: { id: expect.stringContaining('diterima'), en: 'Midtrans sandbox accepted the server key.' },
    });
    const asked = emulator.control.requests().at(-1);
    expect(asked?.path).toMatch(/^\/v2\/keytest-[0-9a-f-]{36}\/status$/);
    expectNoKeyIn(JSON.stringify(result), SANDBOX_KEY);
  });

  it('a wrong key: 401, rejected, and the key appears nowhere in the answer', async () => {
    const result = await testServerKey({
      environment: 'sandbox',
      key: WRONG_KEY,
      stored: false,
      baseUrl: emulator.url,
      clock,
    });
    expect(result.outcome).toBe('rejected');
    expect(result.stored).toBe(false);
    expect(result.detail.en).toMatch(/refused this server key \(401\)/);
    expectNoKeyIn(JSON.stringify(result), WRONG_KEY);
  });

  it('a closed port: unreachable, quickly', async () => {
    const port = await closedPort();
    const started = Date.now();
    const result = await testServerKey({
      environment: 'sandbox',
      key: 'SB-Mid-server-abcdefghijkl',
      stored: false,
      baseUrl: `http://127.0.0.1:${port}`,
      clock,
    });
    expect(result.outcome).toBe('unreachable');
    expect(result.detail.id).toMatch(/tidak dapat dihubungi/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a gateway 5xx is unreachable; a web page at the wrong address is unexpected, not "works"', async () => {
    emulator.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 503 } });
    const down = await testServerKey({
      environment: 'sandbox',
      key: SANDBOX_KEY,
      stored: true,
      baseUrl: emulator.url,
      clock,
    });
    expect(down.outcome).toBe('unreachable');
    // The emulator's HTML 404 page: HTTP 404 without Midtrans' JSON body says nothing about the key.
    const page = await testServerKey({
      environment: 'sandbox',
      key: SANDBOX_KEY,
      stored: true,
      baseUrl: `${emulator.url}/not-the-api`,
      clock,
    });
    expect(page.outcome).toBe('unexpected');
  });

  it('a hung gateway times out as unreachable within the short timeout', async () => {
    emulator.control.injectFault({ target: 'status', fault: { kind: 'delay', ms: 3_000 } });
    const result = await testServerKey({
      environment: 'sandbox',
      key: SANDBOX_KEY,
      stored: true,
      baseUrl: emulator.url,
      clock,
      timeouts: { statusMs: 300 },
    });
    expect(result.outcome).toBe('unreachable');
  });

  it('classifies by code; anything else is unexpected', () => {
    const api = (code: 'not-found' | 'rate-limited', statusCode?: string) =>
      new MidtransApiError(code, 'x', { operation: 'status', ambiguous: false, statusCode });
    expect(classifyKeyTestError(api('not-found', '404'))).toBe('works');
    expect(classifyKeyTestError(api('not-found'))).toBe('unexpected');
    expect(classifyKeyTestError(api('rate-limited', '429'))).toBe('unexpected');
    expect(classifyKeyTestError(new Error('boom'))).toBe('unexpected');
    expect(keyTestOrderId()).not.toBe(keyTestOrderId());
    expect(keyTestOrderId().length).toBeLessThanOrEqual(50);
  });
});

describe('key.test through the settings commands', () => {
  it('tests the stored key and keeps the result; a typed key is tested but nothing is stored', async () => {
    const { service, store, logs } = await openUnlocked({ gatewayUrl: () => emulator.url });
    await expectRefused(async () => service.manager['key.test']({ environment: 'sandbox' }), 'key-missing');
    await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    const stored = await service.manager['key.test']({ environment: 'sandbox' });
    expect(stored).toMatchObject({ outcome: 'works', stored: true });
    expect((await service.manager['settings.read']({})).keys.sandbox.lastTest).toEqual(stored);
    expect(store.document).toMatchObject({ keys: { sandbox: { lastTest: { outcome: 'works' } } } });

    const text = store.text;
    const typed = await service.manager['key.test']({ environment: 'sandbox', key: WRONG_KEY });
    expect(typed).toMatchObject({ outcome: 'rejected', stored: false });
    expect(store.text).toBe(text);
    const malformed = await expectRefused(
      async () => service.manager['key.test']({ environment: 'sandbox', key: 'Mid-server-abcdefghijk' }),
      'settings-invalid',
    );
    expect(malformed.error.problems?.[0]?.code).toBe('key-wrong-environment');
    expectNoKeyIn(`${store.text ?? ''}\n${logs.join('\n')}`, SANDBOX_KEY);
    expectNoKeyIn(logs.join('\n'), WRONG_KEY);
  });

  it('browser mode tests the environment key and remembers the result for this run', async () => {
    const { service } = await openUnlocked({
      safeStorage: undefined,
      fixed: { mode: 'sandbox', serverKey: SANDBOX_KEY },
      gatewayUrl: (environment) => (environment === 'sandbox' ? emulator.url : undefined),
    });
    const result = await service.manager['key.test']({ environment: 'sandbox' });
    expect(result.outcome).toBe('works');
    expect((await service.manager['settings.read']({})).keys.sandbox.lastTest).toEqual(result);
    await expectRefused(
      async () => service.manager['key.test']({ environment: 'production' }),
      'key-missing',
    );
  });
});
