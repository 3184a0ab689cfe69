/**
 * The day report's shape: one line per (state, how it was paid, issuer), with totals. The
 * journal does the grouping in SQL; this orders the lines and adds them up.
 */
import { FINAL_ORDER_STATES } from '../../common/order.ts';
import type { DayReport, FinalOrderState, ReportLine } from '../../common/order.ts';

export interface ReportSqlRow {
  state: string;
  payment_type: string;
  issuer: string;
  count: number;
  amount: number;
}

/** Lines for the same state read together, settled first, unfinished sales last. */
const STATE_RANK: ReadonlyMap<string, number> = new Map(
  [...FINAL_ORDER_STATES, 'open'].map((state, rank) => [state, rank]),
);

function compareText(a: string, b: string): number {
  // Code-unit order, not localeCompare, so two tills print the same report whatever their locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLines(a: ReportLine, b: ReportLine): number {
  return (
    (STATE_RANK.get(a.state) ?? 0) - (STATE_RANK.get(b.state) ?? 0) ||
    compareText(a.paymentType, b.paymentType) ||
    compareText(a.issuer, b.issuer)
  );
}

export function buildDayReport(date: string, rows: readonly ReportSqlRow[]): DayReport {
  const lines = rows
    .map((r): ReportLine => ({
      state: r.state as FinalOrderState | 'open',
      paymentType: r.payment_type,
      issuer: r.issuer,
      count: r.count,
      amount: r.amount,
    }))
    .sort(compareLines);
  const report: DayReport = { date, lines, settledCount: 0, settledAmount: 0, openCount: 0 };
  for (const line of lines) {
    if (line.state === 'settlement') {
      report.settledCount += line.count;
      report.settledAmount += line.amount;
    } else if (line.state === 'open') {
      report.openCount += line.count;
    }
  }
  return report;
}
