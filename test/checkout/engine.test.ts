import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import jsQRModule from 'jsqr';
import type { CheckoutEngine } from '../../main/checkout/engine.ts';
import { EngineError, SaleInputError } from '../../main/checkout/engine.ts';
import { chargeIdempotencyKey } from '../../main/midtrans/client.ts';
import { finalOf, path, sleep, startHarness, type Harness } from './harness.ts';

const jsQR = jsQRModule.default;
let h: Harness;
afterEach(async () => h?.close());

function decode(file: string): string | undefined {
  const png = PNG.sync.read(readFileSync(file));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('a sale from start to each end', () => {
  it('gopay: journaled, QR downloaded to disk, paid by a QRIS scan → settlement', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 44_000 });
    expect(order.state).toBe('pending');
    expect(order.qr?.source).toBe('gateway');
    expect(existsSync(order.qr!.path)).toBe(true);
    // The image on disk is the gateway's QR for exactly this order.
    expect(decode(order.qr!.path)).toBe(h.emu.control.get(order.orderId)?.qrString);

    h.emu.control.pay(order.orderId, { via: 'qris', issuer: 'dana' });
    const done = await finalOf(h, order);
    expect(done.state).toBe('settlement');
    expect(done.paidWith).toBe('qris');
    expect(done.issuer).toBe('dana');
    expect(done.settledAt).toBeTypeOf('number');
    expect(path(h.states(order.orderId))).toEqual(['created', 'charging', 'pending', 'settlement']);

    const kinds = h.journal.events(order.orderId).map((e) => e.kind);
    expect(kinds[0]).toBe('created');
    expect(kinds).toContain('gateway');
    expect(kinds).toContain('qr');
  });

  it('qris: QR drawn locally from qr_string (ready after one round trip) → settlement', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 125_500 });
    expect(order.state).toBe('pending');
    expect(order.qr?.source).toBe('local');
    expect(decode(order.qr!.path)).toBe(order.qr!.qrString);
    const requests = h.emu.control.requests().map((r) => r.target);
    // Pending came after the charge alone; the gateway's image is only fetched as a spare.
    expect(requests.filter((t) => t === 'charge')).toHaveLength(1);

    h.emu.control.pay(order.orderId);
    expect((await finalOf(h, order)).state).toBe('settlement');
  });

  it.each(['deny', 'expire'] as const)('ends as %s when the gateway says so', async (end) => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 10_000 });
    if (end === 'deny') h.emu.control.deny(order.orderId);
    else h.emu.control.expire(order.orderId);
    const done = await finalOf(h, order);
    expect(done.state).toBe(end);
    expect(done.endReason).toBeUndefined();
  });

  it('ends as expire when the gateway clock passes the QR expiry', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 5_000 });
    h.emu.control.advanceClock(16 * 60_000);
    expect((await finalOf(h, order)).state).toBe('expire');
  });

  it('sends items with the charge and keeps them on the order', async () => {
    h = await startHarness();
    const items = [
      { id: 'kopi', name: 'Kopi susu', price: 18_000, quantity: 2 },
      { id: 'roti', name: 'Roti bakar', price: 8_000, quantity: 1 },
    ];
    const order = await h.engine.startSale({ paymentType: 'qris', items });
    expect(order.grossAmount).toBe(44_000);
    expect(h.engine.get(order.orderId)?.items).toEqual(items);
  });
});

describe('cashier actions', () => {
  it('Cancel cancels at the gateway and ends the order', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 20_000 });
    const done = await h.engine.cancel(order.orderId);
    expect(done.state).toBe('cancel');
    expect(done.endReason).toBe('cashier-cancel');
    expect(h.emu.control.get(order.orderId)?.transactionStatus).toBe('cancel');
    await expect(h.engine.cancel(order.orderId)).rejects.toMatchObject({ code: 'order-final' });
  });

  it('a payment that beats the Cancel stands: 412, then the status says settlement', async () => {
    h = await startHarness({ engine: { poll: { fastMs: 60_000 } } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 20_000 });
    h.emu.control.pay(order.orderId);
    const done = await h.engine.cancel(order.orderId);
    expect(done.state).toBe('settlement');
    expect(done.endReason).toBeUndefined();
    expect(done.detail).toMatch(/paid before the cancel/);
  });

  it('Check now asks at once instead of waiting for the next poll', async () => {
    h = await startHarness({ engine: { poll: { fastMs: 60_000 } } });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 20_000 });
    h.emu.control.pay(order.orderId);
    const before = h.statusCalls(order.orderId);
    const done = await h.engine.checkNow(order.orderId);
    expect(done.state).toBe('settlement');
    expect(h.statusCalls(order.orderId)).toBe(before + 1);
  });

  it('unknown orders are named as such', async () => {
    h = await startHarness();
    await expect(h.engine.cancel('K-NOPE')).rejects.toBeInstanceOf(EngineError);
    await expect(h.engine.checkNow('K-NOPE')).rejects.toMatchObject({ code: 'unknown-order' });
    for (const bad of ['../etc/passwd', '', 'x'.repeat(51), 'a b']) {
      await expect(h.engine.checkNow(bad)).rejects.toMatchObject({ code: 'invalid-order-id' });
      expect(() => h.engine.get(bad)).toThrow(EngineError);
    }
  });
});

describe('kiosk timeout', () => {
  it('at the deadline: one last check, then Expire at the gateway', async () => {
    h = await startHarness({ engine: { kioskTimeoutMs: 1500 } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 7_000 });
    const done = await finalOf(h, order);
    expect(done.state).toBe('expire');
    expect(done.endReason).toBe('kiosk-timeout');
    expect(h.emu.control.get(order.orderId)?.transactionStatus).toBe('expire');
    expect(done.finalAt! - order.createdAt).toBeGreaterThanOrEqual(1500);
    const expireCalls = h.emu.control.requests().filter((r) => r.target === 'expire');
    expect(expireCalls).toHaveLength(1);
  });

  it('the gateway is told to keep the QR alive at least 15 minutes (its shorter expiry is unreliable)', async () => {
    h = await startHarness({ engine: { kioskTimeoutMs: 60_000 } });
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 7_000 });
    const expiry = h.emu.control.get(order.orderId)?.expiryTimeMs ?? 0;
    expect(expiry - order.createdAt).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
  });
});

describe('polling', () => {
  it('stops asking once the order has ended', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 9_000 });
    h.emu.control.pay(order.orderId);
    await finalOf(h, order);
    const after = h.statusCalls(order.orderId);
    await sleep(800);
    expect(h.statusCalls(order.orderId)).toBe(after);
    expect(h.engine.following).toBe(0);
  });

  it('journals every status call, counting unchanged "still pending" answers in one event', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 9_000 });
    // A third poll has gone out only once the first two were answered "still pending".
    await until(() => h.statusCalls(order.orderId) >= 3);
    h.emu.control.pay(order.orderId);
    await finalOf(h, order);
    const statusEvents = h.journal
      .events(order.orderId)
      .filter((e) => e.kind === 'gateway' && e.detail.operation === 'status');
    const unchanged = statusEvents.filter((e) => e.detail.unchanged === true);
    const counted = statusEvents.reduce(
      (n, e) => n + (typeof e.detail.count === 'number' ? e.detail.count : 1),
      0,
    );
    expect(unchanged).toHaveLength(1);
    expect(unchanged[0]!.detail.count).toBeGreaterThanOrEqual(2);
    expect(statusEvents.at(-1)?.detail.transactionStatus).toBe('settlement');
    // Every request the gateway saw is accounted for in the journal.
    expect(counted).toBe(h.statusCalls(order.orderId));
  });

  it('follows many pending orders with bounded concurrency and settles them all', async () => {
    h = await startHarness({ engine: { pollConcurrency: 2 } });
    const orders = await Promise.all(
      Array.from({ length: 12 }, (_, i) => h.engine.startSale({ paymentType: 'qris', amount: 1000 + i })),
    );
    for (const o of orders) h.emu.control.pay(o.orderId);
    const done = await Promise.all(orders.map((o) => finalOf(h, o, 15_000)));
    expect(done.every((o) => o.state === 'settlement')).toBe(true);
  });
});

describe('restart', () => {
  it('resumes pending orders and finishes them', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 31_000 });
    await h.engine.stop();
    h.emu.control.pay(order.orderId);
    const engine = await h.restart();
    const summary = engine.start();
    expect(summary.resumed).toEqual([order.orderId]);
    expect((await engine.waitForFinal(order.orderId, 5000)).state).toBe('settlement');
  });

  /** A sale journaled as charging, as if the kiosk died right after committing the attempt. */
  function journalCharging(orderId: string, createdAt = Date.now()) {
    const row = h.journal.createOrder({
      orderId,
      environment: 'test',
      paymentType: 'qris',
      grossAmount: 25_000,
      items: [],
      createdAt,
      deadlineAt: createdAt + 15 * 60_000,
      businessDate: '2026-11-24',
    });
    const key = chargeIdempotencyKey(orderId, 1);
    h.journal.update(
      orderId,
      'created',
      { state: 'charging', attempt: 1, attemptKey: key, attemptSentAt: createdAt },
      {
        kind: 'transition',
        at: createdAt,
      },
    );
    return { row, key };
  }

  it('a charge the gateway received before the crash is adopted, with its QR, not charged again', async () => {
    h = await startHarness();
    const { key } = journalCharging('K-CRASH-1');
    const sent = await h.client.charge(
      {
        paymentType: 'qris',
        orderId: 'K-CRASH-1',
        grossAmount: 25_000,
        expiry: { duration: 15, unit: 'minute' },
      },
      { idempotencyKey: key },
    );
    const engine = await h.restart();
    expect(engine.start().resumed).toEqual(['K-CRASH-1']);
    const adopted = await waitForState(engine, 'K-CRASH-1', 'pending');
    expect(adopted.transactionId).toBe(sent.transactionId);
    expect(adopted.qr?.source).toBe('local');
    expect(adopted.attempt).toBe(1);
    expect(h.emu.control.list().filter((o) => o.orderId === 'K-CRASH-1')).toHaveLength(1);
  });

  it('a passing failure of the replay is retried, not taken as "QR lost"', async () => {
    h = await startHarness();
    const { key } = journalCharging('K-CRASH-4');
    await h.client.charge(
      {
        paymentType: 'qris',
        orderId: 'K-CRASH-4',
        grossAmount: 25_000,
        expiry: { duration: 15, unit: 'minute' },
      },
      { idempotencyKey: key },
    );
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'http-error', httpStatus: 502 } });
    const engine = await h.restart();
    engine.start();
    const adopted = await waitForState(engine, 'K-CRASH-4', 'pending');
    expect(adopted.state).toBe('pending');
    expect(adopted.qr).toBeDefined();
    expect(h.emu.control.get('K-CRASH-4')?.transactionStatus).toBe('pending');
  });

  it('a charge that never reached the gateway is sent again as the next attempt', async () => {
    h = await startHarness();
    journalCharging('K-CRASH-2');
    const engine = await h.restart();
    engine.start();
    const recharged = await waitForState(engine, 'K-CRASH-2', 'pending');
    expect(recharged.attempt).toBe(2);
    expect(h.emu.control.list().filter((o) => o.orderId === 'K-CRASH-2')).toHaveLength(1);
  });

  it('a lost charge past the kiosk deadline is failed, not charged', async () => {
    h = await startHarness();
    journalCharging('K-CRASH-3', Date.now() - 16 * 60_000);
    const engine = await h.restart();
    engine.start();
    const done = await engine.waitForFinal('K-CRASH-3', 5000);
    expect(done.state).toBe('failed');
    expect(done.endReason).toBe('charge-not-received');
    expect(h.emu.control.requests().filter((r) => r.target === 'charge')).toHaveLength(0);
  });

  it('leaves orders of another gateway environment alone', async () => {
    h = await startHarness();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 31_000 });
    const engine = await h.restart({ environment: 'other' });
    const before = h.emu.control.requests().length;
    const summary = engine.start();
    expect(summary.resumed).toEqual([]);
    expect(summary.otherEnvironment).toEqual([order.orderId]);
    await sleep(500);
    expect(h.emu.control.requests().length).toBe(before);
    expect(engine.get(order.orderId)?.state).toBe('pending');
    // Nor will a cashier action reach the wrong gateway.
    await expect(engine.cancel(order.orderId)).rejects.toMatchObject({ code: 'other-environment' });
    await expect(engine.checkNow(order.orderId)).rejects.toMatchObject({ code: 'other-environment' });
    expect(h.emu.control.requests().length).toBe(before);
  });
});

describe('secrets', () => {
  it('the server key never reaches the journal, in any form', async () => {
    h = await startHarness();
    const paid = await h.engine.startSale({ paymentType: 'gopay', amount: 12_000 });
    h.emu.control.injectFault({ target: 'status', fault: { kind: 'http-error', httpStatus: 500 } });
    h.emu.control.pay(paid.orderId);
    await finalOf(h, paid);
    await h.engine.cancel((await h.engine.startSale({ paymentType: 'qris', amount: 3_000 })).orderId);
    await h.engine.stop();
    const key = h.emu.serverKey;
    const forms = [key, Buffer.from(`${key}:`).toString('base64'), Buffer.from(key).toString('base64')];
    const files = ['journal.sqlite', 'journal.sqlite-wal']
      .map((f) => join(h.dir, f))
      .filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      for (const form of forms) expect(bytes.includes(form)).toBe(false);
    }
    // The journal did record the exchanges, so the check above looked at real content.
    expect(h.journal.events(paid.orderId).some((e) => e.detail.outcome === 'server-error')).toBe(true);
  });
});

describe('bad input through the service API', () => {
  const bad: [string, unknown, string][] = [
    ['zero', { paymentType: 'qris', amount: 0 }, 'amount-too-small'],
    ['negative', { paymentType: 'qris', amount: -5 }, 'amount-too-small'],
    ['cents', { paymentType: 'qris', amount: 12.5 }, 'amount-not-whole'],
    ['text', { paymentType: 'qris', amount: '44000' }, 'amount-not-whole'],
    ['over the QRIS limit', { paymentType: 'qris', amount: 10_000_001 }, 'amount-too-large'],
    ['over the GoPay limit', { paymentType: 'gopay', amount: 20_000_001 }, 'amount-too-large'],
    ['no amount', { paymentType: 'gopay' }, 'amount-missing'],
    ['unknown type', { paymentType: 'ovo', amount: 1000 }, 'payment-type-unknown'],
    ['not an object', 'pay 1000', 'not-an-object'],
    [
      'items not adding up',
      { paymentType: 'qris', amount: 5000, items: [{ id: 'a', name: 'Teh', price: 4000, quantity: 1 }] },
      'items-sum-mismatch',
    ],
    [
      'item with zero quantity',
      { paymentType: 'qris', items: [{ id: 'a', name: 'Teh', price: 4000, quantity: 0 }] },
      'item-invalid',
    ],
  ];
  it.each(bad)('%s: a specific error, nothing journaled, nothing sent', async (_name, input, code) => {
    h = await startHarness();
    const error = await h.engine.startSale(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaleInputError);
    const problem = (error as SaleInputError).problems[0]!;
    expect(problem.code).toBe(code);
    expect(problem.message.id.length).toBeGreaterThan(5);
    expect(problem.message.en.length).toBeGreaterThan(5);
    expect(problem.message.id).not.toBe(problem.message.en);
    expect(h.journal.countOrders()).toBe(0);
    expect(h.emu.control.requests().filter((r) => r.target === 'charge')).toHaveLength(0);
  });

  it('a payment type the till has disabled is refused', async () => {
    h = await startHarness({ engine: { enabledPaymentTypes: ['qris'] } });
    await expect(h.engine.startSale({ paymentType: 'gopay', amount: 1000 })).rejects.toMatchObject({
      problems: [{ code: 'payment-type-disabled' }],
    });
    expect(h.journal.countOrders()).toBe(0);
  });
});

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

async function waitForState(engine: CheckoutEngine, orderId: string, state: string, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const view = engine.get(orderId);
    if (view?.state === state || Date.now() > end) return view!;
    await sleep(25);
  }
}
