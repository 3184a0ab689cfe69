/** Schema step 1 (issue 3): orders and their append-only event log. History: never edit. */
// STRICT: money and timestamps must be stored as integers, never silently as text or real.
export const V1_ORDERS_AND_EVENTS = `
CREATE TABLE orders (
  -- History pages by this key. Declared (not the implicit rowid) so VACUUM can never renumber it;
  -- orders are never deleted, so it only grows.
  id INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE,
  environment TEXT NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('created', 'charging', 'pending', 'settlement', 'expire', 'cancel', 'deny', 'failed')),
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
  end_reason TEXT CHECK (end_reason IN (
    'cashier-cancel', 'kiosk-timeout', 'charge-refused', 'charge-not-received',
    'qr-unavailable', 'gateway-failure', 'environment-mismatch')),
  detail TEXT
) STRICT;

-- Start-up recovery and the live screens look only at unfinished orders: a handful among a
-- million, so index just those. Queries must repeat this exact IN list for the planner to use it.
CREATE INDEX orders_open ON orders (created_at)
  WHERE state IN ('created', 'charging', 'pending');

-- The day report reads only this index (it covers every column the report groups and sums).
CREATE INDEX orders_day ON orders (business_date, state, paid_with, payment_type, issuer, gross_amount);

-- seq needs no AUTOINCREMENT (an extra page write per commit): events can never be deleted
-- (trigger below) and orders cannot be while events point at them, so a seq is never reused.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (order_id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (
    'created', 'transition', 'gateway', 'qr', 'cancel-requested', 'security', 'recovery', 'note')),
  from_state TEXT
    CHECK (from_state IN ('created', 'charging', 'pending', 'settlement', 'expire', 'cancel', 'deny', 'failed')),
  to_state TEXT
    CHECK (to_state IN ('created', 'charging', 'pending', 'settlement', 'expire', 'cancel', 'deny', 'failed')),
  detail TEXT NOT NULL
) STRICT;

CREATE INDEX events_order ON events (order_id, seq);

-- The event log is evidence of what the gateway was told and answered; nothing may rewrite it.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'journal events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'journal events are append-only');
END;
`;
