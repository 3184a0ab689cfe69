import { describe, expect, it } from 'vitest';
import { catalogueView } from '../../../renderer/cashier/catalogue/catalogue-view.ts';
import { composeSale } from '../../../renderer/cashier/compose-sale.ts';
import { problemWords } from '../../../renderer/cashier/problems.ts';
import {
  cashierReducer,
  initialCashierState,
  type CashierAction,
  type CashierState,
} from '../../../renderer/cashier/state.ts';
import { catalogueSnapshot, SETTINGS, snapshot } from '../fixtures.ts';

const kopi = catalogueView(catalogueSnapshot()).items.find((i) => i.sku === 'kopi-susu')!;
function state(actions: CashierAction[], settings = SETTINGS): CashierState {
  return [
    { type: 'snapshot', snapshot: snapshot({ settings }), localNow: 0 } as CashierAction,
    ...actions,
  ].reduce(cashierReducer, initialCashierState());
}
const add: CashierAction = { type: 'cart', action: { type: 'addItem', item: kopi } };

describe('composeSale', () => {
  it('builds the request Charge sends: the lines, the order discount and the tender', () => {
    const composed = composeSale(
      state([
        add,
        { type: 'orderDiscount', discount: { kind: 'amount', value: 3_000 } },
        { type: 'tender', kind: 'cash' },
        { type: 'entry', target: 'cash', action: { type: 'digits', digits: '20000' } },
      ]),
      'Jumlah bebas',
    );
    expect(composed.request).toEqual({
      lines: [{ itemId: '1', sku: 'kopi-susu', name: 'Kopi Susu', unitPrice: 18_000, quantity: 1 }],
      orderDiscount: { kind: 'amount', value: 3_000 },
      tender: { kind: 'cash', received: 20_000 },
    });
    expect(composed.tender?.change).toBe(5_000);
    expect(composed.needsApproval).toBe(false);
  });

  it('asks for the manager PIN when a discount is above the threshold', () => {
    const settings = { ...SETTINGS, discountApproval: { percent: 10, amount: 2_000 } };
    const composed = composeSale(
      state([add, { type: 'orderDiscount', discount: { kind: 'percent', value: 15 } }], settings),
      'Jumlah bebas',
    );
    expect(composed.request).toBeDefined();
    expect(composed.needsApproval).toBe(true);
  });

  it('gives no request while something stops the sale, and says what in both languages', () => {
    const empty = composeSale(state([]), 'Jumlah bebas');
    expect(empty.request).toBeUndefined();
    expect(empty.problems.map((p) => p.code)).toEqual(['cart-empty']);

    const big = composeSale(
      state([
        { type: 'entry', target: 'amount', action: { type: 'digits', digits: '10000001' } },
        { type: 'tender', kind: 'gateway', paymentType: 'qris' },
      ]),
      'Jumlah bebas',
    );
    expect(big.request).toBeUndefined();
    const words = (key: string, params?: Record<string, unknown>) => ({
      id: `id:${key}:${String(params?.max)}`,
      en: `en:${key}`,
    });
    expect(problemWords(big.problems[0]!, words).message).toEqual({
      id: 'id:cashier.tender.tooLarge:Rp\u00a010.000.000',
      en: 'en:cashier.tender.tooLarge',
    });
  });
});
