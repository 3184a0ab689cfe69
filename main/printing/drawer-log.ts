/**
 * The record of every manager "open drawer": a drawer opened with no sale is cash within reach,
 * so who asked, when and with what outcome is journaled (table drawer_openings, append-only)
 * before the pulse is sent. Refused attempts (a wrong PIN) are recorded too.
 */
import type BetterSqlite3 from 'better-sqlite3';

export const DRAWER_OUTCOMES = ['opened', 'pin-wrong', 'pin-locked', 'no-pin', 'no-drawer'] as const;
export type DrawerOutcome = (typeof DRAWER_OUTCOMES)[number];

export interface DrawerOpening {
  seq: number;
  at: number;
  printerId: string;
  outcome: DrawerOutcome;
  /** The print job that carries the pulse ('opened' only). */
  jobId: string | undefined;
  detail: Record<string, unknown>;
}

export type NewDrawerOpening = Omit<DrawerOpening, 'seq'>;

export interface DrawerLog {
  record(entry: NewDrawerOpening): DrawerOpening;
  /** Newest first. */
  recent(limit: number): DrawerOpening[];
}

interface OpeningSqlRow {
  seq: number;
  at: number;
  printer_id: string;
  outcome: string;
  job_id: string | null;
  detail: string;
}

export class SqliteDrawerLog implements DrawerLog {
  readonly #insert: BetterSqlite3.Statement<[number, string, string, string | null, string]>;
  readonly #recent: BetterSqlite3.Statement<[number], OpeningSqlRow>;

  constructor(db: BetterSqlite3.Database) {
    this.#insert = db.prepare(
      'INSERT INTO drawer_openings (at, printer_id, outcome, job_id, detail) VALUES (?, ?, ?, ?, ?)',
    );
    this.#recent = db.prepare('SELECT * FROM drawer_openings ORDER BY seq DESC LIMIT ?');
  }

  record(entry: NewDrawerOpening): DrawerOpening {
    const { lastInsertRowid } = this.#insert.run(
      entry.at,
      entry.printerId,
      entry.outcome,
      entry.jobId ?? null,
      JSON.stringify(entry.detail),
    );
    return { ...entry, seq: Number(lastInsertRowid) };
  }

  recent(limit: number): DrawerOpening[] {
    return this.#recent.all(limit).map((row) => ({
      seq: row.seq,
      at: row.at,
      printerId: row.printer_id,
      outcome: row.outcome as DrawerOutcome,
      jobId: row.job_id ?? undefined,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }
}

export class MemoryDrawerLog implements DrawerLog {
  readonly #entries: DrawerOpening[] = [];

  record(entry: NewDrawerOpening): DrawerOpening {
    const opening = { ...structuredClone(entry), seq: this.#entries.length + 1 };
    this.#entries.push(opening);
    return structuredClone(opening);
  }

  recent(limit: number): DrawerOpening[] {
    return this.#entries
      .slice(-limit)
      .reverse()
      .map((e) => structuredClone(e));
  }
}
