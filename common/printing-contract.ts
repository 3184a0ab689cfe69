/**
 * Printing's slice of the contract: the printers the manager sets up, when receipts print, the
 * sound the screens make, and what the cashier sees of it all. The printer is never in the sale's
 * way: nothing here can block, change or undo a sale; a printer that is down is a message.
 */
import type { PaperWidth, PrintJobView, PrinterCondition, ReceiptPreview } from './printing.ts';

export const PRINTER_KINDS = ['tcp', 'device', 'os', 'browser'] as const;
/**
 * tcp: a network printer, raw ESC/POS to host:port (9100). device: a USB or serial printer's
 * device file on Linux (/dev/usb/lp0, /dev/ttyUSB0). os: the operating system's printer through
 * the desktop app's silent print (the way on Windows). browser: the cashier screen's own print
 * dialog (browser mode).
 */
export type PrinterKind = (typeof PRINTER_KINDS)[number];

/** Kinds that take raw ESC/POS, so they can cut, report status and kick a drawer. */
export const RAW_PRINTER_KINDS: readonly PrinterKind[] = ['tcp', 'device'];

export interface PrinterConfig {
  /** Stable: print jobs name their printer by it. Lower-case letters, digits and "-". */
  id: string;
  /** What the shop calls it: "Kasir", "Dapur". */
  name: string;
  kind: PrinterKind;
  /** tcp: "host" or "host:port"; device: a path; os: the system printer's name ("" = default); browser: "". */
  address: string;
  width: PaperWidth;
  /** A cash drawer is plugged into this printer (tcp and device only). */
  drawer: boolean;
}

export const AUTO_PRINT_MODES = ['always', 'ask', 'never'] as const;
/** When a sale is paid: print at once, ask the cashier, or print only when asked (reprint). */
export type AutoPrint = (typeof AUTO_PRINT_MODES)[number];

export interface ReceiptOptions {
  /** The printer receipts go to; null: none. */
  printerId: string | null;
  autoPrint: AutoPrint;
  /** Printed under the shop's name; a line break is kept. */
  shopAddress: string;
  /** Printed when set: a PKP's receipt must show it. "" = none. */
  npwp: string;
  /** The manager's words at the bottom of every receipt. */
  footer: string;
}

export interface SoundSettings {
  /** 0–100. */
  volume: number;
  muted: boolean;
}

export const MAX_PRINTERS = 4;
export const DEFAULT_RECEIPT_OPTIONS: ReceiptOptions = {
  printerId: null,
  autoPrint: 'always',
  shopAddress: '',
  npwp: '',
  footer: '',
};
export const DEFAULT_SOUND: SoundSettings = { volume: 60, muted: false };

/** One printer as the cashier sees it: how it is, in plain words. */
export interface PrinterStatusView {
  printerId: string;
  name: string;
  kind: PrinterKind;
  condition: PrinterCondition;
  /** Why it cannot print now, in both languages; absent while it can. */
  problem?: { id: string; en: string };
  /** Receipts waiting for it. */
  waiting: number;
  /** When the condition was last learnt (ms since epoch); 0: not yet. */
  at: number;
}

export interface PrintingSnapshot {
  /** The printer receipts go to, null when none is set up. */
  receiptPrinter: PrinterStatusView | null;
  printers: PrinterStatusView[];
  autoPrint: AutoPrint;
  /** The latest paid sale: what "Reprint" prints. */
  lastSale: { saleId: string; total: number; paidAt: number } | null;
  /** The receipt job of that sale, newest first. */
  lastJob: PrintJobView | null;
  /** autoPrint 'ask': the paid sale waiting for the cashier's "print the receipt?". */
  ask: { saleId: string; total: number } | null;
}

/** Browser printing: the cashier screen prints this page with the browser's own dialog. */
export interface PrintPageRequest {
  requestId: string;
  /** The receipt drawn like the paper (the same SVG as the preview). */
  svg: string;
  width: PaperWidth;
  title: string;
}

export interface PrintingCashierCommands {
  'printing.snapshot': [Record<string, never>, PrintingSnapshot];
  /** Always "SALINAN / COPY"; a receipt still waiting for the printer becomes that copy. */
  'printing.reprint': [{ saleId: string }, PrintJobView];
  /** The answer to "print the receipt?" (autoPrint 'ask'); null when nothing was printed. */
  'printing.answer': [{ saleId: string; print: boolean }, PrintJobView | null];
  /** Try waiting receipts now, and ask the printers how they are. */
  'printing.retry': [Record<string, never>, PrintingSnapshot];
  /** The cashier screen has handed a print page to the browser (ok) or could not. */
  'printing.pageDone': [{ requestId: string; ok: boolean }, null];
}

/** Behind the manager's unlocked session; opening the drawer also takes the PIN again. */
export interface PrintingManagerCommands {
  'printing.test': [{ printerId: string }, PrintJobView];
  'printing.openDrawer': [{ printerId: string; pin: string }, PrintJobView];
  /** The receipt of the last sale (or a sample) with these options, as it would print. */
  'printing.preview': [{ width: PaperWidth; receipt?: ReceiptOptions }, ReceiptPreview];
}

export interface PrintingCashierEvents {
  printing: PrintingSnapshot;
  printPage: PrintPageRequest;
}

export interface PrintingCashierApi {
  printingSnapshot(): Promise<PrintingSnapshot>;
  reprint(saleId: string): Promise<PrintJobView>;
  answerReceipt(saleId: string, print: boolean): Promise<PrintJobView | null>;
  retryPrinting(): Promise<PrintingSnapshot>;
  printPageDone(requestId: string, ok: boolean): Promise<null>;
  onPrinting(listener: (snapshot: PrintingSnapshot) => void): () => void;
  onPrintPage(listener: (request: PrintPageRequest) => void): () => void;
}

/** The settings screen's printing functions (`manager.printing`). */
export interface PrintingManagerApi {
  test(printerId: string): Promise<PrintJobView>;
  openDrawer(printerId: string, pin: string): Promise<PrintJobView>;
  preview(width: PaperWidth, receipt?: ReceiptOptions): Promise<ReceiptPreview>;
}
