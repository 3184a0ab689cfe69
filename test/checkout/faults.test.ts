import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayHealth } from '../../common/order.ts';
import { startTamperProxy, type TamperProxy } from '../support/tamper-proxy.ts';
import { finalOf, sleep, startHarness, type Harness } from './harness.ts';

let h: Harness;
let proxy: TamperProxy | undefined;
afterEach(async () => {
  await h?.close();
  await proxy?.close();
  proxy = undefined;
});

/** Transactions the emulator holds for one order_id, and how many were ever live at once. */
function attemptsAt(order: { orderId: string }) {
  return h.emu.control.list().filter((o) => o.orderId === order.orderId);
}

function healthSeen(): GatewayHealth[] {
  return h.events.flatMap((e) => (e.type === 'health' ? [e.health] : []));
}

describe('a charge whose answer is in doubt is settled by asking, never by charging twice', () => {
  it('answer dropped after the gateway created it: adopted by lookup, QR recovered by replay', async () => {
    h = await startHarness();
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'drop-response' } });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 44_000 });
    expect(order.state).toBe('pending');
    expect(order.attempt).toBe(1);
    expect(order.qr?.source).toBe('gateway');
    const attempts = attemptsAt(order);
    expect(attempts).toHaveLength(1);
    expect(order.transactionId).toBe(attempts[0]?.transactionId);
    // Both sends carried the same Idempotency-Key: the second was a replay, not a new charge.
    const keys = h.emu.control
      .requests()
      .filter((r) => r.target === 'charge')
      .map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    h.emu.control.pay(order.orderId);
    expect((await finalOf(h, order)).state).toBe('settlement');
  });

  it('garbage answer (HTML) to a charge that was processed: adopted, one transaction', async () => {
    h = await startHarness();
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'malformed', body: 'html' } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 12_000 });
    expect(order.state).toBe('pending');
    expect(order.qr?.source).toBe('local');
    expect(attemptsAt(order)).toHaveLength(1);
  });

  it.each([
    ['503', { kind: 'http-error', httpStatus: 503 } as const],
    ['connection reset', { kind: 'reset' } as const],
  ])('%s before the gateway processed it: 404 on lookup, then a second attempt', async (_n, fault) => {
    h = await startHarness();
    h.emu.control.injectFault({ target: 'charge', fault });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 15_000 });
    expect(order.state).toBe('pending');
    expect(order.attempt).toBe(2);
    expect(attemptsAt(order)).toHaveLength(1);
    const kinds = h.journal.events(order.orderId).map((e) => e.kind);
    expect(kinds).toContain('recovery');
  });

  it('a timeout while the gateway is slow: one live transaction whatever the race', async () => {
    h = await startHarness({ timeouts: { chargeMs: 300 }, engine: { chargeSettleMs: 1000 } });
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'delay', ms: 600 } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 16_000 });
    const view =
      order.state === 'pending' ? order : await waitFor(() => h.engine.get(order.orderId)!, 'pending');
    const live = attemptsAt(order).filter((o) => o.transactionStatus === 'pending');
    expect(live).toHaveLength(1);
    expect(view.transactionId).toBe(live[0]?.transactionId);
  });

  it('gateway unreachable: the sale fails at once with the reason, and is kept in the journal', async () => {
    h = await startHarness({ baseUrl: () => 'http://127.0.0.1:9' });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 15_000 });
    expect(order.state).toBe('failed');
    expect(order.endReason).toBe('charge-not-received');
    expect(order.detail).toMatch(/nothing was sent/);
    expect(healthSeen()).toContain('unreachable');
    expect(h.journal.get(order.orderId)?.state).toBe('failed');
  });

  it('a wrong server key: refused (401), health says unauthorized', async () => {
    h = await startHarness({ serverKey: 'SB-Mid-server-WRONGwrongWRONG' });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 15_000 });
    expect(order.state).toBe('failed');
    expect(order.endReason).toBe('charge-refused');
    expect(healthSeen()).toContain('unauthorized');
  });

  it('the QR image cannot be downloaded: the charge is cancelled, not left payable', async () => {
    h = await startHarness();
    h.emu.control.injectFault({
      target: 'qr-code',
      times: 3,
      fault: { kind: 'http-error', httpStatus: 500 },
    });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 15_000 });
    expect(order.state).toBe('cancel');
    expect(order.endReason).toBe('qr-unavailable');
    expect(h.emu.control.get(order.orderId)?.transactionStatus).toBe('cancel');
  });
});

describe('polling through trouble', () => {
  it('5xx and resets on status: backs off, then settles', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 8_000 });
    h.emu.control.injectFault({ target: 'status', times: 2, fault: { kind: 'http-error', httpStatus: 502 } });
    h.emu.control.injectFault({ target: 'status', times: 2, fault: { kind: 'reset' } });
    h.emu.control.pay(order.orderId);
    expect((await finalOf(h, order)).state).toBe('settlement');
    expect(healthSeen()).toEqual(expect.arrayContaining(['unreachable', 'ok']));
  });

  it('429 with Retry-After: every poll waits it out', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 8_000 });
    h.emu.control.injectFault({
      target: 'status',
      times: 2,
      fault: { kind: 'rate-limit', retryAfterSeconds: 1 },
    });
    h.emu.control.pay(order.orderId);
    expect((await finalOf(h, order)).state).toBe('settlement');
    const times = h.emu.control
      .requests()
      .filter((r) => r.target === 'status')
      .map((r) => r.timeMs);
    // Requests after a 429 come no sooner than Retry-After (1 s) after it.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(950);
    expect(healthSeen()).toContain('rate-limited');
  });

  it('malformed status answers never count as paid', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 8_000 });
    h.emu.control.injectFault({
      target: 'status',
      times: 2,
      fault: { kind: 'malformed', body: 'truncated-json' },
    });
    h.emu.control.pay(order.orderId);
    expect((await finalOf(h, order)).state).toBe('settlement');
    const outcomes = h.journal
      .events(order.orderId)
      .filter((e) => e.kind === 'gateway' && e.detail.operation === 'status')
      .map((e) => e.detail.outcome);
    expect(outcomes).toContain('malformed-response');
  });

  it('a forged signature is never paid: security events, then the real answer settles it', async () => {
    h = await startHarness({ baseUrl: viaProxy });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 8_000 });
    proxy!.rewrite = (p, body) =>
      p.includes('/status') ? { ...body, signature_key: 'f'.repeat(128) } : body;
    h.emu.control.pay(order.orderId);
    await until(() => h.journal.events(order.orderId).filter((e) => e.kind === 'security').length >= 2);
    expect(h.engine.get(order.orderId)?.state).toBe('pending');
    expect(h.journal.events(order.orderId).some((e) => e.kind === 'security')).toBe(true);
    expect(healthSeen()).toContain('untrusted');
    proxy!.rewrite = undefined;
    expect((await finalOf(h, order)).state).toBe('settlement');
  });

  it('a pending answer relabelled "settlement" (signature still valid for 201) is not paid', async () => {
    h = await startHarness({ baseUrl: viaProxy });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 8_000 });
    let forged = 0;
    proxy!.rewrite = (p, body) => {
      if (!p.includes('/status')) return body;
      forged++;
      return { ...body, transaction_status: 'settlement' };
    };
    await until(() => forged >= 2);
    await h.engine.checkNow(order.orderId);
    expect(h.engine.get(order.orderId)?.state).toBe('pending');
    proxy!.rewrite = undefined;
    h.emu.control.deny(order.orderId);
    expect((await finalOf(h, order)).state).toBe('deny');
  });

  it('a Cancel that fails is journaled and retried until the gateway confirms', async () => {
    h = await startHarness({ engine: { poll: { fastMs: 60_000 } } });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 8_000 });
    h.emu.control.injectFault({ target: 'cancel', times: 2, fault: { kind: 'http-error', httpStatus: 503 } });
    const first = await h.engine.cancel(order.orderId);
    expect(first.state).toBe('pending');
    const done = await finalOf(h, order);
    expect(done.state).toBe('cancel');
    expect(done.endReason).toBe('cashier-cancel');
  });
});

async function viaProxy(emu: { url: string }): Promise<string> {
  proxy = await startTamperProxy(emu.url);
  return proxy.url;
}

async function until(condition: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(25);
  }
}

async function waitFor<T extends { state: string }>(read: () => T, state: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value.state === state || Date.now() > end) return value;
    await sleep(50);
  }
}
