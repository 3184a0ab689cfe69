/**
 * The print queue's journal store: what it keeps, compare-and-set transitions, the queries the
 * queue wakes up with, the schema step on an existing journal, and the drawer record.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { openDatabase } from '../../main/journal/database.ts';
import type { Journal } from '../../main/journal/journal.ts';
import { migrate } from '../../main/journal/migrate.ts';
import { MIGRATIONS } from '../../main/journal/migrations.ts';
import { SqliteDrawerLog } from '../../main/printing/drawer-log.ts';
import type { PrintJobRecord } from '../../main/printing/job-store.ts';
import { PrintQueue } from '../../main/printing/queue.ts';
import {
  DUE_JOBS,
  JOB_BY_KEY,
  JOBS_IN_STATE,
  JOBS_OF_SALE,
  SqliteJobStore,
} from '../../main/printing/sqlite-job-store.ts';
import { TcpPrinter } from '../../main/printing/tcp.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { closeLater, openFixture, tempDir } from '../journal/helpers.ts';
import { saleDocument } from '../receipts/fixtures.ts';

const T0 = Date.UTC(2026, 10, 24, 3, 0, 0);

function job(overrides: Partial<PrintJobRecord> = {}): PrintJobRecord {
  return {
    id: 'job-1',
    printerId: 'till',
    kind: 'receipt',
    orderId: 'KIOSK-20261124-0001',
    saleId: 'S-42',
    payload: { type: 'receipt', document: saleDocument() },
    drawer: true,
    drawerMissed: false,
    copy: false,
    maybePrinted: false,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: T0,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

function store(): { store: SqliteJobStore; db: Database.Database; journal: Journal } {
  const { journal } = openFixture();
  return { store: new SqliteJobStore(journal.database), db: journal.database, journal };
}

describe('SqliteJobStore', () => {
  it('keeps every field of a job, the receipt itself included', () => {
    const { store: s } = store();
    const original = job({
      lastError: { code: 'unreachable', message: { id: 'Printer tidak terjangkau.', en: 'Unreachable.' } },
    });
    s.insert(original);
    expect(s.get('job-1')).toEqual(original);
    expect(s.get('nope')).toBeUndefined();
    expect(() => s.insert(job())).toThrow(/UNIQUE/);
  });

  it('transitions only from the states given: of two claims of one job, exactly one wins', () => {
    const { store: s } = store();
    s.insert(job());
    const first = s.transition('job-1', ['queued'], { state: 'sending', attempts: 1, updatedAt: T0 + 1 });
    const second = s.transition('job-1', ['queued'], { state: 'sending', attempts: 1, updatedAt: T0 + 2 });
    expect(first).toMatchObject({ state: 'sending', attempts: 1, updatedAt: T0 + 1 });
    expect(second).toBeUndefined();
    expect(s.get('job-1')?.updatedAt).toBe(T0 + 1);
    expect(s.transition('missing', ['queued'], { state: 'sending' })).toBeUndefined();
    expect(s.transition('job-1', [], { state: 'queued' })).toBeUndefined();
  });

  it('a field changed to undefined is cleared; an empty change is only the compare', () => {
    const { store: s } = store();
    s.insert(
      job({
        state: 'sending',
        lastError: { code: 'offline', message: { id: 'Printer offline.', en: 'Printer offline.' } },
      }),
    );
    const printed = s.transition('job-1', ['sending'], {
      state: 'printed',
      printedAt: T0 + 5,
      lastError: undefined,
      drawer: false,
    });
    expect(printed).toMatchObject({ state: 'printed', printedAt: T0 + 5, drawer: false });
    expect(printed).not.toHaveProperty('lastError');
    expect(s.transition('job-1', ['printed'], {})).toMatchObject({ state: 'printed' });
    expect(s.transition('job-1', ['queued'], {})).toBeUndefined();
  });

  it('refuses what the table forbids: a printed job without a time, an unknown state', () => {
    const { store: s } = store();
    s.insert(job({ state: 'sending' }));
    expect(() => s.transition('job-1', ['sending'], { state: 'printed' })).toThrow(/CHECK/);
    expect(() => s.insert(job({ id: 'job-2', state: 'lost' as never }))).toThrow(/CHECK/);
    expect(s.get('job-1')?.state).toBe('sending');
  });

  it('answers the queue: due jobs oldest first up to a limit, the next wake-up, jobs by state and by sale', () => {
    const { store: s } = store();
    s.insert(job({ id: 'b', createdAt: T0 + 2, nextAttemptAt: T0 }));
    s.insert(job({ id: 'a', createdAt: T0 + 1, nextAttemptAt: T0 + 100 }));
    s.insert(job({ id: 'c', createdAt: T0 + 3, nextAttemptAt: T0 + 50, saleId: 'S-43' }));
    s.insert(job({ id: 'd', createdAt: T0 + 4, state: 'sending' }));
    s.insert(job({ id: 'e', createdAt: T0 + 5, state: 'printed', printedAt: T0 + 6, saleId: 'S-43' }));
    expect(s.due(T0, 10).map((j) => j.id)).toEqual(['b']);
    expect(s.due(T0 + 100, 10).map((j) => j.id)).toEqual(['a', 'b', 'c']);
    expect(s.due(T0 + 100, 2).map((j) => j.id)).toEqual(['a', 'b']);
    expect(s.nextDueAt()).toBe(T0);
    expect(s.inState('sending').map((j) => j.id)).toEqual(['d']);
    expect(s.forSale('S-43').map((j) => j.id)).toEqual(['c', 'e']);
    for (const id of ['a', 'b', 'c']) s.transition(id, ['queued'], { state: 'failed' });
    expect(s.nextDueAt()).toBeUndefined();
  });

  it('answers from its indexes, never by reading every receipt ever printed', () => {
    const { db } = store();
    const plan = (query: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(plan(DUE_JOBS, T0, 10)).toContain('USING INDEX print_jobs_due');
    expect(plan(JOBS_IN_STATE.queued)).toContain('USING INDEX print_jobs_due');
    expect(plan(JOBS_IN_STATE.sending)).toContain('USING INDEX print_jobs_sending');
    expect(plan(JOBS_OF_SALE, 'S-1')).toContain('USING INDEX print_jobs_sale');
    expect(plan(JOB_BY_KEY, 'refund:R-1')).toContain('USING INDEX print_jobs_key');
  });

  it('keeps one job per key (a refund’s slip, a Z’s first print): a second is refused by the journal itself', () => {
    const { store: s } = store();
    s.insert(job({ id: 'slip-1', key: 'refund:R-1', kind: 'refund' }));
    s.insert(job({ id: 'copy-1', kind: 'refund' }));
    s.insert(job({ id: 'copy-2', kind: 'refund' }));
    expect(s.byKey('refund:R-1')).toMatchObject({ id: 'slip-1', key: 'refund:R-1' });
    expect(s.byKey('refund:R-2')).toBeUndefined();
    expect(s.get('copy-1')?.key).toBeUndefined();
    expect(() => s.insert(job({ id: 'slip-2', key: 'refund:R-1', kind: 'refund' }))).toThrow(/UNIQUE/);
    expect(s.get('slip-2')).toBeUndefined();
  });

  it('the queue runs on it: a receipt reaches a printer and the job ends printed, on disk', async () => {
    const fake = await FakePrinter.start();
    const { store: s, journal } = store();
    const queue = new PrintQueue({
      store: s,
      printers: () => ({
        kind: 'raw',
        transport: new TcpPrinter({ host: fake.host, port: fake.port }),
        width: 80,
      }),
    });
    try {
      const queued = queue.enqueue({
        printerId: 'till',
        payload: { type: 'receipt', document: saleDocument() },
      });
      expect(s.get(queued.id)?.state).toBe('queued');
      const done = await queue.settled(queued.id);
      expect(done.state).toBe('printed');
      const reread = new SqliteJobStore(new Database(journal.file, { readonly: true }));
      expect(reread.get(queued.id)).toMatchObject({ state: 'printed', attempts: 1 });
      const [printed] = await fake.waitForPrintJobs(1);
      expect(decodeEscPos(printed?.bytes ?? Buffer.alloc(0)).lines).toContain(
        'No. pesanan: KIOSK-20261124-0001',
      );
      expect(decodeEscPos(printed?.bytes ?? Buffer.alloc(0)).lines.join('\n')).not.toContain(COPY_MARK);
    } finally {
      await queue.stop();
      await fake.close();
    }
  });
});

describe('the printing schema step', () => {
  const step = MIGRATIONS.findIndex((m) => m.description.startsWith('print jobs'));
  let db: Database.Database;

  beforeEach(() => {
    expect(step).toBeGreaterThan(0);
  });
  afterEach(() => db?.close());

  it('adds the tables to a journal made before it, keeping what was there', () => {
    const file = path.join(tempDir(), 'journal.sqlite');
    db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, step), { file, backupDir: path.dirname(file), now: () => T0 });
    const tables = () =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      );
    expect(tables()).not.toContain('print_jobs');
    expect(tables()).toContain('sales');
    db.close();

    db = openDatabase(file, { now: () => T0 });
    expect(tables()).toEqual(expect.arrayContaining(['print_jobs', 'drawer_openings', 'sales', 'orders']));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('keeps the drawer record append-only, and an opening names the job that pulsed it', () => {
    const file = path.join(tempDir(), 'journal.sqlite');
    db = openDatabase(file, { now: () => T0 });
    closeLater(() => db.close());
    const s = new SqliteJobStore(db);
    const log = new SqliteDrawerLog(db);
    const {
      orderId: _order,
      saleId: _sale,
      ...rest
    } = job({ id: 'pulse', kind: 'drawer', payload: { type: 'drawer' } });
    s.insert(rest);
    const opened = log.record({
      at: T0,
      printerId: 'till',
      outcome: 'opened',
      jobId: 'pulse',
      detail: { by: 'pin' },
    });
    log.record({ at: T0 + 1, printerId: 'till', outcome: 'pin-wrong', jobId: undefined, detail: {} });
    expect(opened.seq).toBe(1);
    expect(log.recent(5).map((o) => [o.outcome, o.jobId])).toEqual([
      ['pin-wrong', undefined],
      ['opened', 'pulse'],
    ]);
    expect(() => db.prepare("UPDATE drawer_openings SET outcome = 'opened'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM drawer_openings').run()).toThrow(/append-only/);
    // An opening must name its job; a refusal must not.
    expect(() =>
      log.record({ at: T0, printerId: 'till', outcome: 'opened', jobId: undefined, detail: {} }),
    ).toThrow(/CHECK/);
    expect(() =>
      log.record({ at: T0, printerId: 'till', outcome: 'opened', jobId: 'no-such-job', detail: {} }),
    ).toThrow(/FOREIGN KEY/);
  });
});
