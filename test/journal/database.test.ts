import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JournalCorruptError, openDatabase, verifyDatabase } from '../../main/journal/database.ts';
import { JournalTooNewError } from '../../main/journal/errors.ts';
import { Journal } from '../../main/journal/journal.ts';
import { migrate } from '../../main/journal/migrate.ts';
import { MIGRATIONS } from '../../main/journal/migrations.ts';
import type { Migration } from '../../main/journal/migrations.ts';
import { ORDER_COLUMNS } from '../../main/journal/order-columns.ts';
import * as sql from '../../main/journal/queries.ts';
import { closeLater, newRecord, tempDir } from './helpers.ts';

const NOW = Date.UTC(2026, 10, 24, 3, 0, 0);
const STAMP = '2026-11-24T03-00-00-000Z';
const CURRENT = MIGRATIONS.length;

function open(file: string, options: Parameters<typeof openDatabase>[1] = {}): Database.Database {
  const db = openDatabase(file, options);
  closeLater(() => db.close());
  return db;
}

/** A closed journal file at the current schema (CURRENT) holding `orders` sales. */
function journalFile(orders = 1): { dir: string; file: string; orderIds: string[] } {
  const dir = tempDir();
  const file = path.join(dir, 'journal.sqlite');
  const journal = Journal.open(file);
  const orderIds = Array.from({ length: orders }, () => journal.createOrder(newRecord()).orderId);
  journal.close();
  return { dir, file, orderIds };
}

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

function backups(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith('journal-v'));
}

const addNoteColumn: Migration = {
  description: 'test: orders.note',
  up: (db) => db.exec('ALTER TABLE orders ADD COLUMN note TEXT'),
};

describe('openDatabase', () => {
  it('runs in WAL mode with synchronous FULL and foreign keys on', () => {
    const db = open(path.join(tempDir(), 'journal.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('a brand-new file is created at the latest schema with no backup', () => {
    const dir = tempDir();
    open(path.join(dir, 'journal.sqlite'));
    expect(backups(dir)).toEqual([]);
  });

  it('a file already at the latest schema is opened as is, with no backup', () => {
    const { dir, file, orderIds } = journalFile();
    const db = open(file);
    expect(db.prepare('SELECT order_id FROM orders').pluck().all()).toEqual(orderIds);
    expect(backups(dir)).toEqual([]);
  });

  it('the orders table has exactly the columns the journal reads and writes', () => {
    const db = open(path.join(tempDir(), 'journal.sqlite'));
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('orders');
    expect([...columns].sort()).toEqual(['id', ...ORDER_COLUMNS].sort());
  });
});

describe('integrity at open', () => {
  it('refuses a file with damaged pages and leaves its bytes unchanged', () => {
    const { file } = journalFile(60);
    const pageSize = 4096;
    const original = fs.readFileSync(file);
    expect(original.length).toBeGreaterThan(5 * pageSize);
    const damaged = Buffer.from(original);
    // Deterministic garbage over pages 2..4, keeping page 1 (the header and schema) intact.
    for (let i = pageSize + 10; i < 4 * pageSize - 10; i++) damaged[i] = (i * 7919) % 251;
    fs.writeFileSync(file, damaged);

    let thrown: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JournalCorruptError);
    expect((thrown as Error).message).toContain(file);
    // Either quick_check's own report or SQLite refusing to read the page at all.
    expect((thrown as JournalCorruptError).problem).toMatch(/^[^*].*(page \d+|malformed)/i);
    expect(verifyDatabase(file)).not.toBe('ok');
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    expect(() => Journal.open(file)).toThrow(JournalCorruptError);
  });

  it('verify() checks the whole file on its own connection while the journal is open', () => {
    const { file } = journalFile(20);
    const journal = Journal.open(file);
    try {
      expect(journal.verify()).toBe('ok');
    } finally {
      journal.close();
    }
  });

  it('refuses a file that is not a database at all', () => {
    const file = path.join(tempDir(), 'journal.sqlite');
    const garbage = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(file, garbage);
    expect(() => openDatabase(file)).toThrow(JournalCorruptError);
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });

  it('treats an empty file as new', () => {
    const file = path.join(tempDir(), 'journal.sqlite');
    fs.writeFileSync(file, '');
    expect(open(file).pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });
});

describe('schema versions', () => {
  it('upgrades an older file after backing it up with VACUUM INTO', () => {
    const { dir, file, orderIds } = journalFile(3);
    const backupDir = path.join(dir, 'backups');
    const db = open(file, { migrations: [...MIGRATIONS, addNoteColumn], backupDir, now: () => NOW });
    expect(db.pragma('user_version', { simple: true })).toBe(CURRENT + 1);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('orders')).toContain('note');

    expect(backups(backupDir)).toEqual([`journal-v${CURRENT}-${STAMP}.sqlite`]);
    const backup = path.join(backupDir, `journal-v${CURRENT}-${STAMP}.sqlite`);
    expect(userVersion(backup)).toBe(CURRENT);
    const old = Journal.open(backup);
    closeLater(() => old.close());
    expect(old.history({ limit: 10 }).rows.map((r) => r.orderId)).toEqual([...orderIds].reverse());
    expect(old.events(orderIds[0]!)).toHaveLength(1);
  });

  it('puts the backup next to the journal unless told otherwise', () => {
    const { dir, file } = journalFile();
    open(file, { migrations: [...MIGRATIONS, addNoteColumn], now: () => NOW });
    expect(backups(dir)).toEqual([`journal-v${CURRENT}-${STAMP}.sqlite`]);
  });

  it('migrate() says what it did, and does nothing the second time', () => {
    const { dir, file } = journalFile();
    const db = new Database(file);
    closeLater(() => db.close());
    const twoSteps = [...MIGRATIONS, addNoteColumn];
    const options = { file, backupDir: dir, now: () => NOW };
    expect(migrate(db, twoSteps, options)).toEqual({
      from: CURRENT,
      to: CURRENT + 1,
      backup: path.join(dir, `journal-v${CURRENT}-${STAMP}.sqlite`),
    });
    expect(migrate(db, twoSteps, options)).toEqual({ from: CURRENT + 1, to: CURRENT + 1, backup: undefined });
    expect(() => migrate(db, MIGRATIONS, options)).toThrow(JournalTooNewError);
  });

  it('a failed step leaves the file at its old version, data intact', () => {
    const { dir, file, orderIds } = journalFile(2);
    const broken: Migration = {
      description: 'test: fails half way',
      up: (db) => {
        db.exec('ALTER TABLE orders ADD COLUMN note TEXT');
        throw new Error('step failed');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken], now: () => NOW })).toThrow(
      'step failed',
    );
    expect(userVersion(file)).toBe(CURRENT);
    expect(backups(dir)).toHaveLength(1);
    const journal = Journal.open(file);
    closeLater(() => journal.close());
    expect(journal.countOrders()).toBe(orderIds.length);
    const columns = open(file).prepare('SELECT name FROM pragma_table_info(?)').pluck().all('orders');
    expect(columns).not.toContain('note');
  });

  it('refuses a file written by a newer kiosk and leaves it unchanged', () => {
    const { file } = journalFile();
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(JournalTooNewError);
    expect(() => Journal.open(file)).toThrow(/newer version of the kiosk/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('query plans', () => {
  function plan(db: Database.Database, query: string, ...params: unknown[]): string {
    const rows = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${query}`).all(...params);
    return rows.map((r) => r.detail).join('\n');
  }

  it('each read uses the index chosen for it', () => {
    const db = open(path.join(tempDir(), 'journal.sqlite'));
    expect(plan(db, sql.SELECT_DAY_REPORT, '2026-11-24')).toContain('USING COVERING INDEX orders_day');
    expect(plan(db, sql.SELECT_OPEN)).toContain('USING INDEX orders_open');
    expect(plan(db, sql.SELECT_OPEN)).not.toContain('TEMP B-TREE');
    expect(plan(db, sql.SELECT_OLDER, 100, 50)).toMatch(
      /SEARCH orders USING INTEGER PRIMARY KEY \(rowid<\?\)/,
    );
    expect(plan(db, sql.SELECT_NEWEST, 50)).not.toContain('TEMP B-TREE');
    expect(plan(db, sql.SELECT_EVENTS, 'x')).toContain('USING INDEX events_order');
    expect(plan(db, sql.SELECT_EVENTS, 'x')).not.toContain('TEMP B-TREE');
    expect(plan(db, sql.SELECT_BY_ORDER_ID, 'x')).toContain('USING INDEX sqlite_autoindex_orders');
  });
});
