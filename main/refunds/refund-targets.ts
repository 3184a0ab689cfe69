/** What a refund names, found in the journal: a paid order or sale of this till's environment. */
import type { OrderRow } from '../journal/types.ts';
import type { SaleRecord } from '../sales/sales-book.ts';
import type { RefundContext } from './refund-context.ts';
import { RefundError } from './refund-errors.ts';

export function orderOf(ctx: RefundContext, orderId: string): OrderRow {
  const order = ctx.journal.get(orderId);
  if (order === undefined) {
    throw new RefundError('unknown-order', {
      id: 'Pesanan ini tidak ditemukan di kasir ini.',
      en: 'This order was not found on this till.',
    });
  }
  return order;
}

export function saleOf(ctx: RefundContext, saleId: string): SaleRecord {
  const sale = ctx.book.get(saleId);
  if (sale === undefined) {
    throw new RefundError('unknown-order', {
      id: 'Penjualan ini tidak ditemukan di kasir ini.',
      en: 'This sale was not found on this till.',
    });
  }
  return sale;
}

/** A payment made at another gateway is that gateway's to refund, from a till pointed at it. */
export function assertOwn(ctx: RefundContext, environment: string): void {
  if (environment === ctx.environment) return;
  throw new RefundError('other-environment', {
    id: 'Pembayaran ini dibuat di lingkungan pembayaran lain (latihan, sandbox, atau produksi), jadi tidak dapat dikembalikan dari sini.',
    en: 'This payment belongs to another payment environment (training, sandbox or production), so it cannot be refunded from here.',
  });
}
