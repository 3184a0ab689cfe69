/**
 * How SQLite runs the history's queries. A query that stops using its index still passes every
 * test on a small journal, and takes seconds on a million orders: so ask the planner directly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { HistoryQuery } from '../../common/history-contract.ts';
import { topOf } from '../../main/history/history-key.ts';
import {
  floorQuery,
  orderStream,
  pageQuery,
  saleStreams,
  type Filters,
  type Stream,
} from '../../main/history/history-sql.ts';
import { HistoryFixture } from './fixture.ts';

const f = new HistoryFixture();
afterAll(() => f.close());

function plan(sql: string, params: unknown[]): string[] {
  return f.journal.database
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail);
}

const FILTERS: Filters[] = [
  {},
  { amount: 44_000 },
  { amount: 44_000, state: 'paid', from: '2026-11-01' },
  { state: 'paid' },
  { state: 'cancelled' },
  { state: 'voided' },
  { state: 'review' },
  { tender: 'split' },
  { tender: 'qris', issuer: 'ovo' },
  { paymentType: 'gopay', from: '2026-11-20' },
];

describe('every stream walks its own index, newest first, and never the whole table', () => {
  const cases = FILTERS.flatMap((filters) =>
    [orderStream(filters), ...saleStreams(filters)]
      .filter((s): s is Stream => s !== undefined)
      .map((stream) => [`${stream.name} ${JSON.stringify(filters)}`, stream, filters] as const),
  );

  it.each(cases)('%s', (_name, stream, filters) => {
    const range = { below: topOf('2026-11-30'), from: (filters as HistoryQuery).from };
    const page = pageQuery(stream, range, 51, 20_000);
    const steps = plan(page.sql, page.params);
    const table = stream.table;
    expect(steps.join('\n')).toMatch(new RegExp(`SEARCH t USING (COVERING )?INDEX ${stream.index} \\(`));
    expect(steps.join('\n')).not.toMatch(new RegExp(`SCAN (t|${table})\\b`));
    // Rows come off the index in the history's order: nothing is sorted.
    expect(steps.join('\n')).not.toMatch(/TEMP B-TREE/);
    // What is tested per row uses the indexes by sale, never a scan of orders or cash.
    expect(steps.join('\n')).not.toMatch(/SCAN (o|c)\b/);
    const floor = floorQuery(stream, range, 20_000);
    expect(plan(floor.sql, floor.params).join('\n')).toMatch(new RegExp(`INDEX ${stream.index} \\(`));
  });
});
