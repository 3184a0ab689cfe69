/**
 * A till closing its day, as the Z crash tests run it: a real process on the journal's file that
 * the parent SIGKILLs. Like crash-point.ts it finds the write points by wrapping what the code under
 * test already uses, here the connection's prepare(): every INSERT, UPDATE or DELETE the day's
 * services run is a point, so a kill can land just before a write, just after it while its
 * transaction is still open, or once the Z is committed.
 *
 * Usage: node test/crash/z-child.ts '<ZChildSpec as JSON>'
 *   mode 'close': one Z, optionally killed at a point.
 *   mode 'loop':  sell a few cash sales, close the Z of the next day, and again, until killed.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_PRICING_SETTINGS, priceCart } from '../../common/pricing/index.ts';
import { Journal } from '../../main/journal/journal.ts';
import { openDay } from '../../main/reports/day-services.ts';
import { SalesBook } from '../../main/sales/sales-book.ts';
import { rng } from './random.ts';

export interface ZChildSpec {
  file: string;
  environment: string;
  mode: 'close' | 'loop';
  /** The business day of the (first) Z. */
  date: string;
  crashAt?: { when: 'before' | 'after' | 'committed'; n: number };
  seed?: number;
}

export type ZChildLine =
  | { t: 'ready' }
  | { t: 'write'; n: number; sql: string }
  | { t: 'crash-point'; when: string; n: number; sql: string }
  | { t: 'closed'; number: number; hash: string; date: string }
  | { t: 'refused'; code: string }
  | { t: 'no-crash'; writes: number };

function say(line: ZChildLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function die(): never {
  process.kill(process.pid, 'SIGKILL');
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE)\b/i;

/** Wraps every write statement prepared from now on; returns how many have run. */
function armWrites(db: BetterSqlite3.Database, point: ZChildSpec['crashAt']): () => number {
  let writes = 0;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!WRITE.test(sql)) return statement;
    const run = statement.run.bind(statement);
    const label = sql.trim().split(/\s+/).slice(0, 3).join(' ');
    statement.run = ((...args: unknown[]) => {
      const n = writes + 1;
      if (point?.when === 'before' && point.n === n) {
        say({ t: 'crash-point', when: 'before', n, sql: label });
        die();
      }
      const result = run(...(args as []));
      writes = n;
      say({ t: 'write', n, sql: label });
      if (point?.when === 'after' && point.n === n) {
        say({ t: 'crash-point', when: 'after', n, sql: label });
        die();
      }
      return result;
    }) as typeof statement.run;
    return statement;
  }) as typeof db.prepare;
  return () => writes;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const argument = process.argv[2];
if (argument === undefined) throw new Error('usage: z-child.ts <ZChildSpec JSON>');
const spec = JSON.parse(argument) as ZChildSpec;
const journal = Journal.open(spec.file);
const clock = { now: () => Date.now() };
const writes = spec.mode === 'close' ? armWrites(journal.database, spec.crashAt) : () => 0;
const day = openDay({ db: journal.database, environment: spec.environment, clock, utcOffsetMinutes: 420 });
say({ t: 'ready' });

if (spec.mode === 'close') {
  try {
    const z = day.reports.closeZ(spec.date);
    say({ t: 'closed', number: z.number ?? 0, hash: z.hash ?? '', date: z.businessDate });
    if (spec.crashAt?.when === 'committed') {
      say({ t: 'crash-point', when: 'committed', n: writes(), sql: 'commit' });
      die();
    }
  } catch (error) {
    say({ t: 'refused', code: (error as { code?: string }).code ?? String(error) });
  }
  say({ t: 'no-crash', writes: writes() });
  journal.close();
} else {
  const random = rng(spec.seed ?? 1);
  const book = new SalesBook(journal.database);
  let date = spec.date;
  for (let round = 0; ; round++) {
    for (let i = 0, n = random.int(1, 4); i < n; i++) {
      const priced = priceCart({
        lines: [
          {
            name: `Barang ${random.int(1, 9)}`,
            unitPrice: random.int(1, 50) * 500,
            quantity: random.int(1, 3),
          },
        ],
        settings: DEFAULT_PRICING_SETTINGS,
      });
      if (!priced.ok) throw new Error('a test cart did not price');
      const b = priced.value;
      const at = clock.now();
      book.create({
        saleId: `S-${process.pid}-${round}-${i}-${at}`,
        environment: spec.environment,
        createdAt: at,
        businessDate: date,
        breakdown: b,
        cash: { amount: b.cashTotal, received: b.cashTotal + random.int(0, 3) * 1_000 },
        paid: true,
      });
    }
    const z = day.reports.closeZ(date);
    say({ t: 'closed', number: z.number ?? 0, hash: z.hash ?? '', date });
    date = nextDay(date);
  }
}
