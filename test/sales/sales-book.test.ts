/**
 * The SalesBook's promises at the database: a sale, its lines, its cash and its events are one
 * commit (a failure at the last row leaves nothing of the first), a close happens once, and the
 * sale's events cannot be rewritten.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { priceCart } from '../../common/pricing/index.ts';
import type { PriceBreakdown } from '../../common/pricing/types.ts';
import { Journal } from '../../main/journal/journal.ts';
import { SaleNotOpenError, SalesBook, type NewSale } from '../../main/sales/sales-book.ts';
import { line, plainPricing } from './till-fixture.ts';

const dirs: string[] = [];
const journals: Journal[] = [];
afterEach(() => {
  for (const journal of journals.splice(0)) journal.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openBook(): { book: SalesBook; journal: Journal } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-book-'));
  dirs.push(dir);
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  journals.push(journal);
  return { book: new SalesBook(journal.database), journal };
}

function breakdown(): PriceBreakdown {
  const priced = priceCart({
    lines: [line('Kopi Susu', 18_000, 2), line('Roti Bakar', 9_500)],
    settings: plainPricing(),
  });
  if (!priced.ok) throw new Error('cart');
  return priced.value;
}

function newSale(over: Partial<NewSale> = {}): NewSale {
  return {
    saleId: 'S-TEST-1',
    environment: 'test',
    createdAt: 1_000,
    businessDate: '2026-11-24',
    breakdown: breakdown(),
    paid: false,
    ...over,
  };
}

function count(journal: Journal, table: string): number {
  return (journal.database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('the sales book', () => {
  it('a sale whose cash row fails is not written at all: sale, lines, cash and events are one commit', () => {
    const { book, journal } = openBook();
    // received below amount breaks the cash row's CHECK, the last insert of the commit.
    expect(() => book.create(newSale({ cash: { amount: 20_000, received: 19_000 } }))).toThrow(/CHECK/);
    for (const table of ['sales', 'sale_lines', 'cash_tenders', 'sale_events']) {
      expect(count(journal, table), table).toBe(0);
    }
    const sale = book.create(newSale({ cash: { amount: 20_000, received: 20_000 } }));
    expect(sale).toMatchObject({ state: 'open', cash: [{ amount: 20_000, state: 'taken' }] });
    expect(count(journal, 'sale_lines')).toBe(2);
  });

  it('a sale is closed once: a second markPaid writes nothing, a void after it is refused', () => {
    const { book } = openBook();
    book.create(newSale({ cash: { amount: 20_000, received: 20_000 } }));
    expect(book.markPaid('S-TEST-1', 2_000)).toBe(true);
    expect(book.markPaid('S-TEST-1', 3_000)).toBe(false);
    expect(() => book.void('S-TEST-1', 4_000, 'cash-returned')).toThrow(SaleNotOpenError);
    expect(() => book.takeCash('S-TEST-1', 5_000, { amount: 1, received: 1 }, true)).toThrow(
      SaleNotOpenError,
    );
    expect(book.events('S-TEST-1').map((e) => e.kind)).toEqual(['created', 'cash-taken', 'paid']);
    expect(book.get('S-TEST-1')).toMatchObject({
      state: 'paid',
      closedAt: 2_000,
      cash: [{ state: 'taken' }],
    });
  });

  it("the sale's events are append-only at the database itself", () => {
    const { book, journal } = openBook();
    book.create(newSale());
    const db = journal.database;
    expect(() => db.prepare("UPDATE sale_events SET kind = 'note'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM sale_events').run()).toThrow(/append-only/);
    expect(book.events('S-TEST-1').map((e) => e.kind)).toEqual(['created']);
  });

  it('an order cannot name a sale that is not in the journal', () => {
    const { journal } = openBook();
    expect(() =>
      journal.createOrder({
        orderId: 'K-TEST-1',
        saleId: 'S-NOT-HERE',
        environment: 'test',
        paymentType: 'qris',
        grossAmount: 1_000,
        items: [],
        createdAt: 1_000,
        deadlineAt: 60_000,
        businessDate: '2026-11-24',
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(count(journal, 'orders')).toBe(0);
  });
});
