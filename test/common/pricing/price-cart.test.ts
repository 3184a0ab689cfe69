import { describe, expect, it } from 'vitest';
import { buildItemDetails, priceCart } from '../../../common/pricing/index.ts';
import type { CartInput, PriceBreakdown } from '../../../common/pricing/index.ts';
import { itemSum, line, settings } from './support.ts';

function priced(input: CartInput): PriceBreakdown {
  const result = priceCart(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const pb1 = settings({
  tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
  servicePercent: 5,
  serviceTaxed: true,
  cashRounding: { unit: 100, mode: 'half-up' },
});

describe('the worked example of shop-operations.md §1.3', () => {
  const b = priced({
    lines: [line('Nasi Goreng', 25_000, 2), line('Es Teh Manis', 8_750, 4)],
    orderDiscount: { kind: 'percent', value: 10 },
    settings: pb1,
  });

  it('Rp85.000 less 10 % is 76.500; service 3.825; PB1 8.033 (8.032,5 half-up); total 88.358', () => {
    expect(b.subtotal).toBe(85_000);
    expect(b.orderDiscount).toBe(8_500);
    expect(b.discountedSubtotal).toBe(76_500);
    expect(b.service).toBe(3_825);
    expect(b.tax).toEqual({
      kind: 'pb1',
      ratePercent: 10,
      inclusive: false,
      scope: 'bill',
      base: 80_325,
      dpp: 80_325,
      amount: 8_033,
    });
    expect(b.total).toBe(88_358);
  });

  it('cash pays Rp88.400 with Rp100 rounding; QRIS is charged 88.358 exactly', () => {
    expect(b.cashTotal).toBe(88_400);
    expect(b.cashRounding).toBe(42);
    const items = buildItemDetails(b);
    expect(itemSum(items)).toBe(88_358);
    expect(items).toEqual([
      { id: 'line-1', name: 'Nasi Goreng', price: 25_000, quantity: 2 },
      { id: 'line-2', name: 'Es Teh Manis', price: 8_750, quantity: 4 },
      { id: 'disc-order', name: 'Diskon pesanan 10%', price: -8_500, quantity: 1 },
      { id: 'service', name: 'Biaya layanan 5%', price: 3_825, quantity: 1 },
      { id: 'tax', name: 'PB1 10%', price: 8_033, quantity: 1 },
    ]);
  });

  it('spreads the bill-level figures over the lines so each column adds up', () => {
    expect(b.lines.map((l) => l.orderDiscountShare)).toEqual([5_000, 3_500]);
    expect(b.lines.map((l) => l.serviceShare)).toEqual([2_250, 1_575]);
    // 8.033 over bases 47.250 and 33.075 is 4.725,3 + 3.307,7: the rupiah left goes to the larger remainder.
    expect(b.lines.map((l) => l.taxShare)).toEqual([4_725, 3_308]);
    expect(b.lines.reduce((t, l) => t + l.total, 0)).toBe(b.total);
  });

  it('each cash rounding rule is a setting', () => {
    const cart = { lines: [line('A', 85_000)], orderDiscount: { kind: 'percent', value: 10 } } as const;
    const cash = (unit: 0 | 100 | 500 | 1000, mode: 'half-up' | 'down' | 'up') =>
      priced({ ...cart, settings: { ...pb1, cashRounding: { unit, mode } } }).cashTotal;
    expect(cash(0, 'half-up')).toBe(88_358);
    expect(cash(100, 'down')).toBe(88_300);
    expect(cash(100, 'up')).toBe(88_400);
    expect(cash(500, 'half-up')).toBe(88_500);
    expect(cash(1000, 'down')).toBe(88_000);
    expect(cash(1000, 'half-up')).toBe(88_000);
  });
});

describe('tax', () => {
  it('PPN 12 % on DPP nilai lain 11/12 is 11 % effective (reference §1.2: Rp50.000.000 → 5.500.000)', () => {
    const b = priced({
      lines: [line('Mesin kasir', 10_000_000, 5)],
      settings: settings({
        tax: { kind: 'ppn', ratePercent: 12, inclusive: false, dpp: { numerator: 11, denominator: 12 } },
      }),
    });
    expect(b.tax.dpp).toBe(45_833_333);
    expect(b.tax.amount).toBe(5_500_000);
    expect(b.total).toBe(55_500_000);
  });

  it('inclusive PPN 11 % is the 11/111 part of the price, shown and not added', () => {
    const b = priced({
      lines: [line('Sabun', 111_000)],
      settings: settings({ tax: { kind: 'ppn', ratePercent: 11, inclusive: true } }),
    });
    expect(b.tax).toMatchObject({ inclusive: true, base: 100_000, dpp: 100_000, amount: 11_000 });
    expect(b.total).toBe(111_000);
    const items = buildItemDetails(b);
    expect(items.map((i) => i.id)).toEqual(['line-1']);
    expect(itemSum(items)).toBe(111_000);
  });

  it('inclusive PPN 12 % × 11/12 contains the same 11 000 and reports DPP 11/12 of the base', () => {
    const b = priced({
      lines: [line('Sabun', 111_000)],
      settings: settings({
        tax: { kind: 'ppn', ratePercent: 12, inclusive: true, dpp: { numerator: 11, denominator: 12 } },
      }),
    });
    expect(b.tax).toMatchObject({ base: 100_000, dpp: 91_667, amount: 11_000 });
  });

  it('an untaxed service charge stays out of the base', () => {
    const b = priced({
      lines: [line('Soto', 100_000)],
      settings: { ...pb1, serviceTaxed: false },
    });
    expect(b.service).toBe(5_000);
    expect(b.tax.base).toBe(100_000);
    expect(b.tax.amount).toBe(10_000);
    expect(b.total).toBe(115_000);
  });

  it('inclusive prices with a taxed service charge: the service contains tax too', () => {
    const b = priced({
      lines: [line('Soto', 100_000)],
      settings: { ...pb1, servicePercent: 10, tax: { kind: 'pb1', ratePercent: 10, inclusive: true } },
    });
    expect(b.service).toBe(10_000);
    expect(b.tax).toMatchObject({ base: 100_000, amount: 10_000 });
    expect(b.total).toBe(110_000);
    expect(itemSum(buildItemDetails(b))).toBe(110_000);
  });

  it('per-line tax rounds each line, per-bill rounds once (UNCONFIRMED which a region wants)', () => {
    const cart = { lines: [line('A', 1_005), line('B', 1_005), line('C', 1_005)] };
    const tax = { kind: 'pb1', ratePercent: 10, inclusive: false } as const;
    const bill = priced({ ...cart, settings: settings({ tax: { ...tax, scope: 'bill' } }) });
    const perLine = priced({ ...cart, settings: settings({ tax: { ...tax, scope: 'line' } }) });
    expect(bill.tax.amount).toBe(302); // 301,5 → 302
    expect(bill.lines.map((l) => l.taxShare)).toEqual([101, 101, 100]);
    expect(perLine.tax.amount).toBe(303); // 100,5 → 101, three times
    expect(perLine.lines.map((l) => l.taxShare)).toEqual([101, 101, 101]);
  });

  it('tax rounding follows its own mode', () => {
    const at = (mode: 'half-up' | 'down' | 'up', price: number) =>
      priced({
        lines: [line('A', price)],
        settings: settings({ tax: { kind: 'pb1', ratePercent: 10, inclusive: false }, taxRounding: mode }),
      }).tax.amount;
    expect([at('half-up', 1_005), at('down', 1_005), at('up', 1_005)]).toEqual([101, 100, 101]);
    expect([at('half-up', 1_004), at('down', 1_004), at('up', 1_004)]).toEqual([100, 100, 101]);
  });

  it('a decimal rate is exact: 2,5 % of 1.000.000 is 25.000, not 24.999', () => {
    const b = priced({
      lines: [line('A', 1_000_000)],
      settings: settings({ tax: { kind: 'ppn', ratePercent: 2.5, inclusive: false } }),
    });
    expect(b.tax.amount).toBe(25_000);
  });

  it('kind none ignores any rate', () => {
    const b = priced({
      lines: [line('A', 1_000)],
      settings: settings({ tax: { kind: 'none', ratePercent: 10, inclusive: false } }),
    });
    expect(b.tax.amount).toBe(0);
    expect(b.total).toBe(1_000);
  });
});

describe('discounts', () => {
  it('line discounts are their own negative lines; a discounted quantity is never divided', () => {
    const b = priced({
      lines: [
        line('Kopi Susu', 10_000, 3, { itemId: 'kopi-susu', discount: { kind: 'amount', value: 5_000 } }),
        line('Roti', 12_345, 1, { sku: 'RT-01', discount: { kind: 'percent', value: 10 } }),
      ],
      settings: settings(),
    });
    expect(b.lines.map((l) => [l.gross, l.lineDiscount, l.net])).toEqual([
      [30_000, 5_000, 25_000],
      [12_345, 1_235, 11_110], // 1.234,5 half-up
    ]);
    expect(buildItemDetails(b)).toEqual([
      { id: 'kopi-susu', name: 'Kopi Susu', price: 10_000, quantity: 3 },
      { id: 'RT-01', name: 'Roti', price: 12_345, quantity: 1 },
      { id: 'disc-1', name: 'Diskon Kopi Susu', price: -5_000, quantity: 1 },
      { id: 'disc-2', name: 'Diskon Roti', price: -1_235, quantity: 1 },
    ]);
    expect(b.total).toBe(36_110);
  });

  it('percentage discounts round by the fraction mode', () => {
    const at = (mode: 'half-up' | 'down' | 'up') =>
      priced({
        lines: [line('A', 12_345, 1, { discount: { kind: 'percent', value: 10 } })],
        settings: settings({ fractionRounding: mode }),
      }).lineDiscounts;
    expect([at('half-up'), at('down'), at('up')]).toEqual([1_235, 1_234, 1_235]);
  });

  it('an order discount in rupiah is taken after the line discounts; 100 % leaves a zero total', () => {
    const b = priced({
      lines: [line('A', 10_000, 1, { discount: { kind: 'amount', value: 1_000 } }), line('B', 5_000)],
      orderDiscount: { kind: 'amount', value: 14_000 },
      settings: settings(),
    });
    expect(b.discountedSubtotal).toBe(0);
    expect(b.total).toBe(0);
    const free = priced({
      lines: [line('A', 10_000)],
      orderDiscount: { kind: 'percent', value: 100 },
      settings: pb1,
    });
    expect([free.total, free.service, free.tax.amount]).toEqual([0, 0, 0]);
  });
});

describe('names and ids in item_details', () => {
  it('normalises names to NFC and single spaces', () => {
    const b = priced({ lines: [line('  Cafe\u0301   Latte ', 20_000)], settings: settings() });
    expect(b.lines[0]?.name).toBe('Caf\u00e9 Latte');
    expect(buildItemDetails(b)[0]?.name).toBe('Caf\u00e9 Latte');
  });

  it('takes the item id, else the SKU, when Midtrans-safe, else line-N', () => {
    const b = priced({
      lines: [
        line('A', 1, 1, { itemId: '12' }),
        line('B', 1, 1, { itemId: 'bad id', sku: 'SKU_2' }),
        line('C', 1, 1, { sku: 'KS/001' }),
      ],
      settings: settings(),
    });
    expect(buildItemDetails(b).map((i) => i.id)).toEqual(['12', 'SKU_2', 'line-3']);
  });

  it('cuts a long generated name to 50 UTF-16 units without splitting an emoji', () => {
    const name = `${'x'.repeat(41)}🍜🍜`; // 45 units: fits as an item, not behind "Diskon "
    const b = priced({
      lines: [line(name, 10_000, 1, { discount: { kind: 'amount', value: 1 } })],
      settings: settings(),
    });
    const discount = buildItemDetails(b)[1];
    expect(discount?.name.length).toBeLessThanOrEqual(50);
    expect(discount?.name.isWellFormed()).toBe(true);
    expect(discount?.name).toBe(`Diskon ${'x'.repeat(41)}…`);
  });
});

describe('split sale item_details', () => {
  const b = priced({ lines: [line('A', 50_000), line('B', 38_358)], settings: settings() });

  it('ask only for the remainder, with the cash part as its own line', () => {
    const items = buildItemDetails(b, { cashPaid: 50_000 });
    expect(items.at(-1)).toEqual({ id: 'cash-paid', name: 'Dibayar tunai', price: -50_000, quantity: 1 });
    expect(itemSum(items)).toBe(38_358);
  });

  it('refuse a cash part that is not below the total', () => {
    expect(() => buildItemDetails(b, { cashPaid: 88_358 })).toThrow(RangeError);
    expect(() => buildItemDetails(b, { cashPaid: -1 })).toThrow(RangeError);
    expect(() => buildItemDetails(b, { cashPaid: 1.5 })).toThrow(RangeError);
  });
});

describe('the 16 KB request limit', () => {
  it('stays well inside it for the largest cart the till allows', () => {
    const name = '€'.repeat(50); // three bytes each in UTF-8
    const lines = Array.from({ length: 50 }, (_, i) =>
      line(name, 20_000_000, 999, {
        itemId: `${String(i).padStart(2, '0')}${'x'.repeat(48)}`,
        discount: { kind: 'amount', value: 19_999_999 },
      }),
    );
    const b = priced({ lines, orderDiscount: { kind: 'percent', value: 12.3456 }, settings: pb1 });
    const items = buildItemDetails(b, { cashPaid: 1 });
    expect(items.filter((i) => i.id.startsWith('disc-')).map((i) => i.id)).toEqual([
      'disc-lines',
      'disc-order',
    ]);
    expect(itemSum(items)).toBe(b.total - 1);
    const body = JSON.stringify({
      payment_type: 'qris',
      transaction_details: { order_id: 'x'.repeat(50), gross_amount: b.total - 1 },
      item_details: items,
      custom_expiry: { order_time: '2026-01-01 10:00:00 +0700', expiry_duration: 15, unit: 'minute' },
    });
    expect(new TextEncoder().encode(body).length).toBeLessThan(14 * 1024);
  });
});
