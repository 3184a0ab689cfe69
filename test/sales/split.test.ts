/**
 * Split tender: the cash part is journaled with the sale, in the commit that creates it, before
 * the QRIS/GoPay charge for the remainder leaves (seen on the wire, where the gateway receives
 * it); the charge's item_details add up to its gross_amount, the cash part a line of its own.
 * When that charge ends unpaid the sale stays open with its cash, until the cashier takes the
 * rest in cash, charges the rest again (a new order for the same sale) or voids it (the cash
 * recorded as given back). What the till must refuse meanwhile, it refuses without writing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderState } from '../../common/order.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { SaleBusyError, SaleNotOpenError, TillInputError } from '../../main/sales/till.ts';
import { expectBilingual, refusal } from './refusals.ts';
import { closeTillRigs, itemSum, line, openTillRig, plainPricing, type TillRig } from './till-fixture.ts';

afterEach(closeTillRigs);

const CART = [line('Kopi Susu', 18_000, 2), line('Roti Bakar', 9_500)];

async function splitSale(rig: TillRig, cash = 20_000): Promise<SaleView> {
  const view = await rig.start({ lines: CART, tender: { kind: 'split', cash, paymentType: 'qris' } });
  expect(view.liveOrderId).toBeDefined();
  return view;
}

/** The sale's live charge ends unpaid, the way `how` says; resolves once the till knows. */
async function endUnpaid(rig: TillRig, view: SaleView, how: 'expire' | 'cancel' | 'deny'): Promise<SaleView> {
  const orderId = view.liveOrderId;
  if (orderId === undefined) throw new Error('no live charge');
  await rig.until(view.saleId, (v) => v.charges.at(-1)?.state === 'pending', 'the QR');
  if (how === 'cancel') await rig.engine.cancel(orderId);
  else if (how === 'deny') rig.emu.control.deny(orderId);
  else rig.emu.control.expire(orderId);
  return rig.until(view.saleId, (v) => v.liveOrderId === undefined, `the charge to ${how}`);
}

async function pay(rig: TillRig, view: SaleView): Promise<SaleView> {
  const orderId = view.liveOrderId;
  if (orderId === undefined) throw new Error('no live charge');
  await rig.until(view.saleId, (v) => v.charges.at(-1)?.state === 'pending', 'the QR');
  rig.emu.control.pay(orderId);
  return rig.until(view.saleId, (v) => v.state === 'paid', 'the sale to be paid');
}

describe('a split sale: cash now, the rest by QRIS', () => {
  it('journals the sale with its cash before the charge for the remainder reaches the gateway', async () => {
    const rig = await openTillRig();
    const view = await splitSale(rig);
    expect(view).toMatchObject({ state: 'open', paid: 20_000, due: 25_500 });
    expect(rig.charges).toHaveLength(1);
    const [charge] = rig.charges;
    expect(charge?.saleId).toBe(view.saleId);
    expect(charge?.orderId).toBe(view.liveOrderId);
    // What a crash at the instant the gateway got the charge would leave behind.
    expect(charge?.committed).toEqual({
      sale: { state: 'open', total: 45_500, cash_total: 45_500 },
      cash: [{ amount: 20_000, received: 20_000, change: 0, state: 'taken' }],
      events: ['created', 'cash-taken'],
      orders: [{ order_id: view.liveOrderId, state: 'charging', gross_amount: 25_500 }],
    });
    // Written by one commit: the same instant on the sale and on its cash.
    const events = rig.book.events(view.saleId);
    expect(new Set(events.map((e) => e.at)).size).toBe(1);
  });

  it('charges only the remainder, its item_details adding up to gross_amount with the cash part as its own line', async () => {
    const rig = await openTillRig({
      pricing: plainPricing({
        tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
        servicePercent: 5,
        serviceTaxed: true,
      }),
    });
    const view = await rig.start({
      lines: [
        { ...line('Kopi Susu', 18_000, 2), sku: 'KOPI-SUSU', discount: { kind: 'percent', value: 10 } },
        line('Roti Bakar', 9_500),
      ],
      orderDiscount: { kind: 'amount', value: 2_000 },
      tender: { kind: 'split', cash: 10_000, paymentType: 'qris' },
    });
    const b = view.breakdown;
    // 36.000 − 3.600 + 9.500 − 2.000 = 39.900; service 1.995; PB1 10 % of 41.895 = 4.190 (half-up).
    expect(b).toMatchObject({ subtotal: 45_500, lineDiscounts: 3_600, orderDiscount: 2_000, service: 1_995 });
    expect(b.tax.amount).toBe(4_190);
    expect(b.total).toBe(46_085);
    const [charge] = rig.charges;
    expect(charge?.grossAmount).toBe(36_085);
    expect(itemSum(charge?.items ?? [])).toBe(36_085);
    expect(charge?.items.map((i) => [i.id, i.price, i.quantity])).toEqual([
      ['KOPI-SUSU', 18_000, 2],
      ['line-2', 9_500, 1],
      ['disc-1', -3_600, 1],
      ['disc-order', -2_000, 1],
      ['service', 1_995, 1],
      ['tax', 4_190, 1],
      ['cash-paid', -10_000, 1],
    ]);
    for (const item of charge?.items ?? []) expect(item.name.length).toBeLessThanOrEqual(50);
    // The gateway took it (it refuses items that do not add up) and the journal agrees.
    expect(rig.emu.control.get(charge?.orderId ?? '')?.grossAmount).toBe(36_085);
    expect(rig.committed(view.saleId).sale).toMatchObject({ total: 46_085 });
  });

  it('paid by QRIS: the sale is paid once, with both tenders', async () => {
    const rig = await openTillRig();
    const view = await pay(rig, await splitSale(rig));
    expect(view).toMatchObject({ state: 'paid', paid: 45_500, due: 0 });
    expect(view.cash.map((c) => [c.amount, c.state])).toEqual([[20_000, 'taken']]);
    expect(view.charges.map((c) => [c.amount, c.state])).toEqual([[25_500, 'settlement']]);
    expect(rig.book.events(view.saleId).map((e) => e.kind)).toEqual(['created', 'cash-taken', 'paid']);
  });

  const ENDINGS = [
    ['expire', 'expire'],
    ['cancel', 'cancel'],
    ['deny', 'deny'],
  ] as const satisfies readonly (readonly ['expire' | 'cancel' | 'deny', OrderState])[];

  it.each(ENDINGS)(
    'when the QRIS part ends unpaid (%s) the sale stays open with its cash',
    async (how, state) => {
      const rig = await openTillRig();
      const view = await endUnpaid(rig, await splitSale(rig), how);
      expect(view).toMatchObject({ state: 'open', paid: 20_000, due: 25_500, liveOrderId: undefined });
      expect(view.cash.map((c) => [c.amount, c.state])).toEqual([[20_000, 'taken']]);
      expect(view.charges.map((c) => c.state)).toEqual([state]);
      expect(rig.till.openSales().map((s) => s.saleId)).toEqual([view.saleId]);
      expect(rig.committed(view.saleId)).toMatchObject({
        sale: { state: 'open' },
        cash: [{ amount: 20_000, state: 'taken' }],
        events: ['created', 'cash-taken'],
      });
    },
  );
});

describe('after the QRIS part ended unpaid', () => {
  it('the rest in cash: too little is refused in both languages; enough closes the sale with its change', async () => {
    const rig = await openTillRig();
    const open = await endUnpaid(rig, await splitSale(rig), 'expire');
    const before = rig.counts();
    const short = await refusal(() => rig.till.payRestInCash(open.saleId, 25_000), TillInputError);
    expect(short.problems.map((p) => p.code)).toEqual(['cash-below-total']);
    expectBilingual(short.problems);
    expect(rig.counts()).toEqual(before);

    const paid = rig.till.payRestInCash(open.saleId, 30_000);
    expect(paid).toMatchObject({ state: 'paid', paid: 45_500, due: 0 });
    expect(paid.cash.map((c) => [c.amount, c.received, c.change])).toEqual([
      [20_000, 20_000, 0],
      [25_500, 30_000, 4_500],
    ]);
    expect(rig.book.events(open.saleId).map((e) => e.kind)).toEqual([
      'created',
      'cash-taken',
      'cash-taken',
      'paid',
    ]);
    expect(rig.emu.control.list()).toHaveLength(1);
  });

  it('the rest in cash takes exactly what the sale shows as due, also where the shop rounds cash', async () => {
    // Rp 10.250 with cash rounded to Rp 500: Rp 4.100 in cash, the QR for Rp 6.150 expires.
    const rig = await openTillRig({
      pricing: plainPricing({ cashRounding: { unit: 500, mode: 'half-up' } }),
    });
    const view = await rig.start({
      lines: [line('Nasi Goreng', 10_250)],
      tender: { kind: 'split', cash: 4_100, paymentType: 'qris' },
    });
    const open = await endUnpaid(rig, view, 'expire');
    const paid = rig.till.payRestInCash(open.saleId, open.due);
    expect(paid.cash.at(-1)).toMatchObject({ amount: open.due, received: open.due, change: 0 });
    expect(paid).toMatchObject({ state: 'paid', due: 0 });
  });

  it('the rest in cash works when the cash part is more than the rounded-down cash total', async () => {
    // Rp 10.200 rounds down to Rp 10.000 in cash; Rp 10.100 was given in cash, Rp 100 by QR.
    const rig = await openTillRig({
      pricing: plainPricing({ cashRounding: { unit: 500, mode: 'half-up' } }),
    });
    const view = await rig.start({
      lines: [line('Nasi Goreng', 10_200)],
      tender: { kind: 'split', cash: 10_100, paymentType: 'qris' },
    });
    const open = await endUnpaid(rig, view, 'cancel');
    expect(open.state).toBe('open');
    const paid = rig.till.payRestInCash(open.saleId, 1_000);
    expect(paid.state).toBe('paid');
    const taken = paid.cash.reduce((sum, c) => sum + c.amount, 0);
    expect(taken).toBe(paid.paid);
    expect(paid.cash.at(-1)?.change).toBe(1_000 - (paid.cash.at(-1)?.amount ?? 0));
  });

  it('charge again: a new order for the same sale, for what is due, its items adding up; paid once', async () => {
    const rig = await openTillRig();
    const open = await endUnpaid(rig, await splitSale(rig), 'expire');
    const again = await rig.till.chargeAgain(open.saleId, 'gopay');
    expect(again.liveOrderId).toBeDefined();
    expect(again.liveOrderId).not.toBe(open.charges[0]?.orderId);
    expect(rig.charges).toHaveLength(2);
    const second = rig.charges[1];
    expect(second).toMatchObject({ orderId: again.liveOrderId, saleId: open.saleId, grossAmount: 25_500 });
    expect(itemSum(second?.items ?? [])).toBe(25_500);
    expect(second?.items.at(-1)).toMatchObject({ id: 'cash-paid', price: -20_000 });
    // The new order was committed (linked to the sale) before it was sent, the cash still there.
    expect(second?.committed).toMatchObject({
      sale: { state: 'open' },
      cash: [{ amount: 20_000, state: 'taken' }],
      orders: [
        { order_id: open.charges[0]?.orderId, state: 'expire' },
        { order_id: again.liveOrderId, state: 'charging', gross_amount: 25_500 },
      ],
    });
    const paid = await pay(rig, again);
    expect(paid).toMatchObject({ state: 'paid', paid: 45_500, due: 0 });
    expect(paid.charges.map((c) => [c.paymentType, c.state])).toEqual([
      ['qris', 'expire'],
      ['gopay', 'settlement'],
    ]);
    expect(rig.book.events(open.saleId).filter((e) => e.kind === 'paid')).toHaveLength(1);
  });

  it('charge again twice at once (a double tap) makes one new order, the other is refused as busy', async () => {
    const rig = await openTillRig();
    const open = await endUnpaid(rig, await splitSale(rig), 'expire');
    const outcomes = await Promise.allSettled([
      rig.till.chargeAgain(open.saleId, 'qris'),
      rig.till.chargeAgain(open.saleId, 'qris'),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(SaleBusyError);
    expect(rig.charges).toHaveLength(2);
    expect(rig.committed(open.saleId).orders).toHaveLength(2);
  });

  it('void: the cash is recorded as given back, in the commit that voids the sale', async () => {
    const rig = await openTillRig();
    const open = await endUnpaid(rig, await splitSale(rig), 'deny');
    const voided = rig.till.void(open.saleId);
    expect(voided).toMatchObject({ state: 'voided', voidReason: 'cash-returned', due: 0 });
    expect(voided.cash.map((c) => c.state)).toEqual(['returned']);
    expect(rig.committed(open.saleId)).toMatchObject({
      sale: { state: 'voided' },
      cash: [{ amount: 20_000, state: 'returned' }],
      events: ['created', 'cash-taken', 'cash-returned', 'voided'],
    });
    expect(rig.till.openSales()).toEqual([]);
  });

  it('void of a QRIS-only sale whose QR expired: abandoned, no cash to give back', async () => {
    const rig = await openTillRig();
    const view = await rig.start({ lines: CART, tender: { kind: 'gateway', paymentType: 'qris' } });
    const open = await endUnpaid(rig, view, 'expire');
    expect(rig.till.void(open.saleId)).toMatchObject({ state: 'voided', voidReason: 'abandoned', cash: [] });
  });
});

describe('what the till refuses, writing nothing', () => {
  it('while the charge is live: pay the rest in cash, charge again and void are each refused as busy', async () => {
    const rig = await openTillRig();
    const view = await splitSale(rig);
    await rig.until(view.saleId, (v) => v.charges[0]?.state === 'pending', 'the QR');
    const before = rig.counts();
    await refusal(() => rig.till.payRestInCash(view.saleId, 50_000), SaleBusyError);
    await refusal(() => rig.till.chargeAgain(view.saleId, 'qris'), SaleBusyError);
    await refusal(() => rig.till.void(view.saleId), SaleBusyError);
    expect(rig.counts()).toEqual(before);
    expect(rig.charges).toHaveLength(1);
  });

  it('on a paid sale and on a voided one, every action is refused as not open', async () => {
    const rig = await openTillRig();
    const paid = await rig.start({ lines: CART, tender: { kind: 'cash', received: 50_000 } });
    const voided = rig.till.void((await endUnpaid(rig, await splitSale(rig), 'expire')).saleId);
    const before = rig.counts();
    for (const sale of [paid, voided]) {
      await refusal(() => rig.till.payRestInCash(sale.saleId, 50_000), SaleNotOpenError);
      await refusal(() => rig.till.chargeAgain(sale.saleId, 'qris'), SaleNotOpenError);
      await refusal(() => rig.till.void(sale.saleId), SaleNotOpenError);
    }
    await refusal(() => rig.till.void('S-NOT-A-SALE'), SaleNotOpenError);
    expect(rig.counts()).toEqual(before);
    expect(rig.charges).toHaveLength(1);
  });

  it('a sale of another environment is neither listed nor touched', async () => {
    const rig = await openTillRig();
    const open = await endUnpaid(rig, await splitSale(rig), 'expire');
    await rig.up({ environment: 'elsewhere' });
    expect(rig.till.openSales()).toEqual([]);
    const before = rig.counts();
    await refusal(() => rig.till.payRestInCash(open.saleId, 50_000), SaleNotOpenError);
    await refusal(() => rig.till.chargeAgain(open.saleId, 'qris'), SaleNotOpenError);
    await refusal(() => rig.till.void(open.saleId), SaleNotOpenError);
    expect(rig.counts()).toEqual(before);
    // Back in its own environment it is still open, with its cash.
    await rig.up();
    expect(rig.till.openSales().map((s) => [s.saleId, s.paid, s.due])).toEqual([
      [open.saleId, 20_000, 25_500],
    ]);
  });

  it.each([
    ['no cash part', 0, 'split-cash-missing'],
    ['cash covering the total', 45_500, 'split-cash-covers-total'],
    ['fractional cash', 100.5, 'cash-not-whole'],
  ])('a split with %s is refused in both languages', async (_what, cash, code) => {
    const rig = await openTillRig();
    const before = rig.counts();
    const error = await refusal(
      () => rig.start({ lines: CART, tender: { kind: 'split', cash, paymentType: 'qris' } }),
      TillInputError,
    );
    expect(error.problems.map((p) => p.code)).toEqual([code]);
    expectBilingual(error.problems);
    expect(rig.counts()).toEqual(before);
    expect(rig.wire.requests).toEqual([]);
  });

  it('charge again with a payment type the till does not take is refused, nothing sent', async () => {
    const rig = await openTillRig({ engine: { enabledPaymentTypes: ['qris'] } });
    const open = await endUnpaid(rig, await splitSale(rig), 'expire');
    const before = rig.counts();
    const error = await refusal(() => rig.till.chargeAgain(open.saleId, 'gopay'), TillInputError);
    expect(error.problems.map((p) => p.code)).toEqual(['payment-type-disabled']);
    expectBilingual(error.problems);
    expect(rig.counts()).toEqual(before);
    expect(rig.charges).toHaveLength(1);
  });
});
