import { describe, expect, it } from 'vitest';
import type { QuickItem } from '../../../common/contract.ts';
import { MAX_ITEM_QUANTITY, MAX_SALE_ITEMS } from '../../../common/sale-input.ts';
import { cartReducer, cartTotal, type CartAction, type CartLine } from '../../../renderer/cashier/cart.ts';
import { draftSale } from '../../../renderer/cashier/draft.ts';

const kopi: QuickItem = { id: 'KOPI', name: 'Kopi susu', price: 18_000 };
const roti: QuickItem = { id: 'ROTI', name: 'Roti bakar', price: 8_000 };
const run = (actions: CartAction[], from: CartLine[] = []): CartLine[] => actions.reduce(cartReducer, from);

describe('cart', () => {
  it('adds a line per item and counts repeats on the same line', () => {
    const lines = run([
      { type: 'add', item: kopi },
      { type: 'add', item: roti },
      { type: 'add', item: kopi },
    ]);
    expect(lines).toEqual([
      { id: 'KOPI', name: 'Kopi susu', price: 18_000, quantity: 2 },
      { id: 'ROTI', name: 'Roti bakar', price: 8_000, quantity: 1 },
    ]);
    expect(cartTotal(lines)).toBe(44_000);
  });

  it('steps quantities with + and −, and removes a line at zero', () => {
    const lines = run([
      { type: 'add', item: kopi },
      { type: 'inc', id: 'KOPI' },
      { type: 'inc', id: 'KOPI' },
      { type: 'dec', id: 'KOPI' },
    ]);
    expect(lines[0]?.quantity).toBe(2);
    expect(
      run(
        [
          { type: 'dec', id: 'KOPI' },
          { type: 'dec', id: 'KOPI' },
        ],
        lines,
      ),
    ).toEqual([]);
  });

  it('keeps the price a line was added at', () => {
    const lines = run([{ type: 'add', item: kopi }]);
    const later = run([{ type: 'add', item: { ...kopi, price: 25_000 } }], lines);
    expect(later).toEqual([{ id: 'KOPI', name: 'Kopi susu', price: 18_000, quantity: 2 }]);
  });

  it('stops at the documented limits instead of building a sale the gateway refuses', () => {
    const one = [{ id: 'KOPI', name: 'Kopi susu', price: 18_000, quantity: MAX_ITEM_QUANTITY }];
    expect(run([{ type: 'inc', id: 'KOPI' }], one)[0]?.quantity).toBe(MAX_ITEM_QUANTITY);
    const full = Array.from({ length: MAX_SALE_ITEMS }, (_, i) => ({
      id: `I${i}`,
      name: `Item ${i}`,
      price: 1,
      quantity: 1,
    }));
    expect(run([{ type: 'add', item: kopi }], full)).toHaveLength(MAX_SALE_ITEMS);
  });

  it('clears', () => {
    expect(run([{ type: 'add', item: kopi }, { type: 'clear' }])).toEqual([]);
  });

  it('does not change the lines it was given', () => {
    const lines = run([{ type: 'add', item: kopi }]);
    const snapshot = structuredClone(lines);
    run(
      [
        { type: 'inc', id: 'KOPI' },
        { type: 'dec', id: 'KOPI' },
        { type: 'add', item: roti },
      ],
      lines,
    );
    expect(lines).toEqual(snapshot);
  });
});

describe('draftSale', () => {
  const both = ['gopay', 'qris'] as const;

  it('charges the typed amount when the cart is empty', () => {
    const draft = draftSale('qris', both, '44000', []);
    expect(draft.request).toEqual({ paymentType: 'qris', amount: 44_000 });
    expect(draft.problems).toEqual([]);
    expect(draft.fromItems).toBe(false);
  });

  it('charges the items sum, with the items, and ignores the typed amount while the cart has items', () => {
    const cart = run([
      { type: 'add', item: kopi },
      { type: 'add', item: kopi },
      { type: 'add', item: roti },
    ]);
    const draft = draftSale('gopay', both, '5', cart);
    expect(draft.fromItems).toBe(true);
    expect(draft.amount).toBe(44_000);
    expect(draft.request?.amount).toBe(44_000);
    const items = draft.request?.items ?? [];
    expect(items.reduce((sum, item) => sum + item.price * item.quantity, 0)).toBe(draft.request?.amount);
  });

  it('explains in both languages why an amount cannot be charged', () => {
    const empty = draftSale('qris', both, '', []);
    expect(empty.untouched).toBe(true);
    expect(empty.problems[0]?.code).toBe('amount-missing');

    const zero = draftSale('qris', both, '0', []);
    expect(zero.request).toBeUndefined();
    expect(zero.untouched).toBe(false);
    expect(zero.problems[0]?.code).toBe('amount-too-small');
    expect(zero.problems[0]?.message.id).toMatch(/minimal/);
    expect(zero.problems[0]?.message.en).toMatch(/at least/);

    const tooLarge = draftSale('qris', both, '10000001', []);
    expect(tooLarge.problems[0]?.code).toBe('amount-too-large');
    // The same amount is within GoPay's larger limit.
    expect(draftSale('gopay', both, '10000001', []).request?.amount).toBe(10_000_001);
  });

  it('refuses a payment type this till does not accept, and a missing one', () => {
    expect(draftSale('gopay', ['qris'], '1000', []).problems[0]?.code).toBe('payment-type-disabled');
    expect(draftSale(undefined, both, '1000', []).problems[0]?.code).toBe('payment-type-unknown');
  });
});
