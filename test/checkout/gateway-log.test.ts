/** What the journal keeps of each gateway call: enough for support to read what the gateway said. */
import { afterEach, describe, expect, it } from 'vitest';
import { finalOf, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => h?.close());

function gatewayEvents(orderId: string) {
  return h.journal.events(orderId).filter((e) => e.kind === 'gateway');
}

describe('the journal of gateway calls', () => {
  it('records the HTTP status and status_code of answered calls, and the latency', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 30_000 });
    h.emu.control.pay(order.orderId, { via: 'qris', issuer: 'ovo' });
    expect((await finalOf(h, order)).state).toBe('settlement');
    const events = gatewayEvents(order.orderId);
    const charge = events.find((e) => e.detail.operation === 'charge');
    expect(charge?.detail).toMatchObject({ outcome: 'ok', httpStatus: 200, statusCode: '201' });
    expect(charge?.detail.ms).toBeTypeOf('number');
    const settled = events.find((e) => e.detail.operation === 'status' && e.detail.paid === true);
    expect(settled?.detail).toMatchObject({ outcome: 'ok', httpStatus: 200, statusCode: '200' });
    // "Still pending" answers are counted in one event, with the codes they came with.
    const unchanged = events.find((e) => e.detail.unchanged === true);
    if (unchanged !== undefined) expect(unchanged.detail).toMatchObject({ statusCode: '201' });
  });

  it('records the codes of a failed call: a 503, its latency, never the key', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 12_000 });
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 503 } });
    await h.engine.checkNow(order.orderId).catch(() => undefined);
    const failed = gatewayEvents(order.orderId).find((e) => e.detail.outcome === 'server-error');
    expect(failed?.detail).toMatchObject({ operation: 'status', httpStatus: 503, ambiguous: false });
    expect(failed?.detail.ms).toBeTypeOf('number');
    expect(JSON.stringify(h.journal.events(order.orderId))).not.toContain(h.emu.serverKey);
  });
});
