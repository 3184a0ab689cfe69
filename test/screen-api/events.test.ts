/**
 * Who hears what: each role gets only its own events, a language change reaches both, and no
 * answer or event ever carries the QR file's path, the data folder or the server key.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../common/till-contract.ts';
import {
  CASHIER_EVENTS,
  DISPLAY_EVENTS,
  type PublicSettings,
  type ScreenOrder,
} from '../../common/contract.ts';
import { closeRigs, openRig, trainingKey, until, type Rig } from './rig.ts';

afterEach(closeRigs);

async function wholeSale(rig: Rig, paymentType: 'gopay' | 'qris'): Promise<string> {
  const order = await rig.sale({ paymentType, amount: 23_000 });
  await rig.ok('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'pay' });
  await until(() => rig.services.journal.get(order.orderId)?.state === 'settlement', 'settlement');
  return order.orderId;
}

describe('events by role', () => {
  it('the cashier gets sale, order and health events, the display only display states', async () => {
    const rig = await openRig({ timings: { paidMs: 50 } });
    const orderId = await wholeSale(rig, 'gopay');
    await until(() => rig.displayStates().some((s) => s.scene.kind === 'idle'), 'idle');

    const cashierNames = new Set(rig.events.cashier.map((e) => e.name));
    expect([...cashierNames].every((n) => (CASHIER_EVENTS as readonly string[]).includes(n))).toBe(true);
    expect(cashierNames).toEqual(new Set(['sale', 'order', 'health']));
    const sales = rig.events.cashier
      .filter((e) => e.name === 'sale')
      .map((e) => (e.payload as { sale: SaleView }).sale);
    // Recorded first, then its charge opened and followed, then paid (each change is one event).
    expect(sales[0]).toMatchObject({ state: 'open', liveOrderId: undefined, paid: 0 });
    expect(sales.slice(1, -1).every((sale) => sale.state === 'open' && sale.liveOrderId === orderId)).toBe(
      true,
    );
    expect(sales.at(-1)).toMatchObject({ state: 'paid', liveOrderId: undefined });
    expect(new Set(sales.map((sale) => sale.saleId)).size).toBe(1);
    expect(sales.at(-1)).toMatchObject({ paid: 23_000, due: 0 });
    expect(new Set(rig.events.display.map((e) => e.name))).toEqual(new Set(DISPLAY_EVENTS));

    const orders = rig.events.cashier
      .filter((e) => e.name === 'order')
      .map((e) => e.payload as { order: ScreenOrder; previousState: string | null });
    expect(orders.map((e) => e.order.state)).toEqual(['created', 'charging', 'pending', 'settlement']);
    expect(orders.map((e) => e.previousState)).toEqual([null, 'created', 'charging', 'pending']);
    expect(orders.every((e) => e.order.orderId === orderId && !('qr' in e.order))).toBe(true);
    expect(orders[2]?.order.qrReady).toBe(true);
    const health = rig.events.cashier.find((e) => e.name === 'health')?.payload;
    expect(health).toMatchObject({ health: 'ok', detail: undefined });
  });

  it('a language change reaches both roles', async () => {
    const rig = await openRig();
    await rig.ok<PublicSettings>('cashier', 'settings.setLanguage', { language: 'en' });
    expect(rig.events.cashier.map((e) => [e.name, (e.payload as PublicSettings).language])).toEqual([
      ['settings', 'en'],
    ]);
    expect(rig.displayStates().map((s) => [s.scene.kind, s.language])).toEqual([['idle', 'en']]);
    await rig.ok<PublicSettings>('cashier', 'settings.setLanguage', { language: 'id' });
    expect(rig.displayStates().at(-1)?.language).toBe('id');
  });

  it('an unsubscribed listener hears nothing more, and a throwing one does not stop the others', async () => {
    const rig = await openRig();
    const heard: string[] = [];
    rig.api.subscribe('display', () => {
      throw new Error('a broken transport');
    });
    const off = rig.api.subscribe('display', (name) => heard.push(name));
    await rig.ok('cashier', 'display.showCart', { cart: { amount: 1_000, items: [] } });
    off();
    await rig.ok('cashier', 'display.showCart', { cart: null });
    expect(heard).toEqual(['display']);
    expect(rig.displayStates()).toHaveLength(2);
  });

  it('close() unsubscribes from the engine: later sales reach no screen', async () => {
    const rig = await openRig();
    rig.api.close();
    const before = rig.events.cashier.length + rig.events.display.length;
    await rig.services.engine.startSale({ paymentType: 'qris', amount: 5_000 });
    expect(rig.events.cashier.length + rig.events.display.length).toBe(before);
  });
});

describe('what never reaches a screen', () => {
  it('no QR path, data folder or server key in any answer or event', async () => {
    const rig = await openRig({ timings: { paidMs: 50, resultMs: 50 } });
    const paid = await wholeSale(rig, 'gopay');
    const local = await wholeSale(rig, 'qris');
    const open = await rig.sale({ paymentType: 'qris', amount: 4_000 });
    await until(
      () => rig.displayStates().some((s) => s.scene.kind === 'qr' && s.scene.orderId === open.orderId),
      'qr',
    );
    await rig.ok('cashier', 'kiosk.snapshot', {});
    await rig.ok('cashier', 'history.page', {});
    await rig.ok('cashier', 'report.day', {});
    await rig.ok('display', 'display.snapshot', {});
    rig.services.emulator!.control.injectFault({
      target: 'status',
      fault: { kind: 'http-error', httpStatus: 401 },
    });
    await rig.api
      .call('cashier', 'sale.checkNow', { orderId: open.orderId })
      .then((o) => rig.answers.push(o));
    await rig.ok('cashier', 'sale.cancel', { orderId: open.orderId });

    const key = trainingKey(rig.dir);
    const basic = Buffer.from(`${key}:`).toString('base64');
    const paths = [paid, local, open.orderId].map((id) => rig.services.engine.get(id)?.qr?.path);
    expect(paths.every((p) => typeof p === 'string')).toBe(true);

    const everything = JSON.stringify([rig.events, rig.answers]);
    expect(everything).toContain('data:image/png;base64,');
    for (const secret of [key, basic, basic.replace(/=+$/, ''), rig.dir, ...(paths as string[])]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/"qr":\{"path"/);
  });
});
