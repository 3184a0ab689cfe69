/**
 * Reconciliation as one input of the day's figures, read from its journal tables (schema steps v9
 * and v10). A period report counts the checks and findings written between two marks — the
 * checks' sequence numbers and the findings' ids — so a Z's line never changes and `--verify`
 * recomputes it; a run that goes on after a Z lands on the next one, as a late payment does. A
 * range report counts the runs of its business days as they stand now.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ReconciliationFigures, ReconcileRunLine } from '../../common/day-contract.ts';
import { FINDING_KINDS, type FindingKind } from '../../common/reconcile-contract.ts';

export interface ReconcileMarks {
  checks: number;
  findings: number;
}

export interface ReconcileInput {
  mark(): ReconcileMarks;
  inPeriod(environment: string, from: ReconcileMarks, to: ReconcileMarks): ReconciliationFigures;
  inDates(environment: string, fromDate: string, toDate: string): ReconciliationFigures;
}

interface KindRow {
  kind: FindingKind;
  count: number;
  risk: number;
  open: number;
}

function figures(runs: ReconcileRunLine[], kinds: KindRow[]): ReconciliationFigures {
  const byKind = [...kinds]
    .sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind))
    .map((k) => ({ kind: k.kind, count: k.count }));
  return {
    reconciled: runs.length > 0,
    runs,
    checked: runs.reduce((n, r) => n + r.checked, 0),
    findings: kinds.reduce((n, k) => n + k.count, 0),
    byKind,
    moneyAtRisk: kinds.reduce((n, k) => n + k.risk, 0),
    toDecide: kinds.reduce((n, k) => n + k.open, 0),
  };
}

const RUNS = `SELECT r.id AS runId, r.business_date AS businessDate, count(*) AS checked
  FROM reconcile_check_seq s JOIN reconcile_runs r ON r.id = s.run_id WHERE r.environment = ?`;
const KINDS = `SELECT f.kind, count(*) AS count,
       coalesce(sum(f.severity = 'money-at-risk'), 0) AS risk, coalesce(sum(f.adopted = 0), 0) AS open
  FROM reconcile_findings f JOIN reconcile_runs r ON r.id = f.run_id WHERE r.environment = ?`;

export function recordedReconciliation(db: BetterSqlite3.Database): ReconcileInput {
  const mark = db.prepare<[], ReconcileMarks>(
    `SELECT (SELECT coalesce(max(seq), 0) FROM reconcile_check_seq) AS checks,
            (SELECT coalesce(max(id), 0) FROM reconcile_findings) AS findings`,
  );
  const runsInPeriod = db.prepare<[string, number, number], ReconcileRunLine>(
    `${RUNS} AND s.seq > ? AND s.seq <= ? GROUP BY r.id ORDER BY r.id`,
  );
  const kindsInPeriod = db.prepare<[string, number, number], KindRow>(
    `${KINDS} AND f.id > ? AND f.id <= ? GROUP BY f.kind`,
  );
  const runsInDates = db.prepare<[string, string, string], ReconcileRunLine>(
    `${RUNS} AND r.business_date BETWEEN ? AND ? GROUP BY r.id ORDER BY r.id`,
  );
  const kindsInDates = db.prepare<[string, string, string], KindRow>(
    `${KINDS} AND r.business_date BETWEEN ? AND ? GROUP BY f.kind`,
  );
  return {
    mark: () => mark.get() ?? { checks: 0, findings: 0 },
    inPeriod: (environment, from, to) =>
      figures(
        runsInPeriod.all(environment, from.checks, to.checks),
        kindsInPeriod.all(environment, from.findings, to.findings),
      ),
    inDates: (environment, fromDate, toDate) =>
      figures(
        runsInDates.all(environment, fromDate, toDate),
        kindsInDates.all(environment, fromDate, toDate),
      ),
  };
}
