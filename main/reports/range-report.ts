/**
 * The owner's report over business days: sales by day and the same figures as the X and Z (per
 * item, per tender…), counted by the day each sale was filed under rather than by when it ended.
 * Nothing is written; one read transaction, so every figure comes from the same moment.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { RangeReport } from '../../common/day-contract.ts';
import { dateRangeProblems } from '../../common/day-input.ts';
import { businessDateOf } from '../journal/business-date.ts';
import { invalidInput } from '../shifts/errors.ts';
import type { ShiftBook } from '../shifts/shift-book.ts';
import { computeFigures } from './figures.ts';
import type { RefundInput } from './refund-input.ts';
import type { ReconcileInput } from './reconcile-input.ts';
import { dateSelection } from './selection.ts';

export interface RangeDeps {
  db: BetterSqlite3.Database;
  environment: string;
  utcOffsetMinutes: number;
  cutoffHour: number;
  refunds: RefundInput;
  /** Reconciliation runs of those days (absent: no reconciliation line). */
  reconcile?: ReconcileInput;
  shifts: ShiftBook;
}

const DAY_MS = 86_400_000;

export function rangeReport(deps: RangeDeps, from: string, to: string): RangeReport {
  const problems = dateRangeProblems(from, to);
  if (problems.length > 0) throw invalidInput(problems);
  const { db, environment, utcOffsetMinutes: offset, cutoffHour } = deps;
  return db.transaction(() => {
    // Shifts that opened on those business days: a day either side by the clock (more than any
    // cut-off hour), then exactly.
    const start = Date.parse(`${from}T00:00:00Z`) - offset * 60_000 - DAY_MS;
    const end = Date.parse(`${to}T00:00:00Z`) - offset * 60_000 + 2 * DAY_MS;
    const shiftIds = db
      .prepare<[string, number, number], { id: number; opened_at: number }>(
        'SELECT id, opened_at FROM shifts WHERE environment = ? AND opened_at BETWEEN ? AND ?',
      )
      .all(environment, start, end)
      .filter((s) => {
        const day = businessDateOf(s.opened_at, offset, cutoffHour);
        return day >= from && day <= to;
      })
      .map((s) => s.id);
    const figures = computeFigures(dateSelection(environment, from, to, shiftIds), {
      db,
      shifts: deps.shifts,
      refunds: deps.refunds,
      refundTotals: deps.refunds.inDates(environment, from, to),
      ...(deps.reconcile === undefined
        ? {}
        : { reconciliation: deps.reconcile.inDates(environment, from, to) }),
      utcOffsetMinutes: offset,
    });
    const days = db
      .prepare<Record<string, string>, { date: string; sales: number; amount: number }>(
        `SELECT date, count(*) AS sales, sum(amount) AS amount FROM (
           SELECT s.business_date AS date,
                  (SELECT coalesce(sum(c.amount), 0) FROM cash_tenders c
                    WHERE c.sale_id = s.sale_id AND c.state = 'taken') +
                  (SELECT coalesce(sum(o.gross_amount), 0) FROM orders o
                    WHERE o.sale_id = s.sale_id AND o.state = 'settlement') AS amount
             FROM sales s WHERE s.environment = @environment AND s.state = 'paid'
              AND s.business_date BETWEEN @fromDate AND @toDate
           UNION ALL
           SELECT business_date, gross_amount FROM orders
            WHERE business_date BETWEEN @fromDate AND @toDate AND state = 'settlement'
              AND sale_id IS NULL AND environment = @environment
         ) GROUP BY date ORDER BY date`,
      )
      .all({ environment, fromDate: from, toDate: to });
    return {
      kind: 'range' as const,
      environment,
      training: environment === 'training',
      from,
      to,
      utcOffsetMinutes: offset,
      days,
      figures,
    };
  })();
}
