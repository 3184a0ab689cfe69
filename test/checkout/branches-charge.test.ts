/**
 * Branches of the charge path that the end-to-end engine tests did not reach: the last charge
 * attempt, a Cancel that arrives while the order is still charging, replays that cannot give the
 * QR back, an order recovered as `created` after its deadline, and a QR that cannot be drawn
 * locally. Each runs the real engine on a real journal against the emulator over loopback.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { chargeIdempotencyKey } from '../../main/midtrans/client.ts';
import { startTamperProxy, type TamperProxy } from '../support/tamper-proxy.ts';
import { gatewayRequests, journalOrder } from './engine-swap.ts';
import { finalOf, path, startHarness, type Harness } from './harness.ts';

const jsQR = jsQRModule.default;
let h: Harness;
let proxy: TamperProxy | undefined;
afterEach(async () => {
  await h?.close();
  await proxy?.close();
  proxy = undefined;
});

/** The targets of the gateway requests made for one order, in arrival order. */
const targets = (orderId: string) => gatewayRequests(h, orderId).map((r) => r.target);
const transactionsOf = (orderId: string) => h.emu.control.list().filter((o) => o.orderId === orderId);

describe('charge attempts run out', () => {
  it('fails the sale after maxChargeAttempts attempts the gateway never received, and sends no more', async () => {
    h = await startHarness({ engine: { maxChargeAttempts: 2 } });
    h.emu.control.injectFault({ target: 'charge', times: 5, fault: { kind: 'http-error', httpStatus: 503 } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 12_000 });
    expect(order).toMatchObject({ state: 'failed', endReason: 'charge-not-received', attempt: 2 });
    expect(order.detail).toMatch(/never received charge attempt 2/);
    // Each attempt was asked about (404) before the next went out, and the last was not followed by a third.
    expect(targets(order.orderId)).toEqual(['charge', 'status', 'charge', 'status']);
    const keys = gatewayRequests(h, order.orderId)
      .filter((r) => r.target === 'charge')
      .map((r) => r.idempotencyKey);
    expect(keys).toEqual([chargeIdempotencyKey(order.orderId, 1), chargeIdempotencyKey(order.orderId, 2)]);
    expect(transactionsOf(order.orderId)).toHaveLength(0);
    expect(h.engine.following).toBe(0);
  });
});

describe('a Cancel while the order is still charging', () => {
  it('the gateway never saw the charge: failed as cancelled once the settle window passes, nothing re-sent', async () => {
    h = await startHarness({ engine: { chargeSettleMs: 1500 } });
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'http-error', httpStatus: 503 } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 14_000 });
    // 404 on lookup, but the charge may still be on its way: the order stays charging.
    expect(order.state).toBe('charging');
    const asked = await h.engine.cancel(order.orderId);
    expect(asked.state).toBe('charging');
    expect(h.journal.get(order.orderId)?.cancelRequestedAt).toBeTypeOf('number');

    const done = await finalOf(h, order, 10_000);
    expect(done).toMatchObject({ state: 'failed', endReason: 'cashier-cancel', attempt: 1 });
    expect(done.detail).toMatch(/cancelled before the gateway received the charge/);
    const sent = targets(order.orderId);
    expect(sent.filter((t) => t === 'charge')).toHaveLength(1);
    expect(sent.filter((t) => t === 'cancel' || t === 'expire')).toHaveLength(0);
    expect(transactionsOf(order.orderId)).toHaveLength(0);
    expect(path(h.states(order.orderId))).toEqual(['created', 'charging', 'failed']);
  });

  it('the charge had arrived (answer lost): adopted by replay, then cancelled at once, before any poll', async () => {
    // A poll a minute away: only the cancel-after-pending step can end this order in time.
    h = await startHarness({ engine: { poll: { fastMs: 60_000 } } });
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'drop-response' } });
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 503 } });
    // GoPay: its QR download is on the critical path, so the order of requests is fixed.
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 16_000 });
    expect(order.state).toBe('charging');
    expect((await h.engine.cancel(order.orderId)).state).toBe('charging');

    const done = await finalOf(h, order, 10_000);
    expect(done).toMatchObject({ state: 'cancel', endReason: 'cashier-cancel' });
    expect(path(h.states(order.orderId))).toEqual(['created', 'charging', 'pending', 'cancel']);
    // Lost charge, failed lookup, lookup found it, replay (same key), QR, then straight to the cancel.
    expect(targets(order.orderId)).toEqual([
      'charge',
      'status',
      'status',
      'charge',
      'qr-code',
      'cancel',
      'status',
    ]);
    expect(transactionsOf(order.orderId).map((o) => o.transactionStatus)).toEqual(['cancel']);
  });

  it('Cancel pressed while the charge is in flight: applied right after pending, before any poll', async () => {
    h = await startHarness({ engine: { poll: { fastMs: 60_000 } } });
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'delay', ms: 300 } });
    let cancelling: Promise<unknown> | undefined;
    const off = h.engine.on((e) => {
      // The charging state is announced just before the charge is sent.
      if (e.type === 'order' && e.order.state === 'charging' && cancelling === undefined) {
        cancelling = h.engine.cancel(e.order.orderId);
      }
    });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 18_000 });
    off();
    expect(order.state).toBe('pending');
    expect(cancelling).toBeDefined();
    expect(await cancelling).toMatchObject({ state: 'cancel', endReason: 'cashier-cancel' });
    expect(targets(order.orderId)).toEqual(['charge', 'qr-code', 'cancel', 'status']);
    expect(transactionsOf(order.orderId).map((o) => o.transactionStatus)).toEqual(['cancel']);
  });
});

describe('a charge found at the gateway whose QR cannot be had again', () => {
  /** Recovery of a charging order whose charge reached the gateway before the kiosk died. */
  async function chargedBeforeCrash(orderId: string, createdAt?: number) {
    const { key } = journalOrder(h, orderId, { state: 'charging', createdAt });
    const sent = await h.client.charge(
      { paymentType: 'qris', orderId, grossAmount: 25_000, expiry: { duration: 15, unit: 'minute' } },
      { idempotencyKey: key },
    );
    return sent.transactionId;
  }

  async function recoveredToEnd(orderId: string) {
    const engine = await h.restart();
    expect(engine.start().resumed).toEqual([orderId]);
    return engine.waitForFinal(orderId, 10_000);
  }

  it('the replay answers with another transaction: the found one is cancelled, not adopted', async () => {
    h = await startHarness({
      baseUrl: async (emu) => {
        proxy = await startTamperProxy(emu.url);
        return proxy.url;
      },
    });
    const real = await chargedBeforeCrash('K-REPLAY-OTHER');
    proxy!.rewrite = (p, body) =>
      p === '/v2/charge' ? { ...body, transaction_id: '00000000-0000-4000-8000-000000000000' } : body;
    const done = await recoveredToEnd('K-REPLAY-OTHER');
    expect(done).toMatchObject({ state: 'cancel', endReason: 'qr-unavailable', transactionId: real });
    expect(done.qr).toBeUndefined();
    expect(transactionsOf('K-REPLAY-OTHER').map((o) => o.transactionStatus)).toEqual(['cancel']);
    expect(h.journal.events('K-REPLAY-OTHER').some((e) => e.kind === 'cancel-requested')).toBe(true);
  });

  it('the replay window has closed at the gateway (406 for the order_id): cancelled, not left payable', async () => {
    h = await startHarness();
    const real = await chargedBeforeCrash('K-REPLAY-406');
    // Past the gateway's 5-minute idempotency window: the re-sent key is a new charge for a taken order_id.
    h.emu.control.advanceClock(6 * 60_000);
    const done = await recoveredToEnd('K-REPLAY-406');
    expect(done).toMatchObject({ state: 'cancel', endReason: 'qr-unavailable', transactionId: real });
    const outcomes = h.journal
      .events('K-REPLAY-406')
      .filter((e) => e.kind === 'gateway' && e.detail.operation === 'charge')
      .map((e) => e.detail.outcome);
    expect(outcomes).toEqual(['duplicate']);
    expect(transactionsOf('K-REPLAY-406').map((o) => o.transactionStatus)).toEqual(['cancel']);
  });

  it('a passing failure of the replay after the window closed is not retried: cancelled', async () => {
    h = await startHarness();
    // Sent (and journaled) six minutes ago: past the 5-minute window by the kiosk's own clock.
    const real = await chargedBeforeCrash('K-REPLAY-LATE', Date.now() - 6 * 60_000);
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'http-error', httpStatus: 502 } });
    const done = await recoveredToEnd('K-REPLAY-LATE');
    expect(done).toMatchObject({ state: 'cancel', endReason: 'qr-unavailable', transactionId: real });
    const replays = gatewayRequests(h, 'K-REPLAY-LATE').filter((r) => r.target === 'charge');
    // The crash-time charge and one replay, which failed: no second replay.
    expect(replays).toHaveLength(2);
    expect(transactionsOf('K-REPLAY-LATE').map((o) => o.transactionStatus)).toEqual(['cancel']);
  });
});

describe('recovery of an order that was never sent', () => {
  it('a created order found after its deadline is failed, not charged', async () => {
    h = await startHarness();
    journalOrder(h, 'K-CREATED-LATE', { state: 'created', createdAt: Date.now() - 16 * 60_000 });
    const engine = await h.restart();
    expect(engine.start().resumed).toEqual(['K-CREATED-LATE']);
    const done = await engine.waitForFinal('K-CREATED-LATE', 10_000);
    expect(done).toMatchObject({ state: 'failed', endReason: 'charge-not-received', attempt: 0 });
    expect(done.detail).toMatch(/stopped before the charge was sent/);
    expect(targets('K-CREATED-LATE')).toEqual([]);
    expect(h.emu.control.requests().filter((r) => r.target === 'charge')).toHaveLength(0);
  });
});

describe('the QR when drawing it locally fails', () => {
  it('falls back to the gateway image, downloaded before the order counts as pending', async () => {
    h = await startHarness();
    // A folder where the drawn image must go: the local write fails for real.
    h.engine.on((e) => {
      if (e.type === 'order' && e.previousState === null) {
        mkdirSync(join(h.dir, 'qr', `${e.order.orderId}.local.png`), { recursive: true });
      }
    });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 27_500 });
    expect(order.state).toBe('pending');
    expect(order.qr?.source).toBe('gateway');
    const png = PNG.sync.read(readFileSync(order.qr!.path));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    expect(decoded).toBe(order.qr?.qrString);
    const qrNotes = h.journal.events(order.orderId).filter((e) => e.kind === 'qr');
    expect(qrNotes.map((e) => e.detail.source)).toEqual(['local', 'gateway']);
    expect(qrNotes[0]?.detail.error).toBeTypeOf('string');
    // Charge, then the download on the critical path; the transition to pending came after it.
    expect(targets(order.orderId)).toEqual(['charge', 'qr-code']);
    const events = h.journal.events(order.orderId);
    const pendingAt = events.findIndex((e) => e.kind === 'transition' && e.toState === 'pending');
    const downloadedAt = events.findIndex((e) => e.kind === 'qr' && e.detail.source === 'gateway');
    expect(downloadedAt).toBeGreaterThan(-1);
    expect(pendingAt).toBeGreaterThan(downloadedAt);
  });
});
