/**
 * The print queue: every receipt, slip and drawer pulse goes through it, so a printer can never
 * hold up or change a sale.
 *
 * - A job is recorded in the store before any byte is sent; `enqueue` returns once it is.
 * - Jobs are sent in the background, one at a time per printer, oldest first.
 * - A failure that sent nothing (unreachable, paper out, cover open) is retried with backoff.
 * - A failure after bytes left (connection lost mid-job, a crash while sending) means the receipt
 *   may be on paper: the job is marked `maybePrinted`, and every later print of it says
 *   "SALINAN / COPY". A reprint asked by the cashier is always a COPY.
 * - The drawer opens only with a job's first attempt: a drawer that opens minutes later, when
 *   the printer comes back, would open in front of nobody. A missed pulse is recorded instead.
 */
import { randomUUID } from 'node:crypto';
import type { PrintJobView } from '../../common/printing.ts';
import { systemClock } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { PrinterError } from './errors.ts';
import { sendPayload } from './job-output.ts';
import type { QueuePrinter } from './job-output.ts';
import type { JobChange, PrintJobKind, PrintJobRecord, PrintJobStore, PrintPayload } from './job-store.ts';

export interface Backoff {
  firstMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 2000, factor: 2, maxMs: 60_000 };

export interface PrintQueueOptions {
  store: PrintJobStore;
  /** The configured printer for an id, or undefined when the settings have none by that id. */
  printers: (printerId: string) => QueuePrinter | undefined;
  clock?: Clock;
  backoff?: Backoff;
  /** Attempts before a job is given up as failed (default 8: about four minutes of retries). */
  maxAttempts?: number;
  newId?: () => string;
  /** Every change of every job, after it is stored: for the cashier screen and the log. */
  onChange?: (job: PrintJobRecord) => void;
}

export interface PrintRequest {
  printerId: string;
  payload: PrintPayload;
  orderId?: string;
  saleId?: string;
  /** Kick the cash drawer with this print (a cash tender). */
  drawer?: boolean;
  /** A reprint: prints as "SALINAN / COPY". */
  copy?: boolean;
  /** The one paper this job stands for (see PrintJobRecord.key); the store refuses a second. */
  key?: string;
  /** What the job is, when the payload alone does not say (a slip is a report unless it is a refund's). */
  kind?: PrintJobKind;
}

function kindOf(payload: PrintPayload): PrintJobKind {
  switch (payload.type) {
    case 'drawer':
      return 'drawer';
    case 'test-page':
      return 'test';
    case 'slip':
      return 'report';
    case 'receipt':
      return payload.document.kind === 'sale' ? 'receipt' : payload.document.kind;
  }
}

function isFinal(job: PrintJobRecord): boolean {
  return job.state === 'printed' || job.state === 'failed';
}

export function jobView(job: PrintJobRecord): PrintJobView {
  const view: PrintJobView = {
    id: job.id,
    kind: job.kind,
    state: job.state,
    copy: job.copy || job.maybePrinted,
    attempts: job.attempts,
  };
  if (job.orderId !== undefined) view.orderId = job.orderId;
  if (job.lastError !== undefined)
    view.problem = { code: job.lastError.code, message: { ...job.lastError.message } };
  return view;
}

export class PrintQueue {
  readonly #store: PrintJobStore;
  readonly #printers: (printerId: string) => QueuePrinter | undefined;
  readonly #clock: Clock;
  readonly #backoff: Backoff;
  readonly #maxAttempts: number;
  readonly #newId: () => string;
  readonly #onChange: ((job: PrintJobRecord) => void) | undefined;
  readonly #busy = new Set<string>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #settledWaiters = new Map<string, ((job: PrintJobRecord) => void)[]>();
  #timer: NodeJS.Timeout | undefined;
  #pumpQueued = false;
  #stopped = false;

  constructor(options: PrintQueueOptions) {
    this.#store = options.store;
    this.#printers = options.printers;
    this.#clock = options.clock ?? systemClock;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#newId = options.newId ?? randomUUID;
    this.#onChange = options.onChange;
  }

  /** Records the job and returns it at once; it prints in the background. Never waits on a printer. */
  enqueue(request: PrintRequest): PrintJobRecord {
    const now = this.#clock.now();
    const job: PrintJobRecord = {
      id: this.#newId(),
      printerId: request.printerId,
      kind: request.kind ?? kindOf(request.payload),
      payload: request.payload,
      drawer: request.drawer === true || request.payload.type === 'drawer',
      drawerMissed: false,
      copy: request.copy === true,
      maybePrinted: false,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    };
    if (request.orderId !== undefined) job.orderId = request.orderId;
    if (request.saleId !== undefined) job.saleId = request.saleId;
    if (request.key !== undefined) job.key = request.key;
    this.#store.insert(job);
    this.#changed(job);
    this.#schedulePump();
    return job;
  }

  /** A reprint of the same payload: always a COPY, never with the drawer. */
  reprint(request: Omit<PrintRequest, 'copy' | 'drawer' | 'key'>): PrintJobRecord {
    return this.enqueue({ ...request, copy: true, drawer: false });
  }

  /**
   * At start-up: a job still 'sending' was cut short by a crash and may have printed. It goes back
   * in the queue as maybe printed, so it prints once more, as a COPY.
   */
  recover(): PrintJobRecord[] {
    const recovered: PrintJobRecord[] = [];
    for (const job of this.#store.inState('sending')) {
      const back = this.#store.transition(job.id, ['sending'], {
        state: 'queued',
        maybePrinted: true,
        drawer: false,
        nextAttemptAt: this.#clock.now(),
        updatedAt: this.#clock.now(),
      });
      if (back !== undefined) {
        recovered.push(back);
        this.#changed(back);
      }
    }
    this.#schedulePump();
    return recovered;
  }

  /** Tries waiting jobs now (the printer is back, or the cashier pressed retry). */
  retryNow(printerId?: string): void {
    const now = this.#clock.now();
    for (const job of this.#store.inState('queued')) {
      if (printerId !== undefined && job.printerId !== printerId) continue;
      if (job.nextAttemptAt > now) this.#store.transition(job.id, ['queued'], { nextAttemptAt: now });
    }
    this.#schedulePump();
  }

  /** Resolves with the job once it is printed or given up (for the CLI's `kiosk print`). */
  settled(id: string): Promise<PrintJobRecord> {
    const job = this.#store.get(id);
    if (job === undefined) return Promise.reject(new Error(`no print job ${id}`));
    if (isFinal(job)) return Promise.resolve(job);
    return new Promise((resolve) => {
      const waiters = this.#settledWaiters.get(id) ?? [];
      waiters.push(resolve);
      this.#settledWaiters.set(id, waiters);
    });
  }

  /** Stops scheduling; resolves once jobs already being sent have finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await Promise.allSettled([...this.#inFlight]);
  }

  #changed(job: PrintJobRecord): void {
    try {
      this.#onChange?.(job);
    } catch (error) {
      console.error('print queue: onChange listener failed', error);
    }
    if (!isFinal(job)) return;
    const waiters = this.#settledWaiters.get(job.id);
    this.#settledWaiters.delete(job.id);
    for (const resolve of waiters ?? []) resolve(job);
  }

  #schedulePump(): void {
    if (this.#stopped || this.#pumpQueued) return;
    this.#pumpQueued = true;
    // Never on the caller's stack: enqueue() returns before any printer work begins.
    setImmediate(() => {
      this.#pumpQueued = false;
      this.#pump();
    });
  }

  #pump(): void {
    if (this.#stopped) return;
    const now = this.#clock.now();
    for (const job of this.#store.due(now, 100)) {
      if (this.#busy.has(job.printerId)) continue;
      const claimed = this.#store.transition(job.id, ['queued'], {
        state: 'sending',
        attempts: job.attempts + 1,
        updatedAt: now,
      });
      if (claimed === undefined) continue;
      this.#changed(claimed);
      this.#busy.add(claimed.printerId);
      const work = this.#attempt(claimed).finally(() => {
        this.#busy.delete(claimed.printerId);
        this.#inFlight.delete(work);
        this.#schedulePump();
      });
      this.#inFlight.add(work);
    }
    this.#armTimer();
  }

  #armTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = this.#store.nextDueAt();
    if (next === undefined || this.#stopped) return;
    const delay = Math.max(0, next - this.#clock.now());
    // Only for future work: due jobs waiting on a busy printer are picked up when it frees.
    if (delay === 0) return;
    this.#timer = setTimeout(() => this.#schedulePump(), Math.min(delay, 2 ** 31 - 1));
    this.#timer.unref();
  }

  async #attempt(job: PrintJobRecord): Promise<void> {
    const printer = this.#printers(job.printerId);
    const drawer = job.drawer && job.attempts === 1;
    try {
      if (printer === undefined) throw new PrinterError('printer-not-configured', { target: job.printerId });
      const result = await sendPayload(job.payload, printer, { copy: job.copy || job.maybePrinted, drawer });
      this.#finish(job, {
        state: 'printed',
        printedAt: this.#clock.now(),
        drawer: false,
        drawerMissed: job.drawerMissed || (drawer && !result.drawerSent),
        lastError: undefined,
      });
    } catch (caught) {
      const error =
        caught instanceof PrinterError
          ? caught
          : new PrinterError('unexpected', { maybePrinted: true, cause: caught });
      const maybePrinted = job.maybePrinted || error.maybePrinted;
      // A drawer-only job is never retried, and a bad document will not render any better.
      const hopeless =
        job.payload.type === 'drawer' || error.code === 'render-failed' || job.attempts >= this.#maxAttempts;
      const now = this.#clock.now();
      this.#finish(job, {
        state: hopeless ? 'failed' : 'queued',
        maybePrinted,
        drawer: false,
        // Once bytes left, the pulse (sent first) may have fired; before that it certainly did not.
        drawerMissed: job.drawerMissed || (drawer && !error.maybePrinted),
        nextAttemptAt: now + this.#delay(job.attempts),
        lastError: { code: error.code, message: error.bilingual },
      });
    }
  }

  #delay(attempts: number): number {
    const { firstMs, factor, maxMs } = this.#backoff;
    return Math.min(maxMs, firstMs * factor ** Math.max(0, attempts - 1));
  }

  #finish(job: PrintJobRecord, change: JobChange): void {
    const stored = this.#store.transition(job.id, ['sending'], { ...change, updatedAt: this.#clock.now() });
    if (stored !== undefined) this.#changed(stored);
  }
}
