/**
 * The million-order journal for the history figures. The journal bench's year (journal-build.ts)
 * is reused: its file for this schema when it exists; otherwise a cached year built for an
 * earlier schema is copied and upgraded with the product's own migrations (what a till's journal
 * goes through when this release arrives), so nobody waits minutes for a new year. Only when no
 * year exists at all is one built. The copy has a name of its own, so the journal bench never
 * removes it, and this bench never touches the journal bench's file.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { Journal } from '../main/journal/journal.ts';
import { MIGRATIONS } from '../main/journal/migrations.ts';
import { buildOrReuse, journalFile } from './journal-build.ts';

const COPY_PREFIX = 'kiosk-history-bench-';

export interface HistoryJournal {
  file: string;
  orders: number;
  busiestDay: string;
  /** How it was obtained, said with the figures. */
  how: string;
  /** Upgrading a copied year: the product's migrations to this schema, on a million orders. */
  upgrade: { fromVersion: number; toVersion: number; ms: number } | undefined;
}

interface Meta {
  orders: number;
  busiestDay: string;
}

function readMeta(file: string): Meta | undefined {
  const meta = file.replace(/\.sqlite$/, '.json');
  if (!existsSync(meta)) return undefined;
  const m = JSON.parse(readFileSync(meta, 'utf8')) as Partial<Meta>;
  return typeof m.orders === 'number' && typeof m.busiestDay === 'string'
    ? { orders: m.orders, busiestDay: m.busiestDay }
    : undefined;
}

/** Cached years of the journal bench for any schema, newest first. */
function cachedYears(): string[] {
  return readdirSync(tmpdir())
    .filter((name) => /^kiosk-bench-journal-.*-1000000\.sqlite$/.test(name))
    .map((name) => join(tmpdir(), name))
    .filter((file) => readMeta(file) !== undefined)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
}

function removeOldCopies(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (name.startsWith(COPY_PREFIX) && !join(tmpdir(), name).startsWith(keep)) {
      rmSync(join(tmpdir(), name), { force: true });
    }
  }
}

function schemaVersionOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

export function historyJournal(log: (text: string) => void): HistoryJournal {
  const current = journalFile().file;
  const own = readMeta(current);
  if (existsSync(current) && own !== undefined) {
    return { file: current, ...own, how: "the journal bench's year, for this schema", upgrade: undefined };
  }
  const source = cachedYears()[0];
  if (source === undefined) {
    const built = buildOrReuse(log);
    return {
      file: built.file,
      orders: built.orders,
      busiestDay: built.busiestDay,
      how: "the journal bench's year, built now",
      upgrade: undefined,
    };
  }
  const meta = readMeta(source) as Meta;
  const copy = join(tmpdir(), `${COPY_PREFIX}${basename(source, '.sqlite')}-to-v${MIGRATIONS.length}.sqlite`);
  if (existsSync(copy)) {
    return {
      file: copy,
      ...meta,
      how: 'a year built for an earlier schema, upgraded (cached)',
      upgrade: undefined,
    };
  }
  removeOldCopies(copy);
  log(`copying ${basename(source)} and upgrading it to this schema (a minute or two; cached) …`);
  const temp = `${copy}.building`;
  copyFileSync(source, temp);
  const fromVersion = schemaVersionOf(temp);
  const backups = join(tmpdir(), `${COPY_PREFIX}backup`);
  const started = performance.now();
  // The product's own upgrade: its pre-upgrade copy, then the migration steps.
  Journal.open(temp, { backupDir: backups }).close();
  const ms = performance.now() - started;
  rmSync(backups, { recursive: true, force: true });
  renameSync(temp, copy);
  return {
    file: copy,
    ...meta,
    how: 'a year built for an earlier schema, upgraded now',
    upgrade: { fromVersion, toVersion: MIGRATIONS.length, ms },
  };
}
