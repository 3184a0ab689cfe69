import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRICING_SETTINGS,
  priceCart,
  type CartLine,
  type Discount,
} from '../../../common/pricing/index.ts';
import { discountsNeedingApproval } from '../../../renderer/cashier/approval/approval.ts';

function needing(
  lines: CartLine[],
  orderDiscount: Discount | undefined,
  approval = { percent: 10, amount: 5_000 },
) {
  const priced = priceCart({
    lines,
    ...(orderDiscount === undefined ? {} : { orderDiscount }),
    settings: DEFAULT_PRICING_SETTINGS,
  });
  if (!priced.ok) throw new Error('fixture refused');
  return discountsNeedingApproval({ lines, orderDiscount, breakdown: priced.value, approval });
}
const line = (unitPrice: number, discount?: Discount): CartLine => ({
  name: 'Barang',
  unitPrice,
  quantity: 1,
  ...(discount === undefined ? {} : { discount }),
});

describe('the manager’s approval of a discount', () => {
  it('is needed above the percentage or the rupiah the manager set, not at them', () => {
    expect(needing([line(10_000, { kind: 'percent', value: 10 })], undefined)).toEqual([]);
    expect(needing([line(10_000, { kind: 'percent', value: 10.5 })], undefined)).toEqual([0]);
    expect(needing([line(100_000, { kind: 'amount', value: 5_000 })], undefined)).toEqual([]);
    expect(needing([line(100_000, { kind: 'amount', value: 5_001 })], undefined)).toEqual([0]);
    // A small percentage of a large line is still many rupiah off.
    expect(needing([line(100_000, { kind: 'percent', value: 6 })], undefined)).toEqual([0]);
  });

  it('names each line and the order discount that needs it', () => {
    expect(
      needing([line(10_000), line(20_000, { kind: 'percent', value: 50 })], { kind: 'amount', value: 6_000 }),
    ).toEqual([1, 'order']);
  });

  it('is never needed when the manager set no threshold', () => {
    const lines = [line(10_000, { kind: 'percent', value: 100 })];
    const priced = priceCart({ lines, settings: DEFAULT_PRICING_SETTINGS });
    if (!priced.ok) throw new Error('fixture refused');
    expect(
      discountsNeedingApproval({ lines, orderDiscount: undefined, breakdown: priced.value, approval: null }),
    ).toEqual([]);
  });
});
