import { describe, expect, it } from 'vitest';
import { cashChange, priceCart, splitTender } from '../../../common/pricing/index.ts';
import type { PricingProblem } from '../../../common/pricing/index.ts';
import { line, settings } from './support.ts';

function problems(input: unknown): PricingProblem[] {
  const result = priceCart(input as never);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

function codes(input: unknown): string[] {
  return problems(input).map((p) => `${p.field}: ${p.code}`);
}

const cart = (lines: unknown[], extra: Record<string, unknown> = {}) => ({
  lines,
  settings: settings(),
  ...extra,
});

describe('bad carts get a specific bilingual problem', () => {
  it.each([
    ['price 0', line('Teh', 0), 'lines.0.unitPrice: price-too-small'],
    ['a negative price', line('Teh', -500), 'lines.0.unitPrice: price-too-small'],
    ['a fractional price', line('Teh', 1500.5), 'lines.0.unitPrice: price-not-whole'],
    [
      'a price as text',
      { name: 'Teh', unitPrice: '1500', quantity: 1 },
      'lines.0.unitPrice: price-not-whole',
    ],
    ['a price above GoPay’s maximum', line('Emas', 20_000_001), 'lines.0.unitPrice: price-too-large'],
    ['quantity 0', line('Teh', 1000, 0), 'lines.0.quantity: quantity-invalid'],
    ['quantity 1.5', line('Teh', 1000, 1.5), 'lines.0.quantity: quantity-invalid'],
    ['quantity 1000', line('Teh', 1000, 1000), 'lines.0.quantity: quantity-invalid'],
    ['an empty name', line('   ', 1000), 'lines.0.name: name-empty'],
    ['a 51-character name', line('x'.repeat(51), 1000), 'lines.0.name: name-too-long'],
    ['a name with a tab', line('Es\tTeh', 1000), 'lines.0.name: name-characters'],
    ['a name with a newline', line('Es\nTeh', 1000), 'lines.0.name: name-characters'],
    ['a name with a bidi override', line('Teh \u202eodnaM', 1000), 'lines.0.name: name-characters'],
    ['a name with a bidi isolate', line('Teh \u2066x\u2069', 1000), 'lines.0.name: name-characters'],
    ['a name with a zero-width space', line('Es\u200bTeh', 1000), 'lines.0.name: name-characters'],
    ['a name with a lone surrogate', line('Teh \ud83c', 1000), 'lines.0.name: name-characters'],
    [
      'a line discount above 100 %',
      line('Teh', 1000, 1, { discount: { kind: 'percent', value: 100.5 } }),
      'lines.0.discount.value: discount-above-100-percent',
    ],
    [
      'a line discount above the line',
      line('Teh', 1000, 2, { discount: { kind: 'amount', value: 2001 } }),
      'lines.0.discount.value: discount-above-line',
    ],
    [
      'a negative discount',
      line('Teh', 1000, 1, { discount: { kind: 'amount', value: -1 } }),
      'lines.0.discount.value: discount-negative',
    ],
    [
      'a fractional rupiah discount',
      line('Teh', 1000, 1, { discount: { kind: 'amount', value: 0.5 } }),
      'lines.0.discount.value: discount-not-whole',
    ],
    [
      'a discount of unknown kind',
      line('Teh', 1000, 1, { discount: { kind: 'bogo', value: 1 } } as never),
      'lines.0.discount: discount-invalid',
    ],
    [
      'a percentage with five decimals',
      line('Teh', 1000, 1, { discount: { kind: 'percent', value: 1.00001 } }),
      'lines.0.discount.value: discount-precision',
    ],
  ])('%s', (_label, bad, expected) => {
    expect(codes(cart([bad]))).toEqual([expected]);
  });

  it('a 50-character name fits, a 50-character name with an emoji pair does not', () => {
    expect(priceCart(cart([line('x'.repeat(50), 1000)]) as never).ok).toBe(true);
    expect(codes(cart([line(`${'x'.repeat(49)}🍜`, 1000)]))).toEqual(['lines.0.name: name-too-long']);
  });

  it('an order discount above the subtotal or above 100 %', () => {
    const lines = [line('A', 10_000, 1, { discount: { kind: 'amount', value: 2_000 } })];
    const over = problems(cart(lines, { orderDiscount: { kind: 'amount', value: 8_001 } }));
    expect(over.map((p) => p.code)).toEqual(['discount-above-subtotal']);
    expect(over[0]?.message.id).toContain('Rp 8.001');
    expect(over[0]?.message.en).toContain('Rp 8.000');
    expect(codes(cart(lines, { orderDiscount: { kind: 'percent', value: 101 } }))).toEqual([
      'orderDiscount.value: discount-above-100-percent',
    ]);
  });

  it('an empty cart, too many lines, not a list', () => {
    expect(codes(cart([]))).toEqual(['lines: cart-empty']);
    expect(codes(cart(Array.from({ length: 51 }, () => line('A', 1))))).toEqual(['lines: too-many-lines']);
    expect(codes({ lines: 'x', settings: settings() })).toEqual(['lines: lines-not-a-list']);
    expect(codes(null)).toEqual(['(cart): not-an-object']);
  });

  it('reports every bad line, not only the first', () => {
    expect(codes(cart([line('A', 0), line('B', 1000), line('', 1.5)]))).toEqual([
      'lines.0.unitPrice: price-too-small',
      'lines.2.name: name-empty',
      'lines.2.unitPrice: price-not-whole',
    ]);
  });

  it('every message has both languages, and they differ', () => {
    const all = problems(cart([line('', 0, 0)], { orderDiscount: { kind: 'percent', value: 200 } }));
    expect(all.length).toBe(4);
    for (const p of all) {
      expect(p.message.id.length).toBeGreaterThan(5);
      expect(p.message.en.length).toBeGreaterThan(5);
      expect(p.message.id).not.toBe(p.message.en);
    }
  });
});

describe('bad settings', () => {
  const tax = (patch: Record<string, unknown>) => ({
    kind: 'pb1',
    ratePercent: 10,
    inclusive: false,
    ...patch,
  });
  it.each([
    [
      'a tax rate above 100',
      { tax: tax({ ratePercent: 100.01 }) },
      'settings.tax.ratePercent: tax-rate-out-of-range',
    ],
    [
      'a negative tax rate',
      { tax: tax({ ratePercent: -1 }) },
      'settings.tax.ratePercent: tax-rate-out-of-range',
    ],
    [
      'a tax rate that is not a number',
      { tax: tax({ ratePercent: '10' }) },
      'settings.tax.ratePercent: settings-invalid',
    ],
    ['an unknown tax kind', { tax: tax({ kind: 'vat' }) }, 'settings.tax.kind: tax-kind-unknown'],
    [
      'a DPP fraction above one',
      { tax: tax({ dpp: { numerator: 13, denominator: 12 } }) },
      'settings.tax.dpp: dpp-invalid',
    ],
    ['an unknown tax scope', { tax: tax({ scope: 'item' }) }, 'settings.tax.scope: settings-invalid'],
    ['service above 100', { servicePercent: 150 }, 'settings.servicePercent: service-out-of-range'],
    ['an unknown rounding mode', { taxRounding: 'banker' }, 'settings.taxRounding: rounding-mode-unknown'],
    [
      'cash rounding to 50',
      { cashRounding: { unit: 50, mode: 'down' } },
      'settings.cashRounding.unit: cash-unit-unknown',
    ],
  ])('%s', (_label, patch, expected) => {
    expect(codes({ lines: [line('A', 1000)], settings: { ...settings(), ...patch } })).toEqual([expected]);
  });

  it('accepts rates of 0 and 100 and decimals such as 11 or 12.5', () => {
    for (const ratePercent of [0, 10, 11, 12, 12.5, 100]) {
      expect(
        priceCart({
          lines: [line('A', 1000)],
          settings: settings({ tax: { kind: 'ppn', ratePercent, inclusive: false } }),
        }).ok,
      ).toBe(true);
    }
  });
});

describe('cash and split tender', () => {
  it('gives change on a cash-only sale and refuses cash below the total', () => {
    expect(cashChange(88_400, 100_000)).toEqual({ ok: true, value: { received: 100_000, change: 11_600 } });
    expect(cashChange(88_400, 88_400)).toEqual({ ok: true, value: { received: 88_400, change: 0 } });
    const short = cashChange(88_400, 50_000);
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.problems[0]?.code).toBe('cash-below-total');
      expect(short.problems[0]?.message.id).toContain('kurang Rp 38.400');
      expect(short.problems[0]?.message.en).toContain('Rp 38.400 short');
    }
    for (const bad of [1000.5, -1, '100000', null]) {
      const r = cashChange(88_400, bad);
      expect(r.ok ? 'ok' : r.problems[0]?.code).toBe('cash-not-whole');
    }
  });

  it('a split asks QRIS for the remainder of the exact total', () => {
    expect(splitTender(88_358, 50_000)).toEqual({ ok: true, value: { cash: 50_000, remainder: 38_358 } });
    const code = (total: number, cash: unknown, type?: 'qris' | 'gopay') => {
      const r = splitTender(total, cash, type);
      return r.ok ? 'ok' : r.problems[0]?.code;
    };
    expect(code(88_358, 0)).toBe('split-cash-missing');
    expect(code(88_358, 88_358)).toBe('split-cash-covers-total');
    expect(code(88_358, 100_000)).toBe('split-cash-covers-total');
    expect(code(88_358, 10.5)).toBe('cash-not-whole');
    expect(code(15_000_000, 1_000_000, 'qris')).toBe('split-remainder-too-large');
    expect(code(15_000_000, 1_000_000, 'gopay')).toBe('ok');
    expect(code(15_000_000, 5_000_000, 'qris')).toBe('ok');
  });
});
