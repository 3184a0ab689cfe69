/**
 * The day report's shape: one line per (state, how it was paid, issuer), with totals. The
 * journal does the grouping in SQL; this orders the lines and adds them up.
 */
import { FINAL_ORDER_STATES } from '../../common/order.ts';
import type { DayReport, FinalOrderState, ReportLine } from '../../common/order.ts';
import type { RefundReportLine } from '../../common/refund-contract.ts';

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

export interface RefundReportSqlRow {
  state: string;
  tender: string;
  origin: string;
  payment_type: string;
  issuer: string;
  count: number;
  amount: number;
}

function compareRefundLines(a: RefundReportLine, b: RefundReportLine): number {
  return (
    compareText(b.state, a.state) ||
    compareText(a.tender, b.tender) ||
    compareText(a.origin, b.origin) ||
    compareText(a.paymentType, b.paymentType) ||
    compareText(a.issuer, b.issuer)
  );
}

export function buildDayReport(
  date: string,
  rows: readonly ReportSqlRow[],
  refundRows: readonly RefundReportSqlRow[] = [],
): DayReport {
  const lines = rows
    .map((r): ReportLine => ({
      state: r.state as FinalOrderState | 'open',
      paymentType: r.payment_type,
      issuer: r.issuer,
      count: r.count,
      amount: r.amount,
    }))
    .sort(compareLines);
  const refunds = refundRows
    .map((r): RefundReportLine => ({
      state: r.state as RefundReportLine['state'],
      tender: r.tender as RefundReportLine['tender'],
      origin: r.origin as RefundReportLine['origin'],
      paymentType: r.payment_type,
      issuer: r.issuer,
      count: r.count,
      amount: r.amount,
    }))
    .sort(compareRefundLines);
  const report: DayReport = {
    date,
    lines,
    settledCount: 0,
    settledAmount: 0,
    openCount: 0,
    refunds,
    refundedCount: 0,
    refundedAmount: 0,
    refundsInDoubt: 0,
    settledNetAmount: 0,
  };
  for (const line of lines) {
    if (line.state === 'settlement') {
      report.settledCount += line.count;
      report.settledAmount += line.amount;
    } else if (line.state === 'open') {
      report.openCount += line.count;
    }
  }
  let gatewayRefunded = 0;
  for (const line of refunds) {
    if (line.state === 'requested') {
      report.refundsInDoubt += line.count;
      continue;
    }
    report.refundedCount += line.count;
    report.refundedAmount += line.amount;
    if (line.tender === 'gateway') gatewayRefunded += line.amount;
  }
  report.settledNetAmount = report.settledAmount - gatewayRefunded;
  return report;
}
