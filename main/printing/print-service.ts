/**
 * Receipts and the cash drawer at the till. It listens to the till's sales and never speaks to
 * them: a printer that is down, slow or wrong is a message for the cashier, while the sale goes
 * on exactly as it would with no printer at all.
 *
 * - A sale that goes paid prints its receipt at once, asks the cashier first, or waits for a
 *   reprint (the manager's "auto-print" setting). A sale is paid once, so this happens once.
 * - Cash taken opens the drawer, with the receipt when it prints now, else on its own; only while
 *   it is news (a drawer never opens for cash taken before a restart).
 * - A reprint is always "SALINAN / COPY", and a receipt still waiting for the printer becomes
 *   that copy rather than a second paper.
 * - The manager's "open drawer" is journaled with the PIN's outcome before the pulse is sent.
 * - A refund made at this till prints its slip once (journaled under the refund's key), unless the
 *   manager chose "never"; a cash refund's drawer opens with that slip when they share a printer.
 * - An X or Z report prints on the receipt printer when asked; a Z printed again is a COPY.
 */
import type { PrintingSnapshot, PrintPageRequest, ReceiptOptions } from '../../common/printing-contract.ts';
import { RAW_PRINTER_KINDS } from '../../common/printing-contract.ts';
import type { PaperWidth, PrintJobView, ReceiptPreview } from '../../common/printing.ts';
import type { RefundEvent, RefundView } from '../../common/refund-contract.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { systemClock, type Clock } from '../clock.ts';
import {
  toPreview,
  type ReceiptDocument,
  type ReceiptLanguage,
  type ShopHeader,
  type SlipDocument,
} from '../receipts/index.ts';
import { BrowserPagePrinter } from './browser-printer.ts';
import type { DrawerLog, DrawerOutcome } from './drawer-log.ts';
import { PrinterError } from './errors.ts';
import type { PrintJobRecord, PrintJobStore } from './job-store.ts';
import type { PagePrinter } from './os-printer.ts';
import { PrinterConditions } from './printer-conditions.ts';
import { PrinterSet, type PrinterSetOptions } from './printer-set.ts';
import {
  drawerPrinterOf,
  printerOf,
  receiptContext,
  receiptPrinterOf,
  testPageOf,
  type PrintingConfig,
} from './printing-config.ts';
import { jobView, PrintQueue, type PrintQueueOptions } from './queue.ts';
import { receiptFromSale, type ReceiptContext } from './receipt-from-sale.ts';
import { refundSlipJob, reportJob, type SlipJobsDeps, type ZIdentity } from './slip-jobs.ts';
import { PrintingRefusal } from './refusal.ts';
import { sampleReceipt } from './sample-receipt.ts';

export type { PrintingConfig } from './printing-config.ts';
export type { ZIdentity } from './slip-jobs.ts';

export interface SaleSource {
  on(listener: (sale: SaleView) => void): () => void;
  view(saleId: string): SaleView | undefined;
}

/** The refund desk as printing sees it: its events, and one refund by its key. */
export interface RefundSource {
  on(listener: (event: RefundEvent) => void): () => void;
  view(refundKey: string): RefundView | undefined;
}

/** What a cash refund's drawer hook passes on (the refund desk's DrawerPulse has more). */
export interface RefundPulse {
  refundKey: string;
  saleId: string;
}

export interface PrintServiceDeps {
  store: PrintJobStore;
  drawerLog: DrawerLog;
  sales: SaleSource;
  config(): PrintingConfig;
  training: boolean;
  utcOffsetMinutes: number;
  clock?: Clock;
  /** The desktop shell's silent OS printing; absent in browser mode and the CLI. */
  osPrinter?: PagePrinter;
  queue?: Pick<PrintQueueOptions, 'backoff' | 'maxAttempts'>;
  transports?: Pick<PrinterSetOptions, 'tcp' | 'device'>;
  browserTimeoutMs?: number;
}

export type PrintingEvent =
  { type: 'snapshot'; snapshot: PrintingSnapshot } | { type: 'page'; request: PrintPageRequest };

export type PinOutcome = 'ok' | 'wrong' | 'locked' | 'no-pin';

function orderOf(payload: PrintJobRecord['payload']): { orderId?: string } {
  return payload.type === 'receipt' ? { orderId: payload.document.orderId } : {};
}

/** Cash taken this long before the service started is history, not a reason to open the drawer. */
const CASH_NEWS_MS = 60_000;

const REFUSED_PIN: Record<
  Exclude<PinOutcome, 'ok'>,
  { outcome: DrawerOutcome; code: PrintingRefusal['code'] }
> = {
  wrong: { outcome: 'pin-wrong', code: 'pin-wrong' },
  locked: { outcome: 'pin-locked', code: 'pin-locked' },
  'no-pin': { outcome: 'no-pin', code: 'no-pin' },
};

export class PrintService {
  readonly #deps: PrintServiceDeps;
  readonly #clock: Clock;
  readonly #queue: PrintQueue;
  readonly #browser: BrowserPagePrinter;
  readonly #printers: PrinterSet;
  readonly #conditions = new PrinterConditions();
  readonly #listeners = new Set<(event: PrintingEvent) => void>();
  /** Sales whose "paid" has been acted on, and cash tenders whose drawer pulse has been asked for. */
  readonly #paidSeen = new Set<string>();
  readonly #cashSeen = new Set<string>();
  #lastSale: PrintingSnapshot['lastSale'] = null;
  #ask: PrintingSnapshot['ask'] = null;
  #startedAt = 0;
  #offSales: (() => void) | undefined;
  #refunds: RefundSource | undefined;
  #offRefunds: (() => void) | undefined;
  #announce: NodeJS.Immediate | undefined;
  #stopped = false;
  readonly #slipDeps: SlipJobsDeps;

  constructor(deps: PrintServiceDeps) {
    this.#deps = deps;
    this.#clock = deps.clock ?? systemClock;
    this.#browser = new BrowserPagePrinter({
      emit: (request) => this.#emit({ type: 'page', request }),
      ...(deps.browserTimeoutMs === undefined ? {} : { timeoutMs: deps.browserTimeoutMs }),
    });
    this.#printers = new PrinterSet({
      osPrinter: deps.osPrinter,
      browserPrinter: this.#browser,
      ...deps.transports,
    });
    this.#queue = new PrintQueue({
      ...deps.queue,
      store: deps.store,
      clock: this.#clock,
      printers: (id) => {
        const config = printerOf(this.#deps.config(), id);
        return config === undefined ? undefined : this.#printers.get(config);
      },
      onChange: (job) => {
        this.#conditions.fromJob(job, this.#clock.now());
        this.#changed();
      },
    });
    this.#slipDeps = { store: deps.store, queue: this.#queue, now: () => this.#clock.now() };
  }

  /** Follows the till from now on, and takes back jobs a crash left mid-send (each a COPY). */
  start(): PrintJobRecord[] {
    this.#startedAt = this.#clock.now();
    this.#offSales ??= this.#deps.sales.on((sale) => this.#saleChanged(sale));
    return this.#queue.recover();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#offSales?.();
    this.#offSales = undefined;
    this.#offRefunds?.();
    this.#offRefunds = undefined;
    this.#browser.cancelAll();
    await this.#queue.stop();
    if (this.#announce !== undefined) clearImmediate(this.#announce);
    this.#announce = undefined;
    this.#listeners.clear();
  }

  on(listener: (event: PrintingEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  snapshot(): PrintingSnapshot {
    const config = this.#deps.config();
    const waiting = [...this.#deps.store.inState('queued'), ...this.#deps.store.inState('sending')];
    const views = config.printers.map((p) =>
      this.#conditions.view(p, waiting.filter((j) => j.printerId === p.id).length),
    );
    const receiptPrinter = views.find((v) => v.printerId === config.receipt.printerId) ?? null;
    const lastJob =
      this.#lastSale === null
        ? undefined
        : this.#deps.store
            .forSale(this.#lastSale.saleId)
            .filter((j) => j.kind === 'receipt')
            .at(-1);
    return {
      receiptPrinter,
      printers: views,
      autoPrint: config.receipt.autoPrint,
      lastSale: this.#lastSale === null ? null : { ...this.#lastSale },
      lastJob: lastJob === undefined ? null : jobView(lastJob),
      ask: this.#ask === null ? null : { ...this.#ask },
    };
  }

  /** Always a COPY. A receipt of this sale still waiting for its printer becomes the copy. */
  reprint(saleId: string): PrintJobView {
    const config = this.#deps.config();
    const printer = receiptPrinterOf(config);
    const jobs = this.#deps.store.forSale(saleId).filter((j) => j.kind === 'receipt');
    const now = this.#clock.now();
    const waiting = jobs.find((j) => j.state === 'queued');
    if (waiting !== undefined) {
      const copy = this.#deps.store.transition(waiting.id, ['queued'], {
        copy: true,
        nextAttemptAt: now,
        updatedAt: now,
      });
      if (copy !== undefined) {
        this.#queue.retryNow(copy.printerId);
        this.#changed();
        return jobView(copy);
      }
    }
    // One being sent now may reach the paper or not; the cashier asked for a copy, so one follows.
    // The receipt as it was first printed, so the copy says what the original said.
    const payload = jobs[0]?.payload ?? {
      type: 'receipt' as const,
      document: this.#receiptOf(saleId, config),
    };
    const job = this.#queue.reprint({ printerId: printer.id, payload, saleId, ...orderOf(payload) });
    return jobView(job);
  }

  /** The cashier's answer to "print the receipt?". */
  answer(saleId: string, print: boolean): PrintJobView | null {
    if (this.#ask?.saleId === saleId) {
      this.#ask = null;
      this.#changed();
    }
    if (!print) return null;
    const existing = this.#deps.store.forSale(saleId).find((j) => j.kind === 'receipt');
    if (existing !== undefined) return jobView(existing);
    return jobView(this.#printReceipt(saleId, this.#deps.config(), false));
  }

  /** Waiting jobs now, and the printers asked how they are (those not busy printing). */
  async retry(): Promise<PrintingSnapshot> {
    const config = this.#deps.config();
    const busy = new Set(this.#deps.store.inState('sending').map((j) => j.printerId));
    await Promise.all(
      config.printers
        .filter((p) => p.kind === 'tcp' && !busy.has(p.id))
        .map(async (p) => {
          const transport = this.#printers.transport(p);
          if (transport === undefined) return;
          try {
            this.#conditions.fromStatus(p.id, await transport.status(), this.#clock.now());
          } catch (error) {
            if (error instanceof PrinterError)
              this.#conditions.fromError(p.id, error.code, error.bilingual, this.#clock.now());
          }
        }),
    );
    this.#queue.retryNow();
    this.#changed();
    return this.snapshot();
  }

  pageDone(requestId: string, ok: boolean): boolean {
    return this.#browser.done(requestId, ok);
  }

  testPrint(printerId: string): PrintJobView {
    const config = this.#deps.config();
    const printer = printerOf(config, printerId);
    if (printer === undefined) throw new PrintingRefusal('unknown-printer');
    const job = this.#queue.enqueue({
      printerId,
      payload: { type: 'test-page', page: testPageOf(config, printer, this.#deps, this.#clock.now()) },
    });
    return jobView(job);
  }

  /**
   * Follows the refund desk from now on: each refund made at this till and done prints its slip.
   * (The desk is built after this service, since its cash refunds open the drawer through it.)
   */
  followRefunds(refunds: RefundSource): void {
    this.#refunds = refunds;
    this.#offRefunds ??= refunds.on((event) => {
      try {
        this.#printRefundSlip(event.refund, this.#deps.config(), false);
      } catch (error) {
        // The desk ignores a listener's failure (the refund is journaled); this one must not vanish.
        console.error(
          `print service: refund ${event.refund.refundKey}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
  }

  /**
   * A cash refund hands money back from the drawer, so the drawer opens as it does for cash taken:
   * with the refund's slip when the slip prints on the drawer's printer (one pulse, as a cash
   * sale's receipt carries it), else on its own. The refund itself was behind the manager's PIN
   * and is journaled by the desk before this is called. Null when no printer has the drawer.
   */
  openDrawerForRefund(pulse: RefundPulse): PrintJobView | null {
    const config = this.#deps.config();
    const drawerPrinter = drawerPrinterOf(config);
    const refund = this.#refunds?.view(pulse.refundKey);
    const withSlip = drawerPrinter !== undefined && drawerPrinter.id === config.receipt.printerId;
    const slip = refund === undefined ? undefined : this.#printRefundSlip(refund, config, withSlip);
    if (slip?.drawer === true) return jobView(slip);
    if (drawerPrinter === undefined) return null;
    const job = this.#queue.enqueue({
      printerId: drawerPrinter.id,
      payload: { type: 'drawer' },
      saleId: pulse.saleId,
    });
    this.#changed();
    return jobView(job);
  }

  /**
   * An X or Z report's slip on the receipt printer. A Z's first print is journaled under its
   * number; asked again, it prints as it first did, as a COPY (a first print still waiting for the
   * printer becomes that copy rather than a second paper, as a receipt's reprint does).
   */
  printReport(slip: SlipDocument, z?: ZIdentity): PrintJobView {
    const printer = receiptPrinterOf(this.#deps.config());
    const job = reportJob(this.#slipDeps, slip, printer.id, z);
    this.#changed();
    return jobView(job);
  }

  /** The manager's "open drawer": recorded with the PIN's outcome, then pulsed (or refused). */
  openDrawer(printerId: string, pin: PinOutcome): PrintJobView {
    const printer = printerOf(this.#deps.config(), printerId);
    if (printer === undefined) throw new PrintingRefusal('unknown-printer');
    const at = this.#clock.now();
    const refuse = (outcome: DrawerOutcome, code: PrintingRefusal['code']): never => {
      this.#deps.drawerLog.record({
        at,
        printerId,
        outcome,
        jobId: undefined,
        detail: { by: 'manager-pin' },
      });
      throw new PrintingRefusal(code);
    };
    if (!printer.drawer || !RAW_PRINTER_KINDS.includes(printer.kind)) refuse('no-drawer', 'no-drawer');
    if (pin !== 'ok') refuse(REFUSED_PIN[pin].outcome, REFUSED_PIN[pin].code);
    const job = this.#queue.enqueue({ printerId, payload: { type: 'drawer' } });
    this.#deps.drawerLog.record({
      at,
      printerId,
      outcome: 'opened',
      jobId: job.id,
      detail: { by: 'manager-pin' },
    });
    return jobView(job);
  }

  /** The last sale's receipt (or a sample) as it would print with these options. */
  preview(width: PaperWidth, receipt?: ReceiptOptions): ReceiptPreview {
    const config = this.#deps.config();
    const context = this.#context({ ...config, receipt: receipt ?? config.receipt });
    const sale = this.#lastSale === null ? undefined : this.#deps.sales.view(this.#lastSale.saleId);
    const document =
      sale?.state === 'paid' ? receiptFromSale(sale, context) : sampleReceipt(context, this.#clock.now());
    return toPreview({ type: 'receipt', document }, width);
  }

  /** The shop's header and the paper's language, as the next slip prints them. */
  slipHeader(): { shop: ShopHeader; language: ReceiptLanguage } {
    const { shop, language } = this.#context(this.#deps.config());
    return { shop, language };
  }

  /** A paid sale's receipt as it prints now (the CLI renders it). */
  receipt(saleId: string): ReceiptDocument {
    return this.#receiptOf(saleId, this.#deps.config());
  }

  #saleChanged(sale: SaleView): void {
    try {
      this.#followSale(sale);
    } catch (error) {
      // The till ignores a listener's failure (the sale must go on); this one must not vanish.
      console.error(
        `print service: sale ${sale.saleId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  #followSale(sale: SaleView): void {
    const config = this.#deps.config();
    const drawerPrinter = drawerPrinterOf(config);
    const newCash = sale.cash.filter(
      (c) =>
        c.state === 'taken' &&
        c.at >= this.#startedAt - CASH_NEWS_MS &&
        !this.#cashSeen.has(`${sale.saleId}:${c.tenderId}`),
    );
    for (const c of newCash) this.#cashSeen.add(`${sale.saleId}:${c.tenderId}`);
    let pulse = newCash.length > 0 && drawerPrinter !== undefined;

    if (sale.state === 'paid' && !this.#paidSeen.has(sale.saleId)) {
      this.#paidSeen.add(sale.saleId);
      this.#lastSale = { saleId: sale.saleId, total: sale.paid, paidAt: sale.closedAt ?? sale.updatedAt };
      const printed = this.#deps.store.forSale(sale.saleId).some((j) => j.kind === 'receipt');
      const receiptPrinter = printerOf(config, config.receipt.printerId);
      if (config.receipt.autoPrint === 'always' && !printed && receiptPrinter !== undefined) {
        const withDrawer = pulse && drawerPrinter?.id === receiptPrinter.id;
        this.#printReceipt(sale.saleId, config, withDrawer, sale);
        if (withDrawer) pulse = false;
      } else if (config.receipt.autoPrint === 'ask' && !printed && receiptPrinter !== undefined) {
        this.#ask = { saleId: sale.saleId, total: sale.paid };
      }
      this.#changed();
    }
    if (pulse && drawerPrinter !== undefined) {
      this.#queue.enqueue({ printerId: drawerPrinter.id, payload: { type: 'drawer' }, saleId: sale.saleId });
    }
  }

  #printReceipt(saleId: string, config: PrintingConfig, drawer: boolean, sale?: SaleView): PrintJobRecord {
    const printer = receiptPrinterOf(config);
    const document =
      sale === undefined ? this.#receiptOf(saleId, config) : receiptFromSale(sale, this.#context(config));
    const payload = { type: 'receipt' as const, document };
    return this.#queue.enqueue({ printerId: printer.id, payload, saleId, drawer, ...orderOf(payload) });
  }

  #printRefundSlip(refund: RefundView, config: PrintingConfig, drawer: boolean): PrintJobRecord | undefined {
    const sale = refund.saleId === undefined ? undefined : this.#deps.sales.view(refund.saleId);
    const job = refundSlipJob(this.#slipDeps, refund, sale, config, this.#context(config), drawer);
    if (job !== undefined) this.#changed();
    return job;
  }

  #receiptOf(saleId: string, config: PrintingConfig): ReceiptDocument {
    const sale = this.#deps.sales.view(saleId);
    if (sale === undefined) throw new PrintingRefusal('unknown-sale');
    if (sale.state !== 'paid') throw new PrintingRefusal('sale-not-paid');
    return receiptFromSale(sale, this.#context(config));
  }

  #context(config: PrintingConfig): ReceiptContext {
    return receiptContext(config, this.#deps);
  }

  #changed(): void {
    // Jobs finishing while the service stops change nothing a screen will still see.
    if (this.#announce !== undefined || this.#stopped) return;
    // Several changes in one turn (a job claimed and sent, a sale paid) make one announcement.
    this.#announce = setImmediate(() => {
      this.#announce = undefined;
      this.#emit({ type: 'snapshot', snapshot: this.snapshot() });
    });
  }

  #emit(event: PrintingEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('print service: a listener failed', error);
      }
    }
  }
}
