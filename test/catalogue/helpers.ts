import Database from 'better-sqlite3';
import { CATALOGUE_MIGRATION } from '../../main/catalogue/migration.ts';
import { CatalogueStore } from '../../main/catalogue/store.ts';
import type { CatalogueResult } from '../../main/catalogue/types.ts';

/** A fresh in-memory database with the catalogue step applied, as the journal will apply it. */
export function freshStore(): CatalogueStore {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.transaction(() => CATALOGUE_MIGRATION.up(db))();
  let clock = 1_700_000_000_000;
  return new CatalogueStore(db, { now: () => clock++ });
}

export function ok<T>(result: CatalogueResult<T>): T {
  if (!result.ok) throw new Error(`expected ok: ${JSON.stringify(result.problems)}`);
  return result.value;
}

export function codes<T>(result: CatalogueResult<T>): string[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => (p.line === undefined ? p.code : `${p.line}:${p.code}`));
}
