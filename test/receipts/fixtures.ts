/** Receipt documents for the tests: a full sale with every field the issue lists. */
import type { ReceiptDocument } from '../../main/receipts/index.ts';

/** 24 November 2026, 10:05 WIB. */
export const PAID_AT = Date.UTC(2026, 10, 24, 3, 5);

export const TRANSACTION_ID = '0a7c4d4b-0f1e-4a8b-9c2d-5e6f7a8b9c0d';

export function saleDocument(change: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return {
    kind: 'sale',
    shop: {
      name: 'Warung Kopi Nusantara',
      address: 'Jl. Sudirman No. 12, Jakarta Pusat',
      npwp: '01.234.567.8-901.000',
    },
    orderId: 'KIOSK-20261124-0001',
    saleId: 'S-42',
    time: PAID_AT,
    utcOffsetMinutes: 420,
    lines: [
      { name: 'Kopi Susu Gula Aren', quantity: 2, unitPrice: 22_000, amount: 44_000, discount: 4_000 },
      { name: 'Roti Bakar Cokelat', quantity: 1, unitPrice: 18_000, amount: 18_000 },
    ],
    totals: {
      subtotal: 58_000,
      discounts: [{ label: 'Diskon member', amount: 3_000 }],
      serviceCharge: { label: 'Service 5%', amount: 2_750 },
      tax: { label: 'PB1 10%', amount: 5_775, inclusive: false },
      rounding: -25,
      total: 63_500,
    },
    tenders: [
      { kind: 'qris', amount: 43_500, issuer: 'OVO', transactionId: TRANSACTION_ID },
      { kind: 'cash', amount: 20_000, received: 50_000, change: 30_000 },
    ],
    footer: 'Terima kasih!\nWiFi: kopi123',
    language: 'id',
    training: false,
    copy: false,
    ...change,
  };
}
