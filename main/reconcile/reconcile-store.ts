/**
 * Reconciliation's tables (main/journal/schema/v9-reconciliation.ts) in the journal's database. A run
 * row is committed before the first request; each order's check, with its findings, is committed
 * in the same transaction as whatever was adopted for it (see Reconciler.#record), so a restart
 * finds either all of an order's outcome or none of it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { FindingKind, FindingSeverity, FindingView, RunState } from '../../common/reconcile-contract.ts';

export interface RunRecord {
  id: number;
  businessDate: string;
  environment: string;
  fromMs: number;
  toMs: number;
  state: RunState;
  rate: number;
  startedAt: number;
  finishedAt: number | undefined;
}

export interface NewFinding {
  kind: FindingKind;
  severity: FindingSeverity;
  here: string;
  gateway: string;
  adopted: boolean;
  action: string;
}

/** A second running run for the same day and environment. Nothing was written. */
export class RunBusyError extends Error {
  override readonly name = 'RunBusyError';
}

type RunSqlRow = {
  id: number;
  business_date: string;
  environment: string;
  from_ms: number;
  to_ms: number;
  state: string;
  rate: number;
  started_at: number;
  finished_at: number | null;
};
type FindingSqlRow = {
  id: number;
  run_id: number;
  order_id: string;
  kind: string;
  severity: string;
  here: string;
  gateway: string;
  adopted: number;
  action: string;
  at: number;
};

const RUN_COLUMNS = 'id, business_date, environment, from_ms, to_ms, state, rate, started_at, finished_at';
const FINDING_COLUMNS = 'id, run_id, order_id, kind, severity, here, gateway, adopted, action, at';

export class ReconcileStore {
  readonly #db: BetterSqlite3.Database;
  readonly #insertRun: BetterSqlite3.Statement<[string, string, number, number, number, number]>;
  readonly #finishRun: BetterSqlite3.Statement<[string, number, number]>;
  readonly #run: BetterSqlite3.Statement<[number], RunSqlRow>;
  readonly #running: BetterSqlite3.Statement<[], RunSqlRow>;
  readonly #latest: BetterSqlite3.Statement<[string, string], RunSqlRow>;
  readonly #toAsk: BetterSqlite3.Statement<[number, number, string, number], { order_id: string }>;
  readonly #total: BetterSqlite3.Statement<[number, number, string], number>;
  readonly #checked: BetterSqlite3.Statement<[number], number>;
  readonly #isChecked: BetterSqlite3.Statement<[number, string], number>;
  readonly #check: BetterSqlite3.Statement<[number, string, number, string, number]>;
  readonly #finding: BetterSqlite3.Statement<
    [number, string, string, string, string, string, number, string, number]
  >;
  readonly #findings: BetterSqlite3.Statement<[number], FindingSqlRow>;
  readonly #counts: BetterSqlite3.Statement<[number], { findings: number; risk: number }>;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    this.#insertRun = db.prepare(
      `INSERT INTO reconcile_runs (business_date, environment, from_ms, to_ms, state, rate, started_at)
       VALUES (?, ?, ?, ?, 'running', ?, ?)`,
    );
    this.#finishRun = db.prepare(
      `UPDATE reconcile_runs SET state = ?, finished_at = ? WHERE id = ? AND state = 'running'`,
    );
    this.#run = db.prepare(`SELECT ${RUN_COLUMNS} FROM reconcile_runs WHERE id = ?`);
    this.#running = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM reconcile_runs WHERE state = 'running' ORDER BY id`,
    );
    this.#latest = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM reconcile_runs WHERE business_date = ? AND environment = ?
       ORDER BY id DESC LIMIT 1`,
    );
    // Orders that reached the gateway: at least one charge attempt was sent.
    const dayOrders = `FROM orders o WHERE o.created_at >= ? AND o.created_at < ? AND o.attempt > 0
      AND o.environment = ?`;
    this.#toAsk = db.prepare(
      `SELECT o.order_id ${dayOrders}
         AND NOT EXISTS (SELECT 1 FROM reconcile_checks c WHERE c.run_id = ? AND c.order_id = o.order_id)
       ORDER BY o.created_at, o.id`,
    );
    this.#total = db.prepare<[number, number, string], number>(`SELECT count(*) ${dayOrders}`).pluck();
    this.#checked = db
      .prepare<[number], number>('SELECT count(*) FROM reconcile_checks WHERE run_id = ?')
      .pluck();
    this.#isChecked = db
      .prepare<[number, string], number>(
        'SELECT count(*) FROM reconcile_checks WHERE run_id = ? AND order_id = ?',
      )
      .pluck();
    this.#check = db.prepare(
      'INSERT INTO reconcile_checks (run_id, order_id, at, answer, findings) VALUES (?, ?, ?, ?, ?)',
    );
    this.#finding = db.prepare(
      `INSERT INTO reconcile_findings (run_id, order_id, kind, severity, here, gateway, adopted, action, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#findings = db.prepare(
      `SELECT ${FINDING_COLUMNS} FROM reconcile_findings WHERE run_id = ? ORDER BY id`,
    );
    this.#counts = db.prepare(
      `SELECT count(*) AS findings, coalesce(sum(severity = 'money-at-risk'), 0) AS risk
         FROM reconcile_findings WHERE run_id = ?`,
    );
  }

  /** Starts a run (committed before any request). RunBusyError when one is running for that day. */
  startRun(run: Omit<RunRecord, 'id' | 'state' | 'finishedAt'>): RunRecord {
    try {
      const { lastInsertRowid } = this.#insertRun.run(
        run.businessDate,
        run.environment,
        run.fromMs,
        run.toMs,
        run.rate,
        run.startedAt,
      );
      return this.#mustRun(Number(lastInsertRowid));
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new RunBusyError(`a reconciliation of ${run.businessDate} is already running`);
      }
      throw error;
    }
  }

  finishRun(runId: number, state: Exclude<RunState, 'running'>, at: number): RunRecord {
    this.#finishRun.run(state, at, runId);
    return this.#mustRun(runId);
  }

  run(runId: number): RunRecord | undefined {
    const row = this.#run.get(runId);
    return row === undefined ? undefined : toRun(row);
  }

  /** Runs left running (by a stop or a crash), oldest first. */
  running(): RunRecord[] {
    return this.#running.all().map(toRun);
  }

  latest(businessDate: string, environment: string): RunRecord | undefined {
    const row = this.#latest.get(businessDate, environment);
    return row === undefined ? undefined : toRun(row);
  }

  /** The day's orders not yet asked about in this run, in the order they were made. */
  toAsk(run: RunRecord): string[] {
    return this.#toAsk.all(run.fromMs, run.toMs, run.environment, run.id).map((r) => r.order_id);
  }

  total(run: RunRecord): number {
    return this.#total.get(run.fromMs, run.toMs, run.environment) ?? 0;
  }

  checked(runId: number): number {
    return this.#checked.get(runId) ?? 0;
  }

  isChecked(runId: number, orderId: string): boolean {
    return (this.#isChecked.get(runId, orderId) ?? 0) > 0;
  }

  counts(runId: number): { findings: number; moneyAtRisk: number } {
    const row = this.#counts.get(runId) ?? { findings: 0, risk: 0 };
    return { findings: row.findings, moneyAtRisk: row.risk };
  }

  /**
   * One order's check and its findings, after `adopt` (the journal and refund writes for it), all
   * in one transaction. Returns the findings written, or undefined when the order had been
   * checked in this run already (another process on the file): then nothing is written.
   */
  record(
    runId: number,
    orderId: string,
    answer: string,
    findings: readonly NewFinding[],
    at: number,
    adopt: () => NewFinding[],
  ): FindingView[] | undefined {
    return this.#db
      .transaction(() => {
        if (this.isChecked(runId, orderId)) return undefined;
        const all = [...findings, ...adopt()];
        const ids: number[] = [];
        for (const f of all) {
          const { lastInsertRowid } = this.#finding.run(
            runId,
            orderId,
            f.kind,
            f.severity,
            f.here,
            f.gateway,
            f.adopted ? 1 : 0,
            f.action,
            at,
          );
          ids.push(Number(lastInsertRowid));
        }
        this.#check.run(runId, orderId, at, answer, all.length);
        return all.map((f, i) => ({ ...f, id: ids[i] ?? 0, runId, orderId, at }));
      })
      .immediate();
  }

  findings(runId: number): FindingView[] {
    return this.#findings.all(runId).map(toFinding);
  }

  #mustRun(runId: number): RunRecord {
    const run = this.run(runId);
    if (run === undefined) throw new Error(`reconciliation run ${runId} is not in the journal`);
    return run;
  }
}

function toRun(r: RunSqlRow): RunRecord {
  return {
    id: r.id,
    businessDate: r.business_date,
    environment: r.environment,
    fromMs: r.from_ms,
    toMs: r.to_ms,
    state: r.state as RunState,
    rate: r.rate,
    startedAt: r.started_at,
    finishedAt: r.finished_at ?? undefined,
  };
}

function toFinding(r: FindingSqlRow): FindingView {
  return {
    id: r.id,
    runId: r.run_id,
    orderId: r.order_id,
    kind: r.kind as FindingKind,
    severity: r.severity as FindingSeverity,
    here: r.here,
    gateway: r.gateway,
    adopted: r.adopted === 1,
    action: r.action,
    at: r.at,
  };
}
