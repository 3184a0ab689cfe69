/**
 * Schema step (issue 17): cashiers, shifts with their drawer's append-only history, the sale's
 * shift and cashier, and the Z reports. History: never edit; append a step instead. (Numbered by
 * its place in migrations.ts, not here, so it can be renumbered when branches merge.)
 *
 * The rules that keep the money provable live in the database, not only in the code, so that a
 * second process (the CLI beside the app) cannot slip past them:
 * - one open shift per environment; a sale belongs to exactly the open shift and its cashier;
 * - a closed shift, a drawer movement and a Z are never changed or deleted;
 * - Zs are numbered 1, 2, 3… per environment, each sealed with the previous one's hash, and a
 *   business day has at most one Z.
 */
export const SHIFTS_AND_Z_REPORTS = `
CREATE TABLE cashiers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  -- The name folded for uniqueness ("Sari" and "sari" are one cashier).
  name_key TEXT NOT NULL UNIQUE,
  -- The PIN as the manager PIN is kept: a salted scrypt record (JSON), never the digits.
  pin TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  failed_attempts INTEGER NOT NULL CHECK (failed_attempts >= 0),
  lockouts INTEGER NOT NULL CHECK (lockouts >= 0),
  locked_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE shifts (
  id INTEGER PRIMARY KEY,
  environment TEXT NOT NULL,
  cashier_id INTEGER REFERENCES cashiers (id),
  -- The name as it was when the shift opened: renaming a cashier later changes no shift.
  cashier_name TEXT,
  opened_at INTEGER NOT NULL,
  opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
  float_count TEXT,
  closed_at INTEGER,
  counted INTEGER CHECK (counted >= 0),
  count_detail TEXT,
  expected INTEGER,
  -- The drawer's figures frozen at close (JSON): what the shift's reports show ever after.
  drawer TEXT,
  note TEXT,
  CHECK ((cashier_id IS NULL) = (cashier_name IS NULL)),
  CHECK ((closed_at IS NULL) = (counted IS NULL)),
  CHECK ((closed_at IS NULL) = (expected IS NULL)),
  CHECK ((closed_at IS NULL) = (drawer IS NULL))
) STRICT;

CREATE UNIQUE INDEX shifts_one_open ON shifts (environment) WHERE closed_at IS NULL;

CREATE TRIGGER shifts_closed_never_change BEFORE UPDATE ON shifts WHEN OLD.closed_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a closed shift is never changed');
END;
CREATE TRIGGER shifts_opening_never_changes
BEFORE UPDATE OF id, environment, cashier_id, cashier_name, opened_at, opening_float, float_count ON shifts
BEGIN
  SELECT RAISE(ABORT, 'how a shift opened is never changed');
END;
CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
BEGIN
  SELECT RAISE(ABORT, 'shifts are never deleted');
END;

-- The drawer's history: opened (float), cash in, cash out, closed (counted). Append-only, and its
-- seq orders everything a Z covers.
CREATE TABLE shift_events (
  seq INTEGER PRIMARY KEY,
  shift_id INTEGER NOT NULL REFERENCES shifts (id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('opened', 'cash-in', 'cash-out', 'closed')),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  reason TEXT,
  detail TEXT NOT NULL,
  CHECK ((kind IN ('cash-in', 'cash-out')) = (reason IS NOT NULL)),
  CHECK (kind NOT IN ('cash-in', 'cash-out') OR amount > 0)
) STRICT;

CREATE INDEX shift_events_shift ON shift_events (shift_id, seq);

CREATE TRIGGER shift_events_no_update BEFORE UPDATE ON shift_events
BEGIN
  SELECT RAISE(ABORT, 'drawer events are append-only');
END;
CREATE TRIGGER shift_events_no_delete BEFORE DELETE ON shift_events
BEGIN
  SELECT RAISE(ABORT, 'drawer events are append-only');
END;

-- Settings that belong with the money (so the CLI and the app read the same): the shift policy.
CREATE TABLE day_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

ALTER TABLE sales ADD COLUMN shift_id INTEGER REFERENCES shifts (id);
ALTER TABLE sales ADD COLUMN cashier_id INTEGER REFERENCES cashiers (id);
CREATE INDEX sales_shift ON sales (shift_id) WHERE shift_id IS NOT NULL;

-- The X and Z read each sale, its cash and its settled charges by the sale's id, for these columns
-- only: from indexes that hold them, rather than from rows that are mostly a priced breakdown or a
-- QR (JSON, URLs). That is most of the Z's time on a busy day (bench/z-report.ts). The first two
-- are written once per sale; the third only for orders of till sales, as their state moves.
CREATE INDEX sales_report ON sales (sale_id, environment, created_at, shift_id, subtotal, line_discounts,
  order_discount, service, tax, tax_included, total);
CREATE INDEX cash_tenders_report ON cash_tenders (sale_id, state, amount);
CREATE INDEX orders_sale_report ON orders (sale_id, state, gross_amount) WHERE sale_id IS NOT NULL;

-- A sale belongs to the open shift of its environment (none when none is open) and its cashier,
-- checked as it is written: a shift closed by another process a moment earlier cannot take it.
CREATE TRIGGER sales_belong_to_the_open_shift BEFORE INSERT ON sales
WHEN NEW.shift_id IS NOT (SELECT id FROM shifts WHERE environment = NEW.environment AND closed_at IS NULL)
  OR NEW.cashier_id IS NOT (SELECT cashier_id FROM shifts WHERE id = NEW.shift_id)
BEGIN
  SELECT RAISE(ABORT, 'a sale belongs to the open shift of its environment and to its cashier');
END;
CREATE TRIGGER sales_shift_never_changes BEFORE UPDATE OF shift_id, cashier_id ON sales
BEGIN
  SELECT RAISE(ABORT, 'the shift of a sale is never changed');
END;

CREATE TABLE z_reports (
  id INTEGER PRIMARY KEY,
  environment TEXT NOT NULL,
  number INTEGER NOT NULL CHECK (number >= 1),
  business_date TEXT NOT NULL
    CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  closed_at INTEGER NOT NULL,
  -- The shop's zone when it closed: its hours and times read in it ever after.
  utc_offset_minutes INTEGER NOT NULL CHECK (utc_offset_minutes BETWEEN -840 AND 840),
  -- The close of the Z before (NULL for the first): the period is (period_from, closed_at].
  period_from INTEGER,
  -- For each journal log, the range of its seq this Z covers: {"events":[from,to],...} (JSON).
  marks TEXT NOT NULL,
  -- The figures as shown, printed and exported, frozen (JSON).
  figures TEXT NOT NULL,
  previous_hash TEXT,
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  UNIQUE (environment, number),
  UNIQUE (environment, business_date)
) STRICT;

-- Numbers without gaps, each Z chained to the one before, days only forwards.
CREATE TRIGGER z_reports_in_sequence BEFORE INSERT ON z_reports
WHEN NEW.number IS NOT (SELECT coalesce(max(number), 0) + 1 FROM z_reports WHERE environment = NEW.environment)
  OR NEW.previous_hash IS NOT (
    SELECT hash FROM z_reports WHERE environment = NEW.environment ORDER BY number DESC LIMIT 1)
  OR NEW.business_date <= coalesce(
    (SELECT max(business_date) FROM z_reports WHERE environment = NEW.environment), '')
BEGIN
  SELECT RAISE(ABORT, 'a Z follows the last one: the next number, its hash, a later business day');
END;
CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
BEGIN
  SELECT RAISE(ABORT, 'a Z report never changes');
END;
CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
BEGIN
  SELECT RAISE(ABORT, 'a Z report is never deleted');
END;
`;
