/**
 * Schema step (issue 17): reconciliation with Midtrans. History: never edit; append a step
 * instead. It depends only on `orders` (and its created_at), so it may be merged after any other
 * branch's step.
 *
 * A run asks the gateway about every order of one business day that reached it. The run row and
 * one `reconcile_checks` row per order asked make it resumable: a restarted kiosk continues the
 * running run and never asks twice about an order already checked in it. A check, its findings
 * and whatever was adopted for that order are written in one transaction, so a crash leaves all
 * of them or none. Checks and findings are append-only; a run only moves from running to done
 * (or to stopped by a newer run), never back.
 */
export const RECONCILIATION_SCHEMA = `
CREATE TABLE reconcile_runs (
  id INTEGER PRIMARY KEY,
  business_date TEXT NOT NULL
    CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  environment TEXT NOT NULL,
  from_ms INTEGER NOT NULL,
  to_ms INTEGER NOT NULL CHECK (to_ms > from_ms),
  state TEXT NOT NULL CHECK (state IN ('running', 'done', 'abandoned')),
  -- Requests per second this run was started with (a run resumed later keeps its own rate).
  rate REAL NOT NULL CHECK (rate > 0),
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  CHECK ((state = 'running') = (finished_at IS NULL))
) STRICT;

-- One running run per day and environment: a second start is refused, a restart resumes it.
CREATE UNIQUE INDEX reconcile_runs_running ON reconcile_runs (business_date, environment)
  WHERE state = 'running';
CREATE INDEX reconcile_runs_day ON reconcile_runs (business_date, id);

CREATE TRIGGER reconcile_runs_fixed BEFORE UPDATE OF
  business_date, environment, from_ms, to_ms, rate, started_at ON reconcile_runs
BEGIN
  SELECT RAISE(ABORT, 'a reconciliation run''s day and rate never change');
END;
CREATE TRIGGER reconcile_runs_ended BEFORE UPDATE ON reconcile_runs WHEN OLD.state <> 'running'
BEGIN
  SELECT RAISE(ABORT, 'an ended reconciliation run never changes');
END;
CREATE TRIGGER reconcile_runs_no_delete BEFORE DELETE ON reconcile_runs
BEGIN
  SELECT RAISE(ABORT, 'reconciliation runs are never deleted');
END;

CREATE TABLE reconcile_checks (
  run_id INTEGER NOT NULL REFERENCES reconcile_runs (id),
  order_id TEXT NOT NULL REFERENCES orders (order_id),
  at INTEGER NOT NULL,
  -- What the gateway said: a transaction_status, 'not-found', or 'untrusted' (an answer refused).
  answer TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 40),
  findings INTEGER NOT NULL CHECK (findings >= 0),
  PRIMARY KEY (run_id, order_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE reconcile_findings (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES reconcile_runs (id),
  order_id TEXT NOT NULL REFERENCES orders (order_id),
  kind TEXT NOT NULL CHECK (kind IN (
    'paid-at-gateway', 'refunded-at-gateway', 'amount-differs', 'unknown-at-gateway',
    'state-differs', 'untrusted-answer')),
  severity TEXT NOT NULL CHECK (severity IN ('money-at-risk', 'security', 'notice')),
  here TEXT NOT NULL,
  gateway TEXT NOT NULL,
  adopted INTEGER NOT NULL CHECK (adopted IN (0, 1)),
  -- What was done: the journal event or refunds written, or why nothing could be.
  action TEXT NOT NULL,
  at INTEGER NOT NULL,
  UNIQUE (run_id, order_id, kind)
) STRICT;

CREATE INDEX reconcile_findings_order ON reconcile_findings (order_id, id);

CREATE TRIGGER reconcile_checks_no_update BEFORE UPDATE ON reconcile_checks
BEGIN
  SELECT RAISE(ABORT, 'reconciliation checks are append-only');
END;
CREATE TRIGGER reconcile_checks_no_delete BEFORE DELETE ON reconcile_checks
BEGIN
  SELECT RAISE(ABORT, 'reconciliation checks are append-only');
END;
CREATE TRIGGER reconcile_findings_no_update BEFORE UPDATE ON reconcile_findings
BEGIN
  SELECT RAISE(ABORT, 'reconciliation findings are append-only');
END;
CREATE TRIGGER reconcile_findings_no_delete BEFORE DELETE ON reconcile_findings
BEGIN
  SELECT RAISE(ABORT, 'reconciliation findings are append-only');
END;

-- A run lists its day's orders by the time they were created (the day's bounds are injected).
CREATE INDEX reconcile_orders_created ON orders (created_at);
`;
