/**
 * The SQL of a history search, as "streams": one query per table and index, each reading its
 * rows newest first from an index whose leading columns the query pins (an amount, a sale state)
 * followed by the history key, so a page is one index range walked backwards and stopped after
 * one page. Whatever the index cannot pin (a tender, an issuer, how a voided sale's last QR ended)
 * is tested on each row it yields; those streams read at most a fixed number of rows per page
 * (the row budget) so a rare filter can never make one page read the whole journal.
 */
import type { HistoryState, HistoryTender } from '../../common/history-contract.ts';
import type { HistoryKey } from './history-key.ts';

export interface Filters {
  from?: string | undefined;
  amount?: number | undefined;
  state?: HistoryState | undefined;
  tender?: HistoryTender | undefined;
  paymentType?: string | undefined;
  issuer?: string | undefined;
}

export type Param = string | number;

/** One index range of one table, and what each row it yields must also satisfy. */
export interface Stream {
  name: string;
  table: 'orders' | 'sales';
  /** SELECT … FROM <table> AS t INDEXED BY <index>. */
  index: string;
  /** Pinned by the index: equality on its leading columns. */
  pinned: { sql: string; params: Param[] }[];
  /** Tested on each row the range yields. */
  residual: { sql: string; params: Param[] }[];
}

const KEY: Record<Stream['table'], string> = {
  orders: 't.business_date, t.created_at, t.order_id',
  sales: 't.business_date, t.created_at, t.sale_id',
};
const ORDER_BY: Record<Stream['table'], string> = {
  orders: 't.business_date DESC, t.created_at DESC, t.order_id DESC',
  sales: 't.business_date DESC, t.created_at DESC, t.sale_id DESC',
};
export const COLUMNS: Record<Stream['table'], string> = {
  orders:
    "'order' AS kind, t.order_id AS id, t.business_date, t.created_at, t.gross_amount AS amount, t.state, " +
    't.payment_type, t.paid_with, t.issuer',
  sales: "'sale' AS kind, t.sale_id AS id, t.business_date, t.created_at, t.total AS amount, t.state",
};

const ORDER_STATES_OF: Record<Exclude<HistoryState, 'voided'>, readonly string[]> = {
  paid: ['settlement'],
  open: ['created', 'charging', 'pending'],
  review: ['review'],
  cancelled: ['cancel'],
  expired: ['expire'],
  denied: ['deny'],
  failed: ['failed'],
};

const SALE_STATE_OF: Record<HistoryState, 'paid' | 'open' | 'voided'> = {
  paid: 'paid',
  open: 'open',
  review: 'open',
  cancelled: 'voided',
  expired: 'voided',
  denied: 'voided',
  failed: 'voided',
  voided: 'voided',
};

/** How a voided sale's last QR ended, by the history state it is shown as. */
const LAST_CHARGE_STATE: Partial<Record<HistoryState, string>> = {
  cancelled: 'cancel',
  expired: 'expire',
  denied: 'deny',
  failed: 'failed',
};

const LAST_CHARGE = '(SELECT o.state FROM orders o WHERE o.sale_id = t.sale_id ORDER BY o.id DESC LIMIT 1)';
const HAS_CASH = 'EXISTS (SELECT 1 FROM cash_tenders c WHERE c.sale_id = t.sale_id)';
const HAS_CHARGE = 'EXISTS (SELECT 1 FROM orders o WHERE o.sale_id = t.sale_id)';
const chargeWhere = (condition: string) =>
  `EXISTS (SELECT 1 FROM orders o WHERE o.sale_id = t.sale_id AND ${condition})`;

function placeholders(values: readonly string[]): string {
  return values.map(() => '?').join(', ');
}

/** The bare orders' stream, or none when the filters rule every bare order out. */
export function orderStream(f: Filters): Stream | undefined {
  if (f.tender === 'cash' || f.tender === 'split' || f.state === 'voided') return undefined;
  const pinned: Stream['pinned'] = [];
  const residual: Stream['residual'] = [];
  if (f.amount !== undefined) pinned.push({ sql: 't.gross_amount = ?', params: [f.amount] });
  if (f.state !== undefined) {
    const states = ORDER_STATES_OF[f.state];
    residual.push({ sql: `t.state IN (${placeholders(states)})`, params: [...states] });
  }
  if (f.tender !== undefined) residual.push({ sql: 't.payment_type = ?', params: [f.tender] });
  if (f.paymentType !== undefined) {
    residual.push({ sql: 'coalesce(t.paid_with, t.payment_type) = ?', params: [f.paymentType] });
  }
  if (f.issuer !== undefined) residual.push({ sql: 't.issuer = ?', params: [f.issuer] });
  return {
    name: f.amount !== undefined ? 'orders by amount' : 'orders',
    table: 'orders',
    index: f.amount !== undefined ? 'orders_amount' : 'orders_history',
    pinned: [{ sql: 't.sale_id IS NULL', params: [] }, ...pinned],
    residual,
  };
}

function saleResidual(f: Filters, stateIsPinned: boolean): Stream['residual'] {
  const residual: Stream['residual'] = [];
  if (f.state !== undefined) {
    if (!stateIsPinned) residual.push({ sql: 't.state = ?', params: [SALE_STATE_OF[f.state]] });
    const last = LAST_CHARGE_STATE[f.state];
    if (f.state === 'open') residual.push({ sql: `NOT ${chargeWhere("o.state = 'review'")}`, params: [] });
    if (f.state === 'review') residual.push({ sql: chargeWhere("o.state = 'review'"), params: [] });
    if (f.state === 'voided') {
      // Given up before any QR, or (never in practice) after one that did not end unpaid.
      residual.push({
        sql: `coalesce(${LAST_CHARGE}, '') NOT IN ('cancel', 'expire', 'deny', 'failed')`,
        params: [],
      });
    }
    if (last !== undefined) {
      residual.push({
        sql: `${LAST_CHARGE} = ?`,
        params: [last],
      });
    }
  }
  if (f.tender === 'cash') residual.push({ sql: `${HAS_CASH} AND NOT ${HAS_CHARGE}`, params: [] });
  if (f.tender === 'split') residual.push({ sql: `${HAS_CASH} AND ${HAS_CHARGE}`, params: [] });
  if (f.tender === 'qris' || f.tender === 'gopay') {
    residual.push({ sql: `NOT ${HAS_CASH} AND ${chargeWhere('o.payment_type = ?')}`, params: [f.tender] });
  }
  if (f.paymentType !== undefined) {
    residual.push({ sql: chargeWhere('coalesce(o.paid_with, o.payment_type) = ?'), params: [f.paymentType] });
  }
  if (f.issuer !== undefined) residual.push({ sql: chargeWhere('o.issuer = ?'), params: [f.issuer] });
  return residual;
}

/**
 * The till sales' streams: by amount, its total and (where cash is rounded) its cash total; by
 * state, the sale's own state; otherwise every sale.
 */
export function saleStreams(f: Filters): Stream[] {
  if (f.amount !== undefined) {
    const residual = saleResidual(f, false);
    return [
      {
        name: 'sales by total',
        table: 'sales',
        index: 'sales_total',
        pinned: [{ sql: 't.total = ?', params: [f.amount] }],
        residual,
      },
      {
        name: 'sales by cash total',
        table: 'sales',
        index: 'sales_cash_total',
        pinned: [{ sql: 't.cash_total = ? AND t.cash_total <> t.total', params: [f.amount] }],
        residual,
      },
    ];
  }
  if (f.state !== undefined) {
    return [
      {
        name: 'sales by state',
        table: 'sales',
        index: 'sales_state',
        pinned: [{ sql: 't.state = ?', params: [SALE_STATE_OF[f.state]] }],
        residual: saleResidual(f, true),
      },
    ];
  }
  return [
    { name: 'sales', table: 'sales', index: 'sales_history', pinned: [], residual: saleResidual(f, false) },
  ];
}

export interface Range {
  /** Rows strictly below this key (or at it, for a bare order below a sale with the same key). */
  below: HistoryKey;
  from: string | undefined;
}

/** The index range: pinned columns, the oldest business day, and the keyset bound. */
function rangeWhere(stream: Stream, range: Range): { sql: string; params: Param[] } {
  const parts = [...stream.pinned];
  if (range.from !== undefined) parts.push({ sql: 't.business_date >= ?', params: [range.from] });
  // A bare order sorts after a sale with the same business day, time and id (see history-key.ts).
  const orEqual = stream.table === 'orders' && range.below.kind === 'sale';
  parts.push({
    sql: `(${KEY[stream.table]}) ${orEqual ? '<=' : '<'} (?, ?, ?)`,
    params: [range.below.businessDate, range.below.createdAt, range.below.id],
  });
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
}

function from(stream: Stream): string {
  return `FROM ${stream.table} AS t INDEXED BY ${stream.index}`;
}

/** The first `limit` rows of the range that pass every test, newest first. */
export function pageQuery(
  stream: Stream,
  range: Range,
  limit: number,
  budget: number,
): { sql: string; params: Param[] } {
  const where = rangeWhere(stream, range);
  if (stream.residual.length === 0) {
    return {
      sql: `SELECT ${COLUMNS[stream.table]} ${from(stream)} WHERE ${where.sql} ORDER BY ${ORDER_BY[stream.table]} LIMIT ?`,
      params: [...where.params, limit],
    };
  }
  const hit = stream.residual.map((r) => `(${r.sql})`).join(' AND ');
  // A subquery with a LIMIT is run as a co-routine, read in its own order, and stopped as soon
  // as the outer LIMIT is met: at most `budget` index entries are ever read.
  return {
    sql:
      `SELECT * FROM (SELECT ${COLUMNS[stream.table]}, (${hit}) AS hit ${from(stream)} ` +
      `WHERE ${where.sql} ORDER BY ${ORDER_BY[stream.table]} LIMIT ?) WHERE hit LIMIT ?`,
    params: [...stream.residual.flatMap((r) => r.params), ...where.params, budget, limit],
  };
}

/**
 * How far a filtered stream read when its page came out short: the oldest key within its row
 * budget, and whether the budget ran out (otherwise the range itself did: nothing older exists).
 */
export function floorQuery(stream: Stream, range: Range, budget: number): { sql: string; params: Param[] } {
  const where = rangeWhere(stream, range);
  const key = KEY[stream.table];
  return {
    sql:
      `SELECT business_date, created_at, id, count(*) OVER () AS seen FROM (` +
      `SELECT ${key.replace(/t\.(order_id|sale_id)$/, 't.$1 AS id')} ${from(stream)} WHERE ${where.sql} ` +
      `ORDER BY ${ORDER_BY[stream.table]} LIMIT ?) ORDER BY business_date, created_at, id LIMIT 1`,
    params: [...where.params, budget],
  };
}
