/**
 * "Nothing is asked after a final state", held to the gateway's own request log rather than to
 * the engine's count of orders it follows: a follower that forgot an order but left a timer
 * behind, or a restart that looked at ended orders, would show here and nowhere else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderView } from '../../common/order.ts';
import { gatewayRequests } from './engine-swap.ts';
import { finalOf, sleep, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.close());

/**
 * How long to watch for a stray request: ten poll intervals (0.2 s in the harness) and well past
 * the longest error backoff (0.4 s). Only a quiet gateway passes; a loaded machine can make
 * this wait see less, never fail a kiosk that is quiet.
 */
const WATCH_MS = 2000;

/** Every API request the emulator has logged (its control surface left out). */
const apiRequests = () =>
  h.emu.control.requests().filter((r) => r.target !== 'control' && r.target !== 'simulator');

describe('after a final state the gateway hears nothing more about the order', () => {
  it('for every way a sale ends, and after a restart', async () => {
    h = await startHarness({ engine: { kioskTimeoutMs: 2500 } });
    const sale = (paymentType: 'gopay' | 'qris', amount: number) =>
      h.engine.startSale({ paymentType, amount });
    const paid = await sale('qris', 10_000);
    const denied = await sale('gopay', 11_000);
    const expired = await sale('qris', 12_000);
    const cancelled = await sale('gopay', 13_000);
    const timedOut = await sale('qris', 14_000);
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'http-error', httpStatus: 400 } });
    const refused = await sale('qris', 15_000);

    h.emu.control.pay(paid.orderId);
    h.emu.control.deny(denied.orderId);
    h.emu.control.expire(expired.orderId);
    await h.engine.cancel(cancelled.orderId);
    const orders = [paid, denied, expired, cancelled, timedOut, refused];
    const done = await Promise.all(orders.map((o) => finalOf(h, o, 15_000)));
    expect(done.map((o) => o.state)).toEqual(['settlement', 'deny', 'expire', 'cancel', 'expire', 'failed']);
    expect(done[4]?.endReason).toBe('kiosk-timeout');
    expect(done[5]?.endReason).toBe('charge-refused');

    const counts = () => done.map((o) => gatewayRequests(h, o.orderId).length);
    const atFinal = counts();
    // Each order did talk to the gateway, so a count that stays put is a real observation.
    for (const n of atFinal) expect(n).toBeGreaterThan(0);
    const total = apiRequests().length;

    await sleep(WATCH_MS);
    expect(counts()).toEqual(atFinal);
    expect(apiRequests()).toHaveLength(total);
    for (const o of done) expect(requestsAfter(o)).toEqual([]);
    // (Checked only now: the final event reaches listeners before the follower drops the order.)
    expect(h.engine.following).toBe(0);

    // A restart resumes nothing that has ended, and asks nothing about it.
    const engine = await h.restart();
    expect(engine.start().resumed).toEqual([]);
    await sleep(WATCH_MS);
    expect(apiRequests()).toHaveLength(total);
    expect(engine.following).toBe(0);
  });
});

/** Requests for the order that reached the gateway after the engine committed its final state. */
function requestsAfter(order: OrderView): string[] {
  const finalAt = order.finalAt;
  if (finalAt === undefined) throw new Error(`order ${order.orderId} has no finalAt`);
  return gatewayRequests(h, order.orderId)
    .filter((r) => r.timeMs > finalAt)
    .map((r) => `${r.target} ${r.path}`);
}
