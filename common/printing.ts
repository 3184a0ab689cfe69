/**
 * What the screens need to know about receipts and printers, without knowing how either works:
 * the paper widths a till can print on, a receipt's preview, and the printer's condition as the
 * cashier reads it. Plain data only, so it crosses IPC and the browser-mode WebSocket unchanged.
 */

/** Paper roll widths in millimetres: 58 mm prints 32 columns, 80 mm prints 48 (Font A). */
export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

export const COLUMNS_BY_WIDTH: Readonly<Record<PaperWidth, number>> = { 58: 32, 80: 48 };

/** A receipt as it will look on paper: an SVG drawn like the roll, and its lines as text. */
export interface ReceiptPreview {
  width: PaperWidth;
  svg: string;
  lines: string[];
}

/**
 * The printer's condition for the cashier's plain message. 'unknown' is normal for many cheap
 * printers (they do not answer status requests) and never stops a print.
 */
export type PrinterCondition =
  'ready' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline' | 'error' | 'unreachable' | 'unknown';

/** A print job as a screen shows it: what happened to the receipt, never its bytes. */
export interface PrintJobView {
  id: string;
  kind: 'receipt' | 'refund' | 'test' | 'report' | 'drawer';
  orderId?: string;
  state: 'queued' | 'sending' | 'printed' | 'failed';
  /** True once the job will print (or printed) as "SALINAN / COPY". */
  copy: boolean;
  attempts: number;
  /** The last problem, in both languages, while it is being retried or after it gave up. */
  problem?: { code: string; message: { id: string; en: string } };
}
