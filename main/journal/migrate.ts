/**
 * Brings an open journal up to the schema this build writes, one recorded step at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { JournalTooNewError } from './errors.ts';
import type { Migration } from './migrations.ts';

export interface MigrateOptions {
  /** The journal's own path, for messages. */
  file: string;
  /** Where the pre-upgrade copy goes. */
  backupDir: string;
  now: () => number;
}

export interface MigrateResult {
  from: number;
  to: number;
  /** Path of the copy taken before upgrading, if one was needed. */
  backup: string | undefined;
}

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertKnownVersion(file: string, version: number, migrations: readonly Migration[]): void {
  if (version > migrations.length) throw new JournalTooNewError(file, version, migrations.length);
}

export function migrate(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[],
  options: MigrateOptions,
): MigrateResult {
  const from = schemaVersion(db);
  assertKnownVersion(options.file, from, migrations);
  if (from === migrations.length) return { from, to: from, backup: undefined };
  // A new file holds nothing worth keeping; an old one holds every sale the shop made, and a
  // migration bug must not be able to take them with it.
  const backup = from > 0 ? backUp(db, from, options) : undefined;
  for (const [index, step] of migrations.slice(from).entries()) {
    const next = from + index + 1;
    // Foreign keys can only be switched outside a transaction; a rebuilt table is dropped and
    // renamed while others still point at its name (SQLite's documented 12-step procedure).
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (step.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      // user_version lives in the file header and is written inside the transaction, so a crash
      // leaves the file at either the old or the new version, never between.
      db.transaction(() => {
        step.up(db);
        if (step.rebuildsTables) {
          const dangling = db.pragma('foreign_key_check') as unknown[];
          if (dangling.length > 0) {
            throw new Error(`migration ${next} would leave ${dangling.length} dangling reference(s)`);
          }
        }
        db.pragma(`user_version = ${next}`);
      }).immediate();
    } finally {
      if (step.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
  return { from, to: migrations.length, backup };
}

function backUp(db: BetterSqlite3.Database, version: number, options: MigrateOptions): string {
  fs.mkdirSync(options.backupDir, { recursive: true });
  // Colons and dots are not allowed (or are awkward) in Windows file names.
  const stamp = new Date(options.now()).toISOString().replace(/[:.]/g, '-');
  const target = path.join(options.backupDir, `journal-v${version}-${stamp}.sqlite`);
  // VACUUM INTO writes a consistent, compacted snapshot, and refuses to overwrite an existing file.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
