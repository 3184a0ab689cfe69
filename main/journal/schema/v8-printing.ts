/**
 * Schema step "printing" (issue 16): print jobs and the manager's "open drawer". History: never
 * edit; append a step instead. (Its number is its place in migrations.ts, decided at merge.)
 *
 * A print job is recorded before any byte is sent and moves between states only by
 * compare-and-set (main/printing/sqlite-job-store.ts), so a job that was being sent when the
 * kiosk died is found 'sending' at the next start and printed again as a COPY, never silently.
 *
 * The payload is the receipt as it was first printed (JSON of the ReceiptDocument): a reprint, or
 * the CLI, renders exactly what the paper said, even after the settings or the catalogue changed.
 */
export const V8_PRINTING = `
CREATE TABLE print_jobs (
  id TEXT PRIMARY KEY,
  printer_id TEXT NOT NULL CHECK (length(printer_id) BETWEEN 1 AND 64),
  kind TEXT NOT NULL CHECK (kind IN ('receipt', 'refund', 'test', 'report', 'drawer')),
  -- The gateway order (or the sale, for cash) the receipt is of; NULL for a test page or a drawer.
  order_id TEXT,
  sale_id TEXT,
  payload TEXT NOT NULL,
  drawer INTEGER NOT NULL DEFAULT 0 CHECK (drawer IN (0, 1)),
  drawer_missed INTEGER NOT NULL DEFAULT 0 CHECK (drawer_missed IN (0, 1)),
  copy INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)),
  maybe_printed INTEGER NOT NULL DEFAULT 0 CHECK (maybe_printed IN (0, 1)),
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'printed', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  printed_at INTEGER,
  last_error_code TEXT,
  last_error_id TEXT,
  last_error_en TEXT,
  CHECK ((state = 'printed') = (printed_at IS NOT NULL)),
  CHECK ((last_error_code IS NULL) = (last_error_id IS NULL) AND (last_error_id IS NULL) = (last_error_en IS NULL))
) STRICT;

-- The queue asks for due jobs every time it wakes, and for 'sending' ones at start: a handful
-- among a year of printed receipts.
CREATE INDEX print_jobs_due ON print_jobs (next_attempt_at, created_at) WHERE state = 'queued';
CREATE INDEX print_jobs_sending ON print_jobs (created_at) WHERE state = 'sending';
CREATE INDEX print_jobs_sale ON print_jobs (sale_id, created_at) WHERE sale_id IS NOT NULL;
CREATE INDEX print_jobs_order ON print_jobs (order_id, created_at) WHERE order_id IS NOT NULL;

-- Every manager "open drawer": who asked (the PIN's outcome), when, which printer's drawer, and
-- the job that pulsed it. Evidence, like the events: nothing may rewrite it.
CREATE TABLE drawer_openings (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  printer_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('opened', 'pin-wrong', 'pin-locked', 'no-pin', 'no-drawer')),
  job_id TEXT REFERENCES print_jobs (id),
  detail TEXT NOT NULL,
  CHECK ((outcome = 'opened') = (job_id IS NOT NULL))
) STRICT;

CREATE TRIGGER drawer_openings_no_update BEFORE UPDATE ON drawer_openings
BEGIN
  SELECT RAISE(ABORT, 'drawer openings are append-only');
END;
CREATE TRIGGER drawer_openings_no_delete BEFORE DELETE ON drawer_openings
BEGIN
  SELECT RAISE(ABORT, 'drawer openings are append-only');
END;
`;
