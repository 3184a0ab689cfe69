/**
 * A restart in the middle of a sale: what the kiosk finds in the journal when it comes back up
 * (engine.start() then till.recover(), as the host does) and what it makes of it. A charge that
 * settled while the kiosk was down closes its sale as paid; an open split sale still shows its
 * cash; and nothing is counted twice however often the kiosk restarts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../common/till-contract.ts';
import { closeTillRigs, line, openTillRig, plainPricing, type TillRig } from './till-fixture.ts';

afterEach(closeTillRigs);

const CART = [line('Kopi Susu', 18_000, 2), line('Roti Bakar', 9_500)];

async function pendingSplit(rig: TillRig): Promise<{ view: SaleView; orderId: string }> {
  const view = await rig.start({ lines: CART, tender: { kind: 'split', cash: 20_000, paymentType: 'qris' } });
  const orderId = view.liveOrderId;
  if (orderId === undefined) throw new Error('no live charge');
  await rig.until(view.saleId, (v) => v.charges[0]?.state === 'pending', 'the QR');
  return { view, orderId };
}

function kinds(rig: TillRig, saleId: string): string[] {
  return rig.book.events(saleId).map((e) => e.kind);
}

describe('a restart in the middle of a sale', () => {
  it('a charge that settled while the kiosk was down closes its sale as paid, once', async () => {
    const rig = await openTillRig();
    const { view, orderId } = await pendingSplit(rig);
    await rig.down();
    rig.emu.control.pay(orderId);
    const recovered = await rig.up();
    // At recovery the journal still says pending: the sale is open and its charge followed.
    expect(recovered.map((s) => [s.saleId, s.state, s.liveOrderId])).toEqual([
      [view.saleId, 'open', orderId],
    ]);
    const paid = await rig.until(view.saleId, (v) => v.state === 'paid', 'the sale to be paid');
    expect(paid).toMatchObject({ paid: 45_500, due: 0 });
    expect(kinds(rig, view.saleId)).toEqual(['created', 'cash-taken', 'paid']);
    await rig.up();
    await rig.up();
    expect(kinds(rig, view.saleId)).toEqual(['created', 'cash-taken', 'paid']);
    expect(rig.committed(view.saleId).cash).toHaveLength(1);
  });

  it('a sale whose charge was journaled settled but never closed (a crash between) is closed by recover()', async () => {
    const rig = await openTillRig();
    const { view, orderId } = await pendingSplit(rig);
    // The till stops hearing the engine: the settlement is journaled, the sale is not closed.
    rig.till.close();
    rig.emu.control.pay(orderId);
    await rig.engine.waitForFinal(orderId, 10_000);
    expect(rig.committed(view.saleId)).toMatchObject({
      sale: { state: 'open' },
      orders: [{ order_id: orderId, state: 'settlement' }],
    });
    const recovered = await rig.up();
    expect(recovered.map((s) => [s.saleId, s.state, s.paid, s.due])).toEqual([
      [view.saleId, 'paid', 45_500, 0],
    ]);
    expect(rig.committed(view.saleId).sale?.state).toBe('paid');
    expect(rig.till.openSales()).toEqual([]);
    await rig.up();
    expect(kinds(rig, view.saleId)).toEqual(['created', 'cash-taken', 'paid']);
  });

  it.each(['charge again', 'the rest in cash'] as const)(
    'in that window, %s charges and takes nothing: the sale is closed as paid instead',
    async (action) => {
      const rig = await openTillRig();
      const { view, orderId } = await pendingSplit(rig);
      rig.till.close();
      rig.emu.control.pay(orderId);
      await rig.engine.waitForFinal(orderId, 10_000);
      const before = rig.counts();
      const after =
        action === 'charge again'
          ? await rig.till.chargeAgain(view.saleId, 'qris')
          : rig.till.payRestInCash(view.saleId, 50_000);
      expect(after).toMatchObject({ state: 'paid', paid: 45_500, due: 0, liveOrderId: undefined });
      expect(rig.counts()).toEqual({ ...before, sale_events: (before['sale_events'] ?? 0) + 1 });
      expect(rig.charges).toHaveLength(1);
      expect(kinds(rig, view.saleId)).toEqual(['created', 'cash-taken', 'paid']);
    },
  );

  it('an open split sale still shows its cash after a restart, and the rest can be taken then', async () => {
    const rig = await openTillRig();
    const { view, orderId } = await pendingSplit(rig);
    rig.emu.control.expire(orderId);
    await rig.until(view.saleId, (v) => v.liveOrderId === undefined, 'the QR to expire');
    const recovered = await rig.up();
    expect(recovered).toHaveLength(1);
    const [open] = rig.till.openSales();
    expect(open).toMatchObject({ saleId: view.saleId, state: 'open', paid: 20_000, due: 25_500 });
    expect(open?.cash.map((c) => [c.amount, c.state])).toEqual([[20_000, 'taken']]);
    expect(open?.charges.map((c) => c.state)).toEqual(['expire']);
    const paid = rig.till.payRestInCash(view.saleId, 25_500);
    expect(paid).toMatchObject({ state: 'paid', paid: 45_500 });
    await rig.up();
    expect(rig.till.view(view.saleId)).toMatchObject({ state: 'paid', paid: 45_500, due: 0 });
    expect(kinds(rig, view.saleId)).toEqual(['created', 'cash-taken', 'cash-taken', 'paid']);
  });

  it('a sale with its charge still live after a restart is followed to its end and paid once', async () => {
    const rig = await openTillRig();
    const { view, orderId } = await pendingSplit(rig);
    await rig.up();
    expect(rig.till.view(view.saleId)).toMatchObject({ state: 'open', liveOrderId: orderId, paid: 20_000 });
    rig.emu.control.pay(orderId);
    await rig.until(view.saleId, (v) => v.state === 'paid', 'the sale to be paid');
    await rig.up();
    expect(kinds(rig, view.saleId)).toEqual(['created', 'cash-taken', 'paid']);
    expect(rig.emu.control.list()).toHaveLength(1);
  });

  it('a split sale whose charge never started is left open for the cashier, never closed as paid by its cash alone', async () => {
    // Rp 10.200 rounds down to Rp 10.000 in cash; Rp 10.100 was given in cash, Rp 100 to go by QR,
    // but the engine had stopped: the sale and its cash are journaled, no charge was made.
    const rig = await openTillRig({
      pricing: plainPricing({ cashRounding: { unit: 500, mode: 'half-up' } }),
    });
    await rig.engine.stop();
    await expect(
      rig.start({
        lines: [line('Nasi Goreng', 10_200)],
        tender: { kind: 'split', cash: 10_100, paymentType: 'qris' },
      }),
    ).rejects.toThrow(/stopped/);
    const [open] = rig.till.openSales();
    expect(open).toMatchObject({ state: 'open', paid: 10_100, due: 100, charges: [] });
    const recovered = await rig.up();
    expect(recovered.map((s) => [s.state, s.paid, s.due])).toEqual([['open', 10_100, 100]]);
    const again = await rig.till.chargeAgain(open?.saleId ?? '', 'qris');
    expect(rig.charges.map((c) => c.grossAmount)).toEqual([100]);
    expect(again.liveOrderId).toBeDefined();
  });

  it('paid and voided sales are left alone by recovery: nothing is added to them', async () => {
    const rig = await openTillRig();
    const cash = await rig.start({ lines: CART, tender: { kind: 'cash', received: 50_000 } });
    const { view, orderId } = await pendingSplit(rig);
    rig.emu.control.deny(orderId);
    await rig.until(view.saleId, (v) => v.liveOrderId === undefined, 'the deny');
    rig.till.void(view.saleId);
    // Drained first: the engine may still be writing the denied order's last event.
    await rig.down();
    const before = rig.counts();
    expect(await rig.up()).toEqual([]);
    expect(await rig.up()).toEqual([]);
    expect(rig.counts()).toEqual(before);
    expect(rig.till.view(cash.saleId)).toMatchObject({ state: 'paid', paid: 45_500 });
    expect(rig.till.view(view.saleId)).toMatchObject({ state: 'voided', voidReason: 'cash-returned' });
  });
});
