/**
 * Refunds under every way the gateway can fail: however the answer is lost, the refund is made
 * exactly once — settled by a status lookup of its refund_key, sent again only with that same key
 * — and a refund made on the dashboard is never made a second time from the till.
 */
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../main/emulator/index.ts';
import { ACTION_TIMEOUT_MS, rejection, startRefundHarness, until, type RefundHarness } from './harness.ts';

/** The gateway made one refund, of this amount, under the key the journal holds as refunded. */
function madeOnce(h: RefundHarness, orderId: string, amount: number): void {
  const journaled = h.desk.store.ofOrder(orderId);
  expect(journaled.map((r) => [r.state, r.amount])).toEqual([['refunded', amount]]);
  expect(h.gatewayRefunds(orderId)).toEqual([{ refundKey: journaled[0]?.refundKey, amount, kind: 'refund' }]);
}

/** Every refund request the gateway received carried the journaled key's Idempotency-Key. */
function sameKeyEveryTime(h: RefundHarness): void {
  const keys = new Set(
    h.emu.control
      .requests()
      .filter((r) => r.target === 'refund')
      .map((r) => r.idempotencyKey),
  );
  expect(keys.size).toBe(1);
}

describe('an answer lost on the way is settled by looking the refund up, never by a new key', () => {
  it.each<[string, Fault, boolean]>([
    // The gateway acted; only the answer was lost: the lookup right after finds it.
    ['a dropped answer', { kind: 'drop-response' }, true],
    ['a 5xx after the refund was made', { kind: 'http-error', httpStatus: 502, processed: true }, true],
    ['an answer that cannot be read', { kind: 'malformed', body: 'truncated-json' }, true],
    // Nothing reached the gateway: after the settle window, the same key goes out again.
    ['a 5xx in front of the gateway', { kind: 'http-error', httpStatus: 503 }, false],
    ['a reset connection', { kind: 'reset' }, false],
    // Slower than the client waits: the gateway makes it later; the lookup (or the resend) finds it.
    ['a timeout', { kind: 'delay', ms: ACTION_TIMEOUT_MS + 500 }, false],
  ])('%s: refunded exactly once', async (_what, fault, atOnce) => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(20_000);
    h.emu.control.injectFault({ target: 'refund', fault });
    const outcome = await h.desk.create({ orderId: order.orderId, reason: 'Rusak' }, 'manager');
    if (atOnce) {
      expect(outcome.complete).toBe(true);
    } else {
      expect(outcome).toMatchObject({ complete: false, refunds: [{ state: 'requested' }] });
      expect(outcome.message?.en).toMatch(/being confirmed.*do not make it again/);
      // Until it is settled the money counts as gone: a second refund cannot be made meanwhile.
      expect(await rejection(h.desk.create({ orderId: order.orderId, reason: 'lagi' }, 'm'))).toMatchObject({
        code: 'refund-pending',
      });
      await h.desk.waitForOutcome([outcome.refunds[0]?.refundKey ?? ''], 8000);
    }
    madeOnce(h, order.orderId, 20_000);
    sameKeyEveryTime(h);
    expect(h.events.at(-1)).toMatchObject({
      refund: { state: 'refunded' },
      summary: { refunded: 20_000, left: 0 },
    });
    // Nothing left to follow, and a later look changes nothing.
    await until(() => h.desk.following === 0, 'the follower to let go');
    expect((await h.desk.refresh(order.orderId)).refunds).toHaveLength(1);
  });

  it('the status lookup is down too: the refund stays in doubt until the gateway can be asked', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(15_000);
    h.emu.control.injectFault({ target: 'refund', fault: { kind: 'drop-response' } });
    // The pre-check lookup goes through; every lookup after the lost answer fails for a while.
    let lookups = 0;
    const realStatus = h.client.status.bind(h.client);
    h.client.status = async (id: string) => {
      lookups += 1;
      if (lookups > 1 && lookups <= 4) throw Object.assign(new Error('down'), { code: 'ECONNRESET' });
      return realStatus(id);
    };
    const outcome = await h.desk.create({ orderId: order.orderId, reason: 'x' }, 'm');
    expect(outcome.complete).toBe(false);
    const [view] = await h.desk.waitForOutcome([outcome.refunds[0]?.refundKey ?? ''], 8000);
    expect(view?.state).toBe('refunded');
    expect(lookups).toBeGreaterThan(4);
    madeOnce(h, order.orderId, 15_000);
    expect(h.refundRequests()).toBe(1);
  });

  it('a refund that never reached the gateway is resent with its own key only after the settle window', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(9000);
    h.emu.control.injectFault({ target: 'refund', fault: { kind: 'http-error', httpStatus: 500 } });
    const started = Date.now();
    const outcome = await h.desk.create({ orderId: order.orderId, reason: 'x' }, 'm');
    await h.desk.waitForOutcome([outcome.refunds[0]?.refundKey ?? ''], 8000);
    const sends = h.emu.control.requests().filter((r) => r.target === 'refund');
    expect(sends).toHaveLength(2);
    expect(sends[1]?.timeMs ?? 0).toBeGreaterThanOrEqual(started + 400);
    expect(h.desk.store.ofOrder(order.orderId)[0]?.sends).toBe(2);
    expect(h.desk.store.events(outcome.refunds[0]?.refundKey ?? '').map((e) => e.kind)).toEqual([
      'requested',
      'sent',
      'refunded',
    ]);
    madeOnce(h, order.orderId, 9000);
  });
});

describe('a refund made on the dashboard', () => {
  it('before the till asks: found first, journaled once, and the till refuses what is no longer left', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(30_000);
    h.emu.control.refund(order.orderId, { amount: 30_000, reason: 'dasbor' });
    const e = await rejection(h.desk.create({ orderId: order.orderId, reason: 'lagi' }, 'm'));
    expect(e.code).toBe('refund-too-large');
    expect(h.refundRequests()).toBe(0);
    expect(h.desk.store.ofOrder(order.orderId).map((r) => [r.origin, r.state, r.amount])).toEqual([
      ['gateway', 'refunded', 30_000],
    ]);
    expect(h.gatewayRefunds(order.orderId)).toHaveLength(1);
  });

  it('partly before the till asks: only the rest can be refunded, and the message says why', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(30_000);
    h.emu.control.refund(order.orderId, { amount: 10_000 });
    const e = await rejection(h.desk.create({ orderId: order.orderId, amount: 25_000, reason: 'x' }, 'm'));
    expect((e as { words: { en: string } }).words.en).toMatch(
      /Only Rp 20\.000 is left.*Rp 10\.000 was already given back outside this till/,
    );
    const rest = await h.desk.create({ orderId: order.orderId, reason: 'x' }, 'm');
    expect(rest.refunds[0]?.amount).toBe(20_000);
    expect(h.emu.control.get(order.orderId)).toMatchObject({
      transactionStatus: 'refund',
      refundedAmount: 30_000,
    });
  });

  it('while the till is asking: the gateway refuses the till, which learns of the dashboard refund; never both', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(30_000);
    h.emu.control.injectFault({ target: 'refund', fault: { kind: 'delay', ms: 200 } });
    const made = h.desk.create({ orderId: order.orderId, reason: 'x' }, 'm');
    await until(() => h.refundRequests() === 1, 'the refund request');
    h.emu.control.refund(order.orderId, { reason: 'dasbor' });
    const e = await rejection(made);
    expect(e.code).toBe('refund-refused');
    expect(h.gatewayRefunds(order.orderId)).toHaveLength(1);
    expect(h.desk.store.ofOrder(order.orderId).map((r) => [r.origin, r.state])).toEqual([
      ['kiosk', 'refused'],
      ['gateway', 'refunded'],
    ]);
    expect(h.desk.summary({ orderId: order.orderId })).toMatchObject({ refunded: 30_000, left: 0 });
  });

  it('a chargeback: found, journaled as such, and the payment can no longer be refunded from the till', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(30_000);
    h.emu.control.chargeback(order.orderId, 30_000);
    const e = await rejection(h.desk.create({ orderId: order.orderId, reason: 'x' }, 'm'));
    expect(e).toMatchObject({ code: 'refund-not-allowed' });
    expect((e as { words: { en: string } }).words.en).toContain('chargeback');
    expect(h.desk.store.ofOrder(order.orderId).map((r) => [r.origin, r.requestedBy, r.amount])).toEqual([
      ['chargeback', 'chargeback', 30_000],
    ]);
    expect(h.engine.report().refunds).toEqual([
      expect.objectContaining({ origin: 'chargeback', amount: 30_000 }),
    ]);
  });
});

describe('the gateway cannot be asked before anything is written', () => {
  it('nothing is journaled or sent, and the manager is told to try again', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(5000);
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 503 } });
    const e = await rejection(h.desk.create({ orderId: order.orderId, reason: 'x' }, 'm'));
    expect(e).toMatchObject({ code: 'gateway-unreachable' });
    expect((e as { words: { en: string } }).words.en).toContain('Nothing was refunded');
    expect(h.desk.store.ofOrder(order.orderId)).toEqual([]);
    expect(h.refundRequests()).toBe(0);
  });
});
