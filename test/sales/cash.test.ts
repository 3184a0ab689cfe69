/**
 * A cash-only sale: journaled as paid in the same commit as its cash, no gateway call, the change
 * right, the shop's cash rounding applied to cash and never to what QRIS/GoPay is charged; cash
 * below the cash total refused with specific words in both languages, and nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CashRoundingUnit, RoundingMode } from '../../common/pricing/types.ts';
import { TillInputError } from '../../main/sales/till.ts';
import { expectBilingual, refusal } from './refusals.ts';
import { closeTillRigs, itemSum, line, openTillRig, plainPricing } from './till-fixture.ts';

afterEach(closeTillRigs);

describe('a cash-only sale', () => {
  it('is paid at once with the right change, journaled in one commit, and nothing reaches the gateway', async () => {
    const rig = await openTillRig();
    const view = await rig.start({
      lines: [line('Kopi Susu', 18_000), line('Roti Bakar', 9_500)],
      tender: { kind: 'cash', received: 50_000 },
    });
    expect(view).toMatchObject({ state: 'paid', paid: 27_500, due: 0, charges: [], liveOrderId: undefined });
    expect(view.closedAt).toBeDefined();
    expect(view.cash).toEqual([
      expect.objectContaining({ amount: 27_500, received: 50_000, change: 22_500, state: 'taken' }),
    ]);
    expect(rig.committed(view.saleId)).toEqual({
      sale: { state: 'paid', total: 27_500, cash_total: 27_500 },
      cash: [{ amount: 27_500, received: 50_000, change: 22_500, state: 'taken' }],
      events: ['created', 'cash-taken', 'paid'],
      orders: [],
    });
    expect(rig.wire.requests).toEqual([]);
    expect(rig.emu.control.requests().filter((r) => r.target !== 'control')).toEqual([]);
    // The screens heard of it once, already paid.
    expect(rig.announced.map((s) => [s.saleId, s.state])).toEqual([[view.saleId, 'paid']]);
    expect(rig.till.openSales()).toEqual([]);
  });

  it('exact cash leaves no change; the lines are kept as sold (name, price, quantity)', async () => {
    const rig = await openTillRig();
    const view = await rig.start({
      lines: [{ ...line('  Es   Teh ', 5_000, 3), sku: 'ES-TEH' }],
      tender: { kind: 'cash', received: 15_000 },
    });
    expect(view.cash[0]).toMatchObject({ amount: 15_000, received: 15_000, change: 0 });
    expect(view.breakdown.lines).toEqual([
      expect.objectContaining({
        name: 'Es Teh',
        sku: 'ES-TEH',
        unitPrice: 5_000,
        quantity: 3,
        total: 15_000,
      }),
    ]);
  });

  const ROUNDING: [CashRoundingUnit, RoundingMode, number][] = [
    [100, 'half-up', 10_300],
    [100, 'down', 10_200],
    [100, 'up', 10_300],
    [500, 'half-up', 10_500],
    [500, 'down', 10_000],
    [500, 'up', 10_500],
    [1000, 'half-up', 10_000],
    [1000, 'down', 10_000],
    [1000, 'up', 11_000],
  ];

  it.each(ROUNDING)(
    'cash rounding to %i (%s): Rp 10.250 is Rp %i in cash, and exactly Rp 10.250 by QRIS',
    async (unit, mode, cashTotal) => {
      const rig = await openTillRig({ pricing: plainPricing({ cashRounding: { unit, mode } }) });
      const cart = [line('Nasi Goreng', 10_250)];
      const cash = await rig.start({ lines: cart, tender: { kind: 'cash', received: 20_000 } });
      expect(cash.breakdown).toMatchObject({ total: 10_250, cashTotal, cashRounding: cashTotal - 10_250 });
      expect(cash.cash[0]).toMatchObject({ amount: cashTotal, received: 20_000, change: 20_000 - cashTotal });
      expect(cash).toMatchObject({ state: 'paid', paid: cashTotal, due: 0 });

      const qris = await rig.start({ lines: cart, tender: { kind: 'gateway', paymentType: 'qris' } });
      const [charge] = rig.charges;
      expect(charge?.orderId).toBe(qris.liveOrderId);
      expect(charge?.grossAmount).toBe(10_250);
      expect(itemSum(charge?.items ?? [])).toBe(10_250);
      expect(charge?.items.map((i) => i.id)).toEqual(['line-1']);
    },
  );

  it('rounding applies to a cash-only sale only: the cash part of a split sale is what was typed', async () => {
    const rig = await openTillRig({ pricing: plainPricing({ cashRounding: { unit: 500, mode: 'up' } }) });
    const view = await rig.start({
      lines: [line('Nasi Goreng', 10_250)],
      tender: { kind: 'split', cash: 4_100, paymentType: 'qris' },
    });
    expect(view.cash[0]).toMatchObject({ amount: 4_100, received: 4_100, change: 0 });
    expect(rig.charges.map((c) => c.grossAmount)).toEqual([6_150]);
  });

  it('cash exactly at a rounded-down cash total is enough, one rupiah less is not', async () => {
    const rig = await openTillRig({
      pricing: plainPricing({ cashRounding: { unit: 500, mode: 'down' } }),
    });
    const cart = [line('Nasi Goreng', 10_250)];
    const before = rig.counts();
    const short = await refusal(
      () => rig.start({ lines: cart, tender: { kind: 'cash', received: 9_999 } }),
      TillInputError,
    );
    expect(short.problems.map((p) => p.code)).toEqual(['cash-below-total']);
    expect(rig.counts()).toEqual(before);
    const paid = await rig.start({ lines: cart, tender: { kind: 'cash', received: 10_000 } });
    expect(paid.cash[0]).toMatchObject({ amount: 10_000, change: 0 });
  });

  it('cash below the (rounded-up) cash total is refused in both languages, naming the shortfall, and writes nothing', async () => {
    const rig = await openTillRig({ pricing: plainPricing({ cashRounding: { unit: 1000, mode: 'up' } }) });
    const before = rig.counts();
    // The exact total is not enough when the cash total was rounded up.
    const error = await refusal(
      () => rig.start({ lines: [line('Nasi Goreng', 10_250)], tender: { kind: 'cash', received: 10_250 } }),
      TillInputError,
    );
    expect(error.code).toBe('sale-invalid');
    expect(error.problems.map((p) => [p.code, p.field])).toEqual([['cash-below-total', 'cashReceived']]);
    expectBilingual(error.problems);
    const [problem] = error.problems;
    expect(problem?.message.id).toMatch(/10\.250.*11\.000.*750/);
    expect(problem?.message.en).toMatch(/10,250|10\.250/);
    expect(rig.counts()).toEqual(before);
    expect(rig.announced).toEqual([]);
    expect(rig.wire.requests).toEqual([]);
  });

  it.each([
    ['fractional', 20_000.5, 'cash-not-whole'],
    ['negative', -1, 'cash-not-whole'],
    ['none at all', 0, 'cash-below-total'],
  ])('%s cash received is refused and writes nothing', async (_what, received, code) => {
    const rig = await openTillRig();
    const before = rig.counts();
    const error = await refusal(
      () => rig.start({ lines: [line('Kopi', 18_000)], tender: { kind: 'cash', received } }),
      TillInputError,
    );
    expect(error.problems.map((p) => p.code)).toEqual([code]);
    expectBilingual(error.problems);
    expect(rig.counts()).toEqual(before);
  });

  it('a sale smaller than one cash unit is still a sale: QRIS charges it exactly, cash asks for a positive amount', async () => {
    // Rp 400 at a shop that rounds cash to Rp 1.000: rounding must never make the goods free in
    // cash, nor make the sale impossible to record for QRIS.
    const rig = await openTillRig({
      pricing: plainPricing({ cashRounding: { unit: 1000, mode: 'half-up' } }),
    });
    const cart = [line('Permen', 400)];
    const qris = await rig.start({ lines: cart, tender: { kind: 'gateway', paymentType: 'qris' } });
    expect(qris.state).toBe('open');
    expect(rig.charges.map((c) => c.grossAmount)).toEqual([400]);
    expect(qris.breakdown.cashTotal).toBeGreaterThan(0);
    const cash = await rig.start({ lines: cart, tender: { kind: 'cash', received: 1_000 } });
    expect(cash.state).toBe('paid');
    expect(cash.cash[0]?.amount).toBe(cash.breakdown.cashTotal);
    expect(cash.cash[0]?.amount).toBeGreaterThan(0);
  });
});
