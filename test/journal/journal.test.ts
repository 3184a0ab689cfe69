import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { END_REASONS, ORDER_STATES } from '../../common/order.ts';
import {
  DuplicateOrderError,
  Journal,
  StaleStateError,
  UnknownOrderError,
} from '../../main/journal/journal.ts';
import { EVENT_KINDS } from '../../main/journal/types.ts';
import type { OrderPatch } from '../../main/journal/types.ts';
import { closeLater, newRecord, openFixture } from './helpers.ts';

function rawConnection(file: string): Database.Database {
  const db = new Database(file);
  closeLater(() => db.close());
  return db;
}

function eventCount(db: Database.Database): number {
  return db.prepare<[], number>('SELECT count(*) FROM events').pluck().get() ?? 0;
}

describe('createOrder', () => {
  it('journals the sale as created, with its created event, and reads it back the same', () => {
    const { journal } = openFixture();
    const rec = newRecord({ paymentType: 'gopay', grossAmount: 44_000 });
    const row = journal.createOrder(rec);
    expect(row).toMatchObject({
      orderId: rec.orderId,
      environment: 'training',
      state: 'created',
      paymentType: 'gopay',
      grossAmount: 44_000,
      items: rec.items,
      createdAt: rec.createdAt,
      updatedAt: rec.createdAt,
      deadlineAt: rec.deadlineAt,
      businessDate: '2026-11-24',
      attempt: 0,
      attemptKey: undefined,
      transactionId: undefined,
      endReason: undefined,
    });
    expect(journal.get(rec.orderId)).toEqual(row);
    expect(journal.events(rec.orderId)).toEqual([
      {
        seq: expect.any(Number),
        orderId: rec.orderId,
        at: rec.createdAt,
        kind: 'created',
        fromState: undefined,
        toState: 'created',
        detail: { grossAmount: 44_000, paymentType: 'gopay', itemCount: 2 },
      },
    ]);
    expect(journal.countOrders()).toBe(1);
  });

  it('keeps its own copy of the items', () => {
    const { journal } = openFixture();
    const rec = newRecord();
    const row = journal.createOrder(rec);
    rec.items[0]!.price = 1;
    expect(row.items[0]?.price).toBe(22_000);
  });

  it('refuses a duplicate order_id and writes nothing', () => {
    const { journal, file } = openFixture();
    const rec = newRecord();
    const first = journal.createOrder(rec);
    const raw = rawConnection(file);
    const events = eventCount(raw);
    expect(() => journal.createOrder({ ...rec, grossAmount: 99_000 })).toThrow(DuplicateOrderError);
    expect(journal.get(rec.orderId)).toEqual(first);
    expect(journal.countOrders()).toBe(1);
    expect(eventCount(raw)).toBe(events);
  });

  it('refuses what the schema forbids, writing nothing', () => {
    const { journal } = openFixture();
    expect(() => journal.createOrder(newRecord({ grossAmount: 0 }))).toThrow(/CHECK/);
    expect(() => journal.createOrder(newRecord({ grossAmount: 100.5 }))).toThrow(/INTEGER/);
    expect(() => journal.createOrder(newRecord({ businessDate: '24/11/2026' }))).toThrow(/CHECK/);
    expect(() => journal.createOrder(newRecord({ paymentType: 'ovo' as 'qris' }))).toThrow(/CHECK/);
    expect(journal.countOrders()).toBe(0);
  });
});

describe('update', () => {
  it('moves the order on, stamps updatedAt and appends a transition', () => {
    const { journal } = openFixture();
    const rec = newRecord();
    journal.createOrder(rec);
    const at = rec.createdAt + 1000;
    const next = journal.update(
      rec.orderId,
      'created',
      { state: 'charging', attempt: 1, attemptKey: 'key-1', attemptSentAt: at },
      { kind: 'transition', at, detail: { why: 'charge' } },
    );
    expect(next).toMatchObject({ state: 'charging', attempt: 1, attemptKey: 'key-1', updatedAt: at });
    expect(journal.get(rec.orderId)).toEqual(next);
    const last = journal.events(rec.orderId).at(-1);
    expect(last).toMatchObject({ kind: 'transition', at, fromState: 'created', toState: 'charging' });
    expect(last?.detail).toEqual({ why: 'charge' });
  });

  it('without a state change records fromState = toState', () => {
    const { journal } = openFixture();
    const rec = newRecord();
    journal.createOrder(rec);
    journal.update(rec.orderId, 'created', { detail: 'waiting' }, { kind: 'note', at: rec.createdAt + 5 });
    expect(journal.events(rec.orderId).at(-1)).toMatchObject({ fromState: 'created', toState: 'created' });
    expect(journal.get(rec.orderId)?.detail).toBe('waiting');
  });

  it('refuses a stale expected state and writes nothing', () => {
    const { journal, file } = openFixture();
    const rec = newRecord();
    journal.createOrder(rec);
    const charging = journal.update(
      rec.orderId,
      'created',
      { state: 'charging' },
      { kind: 'transition', at: 1 },
    );
    const raw = rawConnection(file);
    const events = eventCount(raw);
    let thrown: unknown;
    try {
      journal.update(rec.orderId, 'created', { state: 'cancel', detail: 'x' }, { kind: 'transition', at: 2 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StaleStateError);
    expect(thrown).toMatchObject({ orderId: rec.orderId, expected: 'created', actual: 'charging' });
    expect(journal.get(rec.orderId)).toEqual(charging);
    expect(eventCount(raw)).toBe(events);
  });

  it('null clears a field, undefined leaves it alone', () => {
    const { journal } = openFixture();
    const rec = newRecord();
    journal.createOrder(rec);
    journal.update(
      rec.orderId,
      'created',
      { transactionId: 'tx-1', issuer: 'gopay', qrSource: 'local' },
      { kind: 'note', at: 1 },
    );
    // The type forbids an explicit undefined, but a spread of a partial object can carry one.
    const patch = { transactionId: null, issuer: undefined } as unknown as OrderPatch;
    const next = journal.update(rec.orderId, 'created', patch, { kind: 'note', at: 2 });
    expect(next).toMatchObject({ transactionId: undefined, issuer: 'gopay', qrSource: 'local' });
    expect(journal.get(rec.orderId)).toEqual(next);
  });

  it('refuses to clear a required field or to touch a fixed one, writing nothing', () => {
    const { journal } = openFixture();
    const rec = newRecord();
    const row = journal.createOrder(rec);
    expect(() => journal.update(rec.orderId, 'created', { state: null }, { kind: 'note', at: 1 })).toThrow(
      TypeError,
    );
    const sneaky = { grossAmount: 1 } as unknown as { detail: string };
    expect(() => journal.update(rec.orderId, 'created', sneaky, { kind: 'note', at: 1 })).toThrow(
      /grossAmount/,
    );
    expect(journal.get(rec.orderId)).toEqual(row);
    expect(journal.events(rec.orderId)).toHaveLength(1);
  });

  it('throws UnknownOrderError for an order that is not there', () => {
    const { journal } = openFixture();
    expect(() => journal.update('NOPE', 'created', {}, { kind: 'note', at: 1 })).toThrow(UnknownOrderError);
  });

  it('accepts every order state, end reason and event kind the code knows', () => {
    const { journal } = openFixture();
    const rec = newRecord();
    journal.createOrder(rec);
    let state = journal.get(rec.orderId)!.state;
    ORDER_STATES.forEach((next, i) => {
      const endReason = END_REASONS[i % END_REASONS.length]!;
      state = journal.update(
        rec.orderId,
        state,
        { state: next, endReason },
        { kind: 'transition', at: i },
      ).state;
    });
    for (const kind of EVENT_KINDS) journal.appendEvent(rec.orderId, { kind, at: 99 });
    expect(state).toBe('failed');
  });
});

describe('events', () => {
  it('appendEvent records without changing the order', () => {
    const { journal } = openFixture();
    const rec = newRecord();
    const row = journal.createOrder(rec);
    journal.appendEvent(rec.orderId, { kind: 'gateway', at: 5, detail: { operation: 'charge', ms: 120 } });
    journal.appendEvent(rec.orderId, { kind: 'qr', at: 6 });
    const events = journal.events(rec.orderId);
    expect(events.map((e) => e.kind)).toEqual(['created', 'gateway', 'qr']);
    expect(events[1]).toMatchObject({
      fromState: undefined,
      toState: undefined,
      detail: { operation: 'charge' },
    });
    expect(events[2]?.detail).toEqual({});
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(journal.get(rec.orderId)).toEqual(row);
  });

  it('appendEvent for an unknown order throws UnknownOrderError', () => {
    const { journal } = openFixture();
    expect(() => journal.appendEvent('NOPE', { kind: 'note', at: 1 })).toThrow(UnknownOrderError);
  });

  it('are append-only: raw UPDATE and DELETE are refused', () => {
    const { journal, file } = openFixture();
    const rec = newRecord();
    journal.createOrder(rec);
    const raw = rawConnection(file);
    expect(() => raw.prepare("UPDATE events SET detail = '{}'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(journal.events(rec.orderId)).toHaveLength(1);
  });
});

describe('openOrders', () => {
  it('lists created, charging and pending orders, oldest first', () => {
    const { journal } = openFixture();
    const recs = Array.from({ length: 6 }, (_, i) => newRecord({ createdAt: 1_000_000 - i }));
    for (const rec of recs) journal.createOrder(rec);
    const [a, b, c, d, e] = recs.map((r) => r.orderId) as [string, string, string, string, string];
    journal.update(a, 'created', { state: 'charging' }, { kind: 'transition', at: 1 });
    journal.update(b, 'created', { state: 'charging' }, { kind: 'transition', at: 1 });
    journal.update(b, 'charging', { state: 'pending' }, { kind: 'transition', at: 2 });
    journal.update(c, 'created', { state: 'settlement' }, { kind: 'transition', at: 1 });
    journal.update(d, 'created', { state: 'cancel' }, { kind: 'transition', at: 1 });
    journal.update(e, 'created', { state: 'failed' }, { kind: 'transition', at: 1 });
    const open = journal.openOrders();
    expect(open.map((r) => r.orderId)).toEqual([recs[5]!.orderId, b, a]);
    expect(open.map((r) => r.state)).toEqual(['created', 'pending', 'charging']);
  });
});

describe('reopening', () => {
  it('keeps every order and event', () => {
    const fixture = openFixture();
    const rec = newRecord();
    fixture.journal.createOrder(rec);
    const row = fixture.journal.update(
      rec.orderId,
      'created',
      { state: 'charging', attempt: 1, attemptKey: 'k' },
      { kind: 'transition', at: 7 },
    );
    const events = fixture.journal.events(rec.orderId);
    const again = fixture.reopen();
    expect(again).toBeInstanceOf(Journal);
    expect(again.get(rec.orderId)).toEqual(row);
    expect(again.events(rec.orderId)).toEqual(events);
    expect(again.openOrders()).toEqual([row]);
    expect(again.countOrders()).toBe(1);
  });
});
