/**
 * Schema step (issue 17, the Z's reconciliation line): a sequence number for every reconciliation
 * check. History: never edit; append a step instead.
 *
 * reconcile_checks is keyed by (run, order) without a rowid, so it has no order a Z could keep as
 * a mark; findings have their ids. A Z counts the checks and findings written between two marks,
 * like every other log, so `kiosk report z --verify` recomputes it identically whatever ran after.
 * The trigger numbers each check in the same transaction that writes it; checks made before this
 * step are numbered once, in the order they were made.
 */
export const RECONCILE_CHECK_SEQ = `
CREATE TABLE reconcile_check_seq (
  seq INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES reconcile_runs (id),
  order_id TEXT NOT NULL,
  UNIQUE (run_id, order_id)
) STRICT;

INSERT INTO reconcile_check_seq (run_id, order_id)
  SELECT run_id, order_id FROM reconcile_checks ORDER BY at, run_id, order_id;

CREATE TRIGGER reconcile_checks_numbered AFTER INSERT ON reconcile_checks
BEGIN
  INSERT INTO reconcile_check_seq (run_id, order_id) VALUES (NEW.run_id, NEW.order_id);
END;
CREATE TRIGGER reconcile_check_seq_no_update BEFORE UPDATE ON reconcile_check_seq
BEGIN
  SELECT RAISE(ABORT, 'reconciliation check numbers are append-only');
END;
CREATE TRIGGER reconcile_check_seq_no_delete BEFORE DELETE ON reconcile_check_seq
BEGIN
  SELECT RAISE(ABORT, 'reconciliation check numbers are append-only');
END;
`;
