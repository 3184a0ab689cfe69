/**
 * Properties over random carts and settings: whatever the shop sets and the cashier rings up,
 * item_details add up to gross_amount and every part of the breakdown adds up to the total.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildItemDetails, priceCart } from '../../../common/pricing/index.ts';
import type { CartInput, CartLine, Discount, PricingSettings } from '../../../common/pricing/index.ts';
import { ITEM_ID_PATTERN } from '../../../common/sale-input.ts';
import { itemSum } from './support.ts';

const mode = fc.constantFrom('half-up' as const, 'down' as const, 'up' as const);
/** Up to two decimals, as a manager types them. */
const percent = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

const settingsArb: fc.Arbitrary<PricingSettings> = fc.record({
  tax: fc.record(
    {
      kind: fc.constantFrom('none' as const, 'pb1' as const, 'ppn' as const),
      ratePercent: fc.oneof(fc.constantFrom(10, 11, 12), percent(100)),
      inclusive: fc.boolean(),
      dpp: fc.constantFrom({ numerator: 11, denominator: 12 }, { numerator: 1, denominator: 1 }),
      scope: fc.constantFrom('bill' as const, 'line' as const),
    },
    { requiredKeys: ['kind', 'ratePercent', 'inclusive'] },
  ),
  servicePercent: fc.oneof(fc.constant(0), fc.constant(5), percent(100)),
  serviceTaxed: fc.boolean(),
  taxRounding: mode,
  fractionRounding: mode,
  cashRounding: fc.record({
    unit: fc.constantFrom(0 as const, 100 as const, 500 as const, 1000 as const),
    mode,
  }),
});

const lineArb = fc
  .record({
    name: fc.constantFrom('Kopi Susu', 'Es Teh', 'Nasi Goreng', 'Kerupuk'),
    unitPrice: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 20_000_000 })),
    quantity: fc.integer({ min: 1, max: 999 }),
    discountShare: fc.option(
      fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), percent(100)),
    ),
  })
  .map(({ discountShare, ...line }): CartLine => {
    if (discountShare === null) return line;
    const [asAmount, share, pct] = discountShare;
    const discount: Discount = asAmount
      ? { kind: 'amount', value: Math.floor(share * line.unitPrice * line.quantity) }
      : { kind: 'percent', value: pct };
    return { ...line, discount };
  });

const cartArb: fc.Arbitrary<CartInput> = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
    order: fc.option(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), percent(100))),
    settings: settingsArb,
  })
  .map(({ lines, order, settings }) => {
    if (order === null) return { lines, settings };
    const [asAmount, share, pct] = order;
    // An amount within what the lines come to after their own discounts, so the cart is valid.
    const net = lines.reduce((t, l) => {
      const gross = l.unitPrice * l.quantity;
      if (!l.discount) return t + gross;
      return (
        t +
        gross -
        (l.discount.kind === 'amount' ? l.discount.value : Math.ceil((gross * l.discount.value) / 100))
      );
    }, 0);
    const orderDiscount: Discount = asAmount
      ? { kind: 'amount', value: Math.floor(share * net) }
      : { kind: 'percent', value: pct };
    return { lines, orderDiscount, settings };
  });

const sum = (values: number[]) => values.reduce((t, v) => t + v, 0);

describe('pricing properties', () => {
  it('item_details always sum exactly to gross_amount, with Midtrans-valid entries', () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const result = priceCart(cart);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const b = result.value;
        const items = buildItemDetails(b);
        expect(itemSum(items)).toBe(b.total);
        for (const item of items) {
          expect(Number.isSafeInteger(item.price)).toBe(true);
          expect(Number.isSafeInteger(item.quantity) && item.quantity >= 1).toBe(true);
          expect(item.name.length).toBeGreaterThan(0);
          expect(item.name.length).toBeLessThanOrEqual(50);
          expect(item.id).toMatch(ITEM_ID_PATTERN);
        }
        if (b.total > 1) {
          const cash = Math.floor(b.total / 2);
          expect(itemSum(buildItemDetails(b, { cashPaid: cash }))).toBe(b.total - cash);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the breakdown parts always add up', () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        const result = priceCart(cart);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const b = result.value;
        const { lines, tax } = b;
        expect(sum(lines.map((l) => l.gross))).toBe(b.subtotal);
        expect(sum(lines.map((l) => l.lineDiscount))).toBe(b.lineDiscounts);
        expect(sum(lines.map((l) => l.net))).toBe(b.subtotal - b.lineDiscounts);
        expect(sum(lines.map((l) => l.orderDiscountShare))).toBe(b.orderDiscount);
        expect(sum(lines.map((l) => l.serviceShare))).toBe(b.service);
        expect(sum(lines.map((l) => l.taxShare))).toBe(tax.amount);
        expect(sum(lines.map((l) => l.total))).toBe(b.total);
        expect(b.discountedSubtotal).toBe(b.subtotal - b.lineDiscounts - b.orderDiscount);
        expect(b.total).toBe(b.discountedSubtotal + b.service + (tax.inclusive ? 0 : tax.amount));
        // The taxed amount, split into the base and the tax.
        const taxed = b.discountedSubtotal + (cart.settings.serviceTaxed ? b.service : 0);
        expect(tax.inclusive ? tax.base + tax.amount : tax.base).toBe(taxed);
        for (const l of lines) {
          expect(l.lineDiscount).toBeGreaterThanOrEqual(0);
          expect(l.net).toBeGreaterThanOrEqual(0);
          expect(l.orderDiscountShare).toBeLessThanOrEqual(l.net);
          expect(l.taxShare).toBeGreaterThanOrEqual(0);
        }
        expect(b.total).toBeGreaterThanOrEqual(0);
        // Cash rounding: a multiple of the unit, less than one unit away, and its delta reported.
        const unit = cart.settings.cashRounding.unit;
        expect(b.cashTotal - b.total).toBe(b.cashRounding);
        if (unit > 0) {
          expect(b.cashTotal % unit).toBe(0);
          expect(Math.abs(b.cashRounding)).toBeLessThan(unit);
        } else {
          expect(b.cashRounding).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('bill-scope tax is within one rupiah of the exact figure', () => {
    fc.assert(
      fc.property(cartArb, (cart) => {
        cart.settings.tax.scope = 'bill';
        const result = priceCart(cart);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const { tax, discountedSubtotal, service } = result.value;
        if (tax.kind === 'none') {
          expect(tax.amount).toBe(0);
          return;
        }
        const d = cart.settings.tax.dpp ?? { numerator: 1, denominator: 1 };
        const e = (tax.ratePercent / 100) * (d.numerator / d.denominator);
        const taxed = discountedSubtotal + (cart.settings.serviceTaxed ? service : 0);
        const exact = tax.inclusive ? (taxed * e) / (1 + e) : taxed * e;
        expect(Math.abs(tax.amount - exact)).toBeLessThan(1 + 1e-6 * taxed);
      }),
      { numRuns: 1000 },
    );
  });
});
