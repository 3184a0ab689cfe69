/**
 * The till's history, for the cashier's screen and the `kiosk log` command: search (checked
 * first; a refused query runs nothing) and one row's detail with its whole timeline. Read-only:
 * it never writes to the journal.
 *
 * Receipts printed and refunds belong to the printing and refunds modules; they plug in through
 * HistorySources. Until they do, a detail lists none, and the screen shows nothing for them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  HISTORY_PAGE_DEFAULT,
  type HistoryChargeView,
  type HistoryDetail,
  type HistoryKind,
  type HistoryPageView,
  type HistoryQuery,
  type HistoryReceiptView,
  type HistoryRefundView,
} from '../../common/history-contract.ts';
import { checkHistoryQuery } from '../../common/history-input.ts';
import type { Journal } from '../journal/journal.ts';
import type { OrderRow } from '../journal/types.ts';
import type { SalesBook } from '../sales/sales-book.ts';
import { HistoryNotFoundError, HistoryQueryError } from './history-errors.ts';
import { publicRow, RowAssembler, type SqlRow } from './history-rows.ts';
import { HistorySearch } from './history-search.ts';
import { COLUMNS } from './history-sql.ts';
import { cleanText, mergeTimeline, orderEntry, saleEntry } from './timeline.ts';

export { HistoryNotFoundError, HistoryQueryError } from './history-errors.ts';

/** Where other modules add to a sale's detail (printing: receipts; refunds: refunds). */
export interface HistorySources {
  receipts?(kind: HistoryKind, id: string): HistoryReceiptView[];
  refunds?(kind: HistoryKind, id: string): HistoryRefundView[];
}

export interface HistoryDeps {
  journal: Journal;
  book: SalesBook;
  sources?: HistorySources;
  /** Rows a filtered search may read per page (tests lower it). */
  rowBudget?: number;
}

function chargeView(o: OrderRow): HistoryChargeView {
  return {
    orderId: o.orderId,
    paymentType: o.paymentType,
    amount: o.grossAmount,
    state: o.state,
    createdAt: o.createdAt,
    transactionId: o.transactionId,
    gatewayStatus: o.gatewayStatus,
    fraudStatus: o.fraudStatus,
    paidWith: o.paidWith,
    issuer: o.issuer,
    acquirer: o.acquirer,
    settledAt: o.settledAt,
    finalAt: o.finalAt,
    endReason: o.endReason,
    alert: o.alert,
    detail: o.detail === undefined ? undefined : cleanText(o.detail),
    environment: o.environment,
  };
}

export class HistoryService {
  readonly #deps: HistoryDeps;
  readonly #search: HistorySearch;
  readonly #rows: RowAssembler;
  readonly #sale: BetterSqlite3.Statement<[string], SqlRow>;
  readonly #order: BetterSqlite3.Statement<[string], SqlRow>;
  readonly #saleOf: BetterSqlite3.Statement<[string], { sale_id: string | null }>;

  constructor(deps: HistoryDeps) {
    this.#deps = deps;
    const db = deps.journal.database;
    this.#search = new HistorySearch(db);
    this.#rows = new RowAssembler(db);
    this.#sale = db.prepare(`SELECT ${COLUMNS.sales} FROM sales AS t WHERE t.sale_id = ?`);
    this.#order = db.prepare(`SELECT ${COLUMNS.orders} FROM orders AS t WHERE t.order_id = ?`);
    this.#saleOf = db.prepare('SELECT sale_id FROM orders WHERE order_id = ?');
  }

  /** Newest first. Throws HistoryQueryError, having read nothing, when any field is refused. */
  search(query: HistoryQuery): HistoryPageView {
    const problems = checkHistoryQuery(query);
    if (problems.length > 0) throw new HistoryQueryError(problems);
    const checked: HistoryQuery = { ...query, ...(query.id === undefined ? {} : { id: query.id.trim() }) };
    return this.#search.page(checked, {
      limit: query.limit ?? HISTORY_PAGE_DEFAULT,
      ...(this.#deps.rowBudget === undefined ? {} : { budget: this.#deps.rowBudget }),
    });
  }

  /** The history row an order id or a sale id belongs to: an order that pays a sale is in its sale. */
  locate(id: string): { kind: HistoryKind; id: string } | undefined {
    if (this.#sale.get(id) !== undefined) return { kind: 'sale', id };
    const order = this.#saleOf.get(id);
    if (order === undefined) return undefined;
    return order.sale_id === null ? { kind: 'order', id } : { kind: 'sale', id: order.sale_id };
  }

  /** Everything the journal keeps about one row. Throws HistoryNotFoundError. */
  detail(kind: HistoryKind, id: string): HistoryDetail {
    const sql = (kind === 'sale' ? this.#sale : this.#order).get(id);
    // An order that pays a sale is shown in its sale, never as a row of its own.
    const paysSale = kind === 'order' && (this.#saleOf.get(id)?.sale_id ?? null) !== null;
    if (sql === undefined || paysSale) {
      throw new HistoryNotFoundError(kind, id);
    }
    const { journal, book, sources } = this.#deps;
    const row = publicRow(this.#rows.row(sql));
    const extras = {
      receipts: sources?.receipts?.(kind, id) ?? [],
      refunds: sources?.refunds?.(kind, id) ?? [],
    };
    if (kind === 'order') {
      const order = journal.get(id);
      if (order === undefined) throw new HistoryNotFoundError(kind, id);
      return {
        row,
        sale: undefined,
        items: order.items,
        cash: [],
        charges: [chargeView(order)],
        ...extras,
        timeline: mergeTimeline([], [journal.events(id).map(orderEntry)]),
      };
    }
    const sale = book.get(id);
    if (sale === undefined) throw new HistoryNotFoundError(kind, id);
    const orders = journal.ordersOfSale(id);
    return {
      row,
      sale: { breakdown: sale.breakdown, closedAt: sale.closedAt, voidReason: sale.voidReason },
      items: [],
      cash: sale.cash.map((c) => ({
        amount: c.amount,
        received: c.received,
        change: c.change,
        state: c.state,
        at: c.createdAt,
        returnedAt: c.returnedAt,
      })),
      charges: orders.map(chargeView),
      ...extras,
      timeline: mergeTimeline(
        book.events(id).map(saleEntry),
        orders.map((o) => journal.events(o.orderId).map(orderEntry)),
      ),
    };
  }
}
