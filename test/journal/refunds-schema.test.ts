/**
 * The refunds step of the journal's schema: a refund is a row of its own, its request is history
 * (only a requested refund's outcome is ever written), nothing is deleted, and the order's view
 * and the day report read what was returned without the order's row ever changing.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/journal/database.ts';
import { Journal } from '../../main/journal/journal.ts';
import { MIGRATIONS } from '../../main/journal/migrations.ts';
import * as sql from '../../main/journal/queries.ts';
import { closeLater, newRecord, openFixture, tempDir } from './helpers.ts';

const DAY = '2026-11-24';
const STEP = MIGRATIONS.findIndex((m) => m.description.startsWith('refunds'));

interface RefundRow {
  refund_key: string;
  order_id?: string | null;
  sale_id?: string | null;
  tender?: 'gateway' | 'cash';
  origin?: 'kiosk' | 'gateway' | 'chargeback';
  amount: number;
  state?: 'requested' | 'refunded' | 'refused';
  refusal?: string | null;
  business_date?: string;
}

function insertRefund(db: Database.Database, r: RefundRow): void {
  const state = r.state ?? 'refunded';
  db.prepare(
    `INSERT INTO refunds (refund_key, environment, order_id, sale_id, tender, origin, amount, reason, state,
       requested_by, created_at, updated_at, business_date, sends, sent_at, resolved_at, refusal)
     VALUES (@refund_key, 'training', @order_id, @sale_id, @tender, @origin, @amount, 'rusak', @state,
       'manager', 1, 1, @business_date, @sends, @sent_at, @resolved_at, @refusal)`,
  ).run({
    refund_key: r.refund_key,
    order_id: r.order_id ?? null,
    sale_id: r.sale_id ?? null,
    tender: r.tender ?? 'gateway',
    origin: r.origin ?? 'kiosk',
    amount: r.amount,
    state,
    business_date: r.business_date ?? DAY,
    sends: (r.tender ?? 'gateway') === 'gateway' && (r.origin ?? 'kiosk') === 'kiosk' ? 1 : 0,
    sent_at: (r.tender ?? 'gateway') === 'gateway' && (r.origin ?? 'kiosk') === 'kiosk' ? 1 : null,
    resolved_at: state === 'requested' ? null : 2,
    refusal: r.refusal === undefined ? (state === 'refused' ? 'not-refundable' : null) : r.refusal,
  });
}

function insertSale(db: Database.Database, saleId: string): void {
  db.prepare(
    `INSERT INTO sales (sale_id, environment, state, created_at, updated_at, closed_at, business_date, subtotal,
       line_discounts, order_discount, service, tax, tax_included, total, cash_total, breakdown)
     VALUES (?, 'training', 'paid', 1, 1, 1, ?, 10000, 0, 0, 0, 0, 0, 10000, 10000, '{}')`,
  ).run(saleId, DAY);
}

/** A settled order of DAY, as the engine leaves it. */
function paidOrder(journal: Journal, grossAmount: number, issuer = 'gopay'): string {
  const row = journal.createOrder(newRecord({ grossAmount, businessDate: DAY }));
  let state = row.state;
  for (const next of ['charging', 'pending', 'settlement'] as const) {
    journal.update(
      row.orderId,
      state,
      { state: next, paidWith: 'qris', issuer },
      { kind: 'transition', at: 2 },
    );
    state = next;
  }
  return row.orderId;
}

describe('the refunds step', () => {
  it('comes after the sales step and migrates a journal that has orders', () => {
    expect(STEP).toBeGreaterThan(MIGRATIONS.findIndex((m) => m.description.startsWith('sales')));
    const file = path.join(tempDir(), 'journal.sqlite');
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, STEP) });
    before.close();
    const older = Journal.open(file);
    closeLater(() => older.close());
    const id = paidOrder(older, 10_000);
    expect(older.get(id)?.refunded).toBeUndefined();
    insertRefund(older.database, { refund_key: 'R-1', order_id: id, amount: 4000 });
    expect(older.get(id)?.refunded).toEqual({ count: 1, amount: 4000, inDoubt: 0 });
  });
});

describe('a refund is history', () => {
  it('its request never changes, a resolved one never changes at all, and none is deleted', () => {
    const { journal } = openFixture();
    const db = journal.database;
    const id = paidOrder(journal, 10_000);
    insertRefund(db, { refund_key: 'R-open', order_id: id, amount: 3000, state: 'requested' });
    insertRefund(db, { refund_key: 'R-done', order_id: id, amount: 2000 });

    for (const change of ['amount = 1', "reason = 'x'", 'order_id = NULL', "requested_by = 'y'"]) {
      expect(() => db.prepare(`UPDATE refunds SET ${change} WHERE refund_key = 'R-open'`).run()).toThrow(
        /request is history/,
      );
    }
    // Only a requested refund's outcome is written, once.
    db.prepare(
      "UPDATE refunds SET state = 'refunded', resolved_at = 5, updated_at = 5 WHERE refund_key = 'R-open'",
    ).run();
    expect(() =>
      db
        .prepare("UPDATE refunds SET state = 'requested', resolved_at = NULL WHERE refund_key = 'R-open'")
        .run(),
    ).toThrow(/never changes/);
    expect(() => db.prepare("UPDATE refunds SET detail = 'x' WHERE refund_key = 'R-done'").run()).toThrow(
      /never changes/,
    );
    expect(() => db.prepare('DELETE FROM refunds').run()).toThrow(/never deleted/);

    db.prepare(
      "INSERT INTO refund_events (refund_key, at, kind, detail) VALUES ('R-done', 1, 'note', '{}')",
    ).run();
    expect(() => db.prepare("UPDATE refund_events SET detail = '[]'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM refund_events').run()).toThrow(/append-only/);
    // The order's own row was never touched: still paid, for what it was paid.
    expect(journal.get(id)).toMatchObject({ state: 'settlement', grossAmount: 10_000 });
  });

  it.each([
    ['a cash refund without its sale', { tender: 'cash', order_id: null }],
    ['a cash refund still in doubt', { tender: 'cash', order_id: null, sale_id: 'S-1', state: 'requested' }],
    ['a gateway refund without its order', { order_id: null, sale_id: 'S-1' }],
    ['a dashboard refund recorded as refused', { origin: 'gateway', state: 'refused' }],
    ['a refused refund without its refusal', { state: 'refused', refusal: null }],
    ['nothing returned', { amount: 0 }],
    ['an unknown refusal', { state: 'refused', refusal: 'sorry' }],
  ] as const)('refuses %s', (_what, change) => {
    const { journal } = openFixture();
    const id = paidOrder(journal, 10_000);
    insertSale(journal.database, 'S-1');
    const row = { refund_key: 'R-x', order_id: id, amount: 1000, ...change } as RefundRow;
    expect(() => insertRefund(journal.database, row)).toThrow(/constraint/i);
  });
});

describe('what the order and the day report read', () => {
  it("the order's view counts refunded and in-doubt money, never a refused refund", () => {
    const { journal } = openFixture();
    const id = paidOrder(journal, 50_000);
    const db = journal.database;
    insertRefund(db, { refund_key: 'R-1', order_id: id, amount: 10_000 });
    insertRefund(db, { refund_key: 'R-2', order_id: id, amount: 5_000, origin: 'gateway' });
    insertRefund(db, { refund_key: 'R-3', order_id: id, amount: 7_000, state: 'requested' });
    insertRefund(db, { refund_key: 'R-4', order_id: id, amount: 9_000, state: 'refused' });
    expect(journal.get(id)?.refunded).toEqual({ count: 3, amount: 15_000, inDoubt: 7_000 });
    expect(journal.history({ limit: 5 }).rows[0]?.refunded).toEqual({
      count: 3,
      amount: 15_000,
      inDoubt: 7_000,
    });
  });

  it('the day report lists what went back that day, by tender, origin and how it was paid, and nets it', () => {
    const { journal } = openFixture();
    const db = journal.database;
    const a = paidOrder(journal, 40_000, 'ovo');
    const b = paidOrder(journal, 30_000, 'gopay');
    insertSale(db, 'S-cash');
    insertRefund(db, { refund_key: 'R-a1', order_id: a, amount: 10_000 });
    insertRefund(db, { refund_key: 'R-a2', order_id: a, amount: 5_000 });
    insertRefund(db, { refund_key: 'R-b', order_id: b, amount: 30_000, origin: 'chargeback' });
    insertRefund(db, { refund_key: 'R-c', sale_id: 'S-cash', tender: 'cash', amount: 2_000 });
    insertRefund(db, { refund_key: 'R-d', order_id: a, amount: 1_000, state: 'requested' });
    insertRefund(db, { refund_key: 'R-e', order_id: a, amount: 1_000, state: 'refused' });
    // Made the next day: counted there, not here.
    insertRefund(db, { refund_key: 'R-f', order_id: a, amount: 3_000, business_date: '2026-11-25' });

    const report = journal.report(DAY);
    expect(report.refunds).toEqual([
      {
        state: 'requested',
        tender: 'gateway',
        origin: 'kiosk',
        paymentType: 'qris',
        issuer: 'ovo',
        count: 1,
        amount: 1_000,
      },
      {
        state: 'refunded',
        tender: 'cash',
        origin: 'kiosk',
        paymentType: 'cash',
        issuer: '',
        count: 1,
        amount: 2_000,
      },
      {
        state: 'refunded',
        tender: 'gateway',
        origin: 'chargeback',
        paymentType: 'qris',
        issuer: 'gopay',
        count: 1,
        amount: 30_000,
      },
      {
        state: 'refunded',
        tender: 'gateway',
        origin: 'kiosk',
        paymentType: 'qris',
        issuer: 'ovo',
        count: 2,
        amount: 15_000,
      },
    ]);
    expect(report).toMatchObject({
      settledCount: 2,
      settledAmount: 70_000,
      refundedCount: 4,
      refundedAmount: 47_000,
      refundsInDoubt: 1,
      settledNetAmount: 25_000,
    });
    // The sales' own lines are as they were: a refund never rewrites the day a sale was paid.
    expect(report.lines.map((l) => l.state)).toEqual(['settlement', 'settlement']);
    expect(journal.report('2026-11-25')).toMatchObject({ refundedAmount: 3_000, settledNetAmount: -3_000 });
  });

  it('reads by index: the order view one lookup, the day report the day index', () => {
    const { journal } = openFixture();
    const plan = (query: string, ...params: unknown[]) =>
      journal.database
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${query}`)
        .all(...params)
        .map((r) => r.detail)
        .join('\n');
    expect(plan(sql.SELECT_BY_ORDER_ID, 'x')).toMatch(/USING (COVERING )?INDEX refunds_order/);
    expect(plan(sql.SELECT_NEWEST, 50)).not.toContain('TEMP B-TREE');
    expect(plan(sql.SELECT_DAY_REFUNDS, DAY)).toMatch(/USING (COVERING )?INDEX refunds_day/);
  });
});
