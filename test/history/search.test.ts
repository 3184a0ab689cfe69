/**
 * The history search against the plain reading of its filters: every page concatenated must be
 * exactly the matching rows, newest first, each once — across ties on the same millisecond, both
 * kinds of row, short pages where the row budget ran out, and date ranges.
 */
import { describe, expect, it, vi } from 'vitest';
import type { HistoryQuery, HistoryRow } from '../../common/history-contract.ts';
import { HistoryQueryError, HistoryService } from '../../main/history/history-service.ts';
import { newestFirst } from '../../main/history/history-key.ts';
import { RowAssembler, rowMatches, type SqlRow } from '../../main/history/history-rows.ts';
import { COLUMNS } from '../../main/history/history-sql.ts';
import { HistoryFixture, type Charge, type Place } from './fixture.ts';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 10, 20, 3, 0);
const DATES = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('empty list');
  return value;
}

const ISSUERS = ['gopay', 'ovo', 'dana', 'bca'];
const AMOUNTS = [10_000, 15_000, 22_000, 44_000, 44_350];

/** A mixed till: ~40 % bare orders, the rest sales of every kind; many rows share a millisecond. */
function populate(seed: number, count: number): HistoryFixture {
  const f = new HistoryFixture();
  const random = rng(seed);
  for (let i = 0; i < count; i++) {
    const day = Math.floor(random() * DATES.length);
    // Few distinct times: ties on (day, millisecond) are the rule here, not the exception.
    const place: Place = {
      businessDate: DATES[day] ?? '2026-11-20',
      createdAt: BASE + day * DAY + Math.floor(random() * 6) * 1_000,
    };
    const amount = pick(random, AMOUNTS);
    const paid = (paymentType: 'qris' | 'gopay'): Charge => ({
      paymentType,
      state: 'settlement',
      issuer: pick(random, ISSUERS),
      ...(random() < 0.5 ? { paidWith: 'qris' } : {}),
    });
    const r = random();
    if (r < 0.4) {
      const state = pick(random, [
        'settlement',
        'settlement',
        'cancel',
        'expire',
        'deny',
        'failed',
        'pending',
        'review',
      ] as const);
      const type = pick(random, ['qris', 'gopay'] as const);
      f.order(place, amount, state === 'settlement' ? paid(type) : { paymentType: type, state });
    } else if (r < 0.55) {
      f.sale(place, amount, { kind: 'cash' }, 'paid', random() < 0.5);
    } else if (r < 0.7) {
      f.sale(
        place,
        amount,
        { kind: 'gateway', charges: [paid(pick(random, ['qris', 'gopay'] as const))] },
        'paid',
      );
    } else if (r < 0.78) {
      f.sale(place, amount, { kind: 'split', cash: 5_000, charges: [paid('qris')] }, 'paid');
    } else if (r < 0.86) {
      const end = pick(random, ['cancel', 'expire', 'deny', 'failed'] as const);
      f.sale(place, amount, { kind: 'gateway', charges: [{ paymentType: 'qris', state: end }] }, 'voided');
    } else if (r < 0.9) {
      f.sale(
        place,
        amount,
        { kind: 'split', cash: 5_000, charges: [{ paymentType: 'gopay', state: 'expire' }] },
        'voided',
      );
    } else if (r < 0.93) {
      f.sale(place, amount, { kind: 'gateway', charges: [] }, 'voided');
    } else if (r < 0.96) {
      const held = pick(random, ['pending', 'review'] as const);
      f.sale(place, amount, { kind: 'gateway', charges: [{ paymentType: 'qris', state: held }] }, 'open');
    } else {
      f.sale(
        place,
        amount,
        { kind: 'gateway', charges: [{ paymentType: 'gopay', state: 'expire' }, paid('qris')] },
        'paid',
      );
    }
  }
  return f;
}

/** Every row of the journal, assembled, for the plain reading of a query. */
function everything(f: HistoryFixture) {
  const db = f.journal.database;
  const rows = new RowAssembler(db);
  const sql = [
    ...db.prepare<[], SqlRow>(`SELECT ${COLUMNS.orders} FROM orders AS t WHERE t.sale_id IS NULL`).all(),
    ...db.prepare<[], SqlRow>(`SELECT ${COLUMNS.sales} FROM sales AS t`).all(),
  ];
  return sql.map((r) => rows.row(r));
}

function expected(f: HistoryFixture, query: HistoryQuery): string[] {
  return everything(f)
    .filter((row) => rowMatches(row, query))
    .sort(newestFirst)
    .map((row) => `${row.kind}:${row.id}`);
}

function allPages(service: HistoryService, query: HistoryQuery) {
  const seen: HistoryRow[] = [];
  const pages: { rows: number; searchedBackTo: string | undefined }[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1_000; guard++) {
    const page = service.search({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    seen.push(...page.rows);
    pages.push({ rows: page.rows.length, searchedBackTo: page.searchedBackTo });
    if (page.nextCursor === undefined) return { ids: seen.map((r) => `${r.kind}:${r.id}`), pages };
    cursor = page.nextCursor;
  }
  throw new Error('the search never ended');
}

const QUERIES: HistoryQuery[] = [
  {},
  { state: 'paid' },
  { state: 'open' },
  { state: 'review' },
  { state: 'cancelled' },
  { state: 'expired' },
  { state: 'denied' },
  { state: 'failed' },
  { state: 'voided' },
  { tender: 'cash' },
  { tender: 'qris' },
  { tender: 'gopay' },
  { tender: 'split' },
  { paymentType: 'qris' },
  { paymentType: 'gopay' },
  { issuer: 'ovo' },
  { amount: 44_000 },
  { amount: 44_400 },
  { amount: 44_350, state: 'paid' },
  { amount: 22_000, tender: 'split' },
  { from: '2026-11-21', to: '2026-11-22' },
  { from: '2026-11-22' },
  { to: '2026-11-21' },
  { from: '2026-11-21', to: '2026-11-21', state: 'paid', tender: 'qris' },
  { from: '2026-11-20', to: '2026-11-22', amount: 15_000, issuer: 'dana' },
  { state: 'expired', tender: 'split' },
];

describe('history search: every page together is exactly the matching rows, newest first, once each', () => {
  const f = populate(17, 260);
  // A tiny row budget makes filtered streams stop early and exercises the short-page path.
  const tight = new HistoryService({ journal: f.journal, book: f.book, rowBudget: 9 });
  const roomy = new HistoryService({ journal: f.journal, book: f.book });

  it.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))('%s', (_name, query) => {
    const want = expected(f, query);
    for (const [service, limit] of [
      [roomy, 7],
      [tight, 5],
      [roomy, 100],
    ] as const) {
      const got = allPages(service, { ...query, limit });
      expect(got.ids).toEqual(want);
      // A page is short only at the end, or where the search says how far back it has read.
      for (const page of got.pages.slice(0, -1)) {
        if (page.rows < limit) expect(page.searchedBackTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    if (want.length > 0) expect(want.length).toBeGreaterThan(0);
  });

  it('has enough of every kind of row for the comparison to mean something', () => {
    const rows = everything(f);
    expect(rows.filter((r) => r.kind === 'order').length).toBeGreaterThan(60);
    for (const state of [
      'paid',
      'open',
      'review',
      'cancelled',
      'expired',
      'denied',
      'failed',
      'voided',
    ] as const) {
      expect(rows.filter((r) => r.state === state).length, state).toBeGreaterThan(2);
    }
    for (const tender of ['cash', 'qris', 'gopay', 'split'] as const) {
      expect(rows.filter((r) => r.tender === tender).length, tender).toBeGreaterThan(4);
    }
    // Ties: many rows share a business day and a millisecond.
    const keys = new Set(rows.map((r) => `${r.businessDate}|${r.createdAt}`));
    expect(keys.size).toBeLessThan(rows.length / 5);
  });
});

describe('keyset paging', () => {
  it('pages through 40 rows on one millisecond, each once, ordered by id', () => {
    const f = new HistoryFixture();
    const place = { businessDate: '2026-11-24', createdAt: BASE };
    for (let i = 0; i < 25; i++) f.order(place, 10_000, { paymentType: 'qris', state: 'settlement' });
    for (let i = 0; i < 15; i++) f.sale(place, 10_000, { kind: 'cash' }, 'paid');
    const service = new HistoryService({ journal: f.journal, book: f.book });
    const got = allPages(service, { limit: 4 });
    expect(got.ids).toHaveLength(40);
    expect(new Set(got.ids).size).toBe(40);
    const ids = got.ids.map((k) => k.split(':')[1] ?? '');
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it('a sale and a bare order with the same day, time and id: the sale first, then the order, once each', () => {
    const f = new HistoryFixture();
    const place = { businessDate: '2026-11-24', createdAt: BASE };
    f.order(place, 12_000, { paymentType: 'qris', state: 'settlement' }, undefined, 'SAME-1');
    f.sale(place, 12_000, { kind: 'cash' }, 'paid', false, 'SAME-1');
    const service = new HistoryService({ journal: f.journal, book: f.book });
    expect(allPages(service, { limit: 1 }).ids).toEqual(['sale:SAME-1', 'order:SAME-1']);
  });

  it('a page ends where a later sale cannot slip in: rows written after page 1 never show up on page 2', () => {
    const f = populate(3, 60);
    const service = new HistoryService({ journal: f.journal, book: f.book });
    const first = service.search({ limit: 10 });
    f.sale({ businessDate: '2026-11-30', createdAt: BASE + 10 * DAY }, 99_000, { kind: 'cash' }, 'paid');
    const rest = allPages(service, { limit: 10, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) });
    expect(rest.ids).not.toContain(expect.stringMatching(/99/));
    expect([...first.rows.map((r) => `${r.kind}:${r.id}`), ...rest.ids]).toHaveLength(60);
  });
});

describe('what a row says', () => {
  const f = new HistoryFixture();
  const place = { businessDate: '2026-11-24', createdAt: BASE };
  const cancelled = f.sale(
    place,
    20_000,
    { kind: 'gateway', charges: [{ paymentType: 'qris', state: 'cancel' }] },
    'voided',
  );
  const returned = f.sale(
    place,
    30_000,
    { kind: 'split', cash: 10_000, charges: [{ paymentType: 'gopay', state: 'expire' }] },
    'voided',
  );
  const again = f.sale(
    place,
    40_000,
    {
      kind: 'gateway',
      charges: [
        { paymentType: 'gopay', state: 'expire' },
        { paymentType: 'qris', state: 'settlement', issuer: 'ovo' },
      ],
    },
    'paid',
  );
  const held = f.sale(
    place,
    50_000,
    { kind: 'gateway', charges: [{ paymentType: 'qris', state: 'review' }] },
    'open',
  );
  const rounded = f.sale(place, 44_350, { kind: 'cash' }, 'paid', true);
  const service = new HistoryService({ journal: f.journal, book: f.book });
  const row = (id: string) => service.search({ id }).rows[0];

  it('a sale given up after its QR was cancelled reads "cancelled"', () => {
    expect(row(cancelled)).toMatchObject({ state: 'cancelled', tender: 'qris', amount: 20_000 });
  });

  it('a split sale whose QR expired, its cash given back: "expired", both tenders listed', () => {
    expect(row(returned)).toMatchObject({
      state: 'expired',
      tender: 'split',
      tenders: [
        { kind: 'cash', amount: 10_000, state: 'returned' },
        { kind: 'gopay', amount: 20_000, state: 'expire' },
      ],
    });
  });

  it('a sale charged again reads as the tender that paid it', () => {
    expect(row(again)).toMatchObject({ state: 'paid', tender: 'qris' });
    expect(row(again)?.tenders.map((t) => [t.kind, t.state, t.issuer])).toEqual([
      ['gopay', 'expire', undefined],
      ['qris', 'settlement', 'ovo'],
    ]);
  });

  it('a sale whose payment the gateway holds reads "review"', () => {
    expect(row(held)).toMatchObject({ state: 'review' });
  });

  it('a rounded cash sale is found by its total and by the cash the customer paid', () => {
    expect(service.search({ amount: 44_350 }).rows.map((r) => r.id)).toEqual([rounded]);
    expect(service.search({ amount: 44_400 }).rows.map((r) => r.id)).toEqual([rounded]);
  });
});

describe('search by id', () => {
  const f = new HistoryFixture();
  const place = { businessDate: '2026-11-24', createdAt: BASE };
  const bare = f.order(place, 15_000, { paymentType: 'qris', state: 'settlement', transactionId: 'abc-111' });
  const sale = f.sale(
    place,
    25_000,
    { kind: 'gateway', charges: [{ paymentType: 'gopay', state: 'settlement', transactionId: 'def-222' }] },
    'paid',
  );
  const leg = f.journal.ordersOfSale(sale)[0]?.orderId ?? '';
  const service = new HistoryService({ journal: f.journal, book: f.book });
  const ids = (query: HistoryQuery) => service.search(query).rows.map((r) => `${r.kind}:${r.id}`);

  it('finds a bare order by its order id, whole or its beginning, in any case', () => {
    expect(ids({ id: bare })).toEqual([`order:${bare}`]);
    expect(ids({ id: bare.slice(0, 4).toLowerCase() })).toContain(`order:${bare}`);
  });

  it('finds the sale an order pays by that order id, and by its transaction id', () => {
    expect(ids({ id: leg })).toEqual([`sale:${sale}`]);
    expect(ids({ id: 'def-222' })).toEqual([`sale:${sale}`]);
    expect(ids({ id: 'DEF-2' })).toEqual([`sale:${sale}`]);
    expect(ids({ id: sale })).toEqual([`sale:${sale}`]);
    expect(ids({ id: 'abc-111' })).toEqual([`order:${bare}`]);
  });

  it('applies the other filters to what it finds', () => {
    expect(ids({ id: sale, tender: 'cash' })).toEqual([]);
    expect(ids({ id: sale, tender: 'gopay', from: '2026-11-24', to: '2026-11-24' })).toEqual([
      `sale:${sale}`,
    ]);
    expect(ids({ id: 'zzz-nothing' })).toEqual([]);
  });
});

describe('bad input: a specific bilingual refusal, and nothing is read', () => {
  const f = populate(5, 20);
  const service = new HistoryService({ journal: f.journal, book: f.book });

  it.each([
    [{ from: '2026-11-23', to: '2026-11-21' }, 'date-range-reversed', 'to'],
    [{ from: '24-11-2026' }, 'date-format', 'from'],
    [{ to: '2026-02-30' }, 'date-not-calendar', 'to'],
    [{ amount: 12.5 }, 'amount-format', 'amount'],
    [{ amount: 0 }, 'amount-range', 'amount'],
    [{ id: 'K2026 11' }, 'id-format', 'id'],
    [{ id: 'K2' }, 'id-too-short', 'id'],
    [{ state: 'lunas' }, 'state-unknown', 'state'],
    [{ tender: 'card' }, 'tender-unknown', 'tender'],
    [{ paymentType: 'ovo' }, 'payment-type-unknown', 'paymentType'],
    [{ cursor: 'page-2' }, 'cursor-invalid', 'cursor'],
    [{ limit: 500 }, 'limit-range', 'limit'],
  ] as const)('%j → %s', (query, code, field) => {
    const prepare = vi.spyOn(f.journal.database, 'prepare');
    let error: unknown;
    try {
      service.search(query as HistoryQuery);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HistoryQueryError);
    const problems = (error as HistoryQueryError).problems;
    expect(problems.map((p) => [p.code, p.field])).toContainEqual([code, field]);
    for (const p of problems) {
      expect(p.message.id).not.toBe(p.message.en);
      expect(p.message.id.length).toBeGreaterThan(10);
    }
    expect(prepare).not.toHaveBeenCalled();
    prepare.mockRestore();
  });
});
