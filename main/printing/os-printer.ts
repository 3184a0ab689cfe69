/**
 * The operating system's printer (the usual way on Windows, or a CUPS queue on Linux): Electron's
 * silent `webContents.print` of the receipt's print page. Only the interface and its options live
 * here; the shell implements it with a hidden, sandboxed window (electron-practice.md §4.4).
 *
 * Without an explicit page size Electron prints A4 on a thermal roll (electron#39670, #49374), so
 * the page is sized in microns to the roll width and the receipt's own length. Chromium printing
 * cannot cut or open the drawer: a shop that needs either uses a raw transport.
 */
import type { WebContentsPrintOptions } from 'electron';
import type { PaperWidth } from '../../common/printing.ts';
import { PrinterError } from './errors.ts';

export interface PagePrintJob {
  /** The receipt's print page (receipts' toPrintPage). */
  html: string;
  width: PaperWidth;
  /** The receipt's length on paper (receipts' receiptLengthMm), margins included by the caller. */
  lengthMm: number;
  /** The system printer's name; the system default when absent. */
  deviceName?: string;
  /** The receipt drawn like the paper (the page's own picture), for a printer that shows it itself. */
  svg?: string;
  /** The page's title: the order id. */
  title?: string;
}

/** Prints a page; rejects with PrinterError 'os-print-failed' carrying Electron's reason. */
export interface PagePrinter {
  readonly target: string;
  print(job: PagePrintJob): Promise<void>;
}

const MICRONS_PER_MM = 1000;
/** Chromium refuses pages shorter than about an inch; a short receipt gets this much paper. */
const MIN_LENGTH_MM = 30;

export function silentPrintOptions(job: PagePrintJob): WebContentsPrintOptions {
  const options: WebContentsPrintOptions = {
    silent: true,
    printBackground: true,
    color: false,
    margins: { marginType: 'none' },
    pageSize: {
      width: job.width * MICRONS_PER_MM,
      height: Math.max(MIN_LENGTH_MM, Math.ceil(job.lengthMm)) * MICRONS_PER_MM,
    },
  };
  if (job.deviceName !== undefined) options.deviceName = job.deviceName;
  return options;
}

/** The error for a `webContents.print` callback's `(false, failureReason)`. */
export function osPrintFailure(failureReason: string, deviceName?: string): PrinterError {
  const reason = failureReason.trim() === '' ? 'no reason given' : failureReason.trim();
  return new PrinterError('os-print-failed', {
    target: deviceName ?? 'system default printer',
    // Chromium cannot say whether a failed job printed part of a page.
    maybePrinted: reason !== 'Invalid printer settings',
    message: {
      id: `Printer sistem gagal mencetak: ${reason}.`,
      en: `The system's printer failed to print: ${reason}.`,
    },
  });
}
