/**
 * The X, Z and range reports. An X reads the period since the last Z and writes nothing. A Z closes
 * that period: it checks, computes and stores its figures in one write transaction, so a crash
 * leaves either the whole Z or none (test/crash/z-close.test.ts), and the figures are the journal's
 * as of that commit. A Z is refused while a shift is open, when nothing happened since the last
 * one, and for a business day that already has one.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type {
  CsvRequest,
  PeriodReport,
  RangeReport,
  ReconciliationFigures,
  ReportFigures,
  ZSummary,
} from '../../common/day-contract.ts';
import { zLabel } from '../../common/day-contract.ts';
import { isCalendarDate } from '../../common/day-input.ts';
import type { Clock } from '../clock.ts';
import { businessDateOf } from '../journal/business-date.ts';
import { DayError, invalidInput } from '../shifts/errors.ts';
import { NO_MANAGER, requireManager, type ManagerGate } from '../shifts/manager-gate.ts';
import { clockTime, type ShiftService } from '../shifts/shift-service.ts';
import { periodCsv, rangeCsv, type CsvLanguage } from './csv.ts';
import { computeFigures, isEmpty } from './figures.ts';
import type { RefundInput } from './refund-input.ts';
import type { ReconcileInput } from './reconcile-input.ts';
import { rangeReport } from './range-report.ts';
import { NO_MARKS, periodSelection, type Marks } from './selection.ts';
import { ZBook, type ZRow } from './z-book.ts';

export interface ReportServiceOptions {
  db: BetterSqlite3.Database;
  environment: string;
  clock: Clock;
  utcOffsetMinutes: number;
  /** The business day's cut-off hour (default 0: midnight). */
  cutoffHour?: number;
  refunds: RefundInput;
  /** Reconciliation's checks and findings (absent: reports carry no reconciliation line). */
  reconcile?: ReconcileInput;
  shifts: ShiftService;
  manager?: ManagerGate;
  /** The kiosk's language, for the CSV's words (default Bahasa Indonesia). */
  language?: () => CsvLanguage;
}

export class ReportService {
  readonly zBook: ZBook;
  readonly #o: ReportServiceOptions;
  readonly #db: BetterSqlite3.Database;
  readonly #env: string;

  constructor(options: ReportServiceOptions) {
    this.#o = options;
    this.#db = options.db;
    this.#env = options.environment;
    this.zBook = new ZBook(options.db);
  }

  get #training(): boolean {
    return this.#env === 'training';
  }

  /** Today's business day in the shop's zone, and whether this is training money. */
  today(): { businessDate: string; utcOffsetMinutes: number; training: boolean } {
    const offset = this.#o.utcOffsetMinutes;
    return {
      businessDate: businessDateOf(this.#o.clock.now(), offset, this.#o.cutoffHour ?? 0),
      utcOffsetMinutes: offset,
      training: this.#training,
    };
  }

  /** The period since the last Z, as it stands now; nothing is written. */
  x(): PeriodReport {
    // One read transaction: every figure from the same snapshot, whatever another process writes.
    return this.#db.transaction(() => {
      const now = this.#o.clock.now();
      const last = this.zBook.last(this.#env);
      const to = this.#marksNow();
      const open = this.#o.shifts.book.open(this.#env);
      const figures = this.#figures(fromOf(last), to, open);
      return {
        kind: 'x' as const,
        number: null,
        label: 'X',
        environment: this.#env,
        training: this.#training,
        from: last?.closed_at ?? null,
        to: now,
        businessDate: businessDateOf(now, this.#o.utcOffsetMinutes, this.#o.cutoffHour ?? 0),
        utcOffsetMinutes: this.#o.utcOffsetMinutes,
        figures,
        hash: null,
        previousHash: last?.hash ?? null,
      };
    })();
  }

  /** The manager's Z: the PIN (once one exists), then closeZ. */
  async z(
    options: { managerPin?: string | undefined; date?: string | undefined } = {},
  ): Promise<PeriodReport> {
    this.#checkDate(options.date);
    await requireManager(this.#o.manager ?? NO_MANAGER, options.managerPin);
    return this.closeZ(options.date);
  }

  /**
   * Closes the period since the last Z as the Z of `date` (default: today's business day). All in
   * one IMMEDIATE transaction: the checks, the figures and the row.
   */
  closeZ(date?: string): PeriodReport {
    const businessDate = this.#checkDate(date);
    const row = this.#db
      .transaction(() => {
        const now = this.#o.clock.now();
        const last = this.zBook.last(this.#env);
        if (last !== undefined && last.business_date >= businessDate)
          throw this.#dayClosed(businessDate, last);
        const open = this.#o.shifts.book.open(this.#env);
        if (open !== undefined) {
          const since = clockTime(open.opened_at, this.#o.utcOffsetMinutes);
          throw new DayError('shift-open', {
            id: `Shift${open.cashier_name === null ? '' : ` ${open.cashier_name}`} (sejak ${since}) masih terbuka. Tutup shift dulu, lalu buat laporan Z.`,
            en: `A shift${open.cashier_name === null ? '' : ` (${open.cashier_name})`} is still open since ${since}. Close the shift first, then make the Z report.`,
          });
        }
        const from = fromOf(last);
        const to = this.#marksNow();
        const figures = this.#figures(from, to, undefined);
        if (isEmpty(figures)) {
          throw new DayError('z-empty', {
            id:
              last === undefined
                ? 'Belum ada penjualan atau shift yang bisa ditutup dengan laporan Z.'
                : `Tidak ada penjualan, pembayaran, atau shift sejak ${zLabel(last.number)}. Laporan Z kosong tidak dibuat.`,
            en:
              last === undefined
                ? 'There are no sales or shifts to close with a Z report yet.'
                : `Nothing happened since ${zLabel(last.number)} (no sale, payment or shift). An empty Z is not made.`,
          });
        }
        return this.zBook.insert({
          environment: this.#env,
          number: (last?.number ?? 0) + 1,
          businessDate,
          closedAt: now,
          utcOffsetMinutes: this.#o.utcOffsetMinutes,
          periodFrom: last?.closed_at ?? null,
          marks: { from, to },
          figures,
          previousHash: last?.hash ?? null,
        });
      })
      .immediate();
    return this.#zReport(row);
  }

  zList(limit = 30): ZSummary[] {
    return this.zBook.list(this.#env, limit).map((row) => {
      const figures = JSON.parse(row.figures) as ReportFigures;
      return {
        number: row.number,
        label: zLabel(row.number),
        businessDate: row.business_date,
        closedAt: row.closed_at,
        salesAmount: figures.salesAmount,
        sales: figures.counts.sales,
      };
    });
  }

  zGet(number: number): PeriodReport {
    const row = this.zBook.get(this.#env, number);
    if (row === undefined) {
      throw new DayError('z-unknown', {
        id: `Tidak ada laporan ${zLabel(number)} di kasir ini.`,
        en: `There is no ${zLabel(number)} report on this till.`,
      });
    }
    return this.#zReport(row);
  }

  range(from: string, to: string): RangeReport {
    return rangeReport(
      {
        db: this.#db,
        environment: this.#env,
        utcOffsetMinutes: this.#o.utcOffsetMinutes,
        cutoffHour: this.#o.cutoffHour ?? 0,
        refunds: this.#o.refunds,
        ...(this.#o.reconcile === undefined ? {} : { reconcile: this.#o.reconcile }),
        shifts: this.#o.shifts.book,
      },
      from,
      to,
    );
  }

  csv(request: CsvRequest): { csv: string; fileName: string } {
    const language = this.#o.language?.() ?? 'id';
    if (request.kind === 'range') return rangeCsv(this.range(request.from, request.to), language);
    return periodCsv(request.kind === 'x' ? this.x() : this.zGet(request.number), language);
  }

  /**
   * Every Z checked: the chain (numbers, hashes) and its figures against the journal recomputed
   * for its marks. Empty when all is well.
   */
  verify(): string[] {
    const problems = this.zBook.chainProblems(this.#env);
    for (const row of this.zBook.all(this.#env)) {
      const marks = JSON.parse(row.marks) as { from: Marks; to: Marks };
      const recomputed = this.#db.transaction(() =>
        this.#figures(marks.from, marks.to, undefined, row.utc_offset_minutes),
      )();
      // Shifts closed in the period froze their drawers; "still open" is a count of that moment.
      const stored = JSON.parse(row.figures) as ReportFigures;
      recomputed.counts.stillOpen = stored.counts.stillOpen;
      if (JSON.stringify(recomputed) !== row.figures) {
        problems.push(`${zLabel(row.number)}: its figures differ from the journal's for its period`);
      }
    }
    return problems;
  }

  #figures(
    from: Marks,
    to: Marks,
    openShift: ReturnType<ShiftService['book']['open']>,
    utcOffsetMinutes = this.#o.utcOffsetMinutes,
  ): ReportFigures {
    return computeFigures(periodSelection(this.#env, from, to), {
      db: this.#db,
      shifts: this.#o.shifts.book,
      refunds: this.#o.refunds,
      refundTotals: this.#o.refunds.inPeriod(this.#env, from.refunds, to.refunds),
      ...this.#reconciliation(from, to),
      utcOffsetMinutes,
      ...(openShift === undefined ? {} : { openShift }),
    });
  }

  /** A Z whose marks have no reconciliation (closed before it was counted) gets no line. */
  #reconciliation(from: Marks, to: Marks): { reconciliation?: ReconciliationFigures } {
    const input = this.#o.reconcile;
    if (input === undefined || to.reconcileChecks === undefined) return {};
    return {
      reconciliation: input.inPeriod(
        this.#env,
        { checks: from.reconcileChecks ?? 0, findings: from.reconcileFindings ?? 0 },
        { checks: to.reconcileChecks, findings: to.reconcileFindings ?? 0 },
      ),
    };
  }

  #marksNow(): Marks {
    const row = this.#db
      .prepare<[], { events: number; saleEvents: number; shiftEvents: number }>(
        `SELECT (SELECT coalesce(max(seq), 0) FROM events) AS events,
                (SELECT coalesce(max(seq), 0) FROM sale_events) AS saleEvents,
                (SELECT coalesce(max(seq), 0) FROM shift_events) AS shiftEvents`,
      )
      .get();
    const reconcile = this.#o.reconcile?.mark();
    return {
      ...(row ?? NO_MARKS),
      refunds: this.#o.refunds.mark(),
      ...(reconcile === undefined
        ? {}
        : { reconcileChecks: reconcile.checks, reconcileFindings: reconcile.findings }),
    };
  }

  /** The business day a Z closes: today's, or the one named (a late close), never a future one. */
  #checkDate(date: string | undefined): string {
    const today = businessDateOf(this.#o.clock.now(), this.#o.utcOffsetMinutes, this.#o.cutoffHour ?? 0);
    if (date === undefined) return today;
    if (!isCalendarDate(date)) {
      throw invalidInput([
        {
          code: 'date-invalid',
          field: 'date',
          message: {
            id: `Tanggal harus tanggal kalender berformat YYYY-MM-DD, bukan "${date}".`,
            en: `The date must be a calendar date written YYYY-MM-DD, not "${date}".`,
          },
        },
      ]);
    }
    if (date > today) {
      throw invalidInput([
        {
          code: 'date-future',
          field: 'date',
          message: {
            id: `Hari ${date} belum tiba (hari ini ${today}); laporan Z tidak bisa dibuat untuk hari depan.`,
            en: `${date} has not come yet (today is ${today}); a Z cannot close a day in the future.`,
          },
        },
      ]);
    }
    return date;
  }

  #dayClosed(date: string, last: ZRow): DayError {
    const same = this.zBook.onDate(this.#env, date) ?? last;
    const at = clockTime(same.closed_at, this.#o.utcOffsetMinutes);
    if (same.business_date === date) {
      return new DayError('z-day-closed', {
        id: `Hari ${date} sudah ditutup dengan ${zLabel(same.number)} pukul ${at}. Penjualan sesudahnya masuk ke laporan Z hari berikutnya.`,
        en: `${date} is already closed by ${zLabel(same.number)} at ${at}. Sales after it go on the next day's Z report.`,
      });
    }
    return new DayError('z-day-closed', {
      id: `${zLabel(last.number)} sudah menutup sampai hari ${last.business_date}; laporan Z berikutnya harus untuk hari sesudahnya.`,
      en: `${zLabel(last.number)} already closed up to ${last.business_date}; the next Z must be for a later day.`,
    });
  }

  #zReport(row: ZRow): PeriodReport {
    return {
      kind: 'z',
      number: row.number,
      label: zLabel(row.number),
      environment: row.environment,
      training: row.environment === 'training',
      from: row.period_from,
      to: row.closed_at,
      businessDate: row.business_date,
      utcOffsetMinutes: row.utc_offset_minutes,
      figures: JSON.parse(row.figures) as ReportFigures,
      hash: row.hash,
      previousHash: row.previous_hash,
    };
  }
}

function fromOf(last: ZRow | undefined): Marks {
  return last === undefined ? NO_MARKS : (JSON.parse(last.marks) as { to: Marks }).to;
}
