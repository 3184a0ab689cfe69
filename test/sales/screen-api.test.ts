/**
 * The till through the screens' api (the rig: the real kiosk services in training mode, every
 * event each role receives recorded): sale.start, sale.payRestInCash, sale.chargeAgain and
 * sale.void, the cashier's 'sale' events, and what the customer display shows — the bill beside
 * the QR, and for cash the paid scene with the change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayScene, DisplayState } from '../../common/contract.ts';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import type { SaleView, TillSaleRequest } from '../../common/till-contract.ts';
import { closeRigs, openRig, until, type Rig } from '../screen-api/rig.ts';
import { line } from './till-fixture.ts';

afterEach(closeRigs);

const CART = [line('Kopi Susu', 18_000, 2), line('Roti Bakar', 9_500)];

/** Cash rounded to Rp 500, half up. */
const roundingTill = {
  settings: () => ({
    pricing: { ...DEFAULT_PRICING_SETTINGS, cashRounding: { unit: 500 as const, mode: 'half-up' as const } },
    approval: null,
  }),
  approve: () => Promise.resolve('no-pin' as const),
};

type Scene<K extends DisplayScene['kind']> = Extract<DisplayScene, { kind: K }>;

function saleEvents(rig: Rig, saleId: string): SaleView[] {
  return rig.events.cashier
    .filter((e) => e.name === 'sale')
    .map((e) => (e.payload as { sale: SaleView }).sale)
    .filter((s) => s.saleId === saleId);
}

function lastScene<K extends DisplayScene['kind']>(rig: Rig, kind: K, id?: string): Scene<K> | undefined {
  return rig
    .displayStates()
    .map((s: DisplayState) => s.scene)
    .filter(
      (s): s is Scene<K> => s.kind === kind && (id === undefined || ('orderId' in s && s.orderId === id)),
    )
    .at(-1);
}

/** The display's current scene once it is of this kind (asked, not only heard). */
async function displayed<K extends DisplayScene['kind']>(rig: Rig, kind: K): Promise<Scene<K>> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const state = await rig.ok<DisplayState>('display', 'display.snapshot', {});
    if (state.scene.kind === kind) return state.scene as Scene<K>;
    if (Date.now() > deadline) throw new Error(`the display shows ${state.scene.kind}, not ${kind}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function start(rig: Rig, request: TillSaleRequest): Promise<SaleView> {
  return rig.ok<SaleView>('cashier', 'sale.start', request);
}

async function qrUp(rig: Rig, orderId: string | undefined): Promise<Scene<'qr'>> {
  if (orderId === undefined) throw new Error('no live charge');
  return until(() => lastScene(rig, 'qr', orderId), 'the QR on the display');
}

async function simulate(rig: Rig, sale: SaleView, outcome: 'pay' | 'expire' | 'deny'): Promise<SaleView> {
  const orderId = sale.liveOrderId;
  await qrUp(rig, orderId);
  await rig.ok('cashier', 'sale.simulate', { orderId, outcome });
  return until(
    () =>
      saleEvents(rig, sale.saleId).find(
        (s) => s.liveOrderId === undefined && s.charges.at(-1)?.orderId === orderId,
      ),
    `the sale to hear of the ${outcome}`,
  );
}

describe('the till through the screen api', () => {
  it('a cash sale: the cashier hears it paid, the display shows the bill and the change', async () => {
    const rig = await openRig();
    const sale = await start(rig, { lines: CART, tender: { kind: 'cash', received: 50_000 } });
    expect(sale).toMatchObject({ state: 'paid', paid: 45_500, due: 0, charges: [] });
    expect(saleEvents(rig, sale.saleId).map((s) => s.state)).toEqual(['paid']);
    expect(rig.events.cashier.filter((e) => e.name === 'order')).toEqual([]);
    const paid = await until(() => lastScene(rig, 'paid', sale.saleId), 'the paid scene');
    expect(paid).toMatchObject({ amount: 45_500, paidWith: 'cash', change: 4_500 });
    expect(paid.bill).toMatchObject({ total: 45_500, cashPaid: 45_500, change: 4_500, due: 0 });
    expect(paid.bill?.lines).toEqual([
      { name: 'Kopi Susu', quantity: 2, amount: 36_000 },
      { name: 'Roti Bakar', quantity: 1, amount: 9_500 },
    ]);
  });

  it('a cash sale rounded down: the paid scene shows nothing still due', async () => {
    const rig = await openRig({ till: roundingTill });
    const sale = await start(rig, {
      lines: [line('Nasi Goreng', 10_200)],
      tender: { kind: 'cash', received: 20_000 },
    });
    expect(sale.cash[0]).toMatchObject({ amount: 10_000, change: 10_000 });
    const paid = await until(() => lastScene(rig, 'paid', sale.saleId), 'the paid scene');
    expect(paid).toMatchObject({ amount: 10_000, change: 10_000 });
    expect(paid.bill).toMatchObject({ cashPaid: 10_000, change: 10_000, due: 0 });
  });

  it('a split sale ended in cash where the shop rounds cash: the paid scene shows what was paid', async () => {
    const rig = await openRig({ till: roundingTill });
    const sale = await start(rig, {
      lines: [line('Nasi Goreng', 10_250)],
      tender: { kind: 'split', cash: 4_100, paymentType: 'qris' },
    });
    await simulate(rig, sale, 'expire');
    const paid = await rig.ok<SaleView>('cashier', 'sale.payRestInCash', {
      saleId: sale.saleId,
      received: 10_000,
    });
    expect(paid).toMatchObject({ state: 'paid', paid: 10_250 });
    const scene = await until(() => lastScene(rig, 'paid', sale.saleId), 'the cash paid scene');
    expect(scene).toMatchObject({ amount: 10_250, paidWith: 'cash', change: 3_850 });
    expect(scene.bill).toMatchObject({ total: 10_250, cashPaid: 10_250, due: 0 });
  });

  it('a split sale: the bill beside the QR shows the cash paid and what the QR asks; expired, then the rest in cash', async () => {
    const rig = await openRig();
    const sale = await start(rig, {
      lines: CART,
      tender: { kind: 'split', cash: 20_000, paymentType: 'qris' },
    });
    expect(sale).toMatchObject({ state: 'open', paid: 20_000, due: 25_500 });
    const qr = await qrUp(rig, sale.liveOrderId);
    expect(qr.amount).toBe(25_500);
    expect(qr.bill).toMatchObject({ total: 45_500, cashPaid: 20_000, change: 0, due: 25_500 });

    const expired = await simulate(rig, sale, 'expire');
    expect(expired).toMatchObject({ state: 'open', paid: 20_000, due: 25_500 });
    await until(() => lastScene(rig, 'expired', sale.liveOrderId), 'the expired scene');

    const paid = await rig.ok<SaleView>('cashier', 'sale.payRestInCash', {
      saleId: sale.saleId,
      received: 30_000,
    });
    expect(paid).toMatchObject({ state: 'paid', paid: 45_500, due: 0 });
    const scene = await until(() => lastScene(rig, 'paid', sale.saleId), 'the cash paid scene');
    expect(scene).toMatchObject({ paidWith: 'cash', change: 4_500 });
    expect(scene.bill).toMatchObject({ cashPaid: 45_500, change: 4_500, due: 0 });
    expect(saleEvents(rig, sale.saleId).at(-1)).toMatchObject({ state: 'paid' });
    expect(saleEvents(rig, sale.saleId).filter((s) => s.state === 'paid')).toHaveLength(1);
  });

  it('charge again after a deny: a new QR for the rest, followed by the display, paid once', async () => {
    const rig = await openRig();
    const sale = await start(rig, {
      lines: CART,
      tender: { kind: 'split', cash: 20_000, paymentType: 'qris' },
    });
    await simulate(rig, sale, 'deny');
    const again = await rig.ok<SaleView>('cashier', 'sale.chargeAgain', {
      saleId: sale.saleId,
      paymentType: 'qris',
    });
    expect(again.liveOrderId).toBeDefined();
    expect(again.liveOrderId).not.toBe(sale.liveOrderId);
    const qr = await qrUp(rig, again.liveOrderId);
    expect(qr).toMatchObject({ amount: 25_500, bill: { cashPaid: 20_000, due: 25_500 } });
    const paid = await simulate(rig, again, 'pay');
    expect(paid).toMatchObject({ state: 'paid', paid: 45_500, due: 0 });
    const scene = await until(() => lastScene(rig, 'paid', again.liveOrderId), 'the paid scene');
    expect(scene.bill).toMatchObject({ due: 0 });
    expect(saleEvents(rig, sale.saleId).filter((s) => s.state === 'paid')).toHaveLength(1);
  });

  it('void after an expired QR: the cashier hears the sale voided with its cash given back', async () => {
    const rig = await openRig();
    const sale = await start(rig, {
      lines: CART,
      tender: { kind: 'split', cash: 20_000, paymentType: 'gopay' },
    });
    await simulate(rig, sale, 'expire');
    const voided = await rig.ok<SaleView>('cashier', 'sale.void', { saleId: sale.saleId });
    expect(voided).toMatchObject({ state: 'voided', voidReason: 'cash-returned', due: 0 });
    expect(saleEvents(rig, sale.saleId).at(-1)).toMatchObject({
      state: 'voided',
      cash: [{ state: 'returned' }],
    });
    const snapshot = await rig.ok<{ openSales: SaleView[] }>('cashier', 'kiosk.snapshot', {});
    expect(snapshot.openSales).toEqual([]);
  });

  it('refusals say why, in both languages: busy while the QR is live, not open once ended, bad cash', async () => {
    const rig = await openRig();
    const sale = await start(rig, {
      lines: CART,
      tender: { kind: 'split', cash: 20_000, paymentType: 'qris' },
    });
    await qrUp(rig, sale.liveOrderId);
    const busy = await rig.refused('cashier', 'sale.payRestInCash', {
      saleId: sale.saleId,
      received: 50_000,
    });
    expect(busy.code).toBe('sale-not-open');
    expect(busy.message.en).toMatch(/QR .*under way|still/i);
    expect((await rig.refused('cashier', 'sale.void', { saleId: sale.saleId })).code).toBe('sale-not-open');
    expect(
      (await rig.refused('cashier', 'sale.chargeAgain', { saleId: sale.saleId, paymentType: 'qris' })).code,
    ).toBe('sale-not-open');

    await simulate(rig, sale, 'expire');
    const short = await rig.refused('cashier', 'sale.payRestInCash', {
      saleId: sale.saleId,
      received: 1_000,
    });
    expect(short.code).toBe('sale-invalid');
    expect(short.problems?.map((p) => p.code)).toEqual(['cash-below-total']);
    expect(short.problems?.[0]?.message.id).toMatch(/kurang/);
    const paid = await rig.ok<SaleView>('cashier', 'sale.payRestInCash', {
      saleId: sale.saleId,
      received: 25_500,
    });
    expect(paid.state).toBe('paid');
    const ended = await rig.refused('cashier', 'sale.void', { saleId: sale.saleId });
    expect(ended.code).toBe('sale-not-open');
    expect(ended.message.en).not.toBe(busy.message.en);
    for (const message of [busy.message, ended.message]) {
      expect(message.id).not.toBe(message.en);
      expect(message.id.length).toBeGreaterThan(10);
    }
    const badPayload = await rig.refused('cashier', 'sale.payRestInCash', {
      saleId: sale.saleId,
      received: '5000',
    });
    expect(badPayload.code).toBe('invalid-payload');
  });

  it('after a restart mid-sale the display puts the QR back up with its bill (the cash already paid)', async () => {
    const first = await openRig();
    const sale = await start(first, {
      lines: CART,
      tender: { kind: 'split', cash: 20_000, paymentType: 'qris' },
    });
    await qrUp(first, sale.liveOrderId);
    await first.stop();
    const rig = await openRig({ dir: first.dir });
    const snapshot = await rig.ok<{ openSales: SaleView[] }>('cashier', 'kiosk.snapshot', {});
    expect(snapshot.openSales.map((s) => [s.saleId, s.paid, s.due])).toEqual([[sale.saleId, 20_000, 25_500]]);
    const shown = await displayed(rig, 'qr');
    expect(shown.bill).toMatchObject({ total: 45_500, cashPaid: 20_000, due: 25_500 });
  });
});
