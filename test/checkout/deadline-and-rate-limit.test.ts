/**
 * Two gateway troubles the kiosk must not give in to (issue 12, findings 6 and 11):
 * - at the kiosk's deadline the Expire goes out even when the status lookup fails, and is sent
 *   again until the gateway confirms; until then the order says so (the QR may still be paid);
 * - a 429 on a charge is waited out and the same attempt sent again, with the same
 *   Idempotency-Key, instead of failing the sale.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { finalOf, sleep, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function until(condition: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe("the kiosk's own Expire at its deadline (finding 6)", () => {
  it('goes out although every status lookup fails, and is repeated until the gateway confirms', async () => {
    h = await startHarness({ engine: { kioskTimeoutMs: 1200 } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 33_000 });
    // The status lookups fail from before the deadline on; the expire answers are lost too, twice.
    h.emu.control.injectFault({
      target: 'status',
      times: Infinity,
      fault: { kind: 'http-error', httpStatus: 503 },
    });
    h.emu.control.injectFault({ target: 'expire', times: 1, fault: { kind: 'reset' } });
    const expires = () => h.emu.control.requests().filter((r) => r.target === 'expire');
    await until(() => expires().length >= 2);
    // The QR is no longer payable at the gateway although the kiosk could not look it up.
    expect(h.emu.control.get(order.orderId)?.transactionStatus).toBe('expire');
    const view = h.engine.get(order.orderId)!;
    expect(view.state).toBe('pending');
    expect(view.cancelRequestedAt).toBeGreaterThanOrEqual(view.deadlineAt);
    expect(view.endReason).toBe('kiosk-timeout');
    h.emu.control.clearFaults();
    const done = await finalOf(h, order);
    expect(done.state).toBe('expire');
    expect(done.endReason).toBe('kiosk-timeout');
  });

  it('a payment that beat the Expire still stands (412, then the lookup says settlement)', async () => {
    h = await startHarness({ engine: { kioskTimeoutMs: 1200 } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 34_000 });
    h.emu.control.injectFault({
      target: 'status',
      times: Infinity,
      fault: { kind: 'http-error', httpStatus: 503 },
    });
    // Paid just before the deadline, while the kiosk cannot see it.
    await sleep(600);
    h.emu.control.pay(order.orderId);
    await until(() => h.emu.control.requests().some((r) => r.target === 'expire'));
    h.emu.control.clearFaults();
    const done = await finalOf(h, order);
    expect(done.state).toBe('settlement');
    expect(done.detail).toBe('paid before the cancel reached the gateway');
  });
});

describe('a 429 on a charge (finding 11)', () => {
  it('is waited out (Retry-After) and the same attempt is sent again: one transaction, the sale goes on', async () => {
    h = await startHarness();
    h.emu.control.injectFault({
      target: 'charge',
      times: 1,
      fault: { kind: 'rate-limit', retryAfterSeconds: 1 },
    });
    const started = Date.now();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 35_000 });
    expect(order.state).toBe('pending');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const charges = h.emu.control.requests().filter((r) => r.target === 'charge');
    expect(charges).toHaveLength(2);
    expect(charges[1]!.idempotencyKey).toBe(charges[0]!.idempotencyKey);
    expect(charges[1]!.timeMs - charges[0]!.timeMs).toBeGreaterThanOrEqual(950);
    expect(h.emu.control.list().filter((o) => o.orderId === order.orderId)).toHaveLength(1);
    const outcomes = h.journal
      .events(order.orderId)
      .filter((e) => e.kind === 'gateway' && e.detail.operation === 'charge')
      .map((e) => e.detail.outcome);
    expect(outcomes).toEqual(['rate-limited', 'ok']);
  });

  it('a Retry-After longer than a customer can wait refuses the sale, plainly, with nothing created', async () => {
    h = await startHarness();
    h.emu.control.injectFault({
      target: 'charge',
      times: 1,
      fault: { kind: 'rate-limit', retryAfterSeconds: 120 },
    });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 36_000 });
    expect(order.state).toBe('failed');
    expect(order.endReason).toBe('charge-refused');
    expect(order.detail).toMatch(/rate limit/);
    expect(h.emu.control.list()).toEqual([]);
  });
});
