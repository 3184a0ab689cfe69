import { describe, expect, it } from 'vitest';
import { newRecord, openFixture } from './helpers.ts';

describe('history', () => {
  it('pages newest first across pages with no gaps or duplicates', () => {
    const { journal } = openFixture();
    const ids = Array.from({ length: 23 }, () => journal.createOrder(newRecord()).orderId);
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: number | undefined;
    do {
      const page = journal.history(cursor === undefined ? { limit: 5 } : { before: cursor, limit: 5 });
      sizes.push(page.rows.length);
      seen.push(...page.rows.map((r) => r.orderId));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(sizes).toEqual([5, 5, 5, 5, 3]);
    expect(seen).toEqual([...ids].reverse());
  });

  it('has no next cursor when the last page is exactly full', () => {
    const { journal } = openFixture();
    for (let i = 0; i < 4; i++) journal.createOrder(newRecord());
    const first = journal.history({ limit: 2 });
    const second = journal.history({ before: first.nextCursor!, limit: 2 });
    expect(second.rows).toHaveLength(2);
    expect(second.nextCursor).toBeUndefined();
  });

  it('is stable while new orders arrive between pages', () => {
    const { journal } = openFixture();
    const ids = Array.from({ length: 6 }, () => journal.createOrder(newRecord()).orderId);
    const first = journal.history({ limit: 3 });
    journal.createOrder(newRecord());
    const second = journal.history({ before: first.nextCursor!, limit: 3 });
    expect([...first.rows, ...second.rows].map((r) => r.orderId)).toEqual([...ids].reverse());
  });

  it('clamps the limit to 1..200 and refuses a nonsense cursor', () => {
    const { journal } = openFixture();
    for (let i = 0; i < 3; i++) journal.createOrder(newRecord());
    expect(journal.history({ limit: 0 }).rows).toHaveLength(1);
    expect(journal.history({ limit: -5 }).rows).toHaveLength(1);
    expect(journal.history({ limit: 10_000 }).rows).toHaveLength(3);
    expect(() => journal.history({ limit: Number.NaN })).toThrow(RangeError);
    expect(() => journal.history({ before: 1.5, limit: 5 })).toThrow(RangeError);
  });

  it('an empty journal has one empty page', () => {
    const { journal } = openFixture();
    expect(journal.history({ limit: 50 })).toEqual({ rows: [], nextCursor: undefined });
  });
});

describe('history limit', () => {
  it('never returns more than 200 rows', () => {
    const { journal } = openFixture();
    for (let i = 0; i < 201; i++) journal.createOrder(newRecord());
    const page = journal.history({ limit: 1000 });
    expect(page.rows).toHaveLength(200);
    expect(journal.history({ before: page.nextCursor!, limit: 1000 }).rows).toHaveLength(1);
  });
});
