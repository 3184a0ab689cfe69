/**
 * A ReceiptDocument (or a slip, or the printer test page) as receiptline markup for one paper
 * width. The order follows the usual Indonesian struk: shop, numbers and time, lines, subtotal,
 * discounts, service, tax, rounding, total, tenders with the payment reference, footer.
 */
import { formatRupiah } from '../../common/rupiah.ts';
import type { ReceiptDocument, ReceiptTender, ShopHeader, SlipDocument } from './document.ts';
import { INDENT, Markup } from './markup.ts';
import { printable } from './sanitize.ts';
import { formatShopTime } from './shop-time.ts';
import { COPY_MARK, TRAINING_MARK, wordsFor } from './words.ts';
import type { ReceiptLanguage, ReceiptWords } from './words.ts';

/** Rupiah as printed: a plain space, since the paper never reflows. */
export function rupiah(amount: number): string {
  return formatRupiah(amount, ' ');
}

function minus(amount: number): string {
  return rupiah(-Math.abs(amount));
}

function quantityText(quantity: number, language: ReceiptLanguage): string {
  if (Number.isInteger(quantity)) return String(quantity);
  return quantity.toLocaleString(language === 'en' ? 'en-US' : 'id-ID', { maximumFractionDigits: 3 });
}

/** The widest amount decides the amount column, so every amount lines up on the right. */
function valueWidthFor(amounts: readonly number[]): number {
  return Math.max(10, ...amounts.map((a) => rupiah(a).length + (a < 0 ? 0 : 1)));
}

function header(m: Markup, shop: ShopHeader, training: boolean, copy: boolean): void {
  if (training) m.banner(TRAINING_MARK);
  m.center(shop.name, { bold: true, tall: true });
  if (shop.address !== undefined) m.center(shop.address);
  if (shop.npwp !== undefined && shop.npwp.trim() !== '') m.center(`NPWP ${shop.npwp}`);
  if (copy) m.center(`*** ${COPY_MARK} ***`, { bold: true });
}

function closing(
  m: Markup,
  footer: string | undefined,
  training: boolean,
  copy: boolean,
  w: ReceiptWords,
): void {
  if (footer !== undefined && footer.trim() !== '') {
    m.rule();
    m.paragraph(footer);
  }
  if (copy) m.center(`*** ${COPY_MARK} ***`, { bold: true });
  if (training) {
    m.banner(TRAINING_MARK);
    m.center(w.trainingNote);
  }
  m.blank();
}

function tenderLabel(tender: ReceiptTender, w: ReceiptWords): string {
  switch (tender.kind) {
    case 'cash':
      return tender.received !== undefined ? w.cashReceived : w.cash;
    case 'gopay':
      return w.gopay;
    case 'qris':
      return tender.issuer !== undefined && tender.issuer.trim() !== ''
        ? `${w.qris} (${tender.issuer})`
        : w.qris;
  }
}

function tenders(m: Markup, doc: ReceiptDocument, w: ReceiptWords): void {
  if (doc.tenders.length === 0) return;
  m.rule();
  if (doc.kind === 'refund') m.left(w.refundedTo);
  for (const tender of doc.tenders) {
    m.pair(tenderLabel(tender, w), rupiah(tender.received ?? tender.amount));
    if (tender.change !== undefined) m.pair(w.change, rupiah(tender.change));
    if (tender.transactionId !== undefined && tender.transactionId !== '') {
      m.left(`${w.transactionId}:`, {}, INDENT);
      m.left(tender.transactionId, {}, INDENT);
    }
  }
}

const KIND_TITLE: Readonly<Record<ReceiptDocument['kind'], keyof ReceiptWords | null>> = {
  sale: null,
  refund: 'refundTitle',
  test: 'testTitle',
  report: 'reportTitle',
};

export function receiptMarkup(doc: ReceiptDocument, cpl: number): string {
  const w = wordsFor(doc.language);
  const t = doc.totals;
  const amounts = [
    ...doc.lines.flatMap((l) => [l.amount, -(l.discount ?? 0)]),
    t.subtotal,
    ...t.discounts.map((d) => -d.amount),
    t.serviceCharge?.amount ?? 0,
    t.tax?.amount ?? 0,
    t.rounding ?? 0,
    t.total,
    ...doc.tenders.flatMap((x) => [x.received ?? x.amount, x.change ?? 0]),
  ];
  const m = new Markup(cpl, valueWidthFor(amounts));

  header(m, doc.shop, doc.training, doc.copy);
  const title = KIND_TITLE[doc.kind];
  if (title !== null) m.center(w[title], { bold: true });
  m.rule();
  m.left(`${w.order}: ${doc.orderId}`);
  if (doc.saleId !== undefined && doc.saleId !== '') m.left(`${w.sale}: ${doc.saleId}`);
  m.left(`${w.time}: ${formatShopTime(doc.time, doc.utcOffsetMinutes)}`);

  if (doc.lines.length > 0) {
    m.rule();
    for (const line of doc.lines) {
      // A name made only of emoji still needs a line, or its price would hang under the previous one.
      m.left(printable(line.name, '?'));
      m.pair(
        `${quantityText(line.quantity, doc.language)} x ${rupiah(line.unitPrice)}`,
        rupiah(line.amount),
        {},
        INDENT,
      );
      if (line.discount !== undefined && line.discount !== 0)
        m.pair(w.discount, minus(line.discount), {}, INDENT);
    }
  }

  m.rule();
  m.pair(w.subtotal, rupiah(t.subtotal));
  for (const d of t.discounts) m.pair(d.label.trim() === '' ? w.discount : d.label, minus(d.amount));
  if (t.serviceCharge !== undefined) {
    m.pair(
      t.serviceCharge.label.trim() === '' ? w.serviceCharge : t.serviceCharge.label,
      rupiah(t.serviceCharge.amount),
    );
  }
  if (t.tax !== undefined && !t.tax.inclusive) m.pair(t.tax.label, rupiah(t.tax.amount));
  if (t.rounding !== undefined && t.rounding !== 0) m.pair(w.rounding, rupiah(t.rounding));
  m.pair(w.total, rupiah(t.total), { bold: true, tall: true });
  if (t.tax !== undefined && t.tax.inclusive) {
    m.pair(`${w.taxIncluded} ${t.tax.label}`, rupiah(t.tax.amount));
  }

  tenders(m, doc, w);
  closing(m, doc.footer, doc.training, doc.copy, w);
  if (doc.qr !== undefined) {
    m.qr(doc.qr);
    m.blank();
  }
  return m.toString();
}

export function slipMarkup(doc: SlipDocument, cpl: number): string {
  const w = wordsFor(doc.language);
  const m = new Markup(cpl, valueWidthFor(doc.rows.map((r) => r.amount ?? 0)));
  header(m, doc.shop, doc.training, doc.copy);
  m.center(doc.title, { bold: true });
  if (doc.subtitle !== undefined) m.center(doc.subtitle);
  m.center(formatShopTime(doc.time, doc.utcOffsetMinutes));
  m.rule();
  for (const row of doc.rows) {
    if (row.ruleAbove === true) m.rule();
    const value = row.amount !== undefined ? rupiah(row.amount) : (row.value ?? '');
    const style = row.strong === true ? { bold: true, tall: true } : {};
    if (value === '') m.left(row.label, style);
    else m.pair(row.label, value, style);
  }
  closing(m, doc.footer, doc.training, doc.copy, w);
  return m.toString();
}

export interface TestPage {
  shop: ShopHeader;
  printerName: string;
  time: number;
  utcOffsetMinutes: number;
  language: ReceiptLanguage;
}

/** The Settings screen's test print: which printer, which width, and a column ruler to check it. */
export function testPageMarkup(page: TestPage, width: number, cpl: number): string {
  const w = wordsFor(page.language);
  const m = new Markup(cpl, 12);
  header(m, page.shop, false, false);
  m.center(w.testTitle, { bold: true, tall: true });
  m.center(formatShopTime(page.time, page.utcOffsetMinutes));
  m.rule();
  // An address can be long (a device path, a host name): it gets lines of its own.
  m.left(`${w.printer}:`);
  m.left(page.printerName, {}, INDENT);
  m.pair(w.paper, `${width} mm`);
  m.pair(w.columns, String(cpl));
  m.left('1234567890'.repeat(Math.ceil(cpl / 10)).slice(0, cpl));
  m.left('ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 Rp 44.000');
  m.rule();
  m.center(w.testOk);
  m.blank();
  return m.toString();
}
