/**
 * The till's sales in the journal's database (tables from main/journal/schema/v4-sales.ts). Every
 * write is one transaction, committed with fsync before it returns, like the journal's own: a
 * sale, its lines and its cash are on disk together before anything is charged or a drawer opens.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PriceBreakdown } from '../../common/pricing/types.ts';
import type { SaleState } from '../../common/till-contract.ts';

export interface CashTender {
  id: number;
  amount: number;
  received: number;
  change: number;
  state: 'taken' | 'returned';
  createdAt: number;
  returnedAt: number | undefined;
}

export interface SaleRecord {
  saleId: string;
  environment: string;
  state: SaleState;
  createdAt: number;
  updatedAt: number;
  closedAt: number | undefined;
  businessDate: string;
  breakdown: PriceBreakdown;
  voidReason: 'abandoned' | 'cash-returned' | undefined;
  cash: CashTender[];
}

export interface NewSale {
  saleId: string;
  environment: string;
  createdAt: number;
  businessDate: string;
  breakdown: PriceBreakdown;
  /** Cash taken with the sale (a cash sale, or the cash part of a split one). */
  cash?: { amount: number; received: number };
  /** A cash sale is paid when it is made. */
  paid: boolean;
  /** The open shift the sale belongs to, and its cashier (the journal refuses any other). */
  shiftId?: number;
  cashierId?: number | null;
  /** Journaled with the sale: e.g. the manager's approval of a discount. */
  events?: { kind: SaleEventKind; detail: Record<string, unknown> }[];
}

export type SaleEventKind =
  'created' | 'cash-taken' | 'cash-returned' | 'charge' | 'paid' | 'voided' | 'approval' | 'note';

export interface SaleEvent {
  seq: number;
  saleId: string;
  at: number;
  kind: SaleEventKind;
  detail: Record<string, unknown>;
}

interface SaleSqlRow {
  sale_id: string;
  environment: string;
  state: string;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  business_date: string;
  breakdown: string;
  void_reason: string | null;
}

interface CashSqlRow {
  id: number;
  amount: number;
  received: number;
  change: number;
  state: string;
  created_at: number;
  returned_at: number | null;
}

export class SalesBook {
  readonly #db: BetterSqlite3.Database;
  readonly #insertEvent: BetterSqlite3.Statement<[string, number, string, string]>;
  readonly #create: (sale: NewSale) => void;
  readonly #takeCash: (
    saleId: string,
    at: number,
    cash: { amount: number; received: number },
    paid: boolean,
  ) => void;
  readonly #close: (
    saleId: string,
    at: number,
    state: 'paid' | 'voided',
    reason?: 'abandoned' | 'cash-returned',
  ) => boolean;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    this.#insertEvent = db.prepare('INSERT INTO sale_events (sale_id, at, kind, detail) VALUES (?, ?, ?, ?)');
    const insertSale =
      db.prepare(`INSERT INTO sales (sale_id, environment, state, created_at, updated_at, closed_at,
        business_date, subtotal, line_discounts, order_discount, service, tax, tax_included, total, cash_total, breakdown,
        shift_id, cashier_id)
      VALUES (@sale_id, @environment, @state, @created_at, @created_at, @closed_at, @business_date, @subtotal,
        @line_discounts, @order_discount, @service, @tax, @tax_included, @total, @cash_total, @breakdown,
        @shift_id, @cashier_id)`);
    const insertLine =
      db.prepare(`INSERT INTO sale_lines (sale_id, line_no, item_id, sku, name, unit_price, quantity,
        line_discount, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertCash = db.prepare(
      `INSERT INTO cash_tenders (sale_id, amount, received, change, state, created_at) VALUES (?, ?, ?, ?, 'taken', ?)`,
    );
    const touch = db.prepare(`UPDATE sales SET updated_at = ? WHERE sale_id = ? AND state = 'open'`);
    const close = db.prepare(
      `UPDATE sales SET state = ?, closed_at = ?, updated_at = ?, void_reason = ? WHERE sale_id = ? AND state = 'open'`,
    );
    const returnCash = db.prepare(
      `UPDATE cash_tenders SET state = 'returned', returned_at = ? WHERE sale_id = ? AND state = 'taken'`,
    );
    const event = (saleId: string, at: number, kind: SaleEventKind, detail: Record<string, unknown>) =>
      this.#insertEvent.run(saleId, at, kind, JSON.stringify(detail));

    this.#create = db.transaction((sale: NewSale) => {
      const b = sale.breakdown;
      insertSale.run({
        sale_id: sale.saleId,
        environment: sale.environment,
        state: sale.paid ? 'paid' : 'open',
        created_at: sale.createdAt,
        closed_at: sale.paid ? sale.createdAt : null,
        business_date: sale.businessDate,
        subtotal: b.subtotal,
        line_discounts: b.lineDiscounts,
        order_discount: b.orderDiscount,
        service: b.service,
        tax: b.tax.amount,
        tax_included: b.tax.inclusive ? 1 : 0,
        total: b.total,
        cash_total: b.cashTotal,
        breakdown: JSON.stringify(b),
        shift_id: sale.shiftId ?? null,
        cashier_id: sale.cashierId ?? null,
      });
      for (const line of b.lines) {
        insertLine.run(
          sale.saleId,
          line.index + 1,
          line.itemId ?? null,
          line.sku ?? null,
          line.name,
          line.unitPrice,
          line.quantity,
          line.lineDiscount,
          line.total,
        );
      }
      event(sale.saleId, sale.createdAt, 'created', { total: b.total, lines: b.lines.length });
      for (const extra of sale.events ?? []) event(sale.saleId, sale.createdAt, extra.kind, extra.detail);
      if (sale.cash !== undefined) {
        const change = sale.cash.received - sale.cash.amount;
        insertCash.run(sale.saleId, sale.cash.amount, sale.cash.received, change, sale.createdAt);
        event(sale.saleId, sale.createdAt, 'cash-taken', { ...sale.cash, change });
      }
      if (sale.paid) event(sale.saleId, sale.createdAt, 'paid', { by: 'cash' });
    }).immediate;

    this.#takeCash = db.transaction(
      (saleId: string, at: number, cash: { amount: number; received: number }, paid: boolean) => {
        if (touch.run(at, saleId).changes !== 1) throw new SaleNotOpenError(saleId);
        const change = cash.received - cash.amount;
        insertCash.run(saleId, cash.amount, cash.received, change, at);
        event(saleId, at, 'cash-taken', { ...cash, change });
        if (paid) {
          close.run('paid', at, at, null, saleId);
          event(saleId, at, 'paid', { by: 'cash' });
        }
      },
    ).immediate;

    this.#close = db.transaction(
      (saleId: string, at: number, state: 'paid' | 'voided', reason?: 'abandoned' | 'cash-returned') => {
        if (close.run(state, at, at, reason ?? null, saleId).changes !== 1) return false;
        if (reason === 'cash-returned') {
          const returned = returnCash.run(at, saleId).changes;
          event(saleId, at, 'cash-returned', { tenders: returned });
        }
        event(saleId, at, state, reason === undefined ? {} : { reason });
        return true;
      },
    ).immediate;
  }

  /** Journals a new sale with its lines (and its cash, if any) in one commit. */
  create(sale: NewSale): SaleRecord {
    this.#create(sale);
    return this.#mustFind(sale.saleId);
  }

  /** Cash taken for an open sale; `paid` closes it in the same commit. */
  takeCash(
    saleId: string,
    at: number,
    cash: { amount: number; received: number },
    paid: boolean,
  ): SaleRecord {
    this.#takeCash(saleId, at, cash, paid);
    return this.#mustFind(saleId);
  }

  /** Closes an open sale as paid; false (writing nothing) when it was not open. */
  markPaid(saleId: string, at: number): boolean {
    return this.#close(saleId, at, 'paid');
  }

  /** Voids an open sale; its cash, if any, is recorded as given back in the same commit. */
  void(saleId: string, at: number, reason: 'abandoned' | 'cash-returned'): SaleRecord {
    if (!this.#close(saleId, at, 'voided', reason)) throw new SaleNotOpenError(saleId);
    return this.#mustFind(saleId);
  }

  appendEvent(saleId: string, at: number, kind: SaleEventKind, detail: Record<string, unknown>): void {
    this.#insertEvent.run(saleId, at, kind, JSON.stringify(detail));
  }

  get(saleId: string): SaleRecord | undefined {
    const row = this.#db.prepare<[string], SaleSqlRow>(`${SELECT_SALE} WHERE sale_id = ?`).get(saleId);
    return row === undefined ? undefined : this.#record(row);
  }

  /** Sales with money still due, newest first. */
  open(environment: string): SaleRecord[] {
    return this.#db
      .prepare<[string], SaleSqlRow>(
        `${SELECT_SALE} WHERE state = 'open' AND environment = ? ORDER BY created_at DESC`,
      )
      .all(environment)
      .map((row) => this.#record(row));
  }

  events(saleId: string): SaleEvent[] {
    return this.#db
      .prepare<[string], { seq: number; sale_id: string; at: number; kind: string; detail: string }>(
        'SELECT seq, sale_id, at, kind, detail FROM sale_events WHERE sale_id = ? ORDER BY seq',
      )
      .all(saleId)
      .map((r) => ({
        seq: r.seq,
        saleId: r.sale_id,
        at: r.at,
        kind: r.kind as SaleEventKind,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
  }

  /**
   * What has been given back of a sale, from the refunds table (schema v5-refunds): a refund is
   * a row of its own and never touches the sale's. Undefined while it has none that count.
   */
  refundTotals(saleId: string): { amount: number; cash: number; inDoubt: number } | undefined {
    const row = this.#db
      .prepare<[string], { n: number; amount: number; cash: number; in_doubt: number }>(
        `SELECT count(*) AS n,
                coalesce(sum(CASE WHEN state = 'refunded' THEN amount END), 0) AS amount,
                coalesce(sum(CASE WHEN state = 'refunded' AND tender = 'cash' THEN amount END), 0) AS cash,
                coalesce(sum(CASE WHEN state = 'requested' THEN amount END), 0) AS in_doubt
           FROM refunds WHERE sale_id = ? AND state <> 'refused'`,
      )
      .get(saleId);
    if (row === undefined || row.n === 0) return undefined;
    return { amount: row.amount, cash: row.cash, inDoubt: row.in_doubt };
  }

  /** Whether a catalogue item was ever sold (a sold item is never deleted). */
  itemSold(itemId: string): boolean {
    return (
      this.#db
        .prepare<[string], { n: number }>('SELECT 1 AS n FROM sale_lines WHERE item_id = ? LIMIT 1')
        .get(itemId) !== undefined
    );
  }

  #mustFind(saleId: string): SaleRecord {
    const sale = this.get(saleId);
    if (sale === undefined) throw new Error(`sale ${saleId} is not in the journal`);
    return sale;
  }

  #record(row: SaleSqlRow): SaleRecord {
    const cash = this.#db
      .prepare<[string], CashSqlRow>(
        'SELECT id, amount, received, change, state, created_at, returned_at FROM cash_tenders WHERE sale_id = ? ORDER BY id',
      )
      .all(row.sale_id)
      .map((c) => ({
        id: c.id,
        amount: c.amount,
        received: c.received,
        change: c.change,
        state: c.state as CashTender['state'],
        createdAt: c.created_at,
        returnedAt: c.returned_at ?? undefined,
      }));
    return {
      saleId: row.sale_id,
      environment: row.environment,
      state: row.state as SaleState,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      closedAt: row.closed_at ?? undefined,
      businessDate: row.business_date,
      breakdown: JSON.parse(row.breakdown) as PriceBreakdown,
      voidReason: (row.void_reason ?? undefined) as SaleRecord['voidReason'],
      cash,
    };
  }
}

const SELECT_SALE =
  'SELECT sale_id, environment, state, created_at, updated_at, closed_at, business_date, breakdown, void_reason FROM sales';

/** An action for an open sale on one that is paid or voided (or unknown). Nothing was written. */
export class SaleNotOpenError extends Error {
  readonly code = 'sale-not-open';
  readonly saleId: string;
  constructor(saleId: string) {
    super(`sale ${saleId} is not open`);
    this.name = 'SaleNotOpenError';
    this.saleId = saleId;
  }
}
