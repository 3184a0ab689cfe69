/** Schema step 2 (issue 12). History: never edit. */
// v2 (issue 12): the held state 'review' (a settlement the kiosk may not release yet), the
// fraud_status of the last answer, the gateway's confirmation that an attempt ended unpaid, and a
// security alert. SQLite cannot widen a CHECK in place, so both tables are rebuilt (once, inside
// the migration's transaction, after migrate() has taken its backup copy).
const V2_ORDER_STATES =
  "('created', 'charging', 'pending', 'review', 'settlement', 'expire', 'cancel', 'deny', 'failed')";
export const V2_REVIEW_AND_ALERTS = `
CREATE TABLE orders_v2 (
  id INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE,
  environment TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ${V2_ORDER_STATES}),
  payment_type TEXT NOT NULL CHECK (payment_type IN ('gopay', 'qris')),
  gross_amount INTEGER NOT NULL CHECK (gross_amount > 0),
  items TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deadline_at INTEGER NOT NULL,
  business_date TEXT NOT NULL
    CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  attempt INTEGER NOT NULL CHECK (attempt >= 0),
  attempt_key TEXT,
  attempt_sent_at INTEGER,
  transaction_id TEXT,
  gateway_status TEXT,
  fraud_status TEXT,
  paid_with TEXT,
  issuer TEXT,
  acquirer TEXT,
  qr_path TEXT,
  qr_source TEXT CHECK (qr_source IN ('gateway', 'local')),
  qr_string TEXT,
  qr_url TEXT,
  deeplink_url TEXT,
  gateway_expiry_at INTEGER,
  settled_at INTEGER,
  final_at INTEGER,
  cancel_requested_at INTEGER,
  confirmed_unpaid TEXT CHECK (confirmed_unpaid IN ('cancel', 'expire', 'deny')),
  end_reason TEXT CHECK (end_reason IN (
    'cashier-cancel', 'kiosk-timeout', 'charge-refused', 'charge-not-received',
    'qr-unavailable', 'gateway-failure', 'environment-mismatch')),
  alert TEXT CHECK (alert IN ('status-contradiction')),
  detail TEXT
) STRICT;

INSERT INTO orders_v2 (
  id, order_id, environment, state, payment_type, gross_amount, items, created_at, updated_at,
  deadline_at, business_date, attempt, attempt_key, attempt_sent_at, transaction_id,
  gateway_status, paid_with, issuer, acquirer, qr_path, qr_source, qr_string, qr_url,
  deeplink_url, gateway_expiry_at, settled_at, final_at, cancel_requested_at, end_reason, detail)
SELECT
  id, order_id, environment, state, payment_type, gross_amount, items, created_at, updated_at,
  deadline_at, business_date, attempt, attempt_key, attempt_sent_at, transaction_id,
  gateway_status, paid_with, issuer, acquirer, qr_path, qr_source, qr_string, qr_url,
  deeplink_url, gateway_expiry_at, settled_at, final_at, cancel_requested_at, end_reason, detail
FROM orders;

DROP TABLE orders;
ALTER TABLE orders_v2 RENAME TO orders;

CREATE INDEX orders_open ON orders (created_at)
  WHERE state IN ('created', 'charging', 'pending', 'review');
CREATE INDEX orders_day ON orders (business_date, state, paid_with, payment_type, issuer, gross_amount);

CREATE TABLE events_v2 (
  seq INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (order_id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (
    'created', 'transition', 'gateway', 'qr', 'cancel-requested', 'security', 'recovery', 'note')),
  from_state TEXT CHECK (from_state IN ${V2_ORDER_STATES}),
  to_state TEXT CHECK (to_state IN ${V2_ORDER_STATES}),
  detail TEXT NOT NULL
) STRICT;

INSERT INTO events_v2 (seq, order_id, at, kind, from_state, to_state, detail)
  SELECT seq, order_id, at, kind, from_state, to_state, detail FROM events;

DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;

CREATE INDEX events_order ON events (order_id, seq);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'journal events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'journal events are append-only');
END;
`;
