/**
 * Every statement the journal prepares, in one place so tests can ask SQLite how it runs them
 * (a query that stops using its index still passes on a small file, but not at a million orders).
 */
import { MUTABLE_COLUMNS, ORDER_COLUMNS } from './order-columns.ts';

// Must repeat the orders_open index's WHERE clause word for word, or SQLite will not use it.
const OPEN_STATES = "state IN ('created', 'charging', 'pending', 'review')";

/**
 * What has been returned of an order, read from its refunds (one indexed lookup): a refund never
 * rewrites the order's row. NULL while it has none; refused ones do not count.
 */
const REFUND_SUMMARY = `(SELECT CASE WHEN count(*) = 0 THEN NULL ELSE json_object(
    'count', count(*),
    'amount', coalesce(sum(CASE WHEN r.state = 'refunded' THEN r.amount END), 0),
    'inDoubt', coalesce(sum(CASE WHEN r.state = 'requested' THEN r.amount END), 0)) END
  FROM refunds r WHERE r.order_id = orders.order_id AND r.state <> 'refused') AS refund_summary`;

const SELECT_ORDER = `SELECT id, ${ORDER_COLUMNS.join(', ')}, ${REFUND_SUMMARY} FROM orders`;

export const INSERT_ORDER =
  `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) ` +
  `VALUES (${ORDER_COLUMNS.map((c) => `@${c}`).join(', ')})`;

/** Guarded by the state the caller last saw, so the write itself cannot overtake a concurrent one. */
export const UPDATE_ORDER =
  `UPDATE orders SET ${MUTABLE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} ` +
  `WHERE order_id = @order_id AND state = @expected_state`;

export const SELECT_BY_ORDER_ID = `${SELECT_ORDER} WHERE order_id = ?`;

export const SELECT_BY_SALE = `${SELECT_ORDER} WHERE sale_id = ? ORDER BY id`;

export const SELECT_OPEN = `${SELECT_ORDER} WHERE ${OPEN_STATES} ORDER BY created_at, id`;

export const SELECT_NEWEST = `${SELECT_ORDER} ORDER BY id DESC LIMIT ?`;

export const SELECT_OLDER = `${SELECT_ORDER} WHERE id < ? ORDER BY id DESC LIMIT ?`;

/** Reads only the orders_day index: every column here is in it. */
export const SELECT_DAY_REPORT = `
  SELECT CASE WHEN ${OPEN_STATES} THEN 'open' ELSE state END AS state,
         coalesce(paid_with, payment_type) AS payment_type,
         coalesce(issuer, '') AS issuer,
         count(*) AS count,
         sum(gross_amount) AS amount
    FROM orders WHERE business_date = ?
   GROUP BY 1, 2, 3`;

/** A refund's day is the day it was made; its payment's type and issuer come from its order. */
export const SELECT_DAY_REFUNDS = `
  SELECT r.state AS state, r.tender AS tender, r.origin AS origin,
         CASE WHEN r.tender = 'cash' THEN 'cash' ELSE coalesce(o.paid_with, o.payment_type) END AS payment_type,
         coalesce(o.issuer, '') AS issuer,
         count(*) AS count,
         sum(r.amount) AS amount
    FROM refunds r LEFT JOIN orders o ON o.order_id = r.order_id
   WHERE r.business_date = ? AND r.state IN ('refunded', 'requested')
   GROUP BY 1, 2, 3, 4, 5`;

export const COUNT_ORDERS = 'SELECT count(*) FROM orders';

export const INSERT_EVENT =
  'INSERT INTO events (order_id, at, kind, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?)';

export const SELECT_EVENTS =
  'SELECT seq, order_id, at, kind, from_state, to_state, detail FROM events WHERE order_id = ? ORDER BY seq';
