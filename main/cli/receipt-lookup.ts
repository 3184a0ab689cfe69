/**
 * The receipt of an order or a sale, as the kiosk printed it (or would print it now): a sale's
 * first receipt job carries the document exactly as it went to paper; a sale never printed, or an
 * order of its own, is built from the journal and the settings, as the print service would.
 */
import { viewOf } from '../checkout/views.ts';
import type { Journal } from '../journal/journal.ts';
import type { PrintJobRecord } from '../printing/job-store.ts';
import { receiptFromOrder, receiptFromSale, type ReceiptContext } from '../printing/receipt-from-sale.ts';
import { SqliteJobStore } from '../printing/sqlite-job-store.ts';
import type { ReceiptDocument, ShopHeader } from '../receipts/index.ts';
import { saleView } from '../sales/sale-view.ts';
import { SalesBook } from '../sales/sales-book.ts';
import type { CliPrintingSettings } from './printing-settings.ts';

export interface FoundReceipt {
  document: ReceiptDocument;
  saleId: string | undefined;
  orderId: string;
  /** Receipts of it already printed, or maybe printed, or waiting: another print is a COPY. */
  earlier: PrintJobRecord[];
}

export class ReceiptLookupError extends Error {
  readonly reason: 'unknown' | 'not-paid';
  constructor(reason: 'unknown' | 'not-paid', id: string) {
    super(reason === 'unknown' ? `${id} is not an order or a sale of this till` : `${id} is not paid`);
    this.name = 'ReceiptLookupError';
    this.reason = reason;
  }
}

function context(settings: CliPrintingSettings, environment: string): ReceiptContext {
  const shop: ShopHeader = { name: settings.shopName };
  if (settings.receipt.shopAddress.trim() !== '') shop.address = settings.receipt.shopAddress.trim();
  if (settings.receipt.npwp.trim() !== '') shop.npwp = settings.receipt.npwp.trim();
  return {
    shop,
    footer: settings.receipt.footer,
    language: settings.language,
    training: environment === 'training',
    // The shop's zone as the engine has it; Indonesia's kiosks run on WIB unless told otherwise.
    utcOffsetMinutes: 7 * 60,
  };
}

/** A print that can have left paper behind: printed, maybe printed, or not finished yet. */
function mayHavePrinted(job: PrintJobRecord): boolean {
  return job.kind === 'receipt' && (job.state !== 'failed' || job.maybePrinted);
}

export function findReceipt(journal: Journal, id: string, settings: CliPrintingSettings): FoundReceipt {
  const book = new SalesBook(journal.database);
  const order = journal.get(id);
  const saleId = order?.saleId ?? (book.get(id) === undefined ? undefined : id);
  if (saleId !== undefined) {
    const sale = book.get(saleId);
    if (sale === undefined) throw new ReceiptLookupError('unknown', id);
    const view = saleView(sale, journal.ordersOfSale(saleId));
    if (view.state !== 'paid') throw new ReceiptLookupError('not-paid', id);
    const jobs = new SqliteJobStore(journal.database).forSale(saleId).filter((j) => j.kind === 'receipt');
    const first = jobs.find((j) => j.payload.type === 'receipt');
    const document =
      first?.payload.type === 'receipt'
        ? { ...first.payload.document, copy: false }
        : receiptFromSale(view, context(settings, sale.environment));
    return { document, saleId, orderId: document.orderId, earlier: jobs.filter(mayHavePrinted) };
  }
  if (order === undefined) throw new ReceiptLookupError('unknown', id);
  if (order.state !== 'settlement') throw new ReceiptLookupError('not-paid', id);
  const document = receiptFromOrder(viewOf(order), context(settings, order.environment));
  return { document, saleId: undefined, orderId: order.orderId, earlier: [] };
}
