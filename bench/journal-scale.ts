/**
 * Figure 3: the journal after a year of sales. The reads (start-up, day report, history pages,
 * the whole-file check: journal-read.ts) run over the million-order file built in the engine's
 * write order (journal-build.ts); the write path runs on fresh small files so the cached year is
 * never changed.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Journal } from '../main/journal/journal.ts';
import { ORDER_COLUMNS } from '../main/journal/order-columns.ts';
import type { OrderParams } from '../main/journal/order-columns.ts';
import type { NewOrderRecord } from '../main/journal/types.ts';
import { buildOrReuse, DAYS, HOW_BUILT } from './journal-build.ts';
import { readFigures } from './journal-read.ts';
import { removeDir, tempDir } from './harness.ts';
import { mean, median, ms, num, summarize } from './stats.ts';
import type { Report } from './stats.ts';

const WRITES = 2000;
const WRITE_WARM_UP = 100;
const SALES = 500;
const GOAL_WRITE_RATIO = 1.5;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

export async function benchJournal(report: Report): Promise<void> {
  console.log('\n== 3. journal at 1,000,000 orders');
  const built = buildOrReuse((text) => report.info(text));
  const gb = built.bytes / 1024 ** 3;
  report.info(
    `${built.built ? 'built' : 'reused cached'} ${built.file} (${num(gb)} GB): ${built.orders.toLocaleString('en')} orders, ` +
      `${built.events.toLocaleString('en')} events (${num(built.events / built.orders)}/order), ` +
      `${built.openOrders} open, ${DAYS} business days; built in ${num(built.buildMs / 1000)} s, ${HOW_BUILT}`,
  );
  report.info(
    'events per order follow the engine: one per gateway call or state change, with unchanged "still pending" ' +
      'status answers counted in a single event',
  );
  report.info(
    `layout (pages, bytes in use, runs of consecutive pages): ` +
      built.layout
        .map((t) => `${t.name} ${t.pages} pages, ${num(t.fill * 100)}% full, ${t.runs} runs`)
        .join('; '),
  );

  await readFigures(report, built);
  await writeFigures(report);
}

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function orderId(prefix: string, i: number): string {
  let tail = '';
  for (let k = 0, n = i; k < 6; k++, n = Math.floor(n / 32)) tail = (BASE32[n % 32] ?? '0') + tail;
  return `${prefix}20261124-101500-${tail}`;
}

function record(id: string, at: number): NewOrderRecord {
  return {
    orderId: id,
    environment: 'production',
    paymentType: 'qris',
    grossAmount: 44_000,
    items: [
      { id: 'kopi-susu', name: 'Kopi susu gula aren', price: 22_000, quantity: 1 },
      { id: 'roti-bakar', name: 'Roti bakar coklat keju', price: 22_000, quantity: 1 },
    ],
    createdAt: at,
    deadlineAt: at + 15 * 60_000,
    businessDate: '2026-11-24',
  };
}

/** The row createOrder writes, as column values. */
function createdParams(rec: NewOrderRecord): OrderParams {
  const none = Object.fromEntries(ORDER_COLUMNS.map((c) => [c, null])) as unknown as OrderParams;
  return {
    ...none,
    order_id: rec.orderId,
    environment: rec.environment,
    state: 'created',
    payment_type: rec.paymentType,
    gross_amount: rec.grossAmount,
    items: JSON.stringify(rec.items),
    created_at: rec.createdAt,
    updated_at: rec.createdAt,
    deadline_at: rec.deadlineAt,
    business_date: rec.businessDate,
    attempt: 0,
  };
}

/** The same durability the journal asks for, on a table with the orders table's columns and nothing else. */
function openBare(file: string): { insert: (p: OrderParams) => void; close: () => void } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const rest = ORDER_COLUMNS.filter((c) => c !== 'order_id');
  db.exec(`CREATE TABLE orders (id INTEGER PRIMARY KEY, order_id TEXT NOT NULL UNIQUE, ${rest.join(', ')})`);
  const stmt = db.prepare<[OrderParams]>(
    `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${ORDER_COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  return { insert: (p) => void stmt.run(p), close: () => db.close() };
}

async function writeFigures(report: Report): Promise<void> {
  const dir = tempDir('jwrite');
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  const bare = openBare(join(dir, 'bare.sqlite'));
  try {
    const now = Date.now();
    // The bare side gets its parameters ready-made: what it measures is SQLite's own commit.
    const bareParams = (i: number): OrderParams => createdParams(record(orderId('B', i), now + i));
    for (let i = 0; i < WRITE_WARM_UP; i++) {
      journal.createOrder(record(orderId('W', i), now + i));
      bare.insert(bareParams(i));
    }
    const journalMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = WRITE_WARM_UP; i < WRITE_WARM_UP + WRITES; i++) {
      const rec = record(orderId('W', i), now + i);
      const params = bareParams(i);
      // Alternate who goes first, so neither always writes right after the other's fsync.
      const runJournal = () => journalMs.push(timed(() => journal.createOrder(rec)).ms);
      const runBare = () => bareMs.push(timed(() => bare.insert(params)).ms);
      if (i % 2 === 0) {
        runJournal();
        runBare();
      } else {
        runBare();
        runJournal();
      }
    }
    const j = summarize(journalMs);
    const b = summarize(bareMs);
    report.info(
      `write path, ${WRITES} commits each, alternated, WAL + synchronous=FULL on fresh files: journal.createOrder ` +
        `p50 ${ms(j.p50)} (mean ${ms(mean(journalMs))}); bare single-row INSERT p50 ${ms(b.p50)} (mean ${ms(mean(bareMs))})`,
    );
    const ratio = j.p50 / b.p50;
    report.add({
      group: '3 journal',
      metric: 'createOrder ÷ bare INSERT',
      n: WRITES,
      p50: `${num(ratio)}×`,
      p95: `${num(j.p95 / b.p95)}×`,
      goal: `p50 ratio ≤ ${GOAL_WRITE_RATIO}×`,
      ratio: ratio / GOAL_WRITE_RATIO,
      met: ratio <= GOAL_WRITE_RATIO,
    });

    // A whole sale as the engine journals it: the order, then charging, pending and settlement.
    const perSale: number[] = [];
    const appendMs: number[] = [];
    for (let i = 0; i < SALES; i++) {
      const at = now + 10_000 + i;
      const id = orderId('S', i);
      const started = performance.now();
      const row = journal.createOrder(record(id, at));
      journal.update(
        id,
        'created',
        { state: 'charging', attempt: 1, attemptKey: `key-${id}`, attemptSentAt: at + 1 },
        { kind: 'transition', at: at + 1 },
      );
      journal.update(
        id,
        'charging',
        {
          state: 'pending',
          transactionId: `tx-${id}`,
          gatewayStatus: 'pending',
          acquirer: 'gopay',
          qrPath: `/var/lib/kiosk/qr/${id}.local.png`,
          qrSource: 'local',
          qrString: `00020101021226620014COM.GO-JEK.WWW${'0'.repeat(180)}`,
          qrUrl: `https://api.midtrans.com/v2/qris/tx-${id}/qr-code`,
          gatewayExpiryAt: row.deadlineAt,
        },
        { kind: 'transition', at: at + 200 },
      );
      journal.update(
        id,
        'pending',
        { state: 'settlement', paidWith: 'qris', issuer: 'ovo', settledAt: at + 9000, finalAt: at + 9000 },
        { kind: 'transition', at: at + 9000 },
      );
      perSale.push(performance.now() - started);
      appendMs.push(
        timed(() =>
          journal.appendEvent(id, {
            kind: 'gateway',
            at: at + 9001,
            detail: {
              operation: 'status',
              outcome: 'ok',
              ms: 143,
              transactionStatus: 'settlement',
              paid: true,
            },
          }),
        ).ms,
      );
    }
    const sale = summarize(perSale);
    const append = median(appendMs);
    report.info(
      `per sale, createOrder + 3 journal.update (charging, pending, settlement): p50 ${ms(sale.p50)}, p95 ${ms(sale.p95)} ` +
        `over ${SALES} sales; each engine gateway call and QR save adds an appendEvent (p50 ${ms(append)}), ` +
        `e.g. a QRIS sale paid after ~8 polls ≈ ${ms(sale.p50 + append * 12)} of journal commits in all`,
    );
  } finally {
    journal.close();
    bare.close();
    removeDir(dir);
  }
}
