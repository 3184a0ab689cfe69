import { describe, expect, it } from 'vitest';
import type { CatalogueItemView } from '../../../common/catalogue-contract.ts';
import { DEFAULT_PRICING_SETTINGS, type PricingSettings } from '../../../common/pricing/index.ts';
import { MAX_ITEM_QUANTITY, MAX_SALE_ITEMS } from '../../../common/sale-input.ts';
import {
  cartReducer,
  itemKey,
  saleLines,
  type CartAction,
  type CartLine,
} from '../../../renderer/cashier/cart/cart.ts';
import { readDiscount } from '../../../renderer/cashier/cart/discount-entry.ts';
import { draftSale, TYPED_LINE_KEY } from '../../../renderer/cashier/cart/draft.ts';
import { catalogueSnapshot } from '../fixtures.ts';

const items = catalogueSnapshot().items;
const item = (id: number): CatalogueItemView => {
  const found = items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
};
const kopi = item(1);
const teh = item(4);
const run = (actions: CartAction[], from: CartLine[] = []): CartLine[] => actions.reduce(cartReducer, from);

describe('cart', () => {
  it('adds a line per item, keyed by SKU (or item id), and counts repeats on the same line', () => {
    const lines = run([
      { type: 'addItem', item: kopi },
      { type: 'addItem', item: teh },
      { type: 'addItem', item: kopi },
    ]);
    expect(lines).toEqual([
      { key: 'kopi-susu', itemId: '1', sku: 'kopi-susu', name: 'Kopi Susu', unitPrice: 18_000, quantity: 2 },
      { key: 'item-4', itemId: '4', name: 'Teh Botol 350 ml', unitPrice: 6_000, quantity: 1 },
    ]);
    expect(itemKey(teh)).toBe('item-4');
    // The till gets the lines without the screen's keys.
    expect(saleLines(lines)[1]).toEqual({
      itemId: '4',
      name: 'Teh Botol 350 ml',
      unitPrice: 6_000,
      quantity: 1,
    });
  });

  it('adds free amounts as lines of their own, numbered', () => {
    const lines = run([
      { type: 'addFree', name: 'Jumlah bebas', amount: 12_500 },
      { type: 'addFree', name: 'Jumlah bebas', amount: 3_000 },
    ]);
    expect(lines.map((l) => [l.key, l.unitPrice])).toEqual([
      ['free-1', 12_500],
      ['free-2', 3_000],
    ]);
    expect(
      run(
        [
          { type: 'remove', key: 'free-1' },
          { type: 'addFree', name: 'x', amount: 1 },
        ],
        lines,
      )[1]?.key,
    ).toBe('free-3');
  });

  it('steps quantities with + and −, types one, and removes a line at zero', () => {
    const lines = run([
      { type: 'addItem', item: kopi },
      { type: 'inc', key: 'kopi-susu' },
      { type: 'inc', key: 'kopi-susu' },
      { type: 'dec', key: 'kopi-susu' },
    ]);
    expect(lines[0]?.quantity).toBe(2);
    expect(run([{ type: 'setQuantity', key: 'kopi-susu', quantity: 12 }], lines)[0]?.quantity).toBe(12);
    expect(run([{ type: 'setQuantity', key: 'kopi-susu', quantity: 0 }], lines)).toEqual([]);
    expect(
      run(
        [
          { type: 'dec', key: 'kopi-susu' },
          { type: 'dec', key: 'kopi-susu' },
        ],
        lines,
      ),
    ).toEqual([]);
  });

  it('keeps the price a line was added at', () => {
    const lines = run([{ type: 'addItem', item: kopi }]);
    const later = run([{ type: 'addItem', item: { ...kopi, price: 25_000 } }], lines);
    expect(later).toEqual([{ ...lines[0], quantity: 2 }]);
  });

  it('sets and removes a line discount', () => {
    const lines = run([
      { type: 'addItem', item: kopi },
      { type: 'discount', key: 'kopi-susu', discount: { kind: 'percent', value: 10 } },
    ]);
    expect(lines[0]?.discount).toEqual({ kind: 'percent', value: 10 });
    const without = run([{ type: 'discount', key: 'kopi-susu', discount: undefined }], lines);
    expect(without[0]).not.toHaveProperty('discount');
  });

  it('stops at the documented limits instead of building a sale the gateway refuses', () => {
    const one = run([
      { type: 'addItem', item: kopi },
      { type: 'setQuantity', key: 'kopi-susu', quantity: 5_000 },
    ]);
    expect(one[0]?.quantity).toBe(MAX_ITEM_QUANTITY);
    expect(run([{ type: 'inc', key: 'kopi-susu' }], one)[0]?.quantity).toBe(MAX_ITEM_QUANTITY);
    const full = Array.from({ length: MAX_SALE_ITEMS }, (_, i) => ({
      key: `I${i}`,
      name: `Item ${i}`,
      unitPrice: 1,
      quantity: 1,
    }));
    expect(run([{ type: 'addItem', item: kopi }], full)).toHaveLength(MAX_SALE_ITEMS);
    expect(run([{ type: 'addFree', name: 'x', amount: 5 }], full)).toHaveLength(MAX_SALE_ITEMS);
  });

  it('clears, and never changes the lines it was given', () => {
    const lines = run([{ type: 'addItem', item: kopi }]);
    const snapshot = structuredClone(lines);
    expect(run([{ type: 'inc', key: 'kopi-susu' }, { type: 'clear' }], lines)).toEqual([]);
    expect(lines).toEqual(snapshot);
  });
});

describe('readDiscount', () => {
  it('reads percentages with a decimal comma and rupiah with thousands dots', () => {
    expect(readDiscount('percent', '12,5', 'orderDiscount')).toEqual({
      ok: true,
      discount: { kind: 'percent', value: 12.5 },
    });
    expect(readDiscount('amount', 'Rp 5.000', 'orderDiscount')).toEqual({
      ok: true,
      discount: { kind: 'amount', value: 5_000 },
    });
    // Empty or zero: no discount at all.
    expect(readDiscount('amount', ' ', 'orderDiscount')).toEqual({ ok: true, discount: undefined });
    expect(readDiscount('percent', '0', 'orderDiscount')).toEqual({ ok: true, discount: undefined });
  });

  it('refuses with the shared bilingual words: above 100 %, too precise, cents, not a number', () => {
    const codes = (kind: 'percent' | 'amount', text: string) => {
      const read = readDiscount(kind, text, 'lines.0.discount');
      return read.ok ? [] : read.problems.map((p) => [p.code, p.field]);
    };
    expect(codes('percent', '101')).toEqual([['discount-above-100-percent', 'lines.0.discount.value']]);
    expect(codes('percent', '1,23456')).toEqual([['discount-precision', 'lines.0.discount.value']]);
    expect(codes('amount', '5.000,50')).toEqual([['discount-invalid', 'lines.0.discount.value']]);
    expect(codes('percent', 'sepuluh')).toEqual([['discount-invalid', 'lines.0.discount.value']]);
    const read = readDiscount('percent', '150', 'orderDiscount');
    expect(read.ok ? undefined : read.problems[0]?.message).toEqual({
      id: 'Diskon tidak boleh lebih dari 100 %.',
      en: 'A discount cannot be more than 100%.',
    });
  });
});

describe('draftSale', () => {
  const base = { freeName: 'Jumlah bebas', orderDiscount: undefined, pricing: DEFAULT_PRICING_SETTINGS };

  it('sells the typed amount as a free line, after the cart', () => {
    const lines = run([{ type: 'addItem', item: kopi }]);
    const draft = draftSale({ ...base, lines, freeDigits: '44000' });
    expect(draft.shown.map((l) => l.key)).toEqual(['kopi-susu', TYPED_LINE_KEY]);
    expect(draft.lines[1]).toEqual({ name: 'Jumlah bebas', unitPrice: 44_000, quantity: 1 });
    expect(draft.breakdown?.total).toBe(62_000);
    expect(draft.problems).toEqual([]);
  });

  it('prices with the shop settings: discounts, service and tax, as main will', () => {
    const pricing: PricingSettings = {
      ...DEFAULT_PRICING_SETTINGS,
      tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
      servicePercent: 5,
    };
    const lines = run([
      { type: 'addItem', item: kopi },
      { type: 'addItem', item: kopi },
      { type: 'discount', key: 'kopi-susu', discount: { kind: 'amount', value: 6_000 } },
    ]);
    const draft = draftSale({
      ...base,
      lines,
      freeDigits: '',
      pricing,
      orderDiscount: { kind: 'percent', value: 10 },
    });
    const b = draft.breakdown;
    // 36,000 − 6,000 = 30,000; −10 % = 27,000; service 1,350; PB1 10 % of 28,350 = 2,835.
    expect([b?.subtotal, b?.lineDiscounts, b?.orderDiscount, b?.service, b?.tax.amount, b?.total]).toEqual([
      36_000, 6_000, 3_000, 1_350, 2_835, 31_185,
    ]);
  });

  it('reports an empty cart, a zero amount and a discount above the line with the shared words', () => {
    const empty = draftSale({ ...base, lines: [], freeDigits: '' });
    expect(empty.empty).toBe(true);
    expect(empty.problems.map((p) => p.code)).toEqual(['cart-empty']);

    const zero = draftSale({ ...base, lines: [], freeDigits: '0' });
    expect(zero.empty).toBe(false);
    expect(zero.breakdown).toBeUndefined();
    expect(zero.problems.map((p) => p.code)).toEqual(['price-too-small']);

    const lines = run([
      { type: 'addItem', item: teh },
      { type: 'discount', key: 'item-4', discount: { kind: 'amount', value: 7_000 } },
    ]);
    const over = draftSale({ ...base, lines, freeDigits: '' });
    expect(over.problems.map((p) => p.code)).toEqual(['discount-above-line']);
    const message = 'message' in over.problems[0]! ? over.problems[0].message : undefined;
    expect(message?.id).toContain('Teh Botol');
    expect(message?.en).toContain('more than');
  });
});
