/**
 * Failures on the wire. The rule under test: a state-changing call whose fate is unknown is
 * reported as ambiguous, and asking the gateway (status lookup) settles it; nothing is retried
 * blindly and no sale is charged twice.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator } from '../../main/emulator/index.ts';
import type { Fault, RunningEmulator } from '../../main/emulator/types.ts';
import { MidtransClient, chargeIdempotencyKey, type GatewayExchange } from '../../main/midtrans/client.ts';
import { failure } from '../support/failure.ts';

/** A fresh Idempotency-Key: each call here is a new charge attempt. */
const ik = () => ({ idempotencyKey: randomUUID() });

let emulator: RunningEmulator;
/** Patient enough that no call here times out unless the gateway is made to stall. */
let client: MidtransClient;
/**
 * For the timeout tests only. Its 400 ms always fires first against a far longer stall: the
 * emulator runs in this process, and its delay timer starts after the client's own.
 */
let impatient: MidtransClient;
const exchanges: GatewayExchange[] = [];
let seq = 0;
const orderId = (label: string) => `f-${label}-${++seq}`;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new MidtransClient({
    serverKey: emulator.serverKey,
    baseUrl: emulator.url,
    timeouts: { chargeMs: 10_000, statusMs: 10_000, actionMs: 10_000, qrCodeMs: 10_000 },
    onExchange: (e) => exchanges.push(e),
  });
  impatient = new MidtransClient({
    serverKey: emulator.serverKey,
    baseUrl: emulator.url,
    timeouts: { chargeMs: 400, statusMs: 400, actionMs: 400, qrCodeMs: 400 },
  });
});
afterAll(async () => {
  client.close();
  impatient.close();
  await emulator.close();
});
beforeEach(() => {
  emulator.control.clearFaults();
  emulator.control.clearRequests();
  exchanges.length = 0;
});

const charges = () => emulator.control.requests().filter((r) => r.target === 'charge').length;
const ordersFor = (id: string) => emulator.control.list().filter((o) => o.orderId === id);

describe('a charge whose answer is lost', () => {
  it('created but the answer dropped: ambiguous, found by status lookup, never charged twice', async () => {
    const id = orderId('drop');
    emulator.control.injectFault({ target: 'charge', fault: { kind: 'drop-response' } });
    const e = await failure(client.charge({ paymentType: 'gopay', orderId: id, grossAmount: 25000 }, ik()));
    expect(e).toMatchObject({ code: 'connection-lost', ambiguous: true, operation: 'charge' });
    const found = await client.findStatus(id);
    expect(found).toMatchObject({ orderId: id, transactionStatus: 'pending', grossAmount: 25000 });
    expect(charges()).toBe(1);
    expect(ordersFor(id)).toHaveLength(1);
  });

  it('connection reset before processing: ambiguous, the lookup says 404, so charging again is safe', async () => {
    const id = orderId('reset');
    emulator.control.injectFault({ target: 'charge', fault: { kind: 'reset' } });
    expect(
      await failure(client.charge({ paymentType: 'qris', orderId: id, grossAmount: 25000 }, ik())),
    ).toMatchObject({ code: 'connection-lost', ambiguous: true });
    expect(await client.findStatus(id)).toBeNull();
    const retry = await client.charge({ paymentType: 'qris', orderId: id, grossAmount: 25000 }, ik());
    expect(retry.transactionStatus).toBe('pending');
    expect(ordersFor(id)).toHaveLength(1);
  });

  it('a slow gateway: the client times out (ambiguous); the charge that completes later is found', async () => {
    const id = orderId('slow');
    emulator.control.injectFault({ target: 'charge', fault: { kind: 'delay', ms: 1200 } });
    const e = await failure(impatient.charge({ paymentType: 'gopay', orderId: id, grossAmount: 1000 }, ik()));
    expect(e).toMatchObject({ code: 'timeout', ambiguous: true });
    expect(e.message).toMatch(/unknown until a status lookup/);
    // The gateway finishes the charge after the client gave up: a lookup finds it once it has.
    await vi.waitFor(async () => expect((await client.findStatus(id))?.transactionStatus).toBe('pending'), {
      timeout: 10_000,
      interval: 100,
    });
    expect(ordersFor(id)).toHaveLength(1);
  });

  it.each<[string, Fault['kind'] extends string ? Fault : never]>([
    ['HTML', { kind: 'malformed', body: 'html' }],
    ['truncated JSON', { kind: 'malformed', body: 'truncated-json' }],
    ['an empty body', { kind: 'malformed', body: 'empty' }],
    ['a JSON non-object', { kind: 'malformed', body: 'not-json-object' }],
  ])('a charge answered with %s: malformed and ambiguous, and the charge exists', async (_label, fault) => {
    const id = orderId('malformed');
    emulator.control.injectFault({ target: 'charge', fault });
    expect(
      await failure(client.charge({ paymentType: 'gopay', orderId: id, grossAmount: 1000 }, ik())),
    ).toMatchObject({ code: 'malformed-response', ambiguous: true });
    expect((await client.findStatus(id))?.orderId).toBe(id);
  });

  it('a re-sent identical charge is answered from the idempotency cache, not charged again', async () => {
    const id = orderId('replay');
    const attempt = { idempotencyKey: chargeIdempotencyKey(id, 1) };
    const first = await client.charge({ paymentType: 'qris', orderId: id, grossAmount: 33000 }, attempt);
    const again = await client.charge({ paymentType: 'qris', orderId: id, grossAmount: 33000 }, attempt);
    expect(again.transactionId).toBe(first.transactionId);
    expect(again.qrString).toBe(first.qrString);
    expect(ordersFor(id)).toHaveLength(1);
    const keys = emulator.control
      .requests()
      .filter((r) => r.target === 'charge')
      .map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('an identical charge while the first is in flight gets 202: in progress, ambiguous', async () => {
    const id = orderId('inflight');
    // Long enough that the second request surely lands while the first is held.
    emulator.control.injectFault({ target: 'charge', fault: { kind: 'delay', ms: 1000 } });
    const attempt = { idempotencyKey: chargeIdempotencyKey(id, 1) };
    const slow = client.charge({ paymentType: 'gopay', orderId: id, grossAmount: 5000 }, attempt);
    // Sent only once the first has reached the gateway.
    await vi.waitFor(() => expect(charges()).toBe(1), { timeout: 5000, interval: 10 });
    expect(
      await failure(client.charge({ paymentType: 'gopay', orderId: id, grossAmount: 5000 }, attempt)),
    ).toMatchObject({ code: 'in-progress', ambiguous: true, httpStatus: 202 });
    expect((await slow).orderId).toBe(id);
    expect(ordersFor(id)).toHaveLength(1);
  });
});

describe('errors the gateway reports', () => {
  it('HTTP 5xx on a charge: ambiguous; here it was not created', async () => {
    const id = orderId('5xx');
    emulator.control.injectFault({ target: 'charge', fault: { kind: 'http-error', httpStatus: 503 } });
    expect(
      await failure(client.charge({ paymentType: 'gopay', orderId: id, grossAmount: 1000 }, ik())),
    ).toMatchObject({ code: 'server-error', ambiguous: true, httpStatus: 503, statusCode: '503' });
    expect(await client.findStatus(id)).toBeNull();
  });

  it('an error status_code inside an HTTP 200 body', async () => {
    emulator.control.injectFault({
      target: 'charge',
      fault: { kind: 'body-error', statusCode: '500', statusMessage: 'Internal Server Error' },
    });
    expect(
      await failure(
        client.charge({ paymentType: 'gopay', orderId: orderId('b500'), grossAmount: 1000 }, ik()),
      ),
    ).toMatchObject({ code: 'server-error', httpStatus: 200, statusCode: '500' });
    emulator.control.injectFault({ target: 'status', fault: { kind: 'body-error', statusCode: '401' } });
    expect(await failure(client.status('x'))).toMatchObject({ code: 'unauthorized', httpStatus: 200 });
  });

  it('a burst of 429s with Retry-After, then the gateway answers again', async () => {
    const id = orderId('429');
    await client.charge({ paymentType: 'gopay', orderId: id, grossAmount: 1000 }, ik());
    emulator.control.injectFault({
      target: 'status',
      times: 3,
      fault: { kind: 'rate-limit', retryAfterSeconds: 2 },
    });
    for (let i = 0; i < 3; i++) {
      expect(await failure(client.status(id))).toMatchObject({
        code: 'rate-limited',
        retryAfterMs: 2000,
        ambiguous: false,
      });
    }
    expect((await client.status(id)).transactionStatus).toBe('pending');
  });

  it('a status call that hangs times out without being ambiguous (it changes nothing)', async () => {
    emulator.control.injectFault({ target: 'status', fault: { kind: 'hang' } });
    expect(await failure(impatient.status('anything'))).toMatchObject({ code: 'timeout', ambiguous: false });
  });

  it('nobody listening: a network error, nothing was sent', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const dead = new MidtransClient({ serverKey: 'SB-Mid-server-x', baseUrl: `http://127.0.0.1:${port}` });
    expect(
      await failure(dead.charge({ paymentType: 'gopay', orderId: 'n-1', grossAmount: 1000 }, ik())),
    ).toMatchObject({ code: 'network', ambiguous: false });
    dead.close();
  });

  it('an HTML 404 from a wrong path', async () => {
    const wrongPath = new MidtransClient({
      serverKey: emulator.serverKey,
      baseUrl: `${emulator.url}/not-midtrans`,
    });
    expect(await failure(wrongPath.status('o-1'))).toMatchObject({ code: 'not-found', httpStatus: 404 });
    wrongPath.close();
  });
});

describe('QR image download', () => {
  it('refuses a missing image, a non-PNG and an oversized one', async () => {
    const charge = await client.charge(
      { paymentType: 'qris', orderId: orderId('qr'), grossAmount: 1000 },
      ik(),
    );
    const url = charge.qrCodeUrl!;
    expect(
      await failure(client.fetchQrCode(url.replace(charge.transactionId, 'no-such-transaction'))),
    ).toMatchObject({ code: 'not-found' });
    emulator.control.injectFault({ target: 'qr-code', fault: { kind: 'malformed', body: 'html' } });
    expect((await failure(client.fetchQrCode(url))).message).toMatch(/did not return a PNG/);
    expect((await failure(client.fetchQrCode(url, 100))).message).toMatch(/larger than 100 bytes/);
    expect((await client.fetchQrCode(url)).png.length).toBeGreaterThan(100);
  });
});

describe('the exchange log', () => {
  it('records every call with its outcome, without credentials', async () => {
    const id = orderId('log');
    await client.charge({ paymentType: 'gopay', orderId: id, grossAmount: 1000 }, ik());
    await client.findStatus('missing-order');
    expect(exchanges.map((e) => [e.operation, e.method, e.httpStatus, e.statusCode, e.errorCode])).toEqual([
      ['charge', 'POST', 200, '201', undefined],
      ['status', 'GET', 200, '404', 'not-found'],
    ]);
    expect(exchanges[0]?.idempotencyKey).toBeTruthy();
    expect(JSON.stringify(exchanges)).not.toContain(emulator.serverKey);
  });
});
