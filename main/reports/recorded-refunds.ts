/**
 * The day's refunds input read from the refunds journal (main/refunds/, schema step v5). A refund
 * counts once, when money actually went back: its single 'refunded' event (a cash refund, or a
 * gateway refund confirmed) or 'adopted' event (found at the gateway: the dashboard, a
 * chargeback). A refund still being confirmed, or refused, counts nowhere yet. Marks are
 * refund_events' seq, so a refund confirmed after a Z closed lands on the next Z, never on both.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { TenderKind, TenderTotal } from '../../common/day-contract.ts';
import type { RefundInput, RefundTotals } from './refund-input.ts';

// The tender a refund went back through: cash from the drawer, else how the order was paid.
const COUNTED = `
  SELECT CASE WHEN r.tender = 'cash' THEN 'cash' ELSE o.payment_type END AS tender,
         count(*) AS count, coalesce(sum(r.amount), 0) AS amount
    FROM refund_events e
    JOIN refunds r ON r.refund_key = e.refund_key
    LEFT JOIN orders o ON o.order_id = r.order_id
   WHERE e.kind IN ('refunded', 'adopted') AND r.environment = ?`;

interface TenderRow {
  tender: TenderKind;
  count: number;
  amount: number;
}

function totals(rows: readonly TenderRow[]): RefundTotals {
  const byTender: TenderTotal[] = rows.map((r) => ({ tender: r.tender, count: r.count, amount: r.amount }));
  return {
    count: byTender.reduce((n, t) => n + t.count, 0),
    amount: byTender.reduce((n, t) => n + t.amount, 0),
    byTender,
  };
}

export function recordedRefunds(db: BetterSqlite3.Database): RefundInput {
  const mark = db.prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM refund_events');
  const inPeriod = db.prepare<[string, number, number], TenderRow>(
    `${COUNTED} AND e.seq > ? AND e.seq <= ? GROUP BY 1`,
  );
  const inDates = db.prepare<[string, string, string], TenderRow>(
    `${COUNTED} AND r.business_date BETWEEN ? AND ? GROUP BY 1`,
  );
  // A cash refund leaves the drawer of the shift open when it was made.
  const cashOfShift = db.prepare<[number], { amount: number }>(
    `SELECT coalesce(sum(r.amount), 0) AS amount
       FROM shifts s
       JOIN refunds r ON r.environment = s.environment AND r.tender = 'cash' AND r.state = 'refunded'
                     AND r.created_at >= s.opened_at
                     AND (s.closed_at IS NULL OR r.created_at < s.closed_at)
      WHERE s.id = ?`,
  );
  return {
    included: true,
    mark: () => mark.get()?.seq ?? 0,
    inPeriod: (environment, from, to) => totals(inPeriod.all(environment, from, to)),
    inDates: (environment, fromDate, toDate) => totals(inDates.all(environment, fromDate, toDate)),
    cashOfShift: (shiftId) => cashOfShift.get(shiftId)?.amount ?? 0,
  };
}
