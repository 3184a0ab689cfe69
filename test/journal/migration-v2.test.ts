/**
 * Schema step 2 (the held state 'review', fraud_status, confirmed unpaid, alerts) rebuilds both
 * tables, since SQLite cannot widen a CHECK in place. A journal of the previous release must come
 * through it whole: every order and event, the append-only triggers, the references, the indexes.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/journal/database.ts';
import { Journal } from '../../main/journal/journal.ts';
import { MIGRATIONS } from '../../main/journal/migrations.ts';
import * as sql from '../../main/journal/queries.ts';
import { closeLater, tempDir } from './helpers.ts';

const NOW = Date.UTC(2026, 11, 7, 3, 0, 0);

/** A journal as the previous release left it: schema 1, two orders, their events. */
function previousRelease(): string {
  const file = path.join(tempDir(), 'journal.sqlite');
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1), now: () => NOW });
  const insert =
    db.prepare(`INSERT INTO orders (order_id, environment, state, payment_type, gross_amount, items,
      created_at, updated_at, deadline_at, business_date, attempt, attempt_key, transaction_id, gateway_status,
      cancel_requested_at, end_reason)
    VALUES (?, 'training', ?, 'qris', ?, '[]', ?, ?, ?, '2026-12-07', 1, 'key', ?, ?, ?, ?)`);
  insert.run('K-OLD-1', 'settlement', 44_000, NOW, NOW + 5, NOW + 900_000, 'tx-1', 'settlement', null, null);
  insert.run(
    'K-OLD-2',
    'pending',
    12_000,
    NOW + 10,
    NOW + 15,
    NOW + 900_010,
    'tx-2',
    'pending',
    NOW + 12,
    'cashier-cancel',
  );
  const event = db.prepare(
    "INSERT INTO events (order_id, at, kind, from_state, to_state, detail) VALUES (?, ?, 'transition', ?, ?, '{}')",
  );
  event.run('K-OLD-1', NOW, null, 'created');
  event.run('K-OLD-1', NOW + 5, 'pending', 'settlement');
  event.run('K-OLD-2', NOW + 10, null, 'created');
  db.close();
  return file;
}

describe('journal schema step 2', () => {
  it('keeps every order and event of a previous release, with the triggers and references', () => {
    const file = previousRelease();
    const journal = Journal.open(file, { clock: { now: () => NOW } });
    closeLater(() => journal.close());
    expect(journal.get('K-OLD-1')).toMatchObject({
      state: 'settlement',
      grossAmount: 44_000,
      fraudStatus: undefined,
      confirmedUnpaid: undefined,
      alert: undefined,
    });
    expect(journal.get('K-OLD-2')).toMatchObject({ state: 'pending', cancelRequestedAt: NOW + 12 });
    expect(journal.events('K-OLD-1').map((e) => e.toState)).toEqual(['created', 'settlement']);
    expect(journal.openOrders().map((r) => r.orderId)).toEqual(['K-OLD-2']);

    const db = new Database(file);
    closeLater(() => db.close());
    db.pragma('foreign_keys = ON');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.prepare("UPDATE events SET detail = '{}' WHERE order_id = 'K-OLD-1'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare("DELETE FROM events WHERE order_id = 'K-OLD-1'").run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare("INSERT INTO events (order_id, at, kind, detail) VALUES ('NO-SUCH-ORDER', 1, 'note', '{}')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it("lets an order be held ('review'), recovers it as open, and still refuses an unknown state", () => {
    const file = previousRelease();
    const journal = Journal.open(file, { clock: { now: () => NOW } });
    closeLater(() => journal.close());
    const held = journal.update(
      'K-OLD-2',
      'pending',
      { state: 'review', gatewayStatus: 'settlement', fraudStatus: 'challenge' },
      { kind: 'transition', at: NOW + 20 },
    );
    expect(held.state).toBe('review');
    expect(journal.openOrders().map((r) => [r.orderId, r.state])).toEqual([['K-OLD-2', 'review']]);
    expect(journal.events('K-OLD-2').at(-1)).toMatchObject({ fromState: 'pending', toState: 'review' });

    const db = new Database(file);
    closeLater(() => db.close());
    expect(() => db.prepare("UPDATE orders SET state = 'held' WHERE order_id = 'K-OLD-2'").run()).toThrow(
      /CHECK constraint/,
    );
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql.SELECT_OPEN}`)
      .all()
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toContain('USING INDEX orders_open');
  });
});
