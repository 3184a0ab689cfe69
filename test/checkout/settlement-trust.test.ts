/**
 * "Paid" is believed only when it cannot be another answer in disguise (issue 12, findings 1 and
 * 5). signature_key covers order_id, status_code and gross_amount — not transaction_status,
 * fraud_status, settlement_time or transaction_id — so a tampering proxy on 127.0.0.1 rewrites
 * exactly those, and the kiosk must never release goods for them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEvent, OrderView } from '../../common/order.ts';
import { startTamperProxy, type TamperProxy } from '../support/tamper-proxy.ts';
import { finalOf, sleep, startHarness, type Harness } from './harness.ts';

let h: Harness;
let proxy: TamperProxy | undefined;
afterEach(async () => {
  await h?.close();
  await proxy?.close();
  proxy = undefined;
});

async function withProxy(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  return startHarness({
    ...options,
    baseUrl: async (emu) => {
      proxy = await startTamperProxy(emu.url);
      return proxy.url;
    },
  });
}

const isStatus = (path: string) => /\/status$/.test(path);

function healthSeen(events: KioskEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'health' ? [e.health] : []));
}

function securityEvents(orderId: string) {
  return h.journal.events(orderId).filter((e) => e.kind === 'security');
}

async function until(condition: () => boolean, ms = 6000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

describe('a cancel the gateway confirmed, then relabelled "settlement" (finding 1)', () => {
  it('is a security event: not paid, the cancel stands with an alert, the report counts nothing', async () => {
    h = await withProxy();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 25_000 });
    // From now on every "cancel" status answer reads "settlement", complete with a settlement time:
    // the fields the signature does not cover.
    proxy!.rewrite = (path, body) =>
      isStatus(path) && body.transaction_status === 'cancel'
        ? { ...body, transaction_status: 'settlement', settlement_time: body.transaction_time }
        : body;
    const done = await h.engine.cancel(order.orderId);
    expect(done.state).toBe('cancel');
    expect(done.alert).toBe('status-contradiction');
    expect(done.settledAt).toBeUndefined();
    expect(h.emu.control.get(order.orderId)?.transactionStatus).toBe('cancel');
    const security = securityEvents(order.orderId);
    expect(security).toHaveLength(1);
    expect(security[0]?.detail).toMatchObject({ confirmedUnpaid: 'cancel', answer: 'settlement' });
    expect(healthSeen(h.events)).toContain('untrusted');
    expect(h.engine.report().settledCount).toBe(0);
    expect(h.states(order.orderId)).not.toContain('settlement');
  });

  it("the kiosk's own Expire confirmed, then a relabelled settlement: the same", async () => {
    h = await withProxy({ engine: { kioskTimeoutMs: 1000 } });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 30_000 });
    proxy!.rewrite = (path, body) =>
      isStatus(path) && body.transaction_status === 'expire'
        ? {
            ...body,
            status_code: '407',
            transaction_status: 'settlement',
            settlement_time: body.transaction_time,
          }
        : body;
    const done = await finalOf(h, order);
    expect(done.state).toBe('expire');
    expect(done.endReason).toBe('kiosk-timeout');
    expect(done.alert).toBe('status-contradiction');
    expect(h.states(order.orderId)).not.toContain('settlement');
    expect(securityEvents(order.orderId)[0]?.detail).toMatchObject({ confirmedUnpaid: 'expire' });
  });
});

describe('"settlement" answers that are something else (finding 1c)', () => {
  it('a 200 answer relabelled settlement has no settlement_time of its own: never paid, one security row', async () => {
    h = await withProxy();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 40_000 });
    // Cancelled elsewhere (as from the dashboard, past the kiosk): the kiosk has no confirmation
    // of its own, so only the missing settlement_time tells the relabelled answer apart.
    proxy!.rewrite = (path, body) =>
      isStatus(path) && body.transaction_status === 'cancel'
        ? { ...body, transaction_status: 'settlement' }
        : body;
    await h.client.cancel(order.orderId);
    await until(() => securityEvents(order.orderId).length > 0);
    // Several more polls with the same answer: nothing more is written for them.
    await sleep(800);
    const view = h.engine.get(order.orderId) as OrderView;
    expect(view.state).toBe('pending');
    expect(securityEvents(order.orderId)).toHaveLength(1);
    expect(String(securityEvents(order.orderId)[0]?.detail.security)).toMatch(/no settlement_time/);
    proxy!.rewrite = undefined;
    expect((await finalOf(h, order)).state).toBe('cancel');
  });

  it('a settlement_time before the transaction time is not a settlement', async () => {
    h = await withProxy();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 41_000 });
    proxy!.rewrite = (path, body) =>
      isStatus(path) && body.transaction_status === 'settlement'
        ? { ...body, settlement_time: '2020-01-01 00:00:00' }
        : body;
    h.emu.control.pay(order.orderId);
    await until(() => securityEvents(order.orderId).length > 0);
    expect(String(securityEvents(order.orderId)[0]?.detail.security)).toMatch(/before the transaction time/);
    expect(h.engine.get(order.orderId)?.state).toBe('pending');
    proxy!.rewrite = undefined;
    expect((await finalOf(h, order)).state).toBe('settlement');
  });
});

describe('a signed answer for another order or amount (finding 5)', () => {
  it("another order's signed settlement, wearing this transaction's id, is refused", async () => {
    h = await withProxy();
    const paid = await h.engine.startSale({ paymentType: 'qris', amount: 50_000 });
    h.emu.control.pay(paid.orderId);
    expect((await finalOf(h, paid)).state).toBe('settlement');
    const paidAnswer = (await h.client.status(paid.orderId)).raw;

    const order = await h.engine.startSale({ paymentType: 'qris', amount: 50_000 });
    proxy!.rewrite = (path, body) =>
      isStatus(path) && path.includes(order.transactionId!)
        ? { ...paidAnswer, transaction_id: order.transactionId }
        : body;
    await until(() => securityEvents(order.orderId).length > 0);
    const view = h.engine.get(order.orderId) as OrderView;
    expect(view.state).toBe('pending');
    expect(securityEvents(order.orderId)[0]?.detail).toMatchObject({ outcome: 'answer-mismatch' });
    expect(String(securityEvents(order.orderId)[0]?.detail.message)).toMatch(
      new RegExp(`order_id ${paid.orderId}`),
    );
    expect(healthSeen(h.events)).toContain('untrusted');
    proxy!.rewrite = undefined;
    h.emu.control.expire(order.orderId);
    expect((await finalOf(h, order)).state).toBe('expire');
  });
});
