/**
 * The "browser" printer: the cashier screen prints the receipt itself, with the browser's print
 * dialog (browser mode has no Electron to print silently). The receipt goes to the screen as its
 * SVG (shown as an image, so the page's strict CSP is untouched); the screen says when it has
 * handed the page to the browser.
 *
 * No answer in time counts as maybe printed: the screen may have printed and then lost its
 * connection, and a second print must then say "SALINAN / COPY".
 */
import { randomUUID } from 'node:crypto';
import type { PrintPageRequest } from '../../common/printing-contract.ts';
import { PrinterError } from './errors.ts';
import type { PagePrinter, PagePrintJob } from './os-printer.ts';

export interface BrowserPrinterOptions {
  /** Hands the page to the cashier screen(s). */
  emit(request: PrintPageRequest): void;
  timeoutMs?: number;
  newId?: () => string;
}

interface Waiting {
  resolve(): void;
  reject(error: PrinterError): void;
  timer: NodeJS.Timeout;
}

export class BrowserPagePrinter implements PagePrinter {
  readonly target = 'browser';
  readonly #emit: (request: PrintPageRequest) => void;
  readonly #timeoutMs: number;
  readonly #newId: () => string;
  readonly #waiting = new Map<string, Waiting>();

  constructor(options: BrowserPrinterOptions) {
    this.#emit = options.emit;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#newId = options.newId ?? randomUUID;
  }

  print(job: PagePrintJob): Promise<void> {
    if (job.svg === undefined) {
      return Promise.reject(new PrinterError('render-failed', { target: this.target }));
    }
    const requestId = this.#newId();
    const request: PrintPageRequest = {
      requestId,
      svg: job.svg,
      width: job.width,
      title: job.title ?? 'Struk',
    };
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(requestId);
        reject(
          new PrinterError('os-print-failed', {
            target: 'cashier screen',
            maybePrinted: true,
            message: {
              id: 'Layar kasir tidak mencetak struk (tidak ada jawaban); periksa dialog cetak browser.',
              en: "The cashier screen did not print the receipt (no answer); check the browser's print dialog.",
            },
          }),
        );
      }, this.#timeoutMs);
      timer.unref();
      this.#waiting.set(requestId, { resolve, reject, timer });
      this.#emit(request);
    });
  }

  /** The screen's answer; false for a request this printer no longer waits for. */
  done(requestId: string, ok: boolean): boolean {
    const waiting = this.#waiting.get(requestId);
    if (waiting === undefined) return false;
    this.#waiting.delete(requestId);
    clearTimeout(waiting.timer);
    if (ok) waiting.resolve();
    else
      waiting.reject(
        new PrinterError('os-print-failed', {
          target: 'cashier screen',
          message: {
            id: 'Browser menolak mencetak struk.',
            en: 'The browser refused to print the receipt.',
          },
        }),
      );
    return true;
  }

  /** Stops waiting for every page (the kiosk is stopping): each counts as maybe printed. */
  cancelAll(): void {
    for (const [requestId, waiting] of this.#waiting) {
      clearTimeout(waiting.timer);
      this.#waiting.delete(requestId);
      waiting.reject(new PrinterError('os-print-failed', { target: 'cashier screen', maybePrinted: true }));
    }
  }
}
