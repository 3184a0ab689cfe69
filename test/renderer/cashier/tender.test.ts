import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_SETTINGS, priceCart, type PricingSettings } from '../../../common/pricing/index.ts';
import { checkTender, quickCash, type TenderInput } from '../../../renderer/cashier/tender/tender.ts';

function breakdown(total: number, pricing: PricingSettings = DEFAULT_PRICING_SETTINGS) {
  // Two lines above one item's limit (GoPay's 20,000,000).
  const quantity = total > 20_000_000 ? 2 : 1;
  const priced = priceCart({
    lines: [{ name: 'Barang', unitPrice: total / quantity, quantity }],
    settings: pricing,
  });
  if (!priced.ok) throw new Error('fixture refused');
  return priced.value;
}
const input = (overrides: Partial<TenderInput>): TenderInput => ({
  kind: 'gateway',
  paymentType: 'qris',
  enabled: ['gopay', 'qris'],
  cashDigits: '',
  ...overrides,
});
const codes = (check: { problems: { code: string }[] }) => check.problems.map((p) => p.code);
const roundTo500: PricingSettings = {
  ...DEFAULT_PRICING_SETTINGS,
  cashRounding: { unit: 500, mode: 'down' },
};

describe('checkTender', () => {
  it('charges QRIS/GoPay the exact total, within the payment type’s limit', () => {
    const ok = checkTender(breakdown(44_100, roundTo500), input({}));
    expect(ok.request).toEqual({ kind: 'gateway', paymentType: 'qris' });
    expect(ok.payable).toBe(44_100);

    const big = checkTender(breakdown(10_000_001), input({}));
    expect(big.request).toBeUndefined();
    expect(big.problems[0]).toMatchObject({
      code: 'amount-too-large',
      key: 'cashier.tender.tooLarge',
      params: { type: 'QRIS', max: 'Rp\u00a010.000.000' },
    });
    expect(checkTender(breakdown(10_000_001), input({ paymentType: 'gopay' })).request).toBeDefined();
    expect(codes(checkTender(breakdown(1_000), input({ enabled: ['gopay'] })))).toEqual([
      'payment-type-missing',
    ]);
  });

  it('asks a cash sale for the cash total (rounded for cash only) and gives the change', () => {
    const b = breakdown(44_100, roundTo500);
    expect(b.cashTotal).toBe(44_000);
    const missing = checkTender(b, input({ kind: 'cash' }));
    expect(codes(missing)).toEqual(['cash-missing']);
    expect(missing.payable).toBe(44_000);

    const paid = checkTender(b, input({ kind: 'cash', cashDigits: '50000' }));
    expect(paid.request).toEqual({ kind: 'cash', received: 50_000 });
    expect(paid.change).toBe(6_000);
    expect(checkTender(b, input({ kind: 'cash', cashDigits: '44000' })).change).toBe(0);
  });

  it('refuses cash below the cash total, saying how much is short, in both languages', () => {
    const short = checkTender(breakdown(44_000), input({ kind: 'cash', cashDigits: '20000' }));
    expect(short.request).toBeUndefined();
    expect(codes(short)).toEqual(['cash-below-total']);
    const problem = short.problems[0];
    const message = problem !== undefined && 'message' in problem ? problem.message : undefined;
    expect(message?.id).toContain('kurang Rp 24.000');
    expect(message?.en).toContain('Rp 24.000 short');
  });

  it('splits: the cash part now, the exact rest by QRIS/GoPay', () => {
    const b = breakdown(44_100, roundTo500);
    const split = checkTender(b, input({ kind: 'split', cashDigits: '20000' }));
    expect(split.request).toEqual({ kind: 'split', cash: 20_000, paymentType: 'qris' });
    // Not rounded: the QR asks for the rupiah.
    expect(split.remainder).toBe(24_100);
    expect(split.payable).toBe(24_100);
    expect(codes(checkTender(b, input({ kind: 'split' })))).toEqual(['split-cash-missing']);
    expect(codes(checkTender(b, input({ kind: 'split', cashDigits: '50000' })))).toEqual([
      'split-cash-covers-total',
    ]);
    expect(
      codes(
        checkTender(breakdown(30_000_000), input({ kind: 'split', paymentType: 'qris', cashDigits: '1' })),
      ),
    ).toEqual(['split-remainder-too-large']);
  });
});

describe('quickCash', () => {
  it('offers the exact amount first, then the common notes (a short one is refused when tapped)', () => {
    expect(quickCash('cash', 44_000, 44_000)).toEqual([
      { amount: 44_000, exact: true },
      { amount: 20_000, exact: false },
      { amount: 50_000, exact: false },
      { amount: 100_000, exact: false },
    ]);
    expect(quickCash('cash', 50_000, 50_000).map((q) => q.amount)).toEqual([50_000, 20_000, 100_000]);
  });

  it('leaves out the notes that would cover a split sale whole', () => {
    expect(quickCash('split', 44_000, 44_000).map((q) => q.amount)).toEqual([20_000]);
  });
});
