import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_SETTINGS, priceCart } from '../../../common/pricing/index.ts';
import { newerSale, saleMoney } from '../../../renderer/cashier/sale/sale-money.ts';
import { saleView } from '../fixtures.ts';

/** Rp 44.100 of goods; cash is rounded down to Rp 500 (Rp 44.000). */
function rounded() {
  const priced = priceCart({
    lines: [{ name: 'Barang', unitPrice: 44_100, quantity: 1 }],
    settings: { ...DEFAULT_PRICING_SETTINGS, cashRounding: { unit: 500, mode: 'down' } },
  });
  if (!priced.ok) throw new Error('fixture refused');
  return priced.value;
}
const charge = (state: 'expire' | 'settlement', amount: number) => ({
  orderId: `O-${state}`,
  paymentType: 'qris' as const,
  amount,
  state,
  paidWith: undefined,
  issuer: undefined,
  transactionId: undefined,
});

describe('saleMoney', () => {
  it('asks a new QR for the exact rest, and the rest in cash for the cash total while nothing settled', () => {
    const sale = saleView({
      breakdown: rounded(),
      cash: [{ tenderId: 1, amount: 20_000, received: 20_000, change: 0, state: 'taken', at: 1 }],
      charges: [charge('expire', 24_100)],
      liveOrderId: undefined,
    });
    expect(saleMoney(sale)).toEqual({
      cashTaken: 20_000,
      cashReceived: 20_000,
      change: 0,
      settled: 0,
      dueByCharge: 24_100,
      dueInCash: 24_000,
    });
  });

  it('counts change and settled charges, and owes nothing once closed', () => {
    const paid = saleView({
      state: 'paid',
      cash: [{ tenderId: 1, amount: 44_000, received: 50_000, change: 6_000, state: 'taken', at: 1 }],
    });
    expect(saleMoney(paid)).toMatchObject({
      cashReceived: 50_000,
      change: 6_000,
      dueByCharge: 0,
      dueInCash: 0,
    });
    const returned = saleView({
      state: 'voided',
      cash: [{ tenderId: 1, amount: 20_000, received: 20_000, change: 0, state: 'returned', at: 1 }],
    });
    expect(saleMoney(returned).cashTaken).toBe(0);
    const half = saleView({ charges: [charge('settlement', 10_000)], liveOrderId: undefined });
    expect(saleMoney(half)).toMatchObject({ settled: 10_000, dueByCharge: 34_000, dueInCash: 34_000 });
  });
});

describe('newerSale', () => {
  it('prefers the later view, and never reopens a closed sale', () => {
    expect(newerSale(saleView({ updatedAt: 1 }), saleView({ updatedAt: 2, due: 1 })).due).toBe(1);
    expect(newerSale(saleView({ updatedAt: 5 }), saleView({ updatedAt: 2, due: 1 })).updatedAt).toBe(5);
    expect(newerSale(saleView({ state: 'voided', updatedAt: 1 }), saleView({ updatedAt: 9 })).state).toBe(
      'voided',
    );
    expect(newerSale(saleView({ updatedAt: 9 }), saleView({ state: 'paid', updatedAt: 1 })).state).toBe(
      'paid',
    );
  });
});
