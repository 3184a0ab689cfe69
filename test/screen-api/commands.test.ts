/** Every command's happy path through the api, on the real engine and the built-in emulator. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  CashierSnapshot,
  DisplayState,
  PublicSettings,
  ScreenHistoryPage,
  ScreenOrder,
} from '../../common/contract.ts';
import type { DayReport } from '../../common/order.ts';
import { closeRigs, openRig, until, type Rig } from './rig.ts';

afterEach(closeRigs);

/** A rig whose poller waits a minute, so only the command under test asks the gateway. */
const slowPoll = { engine: { poll: { fastMs: 60_000 } } };

function statusRequests(rig: Rig): number {
  return rig.services.emulator!.control.requests().filter((r) => r.target === 'status').length;
}

function lastOrderEvent(rig: Rig, orderId: string): ScreenOrder | undefined {
  return rig.events.cashier
    .filter((e) => e.name === 'order')
    .map((e) => (e.payload as { order: ScreenOrder }).order)
    .filter((o) => o.orderId === orderId)
    .at(-1);
}

describe('cashier commands', () => {
  it('kiosk.snapshot: settings, health, no open orders and the main-process clock', async () => {
    const rig = await openRig();
    const before = Date.now();
    const snap = await rig.ok<CashierSnapshot>('cashier', 'kiosk.snapshot', {});
    expect(snap.settings).toMatchObject({ mode: 'training', language: 'id', merchantName: 'Toko Latihan' });
    expect(snap.settings.pricing.tax.kind).toBe('none');
    expect(snap.openSales).toEqual([]);
    expect(snap.health).toEqual({ health: 'unknown', detail: undefined });
    expect(snap.openOrders).toEqual([]);
    expect(snap.serverNow).toBeGreaterThanOrEqual(before);
    expect(snap.serverNow).toBeLessThanOrEqual(Date.now());
  });

  it('kiosk.snapshot lists open orders newest first, as screens see them, and health after a call', async () => {
    const rig = await openRig();
    const first = await rig.sale({ paymentType: 'qris', amount: 10_000 });
    const second = await rig.sale({
      paymentType: 'gopay',
      amount: 20_000,
    });
    const done = await rig.sale({ paymentType: 'qris', amount: 30_000 });
    await rig.ok('cashier', 'sale.cancel', { orderId: done.orderId });
    const snap = await rig.ok<CashierSnapshot>('cashier', 'kiosk.snapshot', {});
    expect(snap.openOrders.map((o) => o.orderId)).toEqual([second.orderId, first.orderId]);
    expect(snap.openOrders.every((o) => o.state === 'pending' && o.qrReady)).toBe(true);
    expect(snap.openOrders.every((o) => !('qr' in o))).toBe(true);
    expect(snap.health.health).toBe('ok');
  });

  it('finds open orders among the newest ones when no journal is given', async () => {
    const rig = await openRig({ withoutJournal: true });
    const open = await rig.sale({ paymentType: 'qris', amount: 10_000 });
    const snap = await rig.ok<CashierSnapshot>('cashier', 'kiosk.snapshot', {});
    expect(snap.openOrders.map((o) => o.orderId)).toEqual([open.orderId]);
  });

  it('sale.start returns the pending order with its QR ready but not its path', async () => {
    const rig = await openRig();
    const order = await rig.sale({
      paymentType: 'gopay',
      items: [
        { id: 'kopi-susu', name: 'Kopi Susu', price: 18_000, quantity: 2 },
        { id: 'air-mineral', name: 'Air Mineral', price: 5_000, quantity: 1 },
      ],
    });
    expect(order).toMatchObject({
      state: 'pending',
      paymentType: 'gopay',
      grossAmount: 41_000,
      qrReady: true,
    });
    expect(order).not.toHaveProperty('qr');
    expect(order.items).toHaveLength(2);
    expect(rig.services.journal.get(order.orderId)?.state).toBe('pending');
    expect(rig.services.emulator!.control.get(order.orderId)?.grossAmount).toBe(41_000);
  });

  it('sale.cancel ends the order at the gateway', async () => {
    const rig = await openRig();
    const order = await rig.sale({ paymentType: 'qris', amount: 7_500 });
    const cancelled = await rig.ok<ScreenOrder>('cashier', 'sale.cancel', { orderId: order.orderId });
    expect(cancelled).toMatchObject({ orderId: order.orderId, state: 'cancel', endReason: 'cashier-cancel' });
    expect(rig.services.emulator!.control.get(order.orderId)?.transactionStatus).toBe('cancel');
    expect((await rig.refused('cashier', 'sale.cancel', { orderId: order.orderId })).code).toBe(
      'order-final',
    );
  });

  it('sale.checkNow asks the gateway at once', async () => {
    const rig = await openRig(slowPoll);
    const order = await rig.sale({
      paymentType: 'gopay',
      amount: 12_000,
    });
    rig.services.emulator!.control.pay(order.orderId);
    const checked = await rig.ok<ScreenOrder>('cashier', 'sale.checkNow', { orderId: order.orderId });
    expect(checked).toMatchObject({ state: 'settlement', paidWith: 'qris' });
    expect((await rig.refused('cashier', 'sale.checkNow', { orderId: 'K-NOT-HERE' })).code).toBe(
      'unknown-order',
    );
  });

  it('sale.simulate pays at the emulator only; the poller finds it, as it would a customer', async () => {
    const rig = await openRig();
    const order = await rig.sale({ paymentType: 'qris', amount: 15_000 });
    const asked = statusRequests(rig);
    const answer = await rig.ok<ScreenOrder>('cashier', 'sale.simulate', {
      orderId: order.orderId,
      outcome: 'pay',
    });
    expect(answer).toMatchObject({ orderId: order.orderId, state: 'pending' });
    expect(statusRequests(rig)).toBe(asked);
    expect(rig.services.emulator!.control.get(order.orderId)?.transactionStatus).toBe('settlement');
    await until(() => lastOrderEvent(rig, order.orderId)?.state === 'settlement', 'the poller');
  });

  it.each([
    ['deny', 'deny'],
    ['expire', 'expire'],
  ] as const)('sale.simulate %s ends the order as %s', async (outcome, state) => {
    const rig = await openRig();
    const order = await rig.sale({ paymentType: 'gopay', amount: 9_000 });
    await rig.ok('cashier', 'sale.simulate', { orderId: order.orderId, outcome });
    await until(() => lastOrderEvent(rig, order.orderId)?.state === state, `state ${state}`);
  });

  it('sale.simulate refuses unknown and ended orders', async () => {
    const rig = await openRig(slowPoll);
    expect((await rig.refused('cashier', 'sale.simulate', { orderId: 'K-NONE', outcome: 'pay' })).code).toBe(
      'unknown-order',
    );
    const order = await rig.sale({ paymentType: 'qris', amount: 5_000 });
    // Paid at the gateway, not yet seen by the kiosk: the emulator says the order is no longer payable.
    rig.services.emulator!.control.pay(order.orderId);
    const stale = await rig.refused('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'deny' });
    expect(stale.code).toBe('order-final');
    await rig.ok('cashier', 'sale.checkNow', { orderId: order.orderId });
    const ended = await rig.refused('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'pay' });
    expect(ended.code).toBe('order-final');
  });

  it('history.page pages newest first with the engine cursor', async () => {
    const rig = await openRig();
    const ids: string[] = [];
    for (const amount of [1_000, 2_000, 3_000]) {
      const order = await rig.sale({ paymentType: 'qris', amount });
      await rig.ok('cashier', 'sale.cancel', { orderId: order.orderId });
      ids.push(order.orderId);
    }
    const first = await rig.ok<ScreenHistoryPage>('cashier', 'history.page', { limit: 2 });
    expect(first.orders.map((o) => o.orderId)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toBeTypeOf('number');
    const rest = await rig.ok<ScreenHistoryPage>('cashier', 'history.page', { before: first.nextCursor });
    expect(rest.orders.map((o) => o.orderId)).toEqual([ids[0]]);
    expect(rest.nextCursor).toBeUndefined();
    const all = await rig.ok<ScreenHistoryPage>('cashier', 'history.page', {});
    expect(all.orders).toHaveLength(3);
    expect(all.orders.every((o) => !('qr' in o) && o.qrReady)).toBe(true);
  });

  it('report.day counts the day, and refuses a date that does not exist', async () => {
    const rig = await openRig(slowPoll);
    const order = await rig.sale({
      paymentType: 'gopay',
      amount: 44_000,
    });
    rig.services.emulator!.control.pay(order.orderId);
    await rig.ok('cashier', 'sale.checkNow', { orderId: order.orderId });
    const today = await rig.ok<DayReport>('cashier', 'report.day', {});
    expect(today).toMatchObject({ settledCount: 1, settledAmount: 44_000, openCount: 0 });
    const named = await rig.ok<DayReport>('cashier', 'report.day', { date: today.date });
    expect(named).toEqual(today);
    const other = await rig.ok<DayReport>('cashier', 'report.day', { date: '2001-01-01' });
    expect(other).toMatchObject({ date: '2001-01-01', settledCount: 0, lines: [] });
    const impossible = await rig.refused('cashier', 'report.day', { date: '2026-02-30' });
    expect(impossible.code).toBe('invalid-payload');
    expect(impossible.message.en).toContain('date');
    expect(impossible.message.id).toContain('date');
  });

  it('settings.setLanguage persists, tells the cashier and redraws the display', async () => {
    const rig = await openRig();
    const settings = await rig.ok<PublicSettings>('cashier', 'settings.setLanguage', { language: 'en' });
    expect(settings.language).toBe('en');
    const file = JSON.parse(readFileSync(join(rig.dir, 'settings.json'), 'utf8')) as unknown;
    expect(file).toMatchObject({ language: 'en' });
    expect(rig.events.cashier.filter((e) => e.name === 'settings').map((e) => e.payload)).toEqual([settings]);
    expect(rig.displayStates().at(-1)?.language).toBe('en');
    const snap = await rig.ok<DisplayState>('display', 'display.snapshot', {});
    expect(snap.language).toBe('en');
  });

  it('display.showCart mirrors the cart; display.snapshot returns what is shown', async () => {
    const rig = await openRig();
    const idle = await rig.ok<DisplayState>('display', 'display.snapshot', {});
    expect(idle.scene).toEqual({ kind: 'idle' });
    expect(idle).toMatchObject({ merchantName: 'Toko Latihan', language: 'id', mode: 'training' });
    const items = [{ id: 'kopi-susu', name: 'Kopi Susu', price: 18_000, quantity: 1 }];
    expect(await rig.ok('cashier', 'display.showCart', { cart: { amount: 18_000, items } })).toBeNull();
    const shown = await rig.ok<DisplayState>('display', 'display.snapshot', {});
    expect(shown.scene).toEqual({ kind: 'cart', amount: 18_000, items });
    expect(shown.seq).toBeGreaterThan(idle.seq);
  });
});
