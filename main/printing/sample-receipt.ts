/**
 * The receipt the settings screen previews before the till has sold anything: a small warung
 * sale paid by QRIS and cash, so every part of the layout (lines, a discount, tenders, change,
 * the transaction id, the footer) shows with the shop's own header.
 */
import type { ReceiptDocument } from '../receipts/index.ts';
import type { ReceiptContext } from './receipt-from-sale.ts';

export const SAMPLE_ORDER_ID = 'CONTOH-0001';

export function sampleReceipt(context: ReceiptContext, time: number): ReceiptDocument {
  const words = context.language === 'en' ? { discount: 'Discount' } : { discount: 'Diskon' };
  return {
    kind: 'sale',
    shop: context.shop,
    orderId: SAMPLE_ORDER_ID,
    time,
    utcOffsetMinutes: context.utcOffsetMinutes,
    lines: [
      { name: 'Kopi Susu Gula Aren', quantity: 2, unitPrice: 18_000, amount: 36_000 },
      { name: 'Roti Bakar Cokelat', quantity: 1, unitPrice: 15_000, amount: 15_000, discount: 1_500 },
      { name: 'Air Mineral 600 ml', quantity: 1, unitPrice: 5_000, amount: 5_000 },
    ],
    totals: {
      subtotal: 54_500,
      discounts: [{ label: words.discount, amount: 4_500 }],
      total: 50_000,
    },
    tenders: [
      {
        kind: 'qris',
        amount: 30_000,
        issuer: 'GoPay',
        transactionId: '0a7c4d4b-0f1e-4a8b-9c2d-5e6f7a8b9c0d',
      },
      { kind: 'cash', amount: 20_000, received: 50_000, change: 30_000 },
    ],
    language: context.language,
    training: context.training,
    copy: false,
    ...(context.footer !== undefined && context.footer.trim() !== '' ? { footer: context.footer } : {}),
  };
}
