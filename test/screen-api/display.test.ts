/**
 * The customer display's scenes, decided by the api from real sales on the real engine and the
 * built-in emulator.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { DisplayScene, DisplayState, ScreenOrder } from '../../common/contract.ts';
import type { OrderView } from '../../common/order.ts';
import { closeRigs, openRig, sceneKinds, until, type Rig } from './rig.ts';

const jsQR = jsQRModule.default;
afterEach(closeRigs);

const ITEMS = [
  { id: 'nasi-goreng', name: 'Nasi Goreng', price: 25_000, quantity: 1 },
  { id: 'es-teh-manis', name: 'Es Teh Manis', price: 8_000, quantity: 2 },
];
const CART = { amount: 41_000, items: ITEMS };

type QrScene = Extract<DisplayScene, { kind: 'qr' }>;

function sceneFor(rig: Rig, kind: DisplayScene['kind'], orderId?: string): DisplayState | undefined {
  return rig
    .displayStates()
    .find(
      (s) =>
        s.scene.kind === kind &&
        (orderId === undefined || ('orderId' in s.scene && s.scene.orderId === orderId)),
    );
}

function view(rig: Rig, orderId: string): OrderView {
  const order = rig.services.engine.get(orderId);
  if (order === undefined) throw new Error(`no order ${orderId}`);
  return order;
}

function pngOf(dataUrl: string): Buffer {
  const prefix = 'data:image/png;base64,';
  expect(dataUrl.startsWith(prefix)).toBe(true);
  return Buffer.from(dataUrl.slice(prefix.length), 'base64');
}

function decodeQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(pngOf(dataUrl));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** Past a scene timer that, had it not been cleared, would have fired by then. */
const sleepUntil = (t: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, t - Date.now())));

async function startSale(rig: Rig, paymentType: 'gopay' | 'qris'): Promise<ScreenOrder> {
  const order = await rig.sale({ paymentType, items: ITEMS });
  await until(() => sceneFor(rig, 'qr', order.orderId), 'the qr scene');
  return order;
}

function expectOrderly(states: DisplayState[]): void {
  for (let i = 1; i < states.length; i++) {
    expect(states[i]!.seq).toBeGreaterThan(states[i - 1]!.seq);
    expect(states[i]!.serverNow).toBeGreaterThanOrEqual(states[i - 1]!.serverNow);
  }
  for (const state of states) {
    expect(state).toMatchObject({ merchantName: 'Toko Latihan', language: 'id', mode: 'training' });
  }
}

const BILL = {
  lines: [
    { name: 'Nasi Goreng', quantity: 1, amount: 25_000 },
    { name: 'Es Teh Manis', quantity: 2, amount: 16_000 },
  ],
  subtotal: 41_000,
  discounts: 0,
  service: 0,
  total: 41_000,
  cashPaid: 0,
  change: 0,
  due: 41_000,
};

describe('a sale on the customer display', () => {
  it.each([
    ['gopay', 'gateway'],
    ['qris', 'local'],
  ] as const)('%s: cart → preparing → qr (%s image) → paid → idle', async (paymentType, source) => {
    const rig = await openRig({ timings: { paidMs: 400 } });
    await rig.ok('cashier', 'display.showCart', { cart: CART });
    const order = await startSale(rig, paymentType);
    await rig.ok('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'pay' });
    await until(() => sceneFor(rig, 'idle'), 'idle after paid');

    const states = rig.displayStates();
    expect(sceneKinds(states)).toEqual(['cart', 'preparing', 'qr', 'paid', 'idle']);
    expectOrderly(states);
    expect(states[0]!.scene).toEqual({ kind: 'cart', ...CART });
    expect(states[1]!.scene).toEqual({
      kind: 'preparing',
      orderId: order.orderId,
      amount: 41_000,
      items: ITEMS,
      // The bill the till priced, as the receipt will print it.
      bill: BILL,
    });

    const journaled = view(rig, order.orderId);
    const qr = states[2]!.scene as QrScene;
    expect(qr).toMatchObject({ orderId: order.orderId, amount: 41_000, items: ITEMS, paymentType });
    expect(qr.qr.source).toBe(source);
    // The display gets exactly the PNG on disk, and it scans as this order's payload.
    expect(pngOf(qr.qr.image).equals(readFileSync(journaled.qr!.path))).toBe(true);
    expect(decodeQr(qr.qr.image)).toBe(rig.services.emulator!.control.get(order.orderId)?.qrString);
    expect(qr.expiresAt).toBe(Math.min(journaled.deadlineAt, journaled.gatewayExpiryAt ?? Infinity));
    expect(journaled.gatewayExpiryAt).toBeTypeOf('number');

    const paidWith = view(rig, order.orderId).paidWith;
    expect(paidWith).toBeTypeOf('string');
    expect(states[3]!.scene).toEqual({
      kind: 'paid',
      orderId: order.orderId,
      amount: 41_000,
      paidWith,
      bill: { ...BILL, due: 0 },
    });
    const paidAt = rig.events.display.find((e) => (e.payload as DisplayState).scene.kind === 'paid')!.at;
    const idleAt = rig.events.display.find((e) => (e.payload as DisplayState).scene.kind === 'idle')!.at;
    expect(idleAt - paidAt).toBeGreaterThanOrEqual(390);
    expect(idleAt - paidAt).toBeLessThan(5000);
  });

  it('cancel: qr → cancelled, then idle after resultMs', async () => {
    const rig = await openRig({ timings: { paidMs: 5_000, resultMs: 500 } });
    const order = await startSale(rig, 'qris');
    await rig.ok('cashier', 'sale.cancel', { orderId: order.orderId });
    await until(() => sceneFor(rig, 'idle'), 'idle after cancelled');
    expect(sceneKinds(rig.displayStates())).toEqual(['preparing', 'qr', 'cancelled', 'idle']);
    expect(sceneFor(rig, 'cancelled')?.scene).toEqual({
      kind: 'cancelled',
      orderId: order.orderId,
      amount: 41_000,
    });
    const shownAt = rig.events.display.find(
      (e) => (e.payload as DisplayState).scene.kind === 'cancelled',
    )!.at;
    const idleAt = rig.events.display.find((e) => (e.payload as DisplayState).scene.kind === 'idle')!.at;
    expect(idleAt - shownAt).toBeGreaterThanOrEqual(490);
  });

  it.each([
    ['expire', 'expired'],
    ['deny', 'failed'],
  ] as const)('the customer’s %s: qr → %s', async (outcome, kind) => {
    const rig = await openRig();
    const order = await startSale(rig, 'gopay');
    await rig.ok('cashier', 'sale.simulate', { orderId: order.orderId, outcome });
    await until(() => sceneFor(rig, kind), kind);
    expect(sceneKinds(rig.displayStates())).toEqual(['preparing', 'qr', kind]);
    expect(sceneFor(rig, kind)?.scene).toEqual({ kind, orderId: order.orderId, amount: 41_000 });
  });

  it('a charge the gateway refuses: preparing → failed, never a QR', async () => {
    const rig = await openRig();
    rig.services.emulator!.control.injectFault({
      target: 'charge',
      fault: { kind: 'http-error', httpStatus: 401 },
    });
    const order = await rig.sale({ paymentType: 'qris', amount: 5_000 });
    expect(order.state).toBe('failed');
    expect(sceneKinds(rig.displayStates())).toEqual(['preparing', 'failed']);
  });
});

describe('carts and what interrupts what', () => {
  it('cart → idle when the cashier clears it; the same cart twice is sent once', async () => {
    const rig = await openRig();
    await rig.ok('cashier', 'display.showCart', { cart: CART });
    await rig.ok('cashier', 'display.showCart', { cart: CART });
    await rig.ok('cashier', 'display.showCart', { cart: null });
    await rig.ok('cashier', 'display.showCart', { cart: null });
    expect(sceneKinds(rig.displayStates())).toEqual(['cart', 'idle']);
  });

  it('a cart sent during a live sale does not cover its QR', async () => {
    const rig = await openRig();
    await startSale(rig, 'qris');
    await rig.ok('cashier', 'display.showCart', { cart: { amount: 5_000, items: [] } });
    await rig.ok('cashier', 'display.showCart', { cart: null });
    expect(sceneKinds(rig.displayStates())).toEqual(['preparing', 'qr']);
    const shown = await rig.ok<DisplayState>('display', 'display.snapshot', {});
    expect(shown.scene.kind).toBe('qr');
  });

  it('a new sale during the paid scene takes over, and the old timer does not end it', async () => {
    const rig = await openRig({ timings: { paidMs: 1_000 } });
    const first = await startSale(rig, 'qris');
    await rig.ok('cashier', 'sale.simulate', { orderId: first.orderId, outcome: 'pay' });
    await until(() => sceneFor(rig, 'paid'), 'paid');
    const paidAt = Date.now();
    const second = await startSale(rig, 'gopay');
    await sleepUntil(paidAt + 1_300);
    expect(sceneKinds(rig.displayStates())).toEqual(['preparing', 'qr', 'paid', 'preparing', 'qr']);
    const shown = await rig.ok<DisplayState>('display', 'display.snapshot', {});
    expect(shown.scene).toMatchObject({ kind: 'qr', orderId: second.orderId });
  });

  it('after a result, clearing the cart keeps the result; a new cart replaces it for good', async () => {
    const rig = await openRig({ timings: { resultMs: 1_000 } });
    const order = await startSale(rig, 'qris');
    await rig.ok('cashier', 'sale.cancel', { orderId: order.orderId });
    await until(() => sceneFor(rig, 'cancelled'), 'cancelled');
    const cancelledAt = Date.now();
    await rig.ok('cashier', 'display.showCart', { cart: null });
    expect(sceneKinds(rig.displayStates()).at(-1)).toBe('cancelled');
    await rig.ok('cashier', 'display.showCart', { cart: CART });
    await sleepUntil(cancelledAt + 1_300);
    expect(sceneKinds(rig.displayStates())).toEqual(['preparing', 'qr', 'cancelled', 'cart']);
  });
});

describe('a restart mid-sale', () => {
  it('puts the QR back on the display and keeps counting seq upwards', async () => {
    const first = await openRig();
    const order = await startSale(first, 'qris');
    const before = sceneFor(first, 'qr', order.orderId)!;
    await first.stop();

    const again = await openRig({ dir: first.dir });
    const restored = await until(() => sceneFor(again, 'qr', order.orderId), 'the qr scene after restart');
    expect((restored.scene as QrScene).qr.image).toBe((before.scene as QrScene).qr.image);
    expect(restored.seq).toBeGreaterThan(before.seq);
    const shown = await again.ok<DisplayState>('display', 'display.snapshot', {});
    expect(shown.scene).toMatchObject({ kind: 'qr', orderId: order.orderId });

    await again.ok('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'pay' });
    await until(() => sceneFor(again, 'paid', order.orderId), 'paid after restart');
  });
});
