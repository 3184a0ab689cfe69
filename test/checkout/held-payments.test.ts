/**
 * A settlement with fraud_status challenge (issue 12, finding 3): the customer has paid, the
 * gateway holds the money for review. The order is held ('review'), never released, never expired
 * by the kiosk, followed slowly until the gateway decides, and an unchanged answer writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../main/checkout/engine.ts';
import { finalOf, sleep, startHarness, type Harness } from './harness.ts';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function until(condition: () => boolean, ms = 6000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('a payment held for review', () => {
  it('is held, not expired at the kiosk deadline, followed slowly, and paid once accepted', async () => {
    h = await startHarness({ engine: { kioskTimeoutMs: 1500, poll: { reviewMs: 300 } } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 60_000 });
    h.emu.control.pay(order.orderId, { fraudStatus: 'challenge' });
    await until(() => h.engine.get(order.orderId)?.state === 'review');
    const held = h.engine.get(order.orderId)!;
    expect(held.fraudStatus).toBe('challenge');
    expect(held.detail).toMatch(/do not hand over goods yet; a manager decides/);
    expect(h.engine.report().settledCount).toBe(0);
    expect(h.engine.report().openCount).toBe(1);

    // Well past the kiosk deadline: the money is the customer's, so no Expire goes out.
    await sleep(2500);
    expect(h.emu.control.requests().filter((r) => r.target === 'expire' || r.target === 'cancel')).toEqual(
      [],
    );
    const rows = h.journal.events(order.orderId);
    expect(rows.filter((e) => e.toState === 'review')).toHaveLength(1);
    // Every look after the first was unchanged: no row of its own, at most one count row at a time.
    const transitions = rows.filter((e) => e.kind === 'transition');
    expect(transitions.map((e) => e.toState)).toEqual(['charging', 'pending', 'review']);
    // Slowly: at ~300 ms in this test (30 s in the product), not once a second or faster.
    const looks = h.statusCalls(order.orderId);
    expect(looks).toBeLessThan(20);

    await expect(h.engine.cancel(order.orderId)).rejects.toThrow(EngineError);
    await expect(h.engine.cancel(order.orderId)).rejects.toMatchObject({ code: 'order-held' });

    h.emu.control.review(order.orderId, 'accept');
    const done = await finalOf(h, order);
    expect(done.state).toBe('settlement');
    expect(done.fraudStatus).toBe('accept');
    expect(h.states(order.orderId)).toEqual(['created', 'charging', 'pending', 'review', 'settlement']);
  });

  it('ends denied when the review denies it', async () => {
    h = await startHarness({ engine: { poll: { reviewMs: 200 } } });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 61_000 });
    h.emu.control.pay(order.orderId, { fraudStatus: 'challenge' });
    await until(() => h.engine.get(order.orderId)?.state === 'review');
    h.emu.control.review(order.orderId, 'deny');
    const done = await finalOf(h, order);
    expect(done.state).toBe('deny');
    expect(h.engine.report().settledCount).toBe(0);
  });

  it('is found held again after a restart, and followed as before', async () => {
    h = await startHarness({ engine: { poll: { reviewMs: 200 } } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 62_000 });
    h.emu.control.pay(order.orderId, { fraudStatus: 'challenge' });
    await until(() => h.engine.get(order.orderId)?.state === 'review');
    const engine = await h.restart();
    expect(engine.start().resumed).toEqual([order.orderId]);
    h.emu.control.review(order.orderId, 'accept');
    expect((await engine.waitForFinal(order.orderId, 5000)).state).toBe('settlement');
  });
});
