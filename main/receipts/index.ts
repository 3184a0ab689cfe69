/**
 * Receipts: one document, many outputs. Build a ReceiptSource (a sale or refund receipt, a slip,
 * or the printer test page), then ask for the output a printer or a screen needs.
 *
 *   const source: ReceiptSource = { type: 'receipt', document };
 *   toEscPos(source, { width: 58, drawer: DEFAULT_DRAWER_PULSE }); // bytes for a raw printer
 *   toPreview(source, 80);                                        // { svg, lines } for a screen
 *   toPrintPage(source, 80);                                      // HTML for the OS/browser printer
 */
import type { PaperWidth, ReceiptPreview } from '../../common/printing.ts';
import { COLUMNS_BY_WIDTH } from '../../common/printing.ts';
import { checkReceipt, checkSlip } from './document.ts';
import type { ReceiptDocument, SlipDocument } from './document.ts';
import { printPageHtml } from './print-page.ts';
import { receiptMarkup, slipMarkup, testPageMarkup } from './receipt-markup.ts';
import type { TestPage } from './receipt-markup.ts';
import { renderEscPos, renderSvg, renderTextLines } from './render.ts';
import type { EscPosOptions } from './render.ts';

export type ReceiptSource =
  | { type: 'receipt'; document: ReceiptDocument }
  | { type: 'slip'; document: SlipDocument }
  | { type: 'test-page'; page: TestPage };

export * from './document.ts';
export { DEFAULT_DRAWER_PULSE, drawerOnlyJob, drawerPulseBytes, statusRequest } from './escpos-commands.ts';
export type { DrawerPulse } from './escpos-commands.ts';
export type { EscPosDialect, EscPosOptions } from './render.ts';
export type { TestPage } from './receipt-markup.ts';
export { printable } from './sanitize.ts';
export { formatShopTime, zoneLabel } from './shop-time.ts';
export { COPY_MARK, TRAINING_MARK } from './words.ts';
export { PRINTABLE_MM, receiptLengthMm } from './print-page.ts';

/** The receiptline markup of a source at one width (checked first: bad numbers never print). */
export function toMarkup(source: ReceiptSource, width: PaperWidth): string {
  const cpl = COLUMNS_BY_WIDTH[width];
  switch (source.type) {
    case 'receipt':
      checkReceipt(source.document);
      return receiptMarkup(source.document, cpl);
    case 'slip':
      checkSlip(source.document);
      return slipMarkup(source.document, cpl);
    case 'test-page':
      return testPageMarkup(source.page, width, cpl);
  }
}

/** The same source marked as a reprint ("SALINAN / COPY"); a test page has no copies. */
export function asCopy(source: ReceiptSource): ReceiptSource {
  if (source.type === 'test-page') return source;
  if (source.type === 'receipt') return { type: 'receipt', document: { ...source.document, copy: true } };
  return { type: 'slip', document: { ...source.document, copy: true } };
}

export function toEscPos(source: ReceiptSource, options: EscPosOptions): Uint8Array {
  return renderEscPos(toMarkup(source, options.width), options);
}

export function toSvg(source: ReceiptSource, width: PaperWidth): string {
  return renderSvg(toMarkup(source, width), width);
}

export function toTextLines(source: ReceiptSource, width: PaperWidth): string[] {
  return renderTextLines(toMarkup(source, width), width);
}

export function toPreview(source: ReceiptSource, width: PaperWidth): ReceiptPreview {
  const markup = toMarkup(source, width);
  return { width, svg: renderSvg(markup, width), lines: renderTextLines(markup, width) };
}

/** What a print page is called: the order id, the slip's title, or the printer tested. */
export function titleOf(source: ReceiptSource): string {
  if (source.type === 'receipt') return source.document.orderId;
  if (source.type === 'slip') return source.document.title;
  return source.page.printerName;
}

export function toPrintPage(source: ReceiptSource, width: PaperWidth): string {
  const language = source.type === 'test-page' ? source.page.language : source.document.language;
  return printPageHtml(toSvg(source, width), width, { title: titleOf(source), language });
}
