/**
 * One receipt, described once as plain data and rendered to every output (ESC/POS at 58 and
 * 80 mm, an SVG preview, text lines). It knows nothing of the journal: the checkout side builds it
 * from a sale, so reprints and the CLI render exactly what the first print did.
 *
 * Money is whole rupiah. Amounts are as the customer reads them: a line's `amount` is quantity ×
 * price before its own `discount`; discounts are positive numbers (printed with a minus sign);
 * `rounding` is signed. The renderer prints these numbers and never recomputes them.
 */
import type { ReceiptLanguage } from './words.ts';
import { isValidOffset } from './shop-time.ts';

export type { ReceiptLanguage } from './words.ts';

export interface ShopHeader {
  name: string;
  address?: string;
  /** Printed when the shop is a PKP (VAT-registered); the law asks for it on a faktur digunggung. */
  npwp?: string;
}

export type ReceiptKind = 'sale' | 'refund' | 'test' | 'report';

export interface ReceiptLine {
  name: string;
  quantity: number;
  unitPrice: number;
  /** quantity × unitPrice, before `discount`. */
  amount: number;
  /** This line's own discount, a positive number. */
  discount?: number;
}

export interface LabelledAmount {
  label: string;
  amount: number;
}

export interface ReceiptTax {
  /** As the shop names it: "PB1 10%", "PBJT 10%", "PPN 11%". */
  label: string;
  amount: number;
  /** True when prices already include it: printed as a note, not added to the total. */
  inclusive: boolean;
}

export interface ReceiptTotals {
  subtotal: number;
  discounts: LabelledAmount[];
  serviceCharge?: LabelledAmount;
  tax?: ReceiptTax;
  /** Signed: -200 when the total was rounded down. */
  rounding?: number;
  total: number;
}

export type TenderKind = 'cash' | 'qris' | 'gopay';

export interface ReceiptTender {
  kind: TenderKind;
  /** What this tender paid towards the total. */
  amount: number;
  /** Cash handed over (cash only); printed instead of `amount` when given. */
  received?: number;
  change?: number;
  /** The QRIS issuer Midtrans reports: "GoPay", "OVO", "DANA", "ShopeePay", a bank. */
  issuer?: string;
  /** Midtrans transaction_id. */
  transactionId?: string;
}

export interface ReceiptDocument {
  kind: ReceiptKind;
  shop: ShopHeader;
  orderId: string;
  saleId?: string;
  /** When the sale was paid (or the refund made), epoch ms. */
  time: number;
  /** The shop's zone: WIB 420, WITA 480, WIT 540. */
  utcOffsetMinutes: number;
  lines: ReceiptLine[];
  totals: ReceiptTotals;
  tenders: ReceiptTender[];
  /** The manager's footer; line breaks are kept. */
  footer?: string;
  language: ReceiptLanguage;
  /** A training-mode sale: "LATIHAN / TRAINING" across the receipt. */
  training: boolean;
  /** A reprint: "SALINAN / COPY" at the top and the bottom. */
  copy: boolean;
  /** Optional QR code printed under the footer (an e-receipt link, say). */
  qr?: string;
}

/** A generic titled list of label/amount rows: a refund slip, later the X/Z reports. */
export interface SlipRow {
  label: string;
  /** Printed as rupiah, right-aligned. */
  amount?: number;
  /** Printed right-aligned as it is, when there is no amount (a count, a status). */
  value?: string;
  /** A rule above this row. */
  ruleAbove?: boolean;
  /** Bold and tall, as a total. */
  strong?: boolean;
}

export interface SlipDocument {
  title: string;
  shop: ShopHeader;
  time: number;
  utcOffsetMinutes: number;
  /** Shown under the title: an order id, a shift, a date range. */
  subtitle?: string;
  rows: SlipRow[];
  footer?: string;
  language: ReceiptLanguage;
  training: boolean;
  copy: boolean;
}

export type ReceiptProblemField = string;

/** A document the renderer cannot print truthfully: the caller's data is wrong, not the printer. */
export class ReceiptError extends Error {
  readonly code = 'receipt-invalid';
  readonly field: ReceiptProblemField;
  readonly bilingual: { id: string; en: string };
  constructor(field: ReceiptProblemField, id: string, en: string) {
    super(`${field}: ${en}`);
    this.name = 'ReceiptError';
    this.field = field;
    this.bilingual = { id: `${field}: ${id}`, en: `${field}: ${en}` };
  }
}

function wholeRupiah(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new ReceiptError(field, 'harus rupiah bulat.', 'must be whole rupiah.');
  }
}

function positive(value: number, field: string): void {
  wholeRupiah(value, field);
  if (value < 0) throw new ReceiptError(field, 'tidak boleh negatif.', 'must not be negative.');
}

function when(time: number, utcOffsetMinutes: number): void {
  if (!Number.isFinite(time) || time < 0) {
    throw new ReceiptError('time', 'waktu tidak valid.', 'is not a valid time.');
  }
  if (!isValidOffset(utcOffsetMinutes)) {
    throw new ReceiptError(
      'utcOffsetMinutes',
      'harus menit bulat dalam ±14 jam.',
      'must be whole minutes within ±14 h.',
    );
  }
}

/** Refuses numbers a receipt cannot print (fractions of a rupiah, NaN, a negative quantity). */
export function checkReceipt(doc: ReceiptDocument): void {
  when(doc.time, doc.utcOffsetMinutes);
  doc.lines.forEach((line, i) => {
    if (!Number.isFinite(line.quantity) || line.quantity <= 0) {
      throw new ReceiptError(`lines[${i}].quantity`, 'harus lebih dari nol.', 'must be more than zero.');
    }
    wholeRupiah(line.unitPrice, `lines[${i}].unitPrice`);
    wholeRupiah(line.amount, `lines[${i}].amount`);
    if (line.discount !== undefined) positive(line.discount, `lines[${i}].discount`);
  });
  const t = doc.totals;
  wholeRupiah(t.subtotal, 'totals.subtotal');
  t.discounts.forEach((d, i) => positive(d.amount, `totals.discounts[${i}].amount`));
  if (t.serviceCharge !== undefined) wholeRupiah(t.serviceCharge.amount, 'totals.serviceCharge.amount');
  if (t.tax !== undefined) wholeRupiah(t.tax.amount, 'totals.tax.amount');
  if (t.rounding !== undefined) wholeRupiah(t.rounding, 'totals.rounding');
  wholeRupiah(t.total, 'totals.total');
  doc.tenders.forEach((tender, i) => {
    wholeRupiah(tender.amount, `tenders[${i}].amount`);
    if (tender.received !== undefined) positive(tender.received, `tenders[${i}].received`);
    if (tender.change !== undefined) positive(tender.change, `tenders[${i}].change`);
  });
}

export function checkSlip(doc: SlipDocument): void {
  when(doc.time, doc.utcOffsetMinutes);
  doc.rows.forEach((row, i) => {
    if (row.amount !== undefined) wholeRupiah(row.amount, `rows[${i}].amount`);
  });
}
