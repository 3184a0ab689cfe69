/**
 * The journal's schema, as an ordered list of steps. Step i (0-based) brings a file from
 * user_version i to i + 1. A step is history: once shipped it is never edited, because files
 * already migrated by it would silently differ from new ones. Change the schema by appending.
 *
 * That is also why the CHECK lists below are spelled out rather than built from ORDER_STATES and
 * friends: a new state added to the code must arrive with a migration that widens the check.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { CATALOGUE_MIGRATION } from '../catalogue/migration.ts';
import { V1_ORDERS_AND_EVENTS } from './schema/v1-orders-events.ts';
import { V2_REVIEW_AND_ALERTS } from './schema/v2-review-alerts.ts';
import { V4_SALES } from './schema/v4-sales.ts';
import { V5_REFUNDS } from './schema/v5-refunds.ts';
import { SHIFTS_AND_Z_REPORTS } from './schema/v6-shifts-z-reports.ts';
import { HISTORY_SEARCH_INDEXES } from './schema/v7-history-search.ts';
import { V8_PRINTING } from './schema/v8-printing.ts';
import { RECONCILIATION_SCHEMA } from './schema/v9-reconciliation.ts';
import { PRINT_JOB_KEYS } from './schema/v10-print-job-keys.ts';
import { RECONCILE_CHECK_SEQ } from './schema/v11-reconcile-check-seq.ts';

export interface Migration {
  readonly description: string;
  /**
   * The step rebuilds a table other tables reference (SQLite cannot change a CHECK in place).
   * migrate() then runs it with foreign keys off, as SQLite's documented procedure requires,
   * and refuses to commit if a reference dangles afterwards.
   */
  readonly rebuildsTables?: boolean;
  up(db: BetterSqlite3.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'orders, append-only events',
    up: (db) => db.exec(V1_ORDERS_AND_EVENTS),
  },
  {
    description: "the held state 'review', fraud_status, confirmed unpaid, security alerts",
    rebuildsTables: true,
    up: (db) => db.exec(V2_REVIEW_AND_ALERTS),
  },
  CATALOGUE_MIGRATION,
  {
    description: 'sales: lines, totals, cash tenders, their events; orders linked to their sale',
    up: (db) => db.exec(V4_SALES),
  },
  {
    description:
      'refunds: journaled with their refund_key before the gateway is asked; their append-only events',
    up: (db) => db.exec(V5_REFUNDS),
  },
  {
    description: 'cashiers, shifts and their drawer events, the shift of a sale, Z reports',
    up: (db) => db.exec(SHIFTS_AND_Z_REPORTS),
  },
  {
    description: 'history search: keyset paging, amount and transaction id, sales by state',
    up: (db) => db.exec(HISTORY_SEARCH_INDEXES),
  },
  {
    description: "print jobs (receipts, test pages, drawer pulses) and the manager's drawer openings",
    up: (db) => db.exec(V8_PRINTING),
  },
  {
    description: 'reconciliation with Midtrans: runs, the orders each asked about, its findings',
    up: (db) => db.exec(RECONCILIATION_SCHEMA),
  },
  {
    description: "print jobs keyed by the paper they stand for: a refund's slip, a Z's first print",
    up: (db) => db.exec(PRINT_JOB_KEYS),
  },
  {
    description:
      'reconciliation checks numbered in order, so a Z can mark where its reconciliation line ends',
    up: (db) => db.exec(RECONCILE_CHECK_SEQ),
  },
];
