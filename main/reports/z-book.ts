/**
 * The Z reports in the journal's file: one row per Z, written once and never changed (triggers
 * refuse any update or delete, and any number, hash or day out of sequence). Each row keeps the
 * marks it covered and its figures as JSON, sealed with a sha256 over them and the previous Z's
 * hash, so a changed figure or a removed Z shows when the chain is checked (verify()).
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { ReportFigures } from '../../common/day-contract.ts';
import type { Marks } from './selection.ts';

export interface ZRow {
  id: number;
  environment: string;
  number: number;
  business_date: string;
  closed_at: number;
  utc_offset_minutes: number;
  period_from: number | null;
  marks: string;
  figures: string;
  previous_hash: string | null;
  hash: string;
}

export interface NewZ {
  environment: string;
  number: number;
  businessDate: string;
  closedAt: number;
  utcOffsetMinutes: number;
  periodFrom: number | null;
  marks: { from: Marks; to: Marks };
  figures: ReportFigures;
  previousHash: string | null;
}

/** The text a Z's hash is taken over: every stored field but the hash, in a fixed order. */
function sealed(row: Omit<ZRow, 'id' | 'hash'>): string {
  return [
    'kiosk-z-report-v1',
    row.environment,
    String(row.number),
    row.business_date,
    String(row.closed_at),
    String(row.utc_offset_minutes),
    row.period_from === null ? '' : String(row.period_from),
    row.marks,
    row.figures,
    row.previous_hash ?? '',
  ].join('\n');
}

export function zHash(row: Omit<ZRow, 'id' | 'hash'>): string {
  return createHash('sha256').update(sealed(row), 'utf8').digest('hex');
}

export class ZBook {
  readonly #db: BetterSqlite3.Database;
  readonly #insert: BetterSqlite3.Statement<Omit<ZRow, 'id'>>;
  readonly #last: BetterSqlite3.Statement<[string], ZRow>;
  readonly #byNumber: BetterSqlite3.Statement<[string, number], ZRow>;
  readonly #byDate: BetterSqlite3.Statement<[string, string], ZRow>;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    this.#insert = db.prepare(
      `INSERT INTO z_reports (environment, number, business_date, closed_at, utc_offset_minutes, period_from,
         marks, figures, previous_hash, hash)
       VALUES (@environment, @number, @business_date, @closed_at, @utc_offset_minutes, @period_from,
         @marks, @figures, @previous_hash, @hash)`,
    );
    this.#last = db.prepare('SELECT * FROM z_reports WHERE environment = ? ORDER BY number DESC LIMIT 1');
    this.#byNumber = db.prepare('SELECT * FROM z_reports WHERE environment = ? AND number = ?');
    this.#byDate = db.prepare('SELECT * FROM z_reports WHERE environment = ? AND business_date = ?');
  }

  last(environment: string): ZRow | undefined {
    return this.#last.get(environment);
  }

  get(environment: string, number: number): ZRow | undefined {
    return this.#byNumber.get(environment, number);
  }

  onDate(environment: string, businessDate: string): ZRow | undefined {
    return this.#byDate.get(environment, businessDate);
  }

  /** Newest first. */
  list(environment: string, limit: number): ZRow[] {
    return this.#db
      .prepare<[string, number], ZRow>(
        'SELECT * FROM z_reports WHERE environment = ? ORDER BY number DESC LIMIT ?',
      )
      .all(environment, limit);
  }

  /** Oldest first: the whole chain, for verify(). */
  all(environment: string): ZRow[] {
    return this.#db
      .prepare<[string], ZRow>('SELECT * FROM z_reports WHERE environment = ? ORDER BY number')
      .all(environment);
  }

  /** Writes one Z; the caller holds the write transaction it computed the figures in. */
  insert(z: NewZ): ZRow {
    const row: Omit<ZRow, 'id' | 'hash'> = {
      environment: z.environment,
      number: z.number,
      business_date: z.businessDate,
      closed_at: z.closedAt,
      utc_offset_minutes: z.utcOffsetMinutes,
      period_from: z.periodFrom,
      marks: JSON.stringify(z.marks),
      figures: JSON.stringify(z.figures),
      previous_hash: z.previousHash,
    };
    const full = { ...row, hash: zHash(row) };
    const id = Number(this.#insert.run(full).lastInsertRowid);
    return { id, ...full };
  }

  /** Numbers without gaps from 1, each hash right and chained to the one before. */
  chainProblems(environment: string): string[] {
    const problems: string[] = [];
    let previous: ZRow | undefined;
    for (const row of this.all(environment)) {
      const expected = (previous?.number ?? 0) + 1;
      if (row.number !== expected) problems.push(`Z ${row.number} follows Z ${previous?.number ?? 0}`);
      if ((row.previous_hash ?? null) !== (previous?.hash ?? null)) {
        problems.push(`Z ${row.number} does not name Z ${previous?.number ?? 0}'s hash`);
      }
      const { id: _id, hash, ...rest } = row;
      if (zHash(rest) !== hash) problems.push(`Z ${row.number}: its hash does not match its content`);
      previous = row;
    }
    return problems;
  }
}
