/**
 * Branches of following an order and of the engine's own surface that the end-to-end tests did
 * not reach: "Check now" passing a gateway error to the cashier, a sale started on a stopped
 * engine, an error backoff cut short by the kiosk deadline, and a charge whose connection never
 * completes. Real engine, real journal, the emulator over loopback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../main/checkout/engine.ts';
import { MidtransError } from '../../main/midtrans/errors.ts';
import { startBlackhole, type Blackhole } from '../support/blackhole.ts';
import { gatewayRequests, swapEngine } from './engine-swap.ts';
import { finalOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
let blackhole: Blackhole | undefined;
afterEach(async () => {
  await h?.close();
  await blackhole?.close();
  blackhole = undefined;
});

describe('Check now', () => {
  it('passes a gateway error on to the cashier, and the order is still followed', async () => {
    h = await startHarness({ engine: { poll: { fastMs: 60_000 } } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 11_000 });
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 500 } });
    const error = await h.engine.checkNow(order.orderId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransError);
    expect(error).toMatchObject({ code: 'server-error', operation: 'status' });
    expect(h.engine.get(order.orderId)?.state).toBe('pending');
    // The error put the order on the error backoff (0.1 s here), not on the minute-long poll.
    h.emu.control.pay(order.orderId);
    expect((await finalOf(h, order, 10_000)).state).toBe('settlement');
  });
});

describe('a stopped engine', () => {
  it('refuses a new sale with engine-stopped, journaling and sending nothing', async () => {
    h = await startHarness();
    await h.engine.stop();
    const error = await h.engine.startSale({ paymentType: 'qris', amount: 5_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'engine-stopped' });
    expect(h.journal.countOrders()).toBe(0);
    expect(h.emu.control.requests()).toHaveLength(0);
  });
});

describe('the error backoff and the kiosk deadline', () => {
  it('a retry due after the deadline is brought forward to it, so the kiosk still ends the sale on time', async () => {
    h = await startHarness();
    // The first error waits 30 s (half of 60 s, no jitter); the kiosk's window is 2 s.
    await swapEngine(
      h,
      { random: () => 0 },
      { kioskTimeoutMs: 2000, poll: { fastMs: 200, errorBaseMs: 60_000, errorCapMs: 60_000 } },
    );
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 6_000 });
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 500 } });
    const done = await finalOf(h, order, 15_000);
    expect(done).toMatchObject({ state: 'expire', endReason: 'kiosk-timeout' });
    expect(h.emu.control.get(order.orderId)?.transactionStatus).toBe('expire');
    const statuses = gatewayRequests(h, order.orderId).filter((r) => r.target === 'status');
    // The failed poll, then the look at the deadline (not 30 s later, and not before it).
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(statuses[1]!.timeMs).toBeGreaterThanOrEqual(order.deadlineAt - 20);
    expect(statuses[1]!.timeMs).toBeLessThan(order.deadlineAt + 10_000);
  });
});

describe('a charge whose connection never completes', () => {
  it('fails at once as not received: nothing was sent, so nothing is looked up or re-sent', async () => {
    h = await startHarness({
      timeouts: { connectMs: 300 },
      baseUrl: async () => {
        blackhole = await startBlackhole();
        return blackhole.url;
      },
    });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 8_000 });
    expect(order).toMatchObject({ state: 'failed', endReason: 'charge-not-received', attempt: 1 });
    expect(order.detail).toMatch(/nothing was sent/);
    const calls = h.journal
      .events(order.orderId)
      .filter((e) => e.kind === 'gateway')
      .map((e) => [e.detail.operation, e.detail.outcome, e.detail.ambiguous]);
    expect(calls).toEqual([['charge', 'network', false]]);
    expect(h.engine.following).toBe(0);
  });
});
