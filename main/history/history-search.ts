/**
 * One page of the history: each stream (history-sql.ts) reads its index range below the cursor,
 * and the pages are merged newest first. A stream that stops early (a full page, or its row
 * budget spent) has only looked down to some key; below the highest such key another stream
 * could still hold a match nobody has read yet, so the page ends there and the next one starts
 * just below it. The page is then exact: every match above its end, in order, once.
 *
 * An id (order, sale or transaction, whole or its beginning) is looked up in the unique indexes
 * instead, and the other filters are applied to what it finds.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { HistoryPageView, HistoryQuery } from '../../common/history-contract.ts';
import { cursorProblem } from '../../common/history-input.ts';
import {
  decodeCursor,
  encodeCursor,
  isBelow,
  newestFirst,
  topOf,
  TOP_ID,
  type HistoryKey,
} from './history-key.ts';
import { publicRow, rowMatches, RowAssembler, type AssembledRow, type SqlRow } from './history-rows.ts';
import {
  COLUMNS,
  floorQuery,
  orderStream,
  pageQuery,
  saleStreams,
  type Filters,
  type Range,
  type Stream,
} from './history-sql.ts';
import { HistoryQueryError } from './history-errors.ts';

/** Rows a filtered stream may read for one page: a few tens of milliseconds at most. */
export const DEFAULT_ROW_BUDGET = 10_000;
/** What an id search may find: a prefix matching more than this should be typed further. */
const ID_MATCHES_MAX = 200;
const LAST_DATE = '9999-12-31';

export interface SearchOptions {
  limit: number;
  /** Rows a filtered stream may read per page (tests make it small to see the bound work). */
  budget?: number;
}

interface StreamResult {
  rows: SqlRow[];
  /** Everything at or above this key has been read; undefined: the whole range was read. */
  floor: HistoryKey | undefined;
}

function keyOf(row: SqlRow): HistoryKey {
  return { businessDate: row.business_date, createdAt: row.created_at, id: row.id, kind: row.kind };
}

function startBelow(query: HistoryQuery): HistoryKey {
  const top = topOf(query.to ?? LAST_DATE);
  if (query.cursor === undefined) return top;
  const cursor = decodeCursor(query.cursor);
  if (cursor === undefined) throw new HistoryQueryError([cursorProblem()]);
  return isBelow(cursor, top) ? cursor : top;
}

export class HistorySearch {
  readonly #db: BetterSqlite3.Database;
  readonly #rows: RowAssembler;
  readonly #statements = new Map<string, BetterSqlite3.Statement<unknown[], SqlRow>>();

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    this.#rows = new RowAssembler(db);
  }

  /** `query` must have passed checkHistoryQuery. */
  page(query: HistoryQuery, options: SearchOptions): HistoryPageView {
    const below = startBelow(query);
    const filters: Filters = {
      from: query.from,
      amount: query.amount,
      state: query.state,
      tender: query.tender,
      paymentType: query.paymentType,
      issuer: query.issuer,
    };
    if (query.id !== undefined)
      return this.#byId(query.id.trim(), { ...filters, to: query.to }, below, options.limit);
    const budget = options.budget ?? DEFAULT_ROW_BUDGET;
    const streams = [orderStream(filters), ...saleStreams(filters)].filter(
      (s): s is Stream => s !== undefined,
    );
    const range: Range = { below, from: query.from };
    const results = streams.map((stream) => this.#read(stream, range, options.limit, budget));
    // The newest point down to which some stream has not read: nothing below it is known yet.
    let edge: HistoryKey | undefined;
    for (const { floor } of results) {
      if (floor !== undefined && (edge === undefined || isBelow(edge, floor))) edge = floor;
    }
    const seen = new Set<string>();
    const known = results
      .flatMap((r) => r.rows)
      .filter((row) => {
        const id = `${row.kind}:${row.id}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return edge === undefined || !isBelow(keyOf(row), edge);
      })
      .sort((a, b) => newestFirst(keyOf(a), keyOf(b)));
    const page = known.slice(0, options.limit);
    const rows = page.map((row) => publicRow(this.#rows.row(row)));
    const last = page.at(-1);
    if (known.length > options.limit && last !== undefined) {
      return { rows, nextCursor: encodeCursor(keyOf(last)), searchedBackTo: undefined };
    }
    if (edge !== undefined) {
      return {
        rows,
        nextCursor: encodeCursor(edge),
        searchedBackTo: page.length < options.limit ? edge.businessDate : undefined,
      };
    }
    return { rows, nextCursor: undefined, searchedBackTo: undefined };
  }

  #read(stream: Stream, range: Range, limit: number, budget: number): StreamResult {
    const page = pageQuery(stream, range, limit + 1, budget);
    const rows = this.#statement(page.sql).all(...page.params);
    const last = rows.at(-1);
    if (rows.length > limit && last !== undefined) return { rows, floor: keyOf(last) };
    if (stream.residual.length === 0) return { rows, floor: undefined };
    // Short: either nothing older matches, or the budget ran out first. Which, and how far it read.
    const floor = floorQuery(stream, range, budget);
    const oldest = this.#statement(floor.sql).get(...floor.params) as unknown as
      { business_date: string; created_at: number; id: string; seen: number } | undefined;
    if (oldest === undefined || oldest.seen < budget) return { rows, floor: undefined };
    const kind = stream.table === 'orders' ? 'order' : 'sale';
    return {
      rows,
      floor: { businessDate: oldest.business_date, createdAt: oldest.created_at, id: oldest.id, kind },
    };
  }

  #statement(sql: string): BetterSqlite3.Statement<unknown[], SqlRow> {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare<unknown[], SqlRow>(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Whole ids or their beginnings, as typed, in capitals (order and sale ids) and in small letters (transaction ids). */
  #byId(
    text: string,
    filters: Filters & { to?: string | undefined },
    below: HistoryKey,
    limit: number,
  ): HistoryPageView {
    const variants = [...new Set([text, text.toUpperCase(), text.toLowerCase()])];
    const found = new Map<string, SqlRow>();
    const add = (row: SqlRow | undefined) => {
      if (row !== undefined) found.set(`${row.kind}:${row.id}`, row);
    };
    const orders = this.#db.prepare<[string, string], { order_id: string; sale_id: string | null }>(
      `SELECT order_id, sale_id FROM orders WHERE order_id >= ? AND order_id < ? LIMIT ${ID_MATCHES_MAX}`,
    );
    const byTransaction = this.#db.prepare<[string, string], { order_id: string; sale_id: string | null }>(
      `SELECT order_id, sale_id FROM orders WHERE transaction_id >= ? AND transaction_id < ? LIMIT ${ID_MATCHES_MAX}`,
    );
    const sales = this.#db.prepare<[string, string], SqlRow>(
      `SELECT ${COLUMNS.sales} FROM sales AS t WHERE t.sale_id >= ? AND t.sale_id < ? LIMIT ${ID_MATCHES_MAX}`,
    );
    const sale = this.#db.prepare<[string], SqlRow>(
      `SELECT ${COLUMNS.sales} FROM sales AS t WHERE t.sale_id = ?`,
    );
    const order = this.#db.prepare<[string], SqlRow>(
      `SELECT ${COLUMNS.orders} FROM orders AS t WHERE t.order_id = ?`,
    );
    for (const prefix of variants) {
      const end = prefix + TOP_ID;
      for (const s of sales.all(prefix, end)) add(s);
      for (const o of [...orders.all(prefix, end), ...byTransaction.all(prefix, end)]) {
        add(o.sale_id === null ? order.get(o.order_id) : sale.get(o.sale_id));
      }
    }
    const matches: AssembledRow[] = [...found.values()]
      .filter((row) => isBelow(keyOf(row), below))
      .map((row) => this.#rows.row(row))
      .filter((row) => rowMatches(row, filters))
      .sort(newestFirst);
    const page = matches.slice(0, limit);
    const last = page.at(-1);
    return {
      rows: page.map(publicRow),
      nextCursor: matches.length > limit && last !== undefined ? encodeCursor(last) : undefined,
      searchedBackTo: undefined,
    };
  }
}
