/**
 * The million-order journal file the journal figures read: a year of a busy till (till-year.ts),
 * written in the engine's own write order so its pages are laid out as on a real till.
 *
 * How: Journal.open creates the file through the product's migrations; then every write the
 * engine would make (createOrder, Journal.update, appendEvent) is replayed with the journal's own
 * SQL statements, one sale's writes in their order and the day's sales interleaved by time. Each
 * order row is inserted small and rewritten as it moves on, and every index (events by order
 * included) grows entry by entry. What differs from a till is only what leaves no trace in the
 * file's layout: the writes are batched a day per transaction with syncing off, and CHECK
 * constraints and foreign keys are not evaluated (the generator writes only valid rows). A
 * million fsync'd transactions would take hours.
 *
 * The result is cached under the OS temp folder, keyed by the schema (migration count and hash)
 * and the generator version, so later runs reuse it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Journal } from '../main/journal/journal.ts';
import { MIGRATIONS } from '../main/journal/migrations.ts';
import type { OrderParams } from '../main/journal/order-columns.ts';
import * as sql from '../main/journal/queries.ts';
import { generateYear, TOTAL_ORDERS } from './till-year.ts';
import type { EventRow, JournalWrite } from './till-writes.ts';

export { DAYS, ENVIRONMENT, OPEN_ORDERS, TOTAL_ORDERS } from './till-year.ts';

/** Bump when the generated data or the way they are written changes, so a stale cache is rebuilt. */
const GENERATOR_VERSION = 6;
const WIB_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;
const CACHE_PREFIX = 'kiosk-bench-journal-';

/** Said with every figure read from the file, so nobody takes it for something it is not. */
export const HOW_BUILT =
  "written in the engine's write order (each sale inserted as created, then rewritten at charging, " +
  'pending and its end, its events appended as they happen, sales interleaved by time as on a till) ' +
  "with the journal's own SQL statements; batched a day per transaction with syncing off, which " +
  'changes no page of the file';

/** How one table or index lies in the file: what the build order shows up as. */
export interface TableLayout {
  name: string;
  pages: number;
  /** Share of its pages' bytes in use. */
  fill: number;
  /** Runs of consecutive page numbers: 1 when it lies in one block, near `pages` when scattered. */
  runs: number;
}

export interface BuiltJournal {
  file: string;
  /** Whether this run built it (false: reused from the cache). */
  built: boolean;
  buildMs: number;
  orders: number;
  events: number;
  openOrders: number;
  bytes: number;
  busiestDay: string;
  busiestDayOrders: number;
  layout: TableLayout[];
}

type Meta = Omit<BuiltJournal, 'file' | 'built' | 'bytes'>;

function cacheKey(): string {
  // Every schema step's SQL lives in its own file: hash them all, with the list that orders them.
  const schemaDir = new URL('../main/journal/schema/', import.meta.url);
  const files = [
    new URL('../main/journal/migrations.ts', import.meta.url),
    new URL('../main/catalogue/migration.ts', import.meta.url),
    ...readdirSync(schemaDir)
      .sort()
      .map((name) => new URL(name, schemaDir)),
  ];
  const digest = createHash('sha256');
  for (const file of files) digest.update(readFileSync(file, 'utf8'));
  const hash = digest.digest('hex').slice(0, 10);
  return `${CACHE_PREFIX}v${MIGRATIONS.length}-${hash}-g${GENERATOR_VERSION}-${TOTAL_ORDERS}`;
}

export function journalFile(): { file: string; meta: string } {
  const base = join(tmpdir(), cacheKey());
  return { file: `${base}.sqlite`, meta: `${base}.json` };
}

/** Files of several GB: a cache built for another schema or generator is never read again. */
function removeStaleCaches(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (name.startsWith(CACHE_PREFIX) && !name.startsWith(keep))
      rmSync(join(tmpdir(), name), { force: true });
  }
}

/** Replays one day's writes as the Journal makes them; an update that finds no row is a generator bug. */
function writer(db: Database.Database): (writes: JournalWrite[]) => void {
  const insertOrder = db.prepare<[OrderParams]>(sql.INSERT_ORDER);
  const updateOrder = db.prepare<[OrderParams & { expected_state: string }]>(sql.UPDATE_ORDER);
  const insertEvent = db.prepare<EventRow>(sql.INSERT_EVENT);
  return db.transaction((writes: JournalWrite[]) => {
    for (const w of writes) {
      if (w.op === 'create') insertOrder.run(w.row);
      if (w.op === 'update') {
        const changed = updateOrder.run({ ...w.row, expected_state: w.expected }).changes;
        if (changed !== 1) throw new Error(`bench journal: ${w.row.order_id} was not ${w.expected}`);
      }
      insertEvent.run(...w.event);
    }
  });
}

/** Read once, at build time: a walk over every page of the file (SQLite's dbstat). */
function layoutOf(db: Database.Database): TableLayout[] {
  const pages = db
    .prepare<[], { name: string; pageno: number; pgsize: number; unused: number }>(
      "SELECT name, pageno, pgsize, unused FROM dbstat WHERE name IN ('orders', 'events', 'events_order', 'orders_day') ORDER BY name, pageno",
    )
    .all();
  const byName = new Map<string, TableLayout & { used: number; size: number; last: number }>();
  for (const p of pages) {
    let t = byName.get(p.name);
    if (t === undefined) {
      t = { name: p.name, pages: 0, fill: 0, runs: 0, used: 0, size: 0, last: -2 };
      byName.set(p.name, t);
    }
    t.pages += 1;
    t.used += p.pgsize - p.unused;
    t.size += p.pgsize;
    if (p.pageno !== t.last + 1) t.runs += 1;
    t.last = p.pageno;
  }
  return [...byName.values()].map((t) => ({
    name: t.name,
    pages: t.pages,
    fill: t.used / t.size,
    runs: t.runs,
  }));
}

/** Returns the cached million-order journal, building it first when there is none. */
export function buildOrReuse(log: (text: string) => void): BuiltJournal {
  const { file, meta } = journalFile();
  if (existsSync(file) && existsSync(meta)) {
    const m = JSON.parse(readFileSync(meta, 'utf8')) as Meta;
    return { file, built: false, ...m, bytes: statSync(file).size };
  }
  removeStaleCaches(cacheKey());
  const temp = `${file}.building`;
  for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) rmSync(f, { force: true });
  log(
    `building ${TOTAL_ORDERS.toLocaleString('en')} orders into ${file} in the engine's write order ` +
      '(several minutes; cached for later runs) …',
  );
  const started = performance.now();
  // The product's own migrations make the schema, indexes included.
  Journal.open(temp).close();
  const db = new Database(temp);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('foreign_keys = OFF');
    db.pragma('ignore_check_constraints = ON');
    const todayUtc = Math.floor((Date.now() + WIB_MINUTES * 60_000) / DAY_MS) * DAY_MS;
    const year = generateYear(todayUtc - DAY_MS, writer(db));
    const buildMs = performance.now() - started;
    log('built; reading its layout …');
    const layout = layoutOf(db);
    // Left as the kiosk leaves it: WAL, so opening it takes the product's usual path.
    db.pragma('journal_mode = WAL');
    db.close();
    const m: Meta = { ...year, buildMs, layout };
    renameSync(temp, file);
    writeFileSync(meta, JSON.stringify(m));
    return { file, built: true, ...m, bytes: statSync(file).size };
  } catch (error) {
    if (db.open) db.close();
    rmSync(temp, { force: true });
    throw error;
  }
}
