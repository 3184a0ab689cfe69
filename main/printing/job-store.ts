/**
 * Where print jobs are kept. The queue records a job here before it sends a byte, and moves it
 * between states only with compare-and-set (`transition`), so two queues (or a queue and a
 * recovery) can never both send the same job. The journal's store (sqlite-job-store.ts) is the
 * kiosk's; the in-memory one is for tests and for tools that print once and exit.
 *
 * The interface is synchronous on purpose: better-sqlite3 is, and a job must be on record before
 * the call that created it returns.
 *
 * The journal's table is in main/journal/schema/v8-printing.ts.
 *
 * `transition` is one `UPDATE … WHERE id = ? AND state IN (…)` whose `changes` says whether it won.
 */
import type { PrintJobView } from '../../common/printing.ts';
import type { ReceiptSource } from '../receipts/index.ts';
import type { Bilingual, PrinterErrorCode } from './errors.ts';

/** What to print: a receipt source, or only a drawer pulse (a manager's "open drawer"). */
export type PrintPayload = ReceiptSource | { type: 'drawer' };

export type PrintJobState = PrintJobView['state'];
export type PrintJobKind = PrintJobView['kind'];

export interface PrintJobRecord {
  id: string;
  printerId: string;
  kind: PrintJobKind;
  orderId?: string;
  /** The till's sale the receipt is of: a reprint finds the sale's jobs by it. */
  saleId?: string;
  /**
   * The one paper this job stands for ("refund:<refund_key>", "z:<environment>:<number>"): the
   * journal holds at most one job per key, so that paper is never printed twice as an original.
   */
  key?: string;
  payload: PrintPayload;
  /** Open the drawer with this job. Cleared after the first attempt: a drawer never opens late. */
  drawer: boolean;
  /** The drawer was asked for but its pulse cannot have been sent (first attempt failed early). */
  drawerMissed: boolean;
  /** Asked as a reprint: prints as "SALINAN / COPY". */
  copy: boolean;
  /** An attempt may have printed (connection lost mid-job, crash while sending): any later print is a COPY. */
  maybePrinted: boolean;
  state: PrintJobState;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  updatedAt: number;
  printedAt?: number;
  lastError?: { code: PrinterErrorCode; message: Bilingual };
}

/** A change of a stored job; an optional field set to undefined is cleared. */
export type JobChange = {
  [
    K in Exclude<
      keyof PrintJobRecord,
      'id' | 'printerId' | 'payload' | 'createdAt' | 'orderId' | 'saleId' | 'key'
    >
  ]?: PrintJobRecord[K] | undefined;
};

export interface PrintJobStore {
  /** Records a new job; throws if the id, or its key, is taken. */
  insert(job: PrintJobRecord): void;
  get(id: string): PrintJobRecord | undefined;
  /** Applies `change` only if the job is in one of `from`; returns the job as stored after it, or undefined. */
  transition(id: string, from: readonly PrintJobState[], change: JobChange): PrintJobRecord | undefined;
  /** Queued jobs whose next attempt is due at `now`, oldest first. */
  due(now: number, limit: number): PrintJobRecord[];
  /** The earliest next attempt among queued jobs. */
  nextDueAt(): number | undefined;
  inState(state: PrintJobState): PrintJobRecord[];
  /** A sale's jobs, oldest first. */
  forSale(saleId: string): PrintJobRecord[];
  /** The job recorded under this key, if any. */
  byKey(key: string): PrintJobRecord | undefined;
}

export class MemoryJobStore implements PrintJobStore {
  readonly #jobs = new Map<string, PrintJobRecord>();

  insert(job: PrintJobRecord): void {
    if (this.#jobs.has(job.id)) throw new Error(`print job ${job.id} already exists`);
    if (job.key !== undefined && this.byKey(job.key) !== undefined) {
      throw new Error(`a print job for ${job.key} already exists`);
    }
    this.#jobs.set(job.id, structuredClone(job));
  }

  get(id: string): PrintJobRecord | undefined {
    const job = this.#jobs.get(id);
    return job === undefined ? undefined : structuredClone(job);
  }

  transition(id: string, from: readonly PrintJobState[], change: JobChange): PrintJobRecord | undefined {
    const job = this.#jobs.get(id);
    if (job === undefined || !from.includes(job.state)) return undefined;
    const next = { ...job, ...structuredClone(change) } as Record<string, unknown>;
    // An explicit undefined clears an optional field, as SQL NULL would.
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete next[key];
    this.#jobs.set(id, next as unknown as PrintJobRecord);
    return structuredClone(next as unknown as PrintJobRecord);
  }

  due(now: number, limit: number): PrintJobRecord[] {
    return [...this.#jobs.values()]
      .filter((job) => job.state === 'queued' && job.nextAttemptAt <= now)
      .sort((a, b) => a.createdAt - b.createdAt)
      .slice(0, limit)
      .map((job) => structuredClone(job));
  }

  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const job of this.#jobs.values()) {
      if (job.state === 'queued' && (next === undefined || job.nextAttemptAt < next))
        next = job.nextAttemptAt;
    }
    return next;
  }

  inState(state: PrintJobState): PrintJobRecord[] {
    return [...this.#jobs.values()].filter((job) => job.state === state).map((job) => structuredClone(job));
  }

  forSale(saleId: string): PrintJobRecord[] {
    return [...this.#jobs.values()]
      .filter((job) => job.saleId === saleId)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((job) => structuredClone(job));
  }

  byKey(key: string): PrintJobRecord | undefined {
    const job = [...this.#jobs.values()].find((j) => j.key === key);
    return job === undefined ? undefined : structuredClone(job);
  }

  all(): PrintJobRecord[] {
    return [...this.#jobs.values()].map((job) => structuredClone(job));
  }
}
