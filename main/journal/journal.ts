/**
 * The crash-safe journal: every sale on this till and everything that happened to it. Each
 * write is one transaction committed with fsync before the method returns, so whatever the
 * caller does next (send a charge, tell a screen) happens only after the journal has it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import Database from 'better-sqlite3';
import type { DayReport, OrderState } from '../../common/order.ts';
import { systemClock } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { isBusinessDate } from './business-date.ts';
import { openDatabase, verifyDatabase } from './database.ts';
import type { OpenDatabaseOptions } from './database.ts';
import { DuplicateOrderError, StaleStateError, UnknownOrderError } from './errors.ts';
import { toOrderParams, toOrderRow } from './order-columns.ts';
import type { OrderParams, OrderSqlRow } from './order-columns.ts';
import { applyPatch } from './patch.ts';
import * as sql from './queries.ts';
import { buildDayReport } from './report.ts';
import type { RefundReportSqlRow, ReportSqlRow } from './report.ts';
import type { EventKind, JournalEvent, NewEvent, NewOrderRecord, OrderPatch, OrderRow } from './types.ts';

export {
  DuplicateOrderError,
  JournalCorruptError,
  JournalTooNewError,
  StaleStateError,
  UnknownOrderError,
} from './errors.ts';

export interface JournalOptions {
  /** Where the copy taken before a schema upgrade goes; defaults to the journal's folder. */
  backupDir?: string;
  clock?: Clock;
}

export interface HistoryOptions {
  /** A nextCursor from the previous page; omit for the newest orders. */
  before?: number;
  /** Clamped to 1..200. */
  limit: number;
}

export interface JournalHistoryPage {
  rows: OrderRow[];
  nextCursor: number | undefined;
}

export const HISTORY_MAX_LIMIT = 200;

type EventSqlRow = {
  seq: number;
  order_id: string;
  at: number;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  detail: string;
};
type EventParams = [string, number, EventKind, OrderState | null, OrderState | null, string];
type UpdateParams = OrderParams & { expected_state: OrderState };

export class Journal {
  readonly #db: BetterSqlite3.Database;
  readonly #insertOrder: BetterSqlite3.Statement<[OrderParams]>;
  readonly #updateOrder: BetterSqlite3.Statement<[UpdateParams]>;
  readonly #insertEvent: BetterSqlite3.Statement<EventParams>;
  readonly #byOrderId: BetterSqlite3.Statement<[string], OrderSqlRow>;
  readonly #open: BetterSqlite3.Statement<[], OrderSqlRow>;
  readonly #newest: BetterSqlite3.Statement<[number], OrderSqlRow>;
  readonly #older: BetterSqlite3.Statement<[number, number], OrderSqlRow>;
  readonly #report: BetterSqlite3.Statement<[string], ReportSqlRow>;
  readonly #refundReport: BetterSqlite3.Statement<[string], RefundReportSqlRow>;
  readonly #events: BetterSqlite3.Statement<[string], EventSqlRow>;
  readonly #count: BetterSqlite3.Statement<[], number>;
  readonly #bySale: BetterSqlite3.Statement<[string], OrderSqlRow>;
  readonly #create: (row: OrderRow) => void;
  readonly #update: (orderId: string, expected: OrderState, patch: OrderPatch, event: NewEvent) => OrderRow;

  static open(file: string, options: JournalOptions = {}): Journal {
    const clock = options.clock ?? systemClock;
    const dbOptions: OpenDatabaseOptions = { now: () => clock.now() };
    if (options.backupDir !== undefined) dbOptions.backupDir = options.backupDir;
    return new Journal(openDatabase(file, dbOptions), file);
  }

  /** The journal's file; verify() checks all of it, which open() does only for the orders. */
  readonly file: string;

  /**
   * The connection, for the stores that keep their tables in this same file (the catalogue, the
   * till's sales): one file to back up, one WAL, and reads that see every committed write.
   */
  get database(): BetterSqlite3.Database {
    return this.#db;
  }

  /** Whole-file integrity check ('ok' or the first problem); slow on a big journal. */
  verify(): string {
    return verifyDatabase(this.file);
  }

  private constructor(db: BetterSqlite3.Database, file: string) {
    this.#db = db;
    this.file = file;
    this.#insertOrder = db.prepare(sql.INSERT_ORDER);
    this.#updateOrder = db.prepare(sql.UPDATE_ORDER);
    this.#insertEvent = db.prepare(sql.INSERT_EVENT);
    this.#byOrderId = db.prepare(sql.SELECT_BY_ORDER_ID);
    this.#open = db.prepare(sql.SELECT_OPEN);
    this.#newest = db.prepare(sql.SELECT_NEWEST);
    this.#older = db.prepare(sql.SELECT_OLDER);
    this.#report = db.prepare(sql.SELECT_DAY_REPORT);
    this.#refundReport = db.prepare(sql.SELECT_DAY_REFUNDS);
    this.#events = db.prepare(sql.SELECT_EVENTS);
    this.#count = db.prepare<[], number>(sql.COUNT_ORDERS).pluck();
    this.#bySale = db.prepare(sql.SELECT_BY_SALE);
    // Writes begin IMMEDIATE: the write lock is taken before the first read, so the state an
    // update checks is still the state when it writes, even with another process on the file.
    this.#create = db.transaction((row: OrderRow) => {
      this.#insertOrder.run(toOrderParams(row));
      this.#appendEvent(row.orderId, undefined, 'created', {
        kind: 'created',
        at: row.createdAt,
        detail: { grossAmount: row.grossAmount, paymentType: row.paymentType, itemCount: row.items.length },
      });
    }).immediate;
    this.#update = db.transaction(
      (orderId: string, expected: OrderState, patch: OrderPatch, event: NewEvent): OrderRow => {
        const current = this.get(orderId);
        if (current === undefined) throw new UnknownOrderError(orderId);
        if (current.state !== expected) throw new StaleStateError(orderId, expected, current.state);
        const next = applyPatch(current, patch, event.at);
        this.#updateOrder.run({ ...toOrderParams(next), expected_state: expected });
        this.#appendEvent(orderId, expected, next.state, event);
        return next;
      },
    ).immediate;
  }

  close(): void {
    this.#db.close();
  }

  /** Journals a new sale in state 'created'. Throws DuplicateOrderError, writing nothing. */
  createOrder(rec: NewOrderRecord): OrderRow {
    const row = newOrderRow(rec);
    try {
      this.#create(row);
    } catch (error) {
      if (isSqliteError(error, 'SQLITE_CONSTRAINT_UNIQUE')) throw new DuplicateOrderError(rec.orderId);
      throw error;
    }
    return row;
  }

  /**
   * Moves an order on from the state the caller last saw. Throws StaleStateError (or
   * UnknownOrderError, or TypeError for a bad patch) having written nothing.
   */
  update(orderId: string, expectedState: OrderState, patch: OrderPatch, event: NewEvent): OrderRow {
    return this.#update(orderId, expectedState, patch, event);
  }

  /** Records something that happened to an order without changing it. */
  appendEvent(orderId: string, event: NewEvent): void {
    try {
      this.#appendEvent(orderId, undefined, undefined, event);
    } catch (error) {
      if (isSqliteError(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) throw new UnknownOrderError(orderId);
      throw error;
    }
  }

  get(orderId: string): OrderRow | undefined {
    const r = this.#byOrderId.get(orderId);
    return r === undefined ? undefined : toOrderRow(r);
  }

  /** The QRIS/GoPay orders of one till sale, oldest first. */
  ordersOfSale(saleId: string): OrderRow[] {
    return this.#bySale.all(saleId).map(toOrderRow);
  }

  /** Orders not yet final (created, charging, pending), oldest first. */
  openOrders(): OrderRow[] {
    return this.#open.all().map(toOrderRow);
  }

  /** Newest first. Pass nextCursor back as `before` for the next, older page. */
  history(options: HistoryOptions): JournalHistoryPage {
    const { before } = options;
    if (Number.isNaN(options.limit)) throw new RangeError('history limit must be a number');
    if (before !== undefined && !Number.isSafeInteger(before)) {
      throw new RangeError(`history cursor must be an integer, got ${before}`);
    }
    const limit = Math.min(HISTORY_MAX_LIMIT, Math.max(1, Math.trunc(options.limit)));
    // One row more than asked for tells whether an older page exists without a second query.
    const found = before === undefined ? this.#newest.all(limit + 1) : this.#older.all(before, limit + 1);
    const page = found.slice(0, limit);
    const last = page.at(-1);
    return {
      rows: page.map(toOrderRow),
      nextCursor: found.length > limit && last !== undefined ? last.id : undefined,
    };
  }

  /**
   * Sales filed under one shop-local day (YYYY-MM-DD), grouped for the end-of-day count, with the
   * refunds made that day.
   */
  report(businessDate: string): DayReport {
    if (!isBusinessDate(businessDate)) {
      throw new RangeError(`report date must be a calendar date written YYYY-MM-DD, got ${businessDate}`);
    }
    // One read transaction, so a refund committed between the two reads cannot be half in it.
    return this.#db.transaction(() =>
      buildDayReport(businessDate, this.#report.all(businessDate), this.#refundReport.all(businessDate)),
    )();
  }

  /** Everything journaled about one order, in the order it happened. */
  events(orderId: string): JournalEvent[] {
    return this.#events.all(orderId).map(toJournalEvent);
  }

  countOrders(): number {
    return this.#count.get() ?? 0;
  }

  #appendEvent(
    orderId: string,
    fromState: OrderState | undefined,
    toState: OrderState | undefined,
    event: NewEvent,
  ): void {
    this.#insertEvent.run(
      orderId,
      event.at,
      event.kind,
      fromState ?? null,
      toState ?? null,
      JSON.stringify(event.detail ?? {}),
    );
  }
}

function newOrderRow(rec: NewOrderRecord): OrderRow {
  return {
    orderId: rec.orderId,
    saleId: rec.saleId,
    environment: rec.environment,
    state: 'created',
    paymentType: rec.paymentType,
    grossAmount: rec.grossAmount,
    // A copy shaped exactly as it will read back, and one the caller cannot change under us.
    items: JSON.parse(JSON.stringify(rec.items)) as OrderRow['items'],
    createdAt: rec.createdAt,
    updatedAt: rec.createdAt,
    deadlineAt: rec.deadlineAt,
    businessDate: rec.businessDate,
    attempt: 0,
    attemptKey: undefined,
    attemptSentAt: undefined,
    transactionId: undefined,
    gatewayStatus: undefined,
    fraudStatus: undefined,
    paidWith: undefined,
    issuer: undefined,
    acquirer: undefined,
    qrPath: undefined,
    qrSource: undefined,
    qrString: undefined,
    qrUrl: undefined,
    deeplinkUrl: undefined,
    gatewayExpiryAt: undefined,
    settledAt: undefined,
    finalAt: undefined,
    cancelRequestedAt: undefined,
    confirmedUnpaid: undefined,
    endReason: undefined,
    alert: undefined,
    detail: undefined,
    refunded: undefined,
  };
}

function toJournalEvent(r: EventSqlRow): JournalEvent {
  return {
    seq: r.seq,
    orderId: r.order_id,
    at: r.at,
    kind: r.kind as EventKind,
    fromState: (r.from_state ?? undefined) as OrderState | undefined,
    toState: (r.to_state ?? undefined) as OrderState | undefined,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}

function isSqliteError(error: unknown, code: string): boolean {
  return error instanceof Database.SqliteError && error.code === code;
}
