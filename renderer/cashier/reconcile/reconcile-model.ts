/**
 * What the reconciliation panel shows, from the findings and the run: findings grouped by
 * severity, loudest first (money at risk, then security, then notices); within a group, the money
 * taken without goods given ('paid-at-gateway') before the rest. Events are merged by finding id,
 * so an event heard twice (an event and a reload) never shows a finding twice.
 */
import {
  FINDING_SEVERITIES,
  type FindingKind,
  type FindingSeverity,
  type FindingView,
  type ReconcileDay,
  type ReconcileEvent,
} from '../../../common/reconcile-contract.ts';

const KIND_ORDER: readonly FindingKind[] = [
  'paid-at-gateway',
  'amount-differs',
  'refunded-at-gateway',
  'untrusted-answer',
  'unknown-at-gateway',
  'state-differs',
];

export interface SeverityGroup {
  severity: FindingSeverity;
  findings: FindingView[];
}

export function groupBySeverity(findings: readonly FindingView[]): SeverityGroup[] {
  return FINDING_SEVERITIES.map((severity) => ({
    severity,
    findings: findings
      .filter((f) => f.severity === severity)
      .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.id - b.id),
  })).filter((group) => group.findings.length > 0);
}

export interface FindingCounts {
  all: number;
  moneyAtRisk: number;
  adopted: number;
  /** Not adopted: a manager must decide (the gateway's truth had no safe path into the journal). */
  toDecide: number;
}

export function countFindings(findings: readonly FindingView[]): FindingCounts {
  const adopted = findings.filter((f) => f.adopted).length;
  return {
    all: findings.length,
    moneyAtRisk: findings.filter((f) => f.severity === 'money-at-risk').length,
    adopted,
    toDecide: findings.length - adopted,
  };
}

/** The day as shown, after an event of a run: the run replaced, its new findings added once. */
export function withEvent(day: ReconcileDay, date: string, event: ReconcileEvent): ReconcileDay {
  if (event.run.businessDate !== date) return day;
  // A new run of the day starts with no findings of its own.
  const sameRun = day.run?.runId === event.run.runId;
  const known = new Set((sameRun ? day.findings : []).map((f) => f.id));
  const added = event.findings.filter((f) => !known.has(f.id));
  return { run: event.run, findings: [...(sameRun ? day.findings : []), ...added] };
}

/** Whether the run can be started (first time), resumed (paused) or run again (done). */
export function startWord(day: ReconcileDay): 'start' | 'resume' | 'again' | 'running' {
  const run = day.run;
  if (run === undefined || run.state === 'abandoned') return 'start';
  if (run.state === 'done') return 'again';
  return run.paused === undefined ? 'running' : 'resume';
}
