/**
 * The history screen's searches over a year of a busy till (1,000,000 orders): the first page,
 * a page deep in the year, search by amount (the figure: ≤ 50 ms), a business day, a
 * state, a rare filter that stops at its bound of rows read, an id prefix, and one detail with
 * its timeline. Warm figures (the file in the OS cache, as on a till that is running); the page
 * cache is not dropped, so other work on the machine is not slowed.
 */
import { HistoryService } from '../main/history/history-service.ts';
import { Journal } from '../main/journal/journal.ts';
import { HISTORY_SEARCH_INDEXES } from '../main/journal/schema/v7-history-search.ts';
import { SalesBook } from '../main/sales/sales-book.ts';
import type { HistoryPageView, HistoryQuery } from '../common/history-contract.ts';
import { historyJournal } from './history-journal.ts';
import { ms, num, summarize } from './stats.ts';
import type { Report } from './stats.ts';

const RUNS = 25;
const GOAL_SEARCH_MS = 50;
const GOAL_PAGE_MS = 50;

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

/** The amounts the year holds most and least often (typed amounts are multiples of Rp 500). */
function amounts(journal: Journal): { common: number; commonCount: number; rare: number; rareCount: number } {
  const rows = journal.database
    .prepare<[], { amount: number; n: number }>(
      'SELECT gross_amount AS amount, count(*) AS n FROM orders WHERE sale_id IS NULL GROUP BY gross_amount ORDER BY n DESC',
    )
    .all();
  const first = rows[0] ?? { amount: 1, n: 0 };
  const last = rows.at(-1) ?? first;
  return { common: first.amount, commonCount: first.n, rare: last.amount, rareCount: last.n };
}

/**
 * What the schema step costs a till with a year of orders at its first start of this release:
 * the same indexes built again under other names, in a transaction that is rolled back.
 */
function indexStepMs(journal: Journal): number {
  const sql = HISTORY_SEARCH_INDEXES.replace(/CREATE INDEX (\w+)/g, 'CREATE INDEX bench_$1');
  const db = journal.database;
  const started = performance.now();
  db.exec('BEGIN');
  try {
    db.exec(sql);
    return performance.now() - started;
  } finally {
    db.exec('ROLLBACK');
  }
}

export async function benchHistory(report: Report): Promise<void> {
  console.log('\n== history search at 1,000,000 orders');
  const year = historyJournal((text) => report.info(text));
  report.info(`${year.file}: ${year.orders.toLocaleString('en')} orders, ${year.how}`);
  if (year.upgrade !== undefined) {
    report.info(
      `upgrading it from schema ${year.upgrade.fromVersion} to ${year.upgrade.toVersion} (the product's pre-upgrade ` +
        `copy, then every step) took ${num(year.upgrade.ms / 1000)} s`,
    );
  }
  const journal = Journal.open(year.file);
  try {
    const history = new HistoryService({ journal, book: new SalesBook(journal.database) });
    const a = amounts(journal);
    report.info(
      `amounts: Rp ${a.common.toLocaleString('id')} on ${a.commonCount.toLocaleString('en')} orders (the most common), ` +
        `Rp ${a.rare.toLocaleString('id')} on ${a.rareCount.toLocaleString('en')} (the rarest)`,
    );
    report.info(
      `the history indexes' own step, built again and rolled back: ${num(indexStepMs(journal) / 1000)} s`,
    );
    const deepCursor = (() => {
      // Half a year back: a few pages into the year's middle day.
      const middle =
        journal.database
          .prepare<[], string>('SELECT business_date FROM orders WHERE id = (SELECT max(id) / 2 FROM orders)')
          .pluck()
          .get() ?? year.busiestDay;
      let page = history.search({ to: middle, limit: 100 });
      for (let i = 0; i < 4 && page.nextCursor !== undefined; i++) {
        page = history.search({ to: middle, limit: 100, cursor: page.nextCursor });
      }
      return page.nextCursor;
    })();
    const amountCursor = history.search({ amount: a.common, limit: 50 }).nextCursor;

    const figures: { metric: string; query: HistoryQuery; goal: number }[] = [
      {
        metric: 'search by amount, most common (first page of 50)',
        query: { amount: a.common },
        goal: GOAL_SEARCH_MS,
      },
      { metric: 'search by amount, rarest', query: { amount: a.rare }, goal: GOAL_SEARCH_MS },
      {
        metric: 'search by amount, next page',
        query: { amount: a.common, ...(amountCursor === undefined ? {} : { cursor: amountCursor }) },
        goal: GOAL_SEARCH_MS,
      },
      { metric: 'first page, no filter', query: {}, goal: GOAL_PAGE_MS },
      {
        metric: 'a page deep in the year',
        query: deepCursor === undefined ? {} : { cursor: deepCursor },
        goal: GOAL_PAGE_MS,
      },
      {
        metric: 'one business day (the busiest)',
        query: { from: year.busiestDay, to: year.busiestDay },
        goal: GOAL_PAGE_MS,
      },
      { metric: 'state: cancelled', query: { state: 'cancelled' }, goal: GOAL_PAGE_MS },
      { metric: 'state: denied (rare)', query: { state: 'denied' }, goal: GOAL_PAGE_MS },
      {
        metric: 'issuer mandiri on a GoPay tender (rare)',
        query: { issuer: 'mandiri', tender: 'gopay' },
        goal: GOAL_PAGE_MS,
      },
      {
        metric: 'id prefix (a minute of a day)',
        query: { id: `K${year.busiestDay.replaceAll('-', '')}-1230` },
        goal: GOAL_PAGE_MS,
      },
    ];
    for (const figure of figures) {
      const first = timed(() => history.search({ ...figure.query, limit: 50 }));
      const runs = Array.from(
        { length: RUNS },
        () => timed(() => history.search({ ...figure.query, limit: 50 })).ms,
      );
      const s = summarize(runs);
      const page: HistoryPageView = first.value;
      report.info(
        `${figure.metric}: ${page.rows.length} rows, ${page.nextCursor === undefined ? 'last page' : 'more follow'}` +
          (page.searchedBackTo === undefined
            ? ''
            : `, stopped at its bound having read back to ${page.searchedBackTo}`) +
          `; first run ${ms(first.ms)}`,
      );
      report.add({
        group: 'history',
        metric: figure.metric,
        n: s.n,
        p50: ms(s.p50),
        p95: ms(s.p95),
        goal: `p95 ≤ ${figure.goal} ms`,
        ratio: s.p95 / figure.goal,
        met: s.p95 <= figure.goal,
      });
    }

    const sample = history.search({ amount: a.common, limit: 1 }).rows[0];
    if (sample !== undefined) {
      const runs = Array.from({ length: RUNS }, () => timed(() => history.detail(sample.kind, sample.id)).ms);
      const s = summarize(runs);
      const detail = history.detail(sample.kind, sample.id);
      report.info(`detail of ${sample.id}: ${detail.timeline.length} timeline entries`);
      report.add({
        group: 'history',
        metric: 'one detail with its timeline',
        n: s.n,
        p50: ms(s.p50),
        p95: ms(s.p95),
        goal: `p95 ≤ ${GOAL_PAGE_MS} ms`,
        ratio: s.p95 / GOAL_PAGE_MS,
        met: s.p95 <= GOAL_PAGE_MS,
      });
    }
  } finally {
    journal.close();
  }
}
