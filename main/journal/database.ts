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
    // quick_check, not integrity_check: it runs in linear time, which matters at every start-up of
    // a journal holding years of sales, and still finds damaged pages and broken b-trees. What it
    // skips (that each index agrees with its table) is rarer damage that integrity_check, run by
    // hand on a copy, can look for when support suspects it.
    const problems = db.pragma('quick_check(1)', { simple: false }) as { quick_check: string }[];
    const first = problems[0]?.quick_check ?? 'quick_check returned nothing';
    // SQLite prefixes the first problem with which attached database it is in; there is only one.
    if (first !== 'ok')
      throw new JournalCorruptError(file, first.replace(/^\*\*\* in database \w+ \*\*\*\s*/, ''));
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
