/**
 * Schema step (issue 17): refunds. History: never edit; append a step instead. It follows the
 * sales step; another branch's step may be merged before it, so nothing may assume its number.
 *
 * A refund is its own row, never a change to the order or the sale it returns money from: the
 * order stays "settlement" (it was paid) and the day it was paid keeps its figures; the refund
 * counts on the day it was made. A QRIS/GoPay refund is journaled with its refund_key before the
 * gateway is asked, so an answer lost on the way is looked up by that key, never sent again under
 * a new one. A cash refund (a cash sale, or a split sale's cash) never reaches the gateway: it is
 * journaled as made when the till hands the money over.
 *
 * origin: 'kiosk' (asked for here), 'gateway' (found at the gateway: a refund made on the Midtrans
 * dashboard), 'chargeback' (the customer's bank took the money back).
 * state: 'requested' (journaled, the gateway's answer not known yet), 'refunded', 'refused' (with
 * the refusal). Only a requested refund ever changes, and only its outcome: triggers hold the rest.
 */
export const V5_REFUNDS = `
CREATE TABLE refunds (
  id INTEGER PRIMARY KEY,
  refund_key TEXT NOT NULL UNIQUE CHECK (length(refund_key) BETWEEN 1 AND 64),
  environment TEXT NOT NULL,
  order_id TEXT REFERENCES orders (order_id),
  sale_id TEXT REFERENCES sales (sale_id),
  tender TEXT NOT NULL CHECK (tender IN ('gateway', 'cash')),
  origin TEXT NOT NULL CHECK (origin IN ('kiosk', 'gateway', 'chargeback')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 255),
  state TEXT NOT NULL CHECK (state IN ('requested', 'refunded', 'refused')),
  requested_by TEXT NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 100),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  business_date TEXT NOT NULL
    CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  -- How often the request went out with this refund_key (the same key every time), and when last.
  sends INTEGER NOT NULL CHECK (sends >= 0),
  sent_at INTEGER,
  resolved_at INTEGER,
  -- The gateway's refund_chargeback_id, and its own time for a refund found there.
  gateway_refund_id INTEGER,
  gateway_at INTEGER,
  refusal TEXT CHECK (refusal IN (
    'issuer-declined', 'not-refundable', 'amount-rejected', 'unknown-at-gateway', 'rejected', 'not-sent')),
  detail TEXT,
  CHECK ((tender = 'gateway') = (order_id IS NOT NULL)),
  CHECK (tender = 'gateway' OR sale_id IS NOT NULL),
  CHECK (tender = 'gateway' OR state = 'refunded'),
  CHECK (origin = 'kiosk' OR (tender = 'gateway' AND state = 'refunded')),
  CHECK ((state = 'refused') = (refusal IS NOT NULL)),
  CHECK ((state = 'requested') = (resolved_at IS NULL)),
  CHECK ((sends > 0) = (sent_at IS NOT NULL))
) STRICT;

CREATE INDEX refunds_order ON refunds (order_id, state) WHERE order_id IS NOT NULL;
CREATE INDEX refunds_sale ON refunds (sale_id, state) WHERE sale_id IS NOT NULL;
-- Start-up recovery looks only at refunds whose answer is not known: a handful at most.
CREATE INDEX refunds_open ON refunds (created_at) WHERE state = 'requested';
CREATE INDEX refunds_day ON refunds (business_date, state, tender, origin);

CREATE TRIGGER refunds_request_fixed BEFORE UPDATE OF
  refund_key, environment, order_id, sale_id, tender, origin, amount, reason, requested_by,
  created_at, business_date ON refunds
BEGIN
  SELECT RAISE(ABORT, 'a refund request is history: only its outcome is written later');
END;
CREATE TRIGGER refunds_resolved_fixed BEFORE UPDATE ON refunds WHEN OLD.state <> 'requested'
BEGIN
  SELECT RAISE(ABORT, 'a resolved refund never changes');
END;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN
  SELECT RAISE(ABORT, 'refunds are never deleted');
END;

CREATE TABLE refund_events (
  seq INTEGER PRIMARY KEY,
  refund_key TEXT NOT NULL REFERENCES refunds (refund_key),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (
    'requested', 'sent', 'refunded', 'refused', 'adopted', 'recovery', 'drawer', 'note')),
  detail TEXT NOT NULL
) STRICT;

CREATE INDEX refund_events_refund ON refund_events (refund_key, seq);

CREATE TRIGGER refund_events_no_update BEFORE UPDATE ON refund_events
BEGIN
  SELECT RAISE(ABORT, 'refund events are append-only');
END;
CREATE TRIGGER refund_events_no_delete BEFORE DELETE ON refund_events
BEGIN
  SELECT RAISE(ABORT, 'refund events are append-only');
END;
`;
