/**
 * Which sales, orders and shifts a report counts, as SQL that selects their ids. A period report
 * (X, Z) counts what ended between two marks of the journal's append-only logs: a sale when its
 * "paid" or "voided" event was written, a QRIS/GoPay order when it moved into its final state, a
 * shift when it closed. Marks are sequence numbers, not clock times, so a clock set back or a
 * second process writing meanwhile cannot move anything between two Zs or count it twice. A range
 * report counts by business date instead, for the owner's view of days.
 */

/** The high-water marks of the logs a Z covers; the next Z starts where the last one ended. */
export interface Marks {
  events: number;
  saleEvents: number;
  shiftEvents: number;
  refunds: number;
  /**
   * Reconciliation's checks (their sequence numbers) and findings (their ids). Absent from the
   * marks of Zs closed before reconciliation was counted: those have no reconciliation line.
   */
  reconcileChecks?: number;
  reconcileFindings?: number;
}

export const NO_MARKS: Marks = {
  events: 0,
  saleEvents: 0,
  shiftEvents: 0,
  refunds: 0,
  reconcileChecks: 0,
  reconcileFindings: 0,
};

export const FINAL_STATES_SQL = "('settlement', 'expire', 'cancel', 'deny', 'failed')";
/** Word for word the orders_open index's condition, so SQLite uses it. */
export const OPEN_STATES_SQL = "state IN ('created', 'charging', 'pending', 'review')";

export interface Selection {
  /**
   * SELECT sale_id, kind ('paid' | 'voided') of the sales counted; the environment is filtered
   * by the caller, which reads the sale row anyway.
   */
  endedSales: string;
  /** SELECT order_id of the QRIS/GoPay orders counted (each ended); environment as above. */
  finalOrders: string;
  /** SELECT id of the shifts counted. */
  shifts: string;
  params: Record<string, string | number>;
}

/** Everything of `environment` that ended after `from` and up to `to`. */
export function periodSelection(environment: string, from: Marks, to: Marks): Selection {
  return {
    endedSales: `
      SELECT sale_id, kind FROM sale_events
       WHERE seq > @saleEventsFrom AND seq <= @saleEventsTo AND kind IN ('paid', 'voided')`,
    finalOrders: `
      SELECT order_id FROM events
       WHERE seq > @eventsFrom AND seq <= @eventsTo
         AND to_state IN ${FINAL_STATES_SQL} AND from_state NOT IN ${FINAL_STATES_SQL}`,
    shifts: `
      SELECT s.id FROM shift_events e JOIN shifts s ON s.id = e.shift_id
       WHERE e.seq > @shiftEventsFrom AND e.seq <= @shiftEventsTo AND e.kind = 'closed'
         AND s.environment = @environment`,
    params: {
      environment,
      eventsFrom: from.events,
      eventsTo: to.events,
      saleEventsFrom: from.saleEvents,
      saleEventsTo: to.saleEvents,
      shiftEventsFrom: from.shiftEvents,
      shiftEventsTo: to.shiftEvents,
    },
  };
}

/**
 * Sales and orders of `environment` filed under business days `from`..`to` (both included), as they
 * stand now; the shifts given (those that opened on those days).
 */
export function dateSelection(
  environment: string,
  from: string,
  to: string,
  shiftIds: readonly number[],
): Selection {
  return {
    endedSales: `
      SELECT sale_id, state AS kind FROM sales WHERE environment = @environment
         AND state IN ('paid', 'voided') AND business_date BETWEEN @fromDate AND @toDate`,
    finalOrders: `
      SELECT order_id FROM orders WHERE business_date BETWEEN @fromDate AND @toDate
         AND state IN ${FINAL_STATES_SQL} AND environment = @environment`,
    // Ids are integers the caller read from the journal: safe to write into the statement.
    shifts: `SELECT id FROM shifts WHERE id IN (${shiftIds.map((id) => Math.trunc(id)).join(', ')})`,
    params: { environment, fromDate: from, toDate: to },
  };
}
