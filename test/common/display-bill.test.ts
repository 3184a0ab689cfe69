import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayBill } from '../../common/display-bill.ts';
import { DEFAULT_PRICING_SETTINGS, priceCart, type PricingSettings } from '../../common/pricing/index.ts';

const pb1: PricingSettings = {
  ...DEFAULT_PRICING_SETTINGS,
  tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
  servicePercent: 5,
};

function priced(settings: PricingSettings) {
  const result = priceCart({
    lines: [
      { name: 'Nasi Goreng', unitPrice: 25_000, quantity: 2, discount: { kind: 'percent', value: 10 } },
      { name: 'Kopi Susu', unitPrice: 18_000, quantity: 1 },
    ],
    orderDiscount: { kind: 'percent', value: 15 },
    settings,
  });
  if (!result.ok) throw new Error('fixture refused');
  return result.value;
}

describe('displayBill', () => {
  it('shows the lines before discounts, so they make the subtotal and the discounts come off once', () => {
    const bill = displayBill(priced(pb1));
    expect(bill.lines).toEqual([
      { name: 'Nasi Goreng', quantity: 2, amount: 50_000 },
      { name: 'Kopi Susu', quantity: 1, amount: 18_000 },
    ]);
    expect([bill.subtotal, bill.discounts, bill.service, bill.tax?.amount, bill.total]).toEqual([
      68_000, 14_450, 2_678, 5_623, 61_851,
    ]);
    expect(bill.due).toBe(61_851);
  });

  it('leaves the tax out when there is none, and takes cash paid and change for the rest', () => {
    const bill = displayBill(priced(DEFAULT_PRICING_SETTINGS), { paid: 20_000, change: 0 });
    expect(bill).not.toHaveProperty('tax');
    expect(bill.due).toBe(bill.total - 20_000);
    expect(JSON.parse(JSON.stringify(bill))).toEqual(bill);
  });

  it('always adds up: lines to the subtotal, and subtotal − discounts + service (+ added tax) to the total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            price: fc.integer({ min: 1, max: 200_000 }),
            quantity: fc.integer({ min: 1, max: 20 }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (lines, percent, inclusive) => {
          const result = priceCart({
            lines: lines.map((l, i) => ({ name: `Barang ${i}`, unitPrice: l.price, quantity: l.quantity })),
            orderDiscount: { kind: 'percent', value: percent },
            settings: { ...pb1, tax: { ...pb1.tax, inclusive } },
          });
          if (!result.ok) return;
          const bill = displayBill(result.value);
          expect(bill.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(bill.subtotal);
          const added = bill.tax !== undefined && !bill.tax.inclusive ? bill.tax.amount : 0;
          expect(bill.subtotal - bill.discounts + bill.service + added).toBe(bill.total);
        },
      ),
    );
  });
});
