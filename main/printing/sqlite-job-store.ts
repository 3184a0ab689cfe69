/**
 * The print queue's store in the journal's own file (table print_jobs, schema step v8-printing):
 * one file to back up, and a job is on disk (WAL, synchronous FULL) before the call that made it
 * returns, so a crash can lose no job the cashier was told about.
 *
 * `transition` is a single UPDATE guarded by the job's current state, so it either wins whole or
 * changes nothing: two queues, or a queue and a start-up recovery, can never both claim a job.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Bilingual, PrinterErrorCode } from './errors.ts';
import type { JobChange, PrintJobRecord, PrintJobState, PrintJobStore, PrintPayload } from './job-store.ts';

interface JobSqlRow {
  id: string;
  printer_id: string;
  kind: string;
  order_id: string | null;
  sale_id: string | null;
  job_key: string | null;
  payload: string;
  drawer: number;
  drawer_missed: number;
  copy: number;
  maybe_printed: number;
  state: string;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  updated_at: number;
  printed_at: number | null;
  last_error_code: string | null;
  last_error_id: string | null;
  last_error_en: string | null;
}

type Column = Exclude<keyof JobSqlRow, 'id' | 'printer_id' | 'kind' | 'payload' | 'created_at' | 'job_key'>;
type SqlValue = string | number | null;

/** Each changeable field, the column(s) it lives in and how it is written. */
const CHANGES: { [K in keyof JobChange]-?: (value: JobChange[K]) => Partial<Record<Column, SqlValue>> } = {
  kind: () => {
    throw new Error('a print job keeps its kind');
  },
  drawer: (v) => ({ drawer: flag(v) }),
  drawerMissed: (v) => ({ drawer_missed: flag(v) }),
  copy: (v) => ({ copy: flag(v) }),
  maybePrinted: (v) => ({ maybe_printed: flag(v) }),
  state: (v) => ({ state: v ?? null }),
  attempts: (v) => ({ attempts: v ?? 0 }),
  nextAttemptAt: (v) => ({ next_attempt_at: v ?? 0 }),
  updatedAt: (v) => ({ updated_at: v ?? 0 }),
  printedAt: (v) => ({ printed_at: v ?? null }),
  lastError: (v) => ({
    last_error_code: v?.code ?? null,
    last_error_id: v?.message.id ?? null,
    last_error_en: v?.message.en ?? null,
  }),
};

function flag(value: boolean | undefined): number {
  return value === true ? 1 : 0;
}

const SELECT = 'SELECT * FROM print_jobs';

/**
 * Each state's query with the state written in: a bound parameter would keep SQLite from using
 * the partial indexes, and a year of printed receipts would be scanned every time the queue wakes.
 */
export const JOBS_IN_STATE: Readonly<Record<PrintJobState, string>> = {
  queued: `${SELECT} WHERE state = 'queued' ORDER BY created_at, id`,
  sending: `${SELECT} WHERE state = 'sending' ORDER BY created_at, id`,
  printed: `${SELECT} WHERE state = 'printed' ORDER BY created_at, id`,
  failed: `${SELECT} WHERE state = 'failed' ORDER BY created_at, id`,
};
export const DUE_JOBS = `${SELECT} WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY created_at, id LIMIT ?`;
export const JOBS_OF_SALE = `${SELECT} WHERE sale_id = ? ORDER BY created_at, id`;
export const JOB_BY_KEY = `${SELECT} WHERE job_key = ?`;

function toRecord(row: JobSqlRow): PrintJobRecord {
  const job: PrintJobRecord = {
    id: row.id,
    printerId: row.printer_id,
    kind: row.kind as PrintJobRecord['kind'],
    payload: JSON.parse(row.payload) as PrintPayload,
    drawer: row.drawer === 1,
    drawerMissed: row.drawer_missed === 1,
    copy: row.copy === 1,
    maybePrinted: row.maybe_printed === 1,
    state: row.state as PrintJobState,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.order_id !== null) job.orderId = row.order_id;
  if (row.sale_id !== null) job.saleId = row.sale_id;
  if (row.job_key !== null) job.key = row.job_key;
  if (row.printed_at !== null) job.printedAt = row.printed_at;
  if (row.last_error_code !== null) {
    const message: Bilingual = { id: row.last_error_id ?? '', en: row.last_error_en ?? '' };
    job.lastError = { code: row.last_error_code as PrinterErrorCode, message };
  }
  return job;
}

export class SqliteJobStore implements PrintJobStore {
  readonly #db: BetterSqlite3.Database;
  readonly #insert: BetterSqlite3.Statement;
  readonly #get: BetterSqlite3.Statement<[string], JobSqlRow>;
  readonly #due: BetterSqlite3.Statement<[number, number], JobSqlRow>;
  readonly #nextDue: BetterSqlite3.Statement<[], { at: number | null }>;
  readonly #inState: Record<PrintJobState, BetterSqlite3.Statement<[], JobSqlRow>>;
  readonly #forSale: BetterSqlite3.Statement<[string], JobSqlRow>;
  readonly #byKey: BetterSqlite3.Statement<[string], JobSqlRow>;
  /** One prepared UPDATE per set of changed columns and `from` states: a queue uses a handful. */
  readonly #updates = new Map<string, BetterSqlite3.Statement>();

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    this.#insert =
      db.prepare(`INSERT INTO print_jobs (id, printer_id, kind, order_id, sale_id, job_key, payload,
      drawer, drawer_missed, copy, maybe_printed, state, attempts, next_attempt_at, created_at, updated_at,
      printed_at, last_error_code, last_error_id, last_error_en)
      VALUES (@id, @printer_id, @kind, @order_id, @sale_id, @job_key, @payload, @drawer, @drawer_missed, @copy,
      @maybe_printed, @state, @attempts, @next_attempt_at, @created_at, @updated_at, @printed_at,
      @last_error_code, @last_error_id, @last_error_en)`);
    this.#get = db.prepare(`${SELECT} WHERE id = ?`);
    this.#due = db.prepare(DUE_JOBS);
    this.#nextDue = db.prepare(`SELECT min(next_attempt_at) AS at FROM print_jobs WHERE state = 'queued'`);
    this.#inState = {
      queued: db.prepare(JOBS_IN_STATE.queued),
      sending: db.prepare(JOBS_IN_STATE.sending),
      printed: db.prepare(JOBS_IN_STATE.printed),
      failed: db.prepare(JOBS_IN_STATE.failed),
    };
    this.#forSale = db.prepare(JOBS_OF_SALE);
    this.#byKey = db.prepare(JOB_BY_KEY);
  }

  insert(job: PrintJobRecord): void {
    this.#insert.run({
      id: job.id,
      printer_id: job.printerId,
      kind: job.kind,
      order_id: job.orderId ?? null,
      sale_id: job.saleId ?? null,
      job_key: job.key ?? null,
      payload: JSON.stringify(job.payload),
      drawer: flag(job.drawer),
      drawer_missed: flag(job.drawerMissed),
      copy: flag(job.copy),
      maybe_printed: flag(job.maybePrinted),
      state: job.state,
      attempts: job.attempts,
      next_attempt_at: job.nextAttemptAt,
      created_at: job.createdAt,
      updated_at: job.updatedAt,
      printed_at: job.printedAt ?? null,
      last_error_code: job.lastError?.code ?? null,
      last_error_id: job.lastError?.message.id ?? null,
      last_error_en: job.lastError?.message.en ?? null,
    });
  }

  get(id: string): PrintJobRecord | undefined {
    const row = this.#get.get(id);
    return row === undefined ? undefined : toRecord(row);
  }

  transition(id: string, from: readonly PrintJobState[], change: JobChange): PrintJobRecord | undefined {
    if (from.length === 0) return undefined;
    const values: Partial<Record<Column, SqlValue>> = {};
    for (const key of Object.keys(change) as (keyof JobChange)[]) {
      const write = CHANGES[key] as (value: unknown) => Partial<Record<Column, SqlValue>>;
      Object.assign(values, write(change[key]));
    }
    const columns = Object.keys(values) as Column[];
    // A change of nothing is still a compare: it wins when the job is in one of `from`.
    const changed =
      columns.length === 0
        ? this.#countIn(id, from)
        : this.#update(columns, from.length).run(...columns.map((c) => values[c] ?? null), id, ...from)
            .changes;
    return changed === 1 ? this.get(id) : undefined;
  }

  due(now: number, limit: number): PrintJobRecord[] {
    return this.#due.all(now, limit).map(toRecord);
  }

  nextDueAt(): number | undefined {
    return this.#nextDue.get()?.at ?? undefined;
  }

  inState(state: PrintJobState): PrintJobRecord[] {
    return this.#inState[state].all().map(toRecord);
  }

  forSale(saleId: string): PrintJobRecord[] {
    return this.#forSale.all(saleId).map(toRecord);
  }

  byKey(key: string): PrintJobRecord | undefined {
    const row = this.#byKey.get(key);
    return row === undefined ? undefined : toRecord(row);
  }

  #countIn(id: string, from: readonly PrintJobState[]): number {
    const job = this.#get.get(id);
    return job !== undefined && from.includes(job.state as PrintJobState) ? 1 : 0;
  }

  #update(columns: readonly Column[], fromCount: number): BetterSqlite3.Statement {
    const key = `${columns.join(',')}|${fromCount}`;
    let statement = this.#updates.get(key);
    if (statement === undefined) {
      const set = columns.map((c) => `${c} = ?`).join(', ');
      const states = Array.from({ length: fromCount }, () => '?').join(', ');
      statement = this.#db.prepare(`UPDATE print_jobs SET ${set} WHERE id = ? AND state IN (${states})`);
      this.#updates.set(key, statement);
    }
    return statement;
  }
}
