/**
 * Opens the journal's SQLite file: refuses a damaged or too-new file without writing to it,
 * sets the durability the money needs, and migrates the schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { JournalCorruptError } from './errors.ts';
import { assertKnownVersion, migrate, schemaVersion } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import type { Migration } from './migrations.ts';

export { JournalCorruptError } from './errors.ts';

export interface OpenDatabaseOptions {
  /** Where to put the copy taken before a schema upgrade; defaults to the journal's folder. */
  backupDir?: string;
  /** Stamps the backup's name. */
  now?: () => number;
  /** Only tests pass this, to rehearse an upgrade the shipped schema has not needed yet. */
  migrations?: readonly Migration[];
}

const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const migrations = options.migrations ?? MIGRATIONS;
  if (holdsData(file)) assertKnownVersion(file, checkIntact(file), migrations);
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    // In WAL mode synchronous=NORMAL skips the fsync at commit, so a power cut can lose the last
    // transactions that were reported committed. The order row must be on disk before its charge
    // is sent (else a paid sale could vanish from the journal), so FULL: fsync the WAL every commit.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, {
      file,
      backupDir: options.backupDir ?? path.dirname(path.resolve(file)),
      now: options.now ?? Date.now,
    });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function holdsData(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

// SQLite's result codes (and their extended forms) for a file that is not (or no longer) a well-formed database.
const CORRUPT_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];

/**
 * Checks the file on a read-only connection, so a damaged journal is left byte for byte as found
 * (a read-write connection could checkpoint a leftover WAL into it on close). Returns the schema
 * version, read on the same connection, so a too-new file is also refused before any write.
 */
function checkIntact(file: string): number {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // quick_check, not integrity_check: linear time, and it still finds damaged pages and broken
    // b-trees. At start-up only the orders table (and its indexes) is checked: it is what a sale
    // and recovery rely on, and it stays small, while the event log grows to many times its size
    // (a whole-file check of a year's journal takes seconds warm and most of a minute cold).
    // verifyDatabase() checks the whole file, for `kiosk doctor` and background checks.
    const scope = hasOrdersTable(db) ? 'orders' : '1';
    const first = firstProblem(db, scope);
    if (first !== 'ok') throw new JournalCorruptError(file, first);
    return schemaVersion(db);
  } catch (error) {
    if (error instanceof Database.SqliteError && CORRUPT_CODES.some((c) => error.code.startsWith(c))) {
      throw new JournalCorruptError(file, error.message);
    }
    throw error;
  } finally {
    db?.close();
  }
}

function hasOrdersTable(db: Database.Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'orders'").get() !== undefined
  );
}

/** 'ok', or the first problem quick_check reports for the table (or '1' = the whole file). */
function firstProblem(db: Database.Database, scope: 'orders' | '1'): string {
  const problems = db.pragma(`quick_check(${scope})`, { simple: false }) as { quick_check: string }[];
  const first = problems[0]?.quick_check ?? 'quick_check returned nothing';
  // SQLite prefixes the first problem with which attached database it is in; there is only one.
  return first.replace(/^\*\*\* in database \w+ \*\*\*\s*/, '');
}

/**
 * The whole-file check (every table and index page), on its own read-only connection so it
 * can run while the kiosk works. Returns 'ok' or the first problem.
 */
export function verifyDatabase(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return firstProblem(db, '1');
  } catch (error) {
    if (error instanceof Database.SqliteError && CORRUPT_CODES.some((c) => error.code.startsWith(c))) {
      return error.message;
    }
    throw error;
  } finally {
    db.close();
  }
}
