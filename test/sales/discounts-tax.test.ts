/**
 * Discounts (line and order, % and rupiah; above the manager's threshold only with the manager's
 * PIN, which counts towards the same lockout as the settings screen's) and tax (PB1 or PPN,
 * inclusive or exclusive, with a service charge): what the journal keeps of a sale is exactly
 * what the gateway was asked to charge.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PricingSettings } from '../../common/pricing/types.ts';
import type { TillSaleRequest } from '../../common/till-contract.ts';
import { ApprovalError, TillInputError } from '../../main/sales/till.ts';
import { PIN, expectRefused, openUnlocked, type Opened } from '../settings/helpers.ts';
import { expectBilingual, refusal } from './refusals.ts';
import { closeTillRigs, itemSum, line, openTillRig, plainPricing, type TillRig } from './till-fixture.ts';

afterEach(closeTillRigs);

const THRESHOLD = { percent: 10, amount: 5_000 };

/** A till whose discounts above 10 % or Rp 5.000 need the PIN of a real settings service. */
async function guardedTill(): Promise<{ rig: TillRig; settings: Opened; tries: string[] }> {
  const rig = await openTillRig();
  const settings = await openUnlocked();
  await settings.service.manager['manager.lock']({});
  const tries: string[] = [];
  rig.approval = THRESHOLD;
  rig.approve = (pin) => {
    tries.push(pin);
    return settings.service.authority.checkPin(pin);
  };
  return { rig, settings, tries };
}

const cashSale = (over: Partial<TillSaleRequest>): TillSaleRequest => ({
  lines: [line('Nasi Goreng', 50_000)],
  tender: { kind: 'cash', received: 100_000 },
  ...over,
});

describe('discounts and the manager PIN', () => {
  it('discounts up to the threshold need no PIN', async () => {
    const { rig, tries } = await guardedTill();
    const view = await rig.start(
      cashSale({
        lines: [{ ...line('Nasi Goreng', 50_000), discount: { kind: 'amount', value: 5_000 } }],
        orderDiscount: { kind: 'percent', value: 10 },
      }),
    );
    expect(view.breakdown).toMatchObject({ lineDiscounts: 5_000, orderDiscount: 4_500, total: 40_500 });
    expect(tries).toEqual([]);
    expect(rig.book.events(view.saleId).map((e) => e.kind)).toEqual(['created', 'cash-taken', 'paid']);
  });

  it.each([
    ['an order discount above the percentage', { orderDiscount: { kind: 'percent', value: 15 } }],
    [
      'a line discount above the amount',
      { lines: [{ ...line('Nasi Goreng', 50_000), discount: { kind: 'amount', value: 6_000 } }] },
    ],
    [
      'a line percentage within the limit whose rupiah are above it',
      { lines: [{ ...line('Nasi Goreng', 60_000), discount: { kind: 'percent', value: 10 } }] },
    ],
  ] as const)('%s without the PIN is refused and writes nothing', async (_what, over) => {
    const { rig, tries } = await guardedTill();
    const before = rig.counts();
    const error = await refusal(() => rig.start(cashSale(over as Partial<TillSaleRequest>)), ApprovalError);
    expect(error).toMatchObject({ code: 'discount-needs-approval', outcome: 'missing' });
    expect(tries).toEqual([]);
    expect(rig.counts()).toEqual(before);
  });

  it('with the right PIN the sale goes through and the approval is journaled with it', async () => {
    const { rig } = await guardedTill();
    const view = await rig.start(
      cashSale({ orderDiscount: { kind: 'percent', value: 20 }, managerPin: PIN }),
    );
    expect(view).toMatchObject({ state: 'paid' });
    expect(view.breakdown.total).toBe(40_000);
    const events = rig.book.events(view.saleId);
    expect(events.map((e) => e.kind)).toEqual(['created', 'approval', 'cash-taken', 'paid']);
    expect(events[1]?.detail).toEqual({ discounts: ['order 20%'], by: 'manager-pin' });
  });

  it('a wrong PIN is refused and counts: the fifth locks the PIN, for the till and the settings screen alike', async () => {
    const { rig, settings } = await guardedTill();
    const before = rig.counts();
    const big = cashSale({ orderDiscount: { kind: 'percent', value: 50 } });
    for (let n = 1; n <= 4; n++) {
      const wrong = await refusal(() => rig.start({ ...big, managerPin: '0000' }), ApprovalError);
      expect(wrong.outcome).toBe('wrong');
    }
    const fifth = await refusal(() => rig.start({ ...big, managerPin: '0000' }), ApprovalError);
    expect(fifth.outcome).toBe('locked');
    // Locked: even the right PIN is refused now, at the till and at the settings screen.
    const right = await refusal(() => rig.start({ ...big, managerPin: PIN }), ApprovalError);
    expect(right.outcome).toBe('locked');
    await expectRefused(
      async () => settings.service.manager['manager.unlock']({ pin: PIN }),
      'pin-locked-out',
    );
    expect(rig.counts()).toEqual(before);
    // Once the lockout has passed, the right PIN works again.
    settings.clock.advance(61_000);
    expect((await rig.start({ ...big, managerPin: PIN })).state).toBe('paid');
  });

  it('wrong PINs at the settings screen count at the till too', async () => {
    const { rig, settings } = await guardedTill();
    for (let n = 1; n <= 4; n++) {
      await expectRefused(
        async () => settings.service.manager['manager.unlock']({ pin: '1111' }),
        'pin-wrong',
      );
    }
    const error = await refusal(
      () => rig.start(cashSale({ orderDiscount: { kind: 'amount', value: 9_000 }, managerPin: '1111' })),
      ApprovalError,
    );
    expect(error.outcome).toBe('locked');
  });

  it('a till with no manager PIN yet refuses a large discount, saying so', async () => {
    const rig = await openTillRig();
    rig.approval = THRESHOLD;
    const error = await refusal(
      () => rig.start(cashSale({ orderDiscount: { kind: 'percent', value: 50 }, managerPin: '2468' })),
      ApprovalError,
    );
    expect(error.outcome).toBe('no-pin');
  });

  it.each([
    [
      'an order discount above the subtotal',
      { orderDiscount: { kind: 'amount', value: 50_001 } },
      'discount-above-subtotal',
    ],
    [
      'an order discount above 100 %',
      { orderDiscount: { kind: 'percent', value: 100.5 } },
      'discount-above-100-percent',
    ],
    [
      'a line discount above its line',
      { lines: [{ ...line('Nasi Goreng', 50_000), discount: { kind: 'amount', value: 50_001 } }] },
      'discount-above-line',
    ],
    [
      'a line discount above 100 %',
      { lines: [{ ...line('Nasi Goreng', 50_000), discount: { kind: 'percent', value: 101 } }] },
      'discount-above-100-percent',
    ],
    ['a negative discount', { orderDiscount: { kind: 'amount', value: -1 } }, 'discount-negative'],
  ] as const)(
    '%s is refused in both languages before any PIN is tried, and writes nothing',
    async (_what, over, code) => {
      const { rig, tries } = await guardedTill();
      const before = rig.counts();
      const error = await refusal(
        () => rig.start(cashSale({ ...(over as Partial<TillSaleRequest>), managerPin: '0000' })),
        TillInputError,
      );
      expect(error.problems.map((p) => p.code)).toEqual([code]);
      expectBilingual(error.problems);
      expect(tries).toEqual([]);
      expect(rig.counts()).toEqual(before);
    },
  );

  it.each([
    ['an order discount of the whole subtotal', { orderDiscount: { kind: 'amount', value: 50_000 } }],
    ['a 100 % order discount', { orderDiscount: { kind: 'percent', value: 100 } }],
    [
      'a line discount of the whole line',
      { lines: [{ ...line('Nasi Goreng', 50_000), discount: { kind: 'percent', value: 100 } }] },
    ],
  ] as const)('%s leaves nothing to pay: refused in both languages, nothing written', async (_what, over) => {
    const rig = await openTillRig();
    const before = rig.counts();
    for (const tender of [
      { kind: 'cash', received: 0 },
      { kind: 'gateway', paymentType: 'qris' },
    ] as const) {
      const error = await refusal(
        () => rig.start(cashSale({ ...(over as Partial<TillSaleRequest>), tender })),
        TillInputError,
      );
      expectBilingual(error.problems);
      expect(error.problems.map((p) => p.field)).toEqual(['total']);
    }
    expect(rig.counts()).toEqual(before);
    expect(rig.wire.requests).toEqual([]);
  });
});

interface SaleRow {
  subtotal: number;
  line_discounts: number;
  order_discount: number;
  service: number;
  tax: number;
  tax_included: number;
  total: number;
  cash_total: number;
  breakdown: string;
}

function journaled(rig: TillRig, saleId: string) {
  const db = new Database(join(rig.dir, 'journal.sqlite'), { readonly: true });
  try {
    return {
      sale: db.prepare<[string], SaleRow>('SELECT * FROM sales WHERE sale_id = ?').get(saleId),
      lines: db
        .prepare<
          [string],
          { name: string; unit_price: number; quantity: number; line_discount: number; total: number }
        >(
          'SELECT name, unit_price, quantity, line_discount, total FROM sale_lines WHERE sale_id = ? ORDER BY line_no',
        )
        .all(saleId),
    };
  } finally {
    db.close();
  }
}

const TAXES: [string, Partial<PricingSettings>, number][] = [
  // shop-operations.md §1.3's worked example: 85.000, 10 % off, service 5 %, PBJT 10 % → 88.358.
  [
    'PB1 10 % exclusive, service 5 % taxed',
    { tax: { kind: 'pb1', ratePercent: 10, inclusive: false }, servicePercent: 5, serviceTaxed: true },
    88_358,
  ],
  [
    'PB1 10 % inclusive, service 5 % taxed',
    { tax: { kind: 'pb1', ratePercent: 10, inclusive: true }, servicePercent: 5, serviceTaxed: true },
    80_325,
  ],
  [
    'PPN 12 % on DPP 11/12, exclusive, service 5 % untaxed',
    {
      tax: { kind: 'ppn', ratePercent: 12, inclusive: false, dpp: { numerator: 11, denominator: 12 } },
      servicePercent: 5,
      serviceTaxed: false,
    },
    88_740,
  ],
  [
    'PPN 11 % inclusive, no service',
    { tax: { kind: 'ppn', ratePercent: 11, inclusive: true }, serviceTaxed: true },
    76_500,
  ],
];

describe('tax and service: the journal keeps what was charged', () => {
  it.each(TAXES)('%s', async (_what, over, total) => {
    const rig = await openTillRig({
      pricing: plainPricing({ ...over, cashRounding: { unit: 100, mode: 'half-up' } }),
    });
    const view = await rig.start({
      lines: [line('Nasi Goreng', 25_000, 2), line('Es Jeruk', 7_000, 5)],
      orderDiscount: { kind: 'percent', value: 10 },
      tender: { kind: 'gateway', paymentType: 'qris' },
    });
    const b = view.breakdown;
    expect(b.subtotal).toBe(85_000);
    expect(b.orderDiscount).toBe(8_500);
    expect(b.total).toBe(total);

    const [charge] = rig.charges;
    expect(charge?.grossAmount).toBe(b.total);
    expect(itemSum(charge?.items ?? [])).toBe(b.total);
    const ids = charge?.items.map((i) => i.id) ?? [];
    expect(ids.includes('tax')).toBe(!b.tax.inclusive && b.tax.amount > 0);
    expect(ids.includes('service')).toBe(b.service > 0);
    expect(charge?.items.find((i) => i.id === 'service')?.price ?? 0).toBe(b.service);
    expect(charge?.items.find((i) => i.id === 'tax')?.price ?? 0).toBe(b.tax.inclusive ? 0 : b.tax.amount);
    expect(charge?.items.find((i) => i.id === 'disc-order')?.price).toBe(-8_500);

    const { sale, lines } = journaled(rig, view.saleId);
    expect(sale).toMatchObject({
      subtotal: b.subtotal,
      line_discounts: b.lineDiscounts,
      order_discount: b.orderDiscount,
      service: b.service,
      tax: b.tax.amount,
      tax_included: b.tax.inclusive ? 1 : 0,
      total: charge?.grossAmount,
      cash_total: b.cashTotal,
    });
    expect(JSON.parse(sale?.breakdown ?? 'null')).toEqual(b);
    expect(lines.map((l) => l.total).reduce((sum, t) => sum + t, 0)).toBe(charge?.grossAmount);
    expect(lines.map((l) => [l.name, l.unit_price, l.quantity])).toEqual([
      ['Nasi Goreng', 25_000, 2],
      ['Es Jeruk', 7_000, 5],
    ]);
  });

  it('the reference example in cash: Rp 88.358 is Rp 88.400 with Rp 100 rounding, and the journal says so', async () => {
    const [, over] = TAXES[0] ?? [];
    const rig = await openTillRig({
      pricing: plainPricing({ ...over, cashRounding: { unit: 100, mode: 'half-up' } }),
    });
    const view = await rig.start({
      lines: [line('Nasi Goreng', 25_000, 2), line('Es Jeruk', 7_000, 5)],
      orderDiscount: { kind: 'percent', value: 10 },
      tender: { kind: 'cash', received: 100_000 },
    });
    expect(view.breakdown).toMatchObject({ total: 88_358, cashTotal: 88_400, cashRounding: 42 });
    expect(view.cash[0]).toMatchObject({ amount: 88_400, change: 11_600 });
    expect(journaled(rig, view.saleId).sale).toMatchObject({ total: 88_358, cash_total: 88_400 });
  });
});
