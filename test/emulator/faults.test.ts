import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../main/emulator/index.ts';
import { startHarness, uniqueOrderId } from './helpers.ts';
import type { Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());
beforeEach(() => h.emu.control.clearFaults());

const chargeBody = (orderId: string) => ({
  payment_type: 'qris',
  transaction_details: { order_id: orderId, gross_amount: 1000 },
});
const created = (orderId: string) => h.emu.control.list().some((o) => o.orderId === orderId);

describe('faults', () => {
  it('delay: waits, then answers normally', async () => {
    const order = await h.newOrder('qris');
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'delay', ms: 150 } });
    const t0 = performance.now();
    const a = await h.call('GET', `/v2/${order['order_id'] as string}/status`);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(a.json['status_code']).toBe('201');
  });

  it('http-error: default bodies for 500 and 503, custom body, nothing processed', async () => {
    const cases = [
      {
        fault: { kind: 'http-error', httpStatus: 500 } as const,
        status: 500,
        body: { message: 'An unexpected error occurred' },
      },
      {
        fault: { kind: 'http-error', httpStatus: 503 } as const,
        status: 503,
        body: { status_code: '503', status_message: 'Bank/partner is experiencing connection issue.' },
      },
      {
        fault: { kind: 'http-error', httpStatus: 502, body: { oops: true } } as const,
        status: 502,
        body: { oops: true },
      },
    ];
    for (const c of cases) {
      const orderId = uniqueOrderId('http');
      h.emu.control.injectFault({ target: 'charge', fault: c.fault });
      const a = await h.charge(chargeBody(orderId));
      expect(a.status).toBe(c.status);
      expect(a.json).toEqual(c.body);
      expect(created(orderId)).toBe(false);
    }
  });

  it('rate-limit: HTTP 429 with Retry-After, nothing processed', async () => {
    const orderId = uniqueOrderId('rl');
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'rate-limit', retryAfterSeconds: 7 } });
    const a = await h.charge(chargeBody(orderId));
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    expect(a.json).toEqual({ message: 'API rate limit exceeded' });
    expect(created(orderId)).toBe(false);
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'rate-limit' } });
    expect((await h.charge(chargeBody(orderId))).headers.get('retry-after')).toBeNull();
  });

  it('body-error: HTTP 200 carrying an error status_code, nothing processed', async () => {
    for (const statusCode of ['500', '401', 400] as const) {
      const orderId = uniqueOrderId('be');
      h.emu.control.injectFault({ target: 'charge', fault: { kind: 'body-error', statusCode } });
      const a = await h.charge(chargeBody(orderId));
      expect(a.status).toBe(200);
      expect(a.json['status_code']).toBe(String(statusCode));
      expect(a.json['status_message']).toEqual(expect.any(String));
      expect(created(orderId)).toBe(false);
    }
    h.emu.control.injectFault({
      target: 'status',
      fault: { kind: 'body-error', statusCode: '500', statusMessage: 'custom' },
    });
    expect((await h.call('GET', '/v2/x/status')).json).toMatchObject({
      status_code: '500',
      status_message: 'custom',
    });
  });

  it('reset: the socket dies before processing, so no order exists', async () => {
    const orderId = uniqueOrderId('reset');
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'reset' } });
    await expect(h.charge(chargeBody(orderId))).rejects.toThrow();
    expect(created(orderId)).toBe(false);
  });

  it('drop-response: the charge IS created but the answer is lost', async () => {
    const orderId = uniqueOrderId('drop');
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'drop-response' } });
    await expect(h.charge(chargeBody(orderId))).rejects.toThrow();
    expect(created(orderId)).toBe(true);
    expect((await h.call('GET', `/v2/${orderId}/status`)).json['transaction_status']).toBe('pending');
  });

  it('drop-response with an Idempotency-Key: the retry gets the lost answer', async () => {
    const orderId = uniqueOrderId('drop-idem');
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'drop-response' } });
    await expect(h.charge(chargeBody(orderId), { 'idempotency-key': orderId })).rejects.toThrow();
    const retry = await h.charge(chargeBody(orderId), { 'idempotency-key': orderId });
    expect(retry.json['status_code']).toBe('201');
    expect(h.emu.control.list().filter((o) => o.orderId === orderId)).toHaveLength(1);
  });

  it.each([
    ['html', (t: string) => expect(t).toContain('<html>')],
    ['truncated-json', (t: string) => expect(() => JSON.parse(t) as unknown).toThrow()],
    ['empty', (t: string) => expect(t).toBe('')],
    ['not-json-object', (t: string) => expect(Array.isArray(JSON.parse(t))).toBe(true)],
  ] as const)('malformed %s: processed, then answered with garbage', async (body, check) => {
    const orderId = uniqueOrderId(`mal-${body}`);
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'malformed', body } });
    const a = await h.charge(chargeBody(orderId));
    expect(a.status).toBe(200);
    check(a.text);
    expect(created(orderId)).toBe(true);
  });

  it('malformed on qr-code replaces the PNG', async () => {
    const order = await h.newOrder('qris');
    h.emu.control.injectFault({ target: 'qr-code', fault: { kind: 'malformed', body: 'html' } });
    const res = await fetch(`${h.emu.url}/v2/qris/${order['transaction_id'] as string}/qr-code`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('hang: never answers and processes nothing; close() still returns promptly', async () => {
    const own = await startEmulator();
    const auth = `Basic ${Buffer.from(`${own.serverKey}:`).toString('base64')}`;
    own.control.injectFault({ target: 'charge', fault: { kind: 'hang' } });
    const orderId = uniqueOrderId('hang');
    const hung = fetch(`${own.url}/v2/charge`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(chargeBody(orderId)),
      signal: AbortSignal.timeout(200),
    });
    await expect(hung).rejects.toThrow();
    expect(own.control.list()).toHaveLength(0);
    // An idle keep-alive connection plus a hung request still open at close time.
    expect((await fetch(`${own.url}/v2/ghost/status`, { headers: { authorization: auth } })).status).toBe(
      200,
    );
    own.control.injectFault({ target: 'status', fault: { kind: 'hang' } });
    const stillOpen = fetch(`${own.url}/v2/ghost/status`, { headers: { authorization: auth } }).then(
      () => 'answered',
      () => 'closed',
    );
    while (own.control.requests().length < 3) await new Promise((r) => setTimeout(r, 5));
    const t0 = performance.now();
    await own.close();
    // Generous: without destroying its sockets, close() would wait for the hung request forever.
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(await stillOpen).toBe('closed');
  });

  it('consumes rules FIFO per target, honours times, "any" and Infinity', async () => {
    const order = await h.newOrder('qris');
    const path = `/v2/${order['order_id'] as string}/status`;
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 500 } });
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'rate-limit' } });
    h.emu.control.injectFault({ target: 'status', times: 2, fault: { kind: 'rate-limit' } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await h.call('GET', path)).status);
    expect(codes).toEqual([500, 429, 429, 200]);
    // The charge rule is still queued.
    expect((await h.charge(chargeBody(uniqueOrderId()))).status).toBe(429);

    h.emu.control.injectFault({
      target: 'any',
      times: Infinity,
      fault: { kind: 'http-error', httpStatus: 503 },
    });
    for (let i = 0; i < 3; i++)
      expect((await h.call('POST', `/v2/${order['order_id'] as string}/cancel`)).status).toBe(503);
    h.emu.control.clearFaults();
    expect((await h.call('GET', path)).status).toBe(200);
  });

  it('faults hit only authenticated requests and are checked before idempotency replay', async () => {
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 500 } });
    expect((await h.call('GET', '/v2/x/status', undefined, { authorization: 'Basic eDo=' })).status).toBe(
      401,
    );
    expect((await h.call('GET', '/v2/x/status')).status).toBe(500);
  });

  it('rejects invalid rules', () => {
    const bad: unknown[] = [
      { target: 'nowhere', fault: { kind: 'reset' } },
      { target: 'charge', fault: { kind: 'explode' } },
      { target: 'charge', times: 0, fault: { kind: 'reset' } },
      { target: 'charge', fault: { kind: 'delay', ms: -1 } },
      { target: 'charge', fault: { kind: 'http-error', httpStatus: 200 } },
      { target: 'charge', fault: { kind: 'body-error', statusCode: 'abc' } },
      { target: 'charge', fault: { kind: 'malformed', body: 'xml' } },
    ];
    for (const rule of bad) expect(() => h.emu.control.injectFault(rule as never)).toThrow();
  });

  it('latency is added to API answers and can be changed at runtime', async () => {
    h.emu.control.setLatency(120);
    const t0 = performance.now();
    await h.call('GET', '/v2/ghost/status');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
    h.emu.control.setLatency(0);
    expect(() => h.emu.control.setLatency(-5)).toThrow();
  });
});
