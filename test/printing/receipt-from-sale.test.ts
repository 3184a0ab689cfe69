/**
 * The receipt of a paid sale, read back off the ESC/POS bytes at both widths: what the paper says
 * for a cash sale with rounding and change, a split QRIS + cash sale with the issuer Midtrans
 * reported, a GoPay sale, discounts, service, PB1 and PPN, the shop's header and footer, the
 * training mark and the till's language.
 */
import { describe, expect, it } from 'vitest';
import { priceCart } from '../../common/pricing/index.ts';
import {
  DEFAULT_PRICING_SETTINGS,
  type CartLine,
  type Discount,
  type PricingSettings,
} from '../../common/pricing/types.ts';
import type { SaleChargeView, SaleView } from '../../common/till-contract.ts';
import { issuerName } from '../../main/printing/issuers.ts';
import {
  NotPaidError,
  receiptFromOrder,
  receiptFromSale,
  type ReceiptContext,
} from '../../main/printing/receipt-from-sale.ts';
import { TRAINING_MARK, toEscPos } from '../../main/receipts/index.ts';
import type { ReceiptDocument } from '../../main/receipts/index.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';

const PAID_AT = Date.UTC(2026, 10, 24, 3, 5);
const TX = '0a7c4d4b-0f1e-4a8b-9c2d-5e6f7a8b9c0d';

const CONTEXT: ReceiptContext = {
  shop: {
    name: 'Warung Kopi Nusantara',
    address: 'Jl. Sudirman No. 12, Jakarta',
    npwp: '01.234.567.8-901.000',
  },
  footer: 'Terima kasih!\nWiFi: kopi123',
  language: 'id',
  training: false,
  utcOffsetMinutes: 420,
};

function paidSale(
  lines: CartLine[],
  options: {
    settings?: Partial<PricingSettings>;
    discount?: Discount;
    cash?: { amount?: number; received: number };
    charges?: Partial<SaleChargeView>[];
  } = {},
): SaleView {
  const priced = priceCart({
    lines,
    settings: { ...DEFAULT_PRICING_SETTINGS, ...options.settings },
    ...(options.discount === undefined ? {} : { orderDiscount: options.discount }),
  });
  if (!priced.ok) throw new Error(JSON.stringify(priced.problems));
  const b = priced.value;
  const charges: SaleChargeView[] = (options.charges ?? []).map((c) => ({
    orderId: 'KIOSK-20261124-0007',
    paymentType: 'qris',
    amount: b.total - (options.cash?.amount ?? 0),
    state: 'settlement',
    paidWith: 'qris',
    issuer: undefined,
    transactionId: TX,
    ...c,
  }));
  const cashAmount = options.cash?.amount ?? (charges.length === 0 ? b.cashTotal : 0);
  const cash =
    options.cash === undefined
      ? []
      : [
          {
            tenderId: 1,
            amount: cashAmount,
            received: options.cash.received,
            change: options.cash.received - cashAmount,
            state: 'taken' as const,
            at: PAID_AT - 60_000,
          },
        ];
  return {
    saleId: 'S-20261124-0007',
    state: 'paid',
    refunded: undefined,
    createdAt: PAID_AT - 60_000,
    updatedAt: PAID_AT,
    closedAt: PAID_AT,
    breakdown: b,
    cash,
    charges,
    paid: cashAmount + charges.reduce((s, c) => s + c.amount, 0),
    due: 0,
    liveOrderId: undefined,
    voidReason: undefined,
  };
}

function paper(document: ReceiptDocument, width: 58 | 80 = 58): string[] {
  const decoded = decodeEscPos(toEscPos({ type: 'receipt', document }, { width }));
  expect(decoded.highBytes).toBe(0);
  return decoded.lines;
}

/** A row as the paper shows it: the label, spaces, the amount at the right edge. */
function row(lines: readonly string[], label: string): string | undefined {
  return lines.find((l) => l.trimStart().startsWith(label));
}

describe('receiptFromSale', () => {
  it('a cash sale: lines, cash rounding, total to pay in cash, cash received and change, the shop header and footer', () => {
    const sale = paidSale(
      [
        {
          name: 'Kopi Susu Gula Aren',
          unitPrice: 22_000,
          quantity: 2,
          discount: { kind: 'amount', value: 4_000 },
        },
        { name: 'Roti Bakar', unitPrice: 18_050, quantity: 1 },
      ],
      { settings: { cashRounding: { unit: 100, mode: 'half-up' } }, cash: { received: 100_000 } },
    );
    const document = receiptFromSale(sale, CONTEXT);
    expect(document).toMatchObject({
      orderId: 'S-20261124-0007',
      time: PAID_AT,
      totals: { subtotal: 58_050, total: 58_100, rounding: 50, discounts: [] },
      tenders: [{ kind: 'cash', amount: 58_100, received: 100_000, change: 41_900 }],
    });
    expect(document).not.toHaveProperty('saleId');
    for (const width of [58, 80] as const) {
      const lines = paper(document, width);
      expect(lines.some((l) => l.includes('Warung Kopi Nusantara'))).toBe(true);
      expect(lines.some((l) => l.includes('NPWP 01.234.567.8-901.000'))).toBe(true);
      expect(lines).toContain('No. pesanan: S-20261124-0007');
      expect(lines).toContain('Waktu: 24/11/2026 10:05 WIB');
      expect(row(lines, 'Kopi Susu Gula Aren')).toBeDefined();
      expect(row(lines, '2 x Rp 22.000')).toMatch(/Rp 44\.000$/);
      expect(row(lines, 'Diskon')).toMatch(/-Rp 4\.000$/);
      expect(row(lines, 'Subtotal')).toMatch(/Rp 58\.050$/);
      expect(row(lines, 'Pembulatan')).toMatch(/Rp 50$/);
      expect(row(lines, 'TOTAL')).toMatch(/Rp 58\.100$/);
      expect(row(lines, 'Tunai diterima')).toMatch(/Rp 100\.000$/);
      expect(row(lines, 'Kembalian')).toMatch(/Rp 41\.900$/);
      expect(lines.some((l) => l.includes('Terima kasih!'))).toBe(true);
      expect(lines.every((l) => l.length <= (width === 58 ? 32 : 48))).toBe(true);
    }
  });

  it('a split sale: the QRIS part with the issuer Midtrans reported and its transaction id, then the cash; exact total, no rounding', () => {
    const sale = paidSale([{ name: 'Nasi Goreng', unitPrice: 35_050, quantity: 2 }], {
      settings: {
        cashRounding: { unit: 100, mode: 'half-up' },
        servicePercent: 5,
        tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
      },
      discount: { kind: 'percent', value: 10 },
      cash: { amount: 20_000, received: 20_000 },
      charges: [{ issuer: 'ovo' }],
    });
    const document = receiptFromSale(sale, CONTEXT);
    expect(document.orderId).toBe('KIOSK-20261124-0007');
    expect(document.saleId).toBe('S-20261124-0007');
    expect(document.totals.rounding).toBeUndefined();
    expect(document.totals.total).toBe(sale.breakdown.total);
    expect(document.tenders.map((t) => [t.kind, t.amount, t.issuer])).toEqual([
      ['qris', sale.breakdown.total - 20_000, 'OVO'],
      ['cash', 20_000, undefined],
    ]);
    const lines = paper(document, 80);
    expect(row(lines, 'Diskon 10%')).toMatch(/-Rp 7\.010$/);
    expect(row(lines, 'Biaya layanan 5%')).toBeDefined();
    expect(row(lines, 'PB1 10%')).toBeDefined();
    expect(row(lines, 'QRIS (OVO)')).toMatch(
      new RegExp(`Rp ${(sale.breakdown.total - 20_000).toLocaleString('id-ID')}$`),
    );
    expect(lines).toContain(`  ${TX}`);
    expect(lines).toContain('No. penjualan: S-20261124-0007');
  });

  it('a GoPay payment prints as GoPay; a GoPay charge paid by scanning prints as QRIS with its issuer', () => {
    const line = [{ name: 'Es Teh', unitPrice: 8_000, quantity: 1 }];
    const app = receiptFromSale(
      paidSale(line, { charges: [{ paymentType: 'gopay', paidWith: 'gopay', issuer: 'gopay' }] }),
      CONTEXT,
    );
    expect(app.tenders).toEqual([{ kind: 'gopay', amount: 8_000, transactionId: TX }]);
    const scanned = receiptFromSale(
      paidSale(line, { charges: [{ paymentType: 'gopay', paidWith: 'qris', issuer: 'shopeepay' }] }),
      CONTEXT,
    );
    expect(scanned.tenders[0]).toMatchObject({ kind: 'qris', issuer: 'ShopeePay' });
    expect(paper(app)).toContain('GoPay                   Rp 8.000');
  });

  it('prices that include PPN print the tax as a note under the total', () => {
    const sale = paidSale([{ name: 'Sabun', unitPrice: 11_100, quantity: 1 }], {
      settings: { tax: { kind: 'ppn', ratePercent: 11, inclusive: true } },
      cash: { received: 11_100 },
    });
    const lines = paper(receiptFromSale(sale, CONTEXT), 80);
    expect(row(lines, 'TOTAL')).toMatch(/Rp 11\.100$/);
    expect(row(lines, 'Harga sudah termasuk PPN 11%')).toMatch(/Rp 1\.100$/);
  });

  it('follows the till language, marks training, and leaves out an empty address, NPWP and footer', () => {
    const sale = paidSale([{ name: 'Kopi', unitPrice: 10_000, quantity: 1 }], { cash: { received: 10_000 } });
    const lines = paper(
      receiptFromSale(sale, {
        ...CONTEXT,
        language: 'en',
        training: true,
        shop: { name: 'Toko Latihan' },
        footer: '',
      }),
      58,
    );
    expect(lines).toContain('Order no.: S-20261124-0007');
    expect(row(lines, 'Cash received')).toBeDefined();
    expect(lines.filter((l) => l.includes(TRAINING_MARK))).toHaveLength(2);
    expect(lines.some((l) => l.includes('NPWP'))).toBe(false);
  });

  it('the longest item name the till takes wraps inside the paper; emoji leave something legible', () => {
    const long = 'Nasi Goreng Kampung Pedas Manis Telur Ceplok Keju';
    expect(long).toHaveLength(49);
    const sale = paidSale(
      [
        { name: long, unitPrice: 25_000, quantity: 1 },
        { name: '☕ Kopi 🔥 Panas', unitPrice: 9_000, quantity: 1 },
      ],
      { cash: { received: 50_000 } },
    );
    for (const width of [58, 80] as const) {
      const lines = paper(receiptFromSale(sale, CONTEXT), width);
      expect(lines.every((l) => l.length <= (width === 58 ? 32 : 48))).toBe(true);
      expect(lines.join(' ')).toMatch(/Ceplok\s+Keju/);
      expect(lines).toContain('Kopi Panas');
    }
  });

  it('refuses a sale that is not paid, and an order that did not settle', () => {
    const open = { ...paidSale([{ name: 'Kopi', unitPrice: 10_000, quantity: 1 }]), state: 'open' as const };
    expect(() => receiptFromSale(open, CONTEXT)).toThrow(NotPaidError);
  });
});

describe('receiptFromOrder (an order with no till sale)', () => {
  it('prints its items, its one payment, and the amount alone when it had no items', () => {
    const base = {
      orderId: 'KIOSK-20261124-0001',
      saleId: undefined,
      state: 'settlement' as const,
      paymentType: 'qris' as const,
      grossAmount: 44_000,
      items: [{ id: 'kopi', name: 'Kopi susu', price: 22_000, quantity: 2 }],
      createdAt: PAID_AT - 1000,
      updatedAt: PAID_AT,
      deadlineAt: PAID_AT + 1000,
      attempt: 1,
      transactionId: TX,
      gatewayStatus: 'settlement',
      fraudStatus: 'accept',
      paidWith: 'qris',
      issuer: 'dana',
      acquirer: 'gopay',
      qr: undefined,
      deeplinkUrl: undefined,
      gatewayExpiryAt: undefined,
      settledAt: PAID_AT,
      finalAt: PAID_AT,
      endReason: undefined,
      detail: undefined,
      cancelRequestedAt: undefined,
      alert: undefined,
      refunded: undefined,
    };
    const lines = paper(receiptFromOrder(base, CONTEXT), 58);
    expect(row(lines, '2 x Rp 22.000')).toMatch(/Rp 44\.000$/);
    expect(row(lines, 'QRIS (DANA)')).toMatch(/Rp 44\.000$/);
    // The CLI's items may carry names of 200 characters: wrapped between words, within the paper.
    const long = `${'Nasi Goreng '.repeat(17)}Spesial`.slice(-200);
    const wide = paper(
      receiptFromOrder({ ...base, items: [{ id: 'n', name: long, price: 44_000, quantity: 1 }] }, CONTEXT),
      58,
    );
    expect(wide.every((l) => l.length <= 32)).toBe(true);
    expect(wide.filter((l) => l.includes('Goreng')).length).toBeGreaterThan(5);
    const amountOnly = receiptFromOrder({ ...base, items: [] }, CONTEXT);
    expect(amountOnly.lines).toEqual([]);
    expect(amountOnly.totals.total).toBe(44_000);
    expect(() => receiptFromOrder({ ...base, state: 'expire' }, CONTEXT)).toThrow(NotPaidError);
  });
});

describe('issuerName', () => {
  it('spells the issuers as their brands do, and tidies one it does not know', () => {
    expect(['gopay', 'ovo', 'dana', 'shopeepay', 'bca', 'LinkAja'].map((i) => issuerName(i))).toEqual([
      'GoPay',
      'OVO',
      'DANA',
      'ShopeePay',
      'BCA',
      'LinkAja',
    ]);
    expect(issuerName('bpd')).toBe('BPD');
    expect(issuerName('bank_nusantara')).toBe('Bank Nusantara');
    expect(issuerName('  ')).toBeUndefined();
    expect(issuerName(undefined)).toBeUndefined();
  });
});
