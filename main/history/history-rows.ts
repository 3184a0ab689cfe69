/**
 * A history row from what the journal keeps: a bare order from its own columns; a till sale from
 * its row, its cash and its orders (read fresh, never stored twice). The same words decide, in
 * SQL (history-sql.ts) and here, what state and tender a row shows, and rowMatches() is the plain
 * reading of the filters that the id search applies and the tests hold the SQL to.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type {
  HistoryRow,
  HistoryState,
  HistoryTender,
  HistoryTenderView,
} from '../../common/history-contract.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { OrderState } from '../../common/order.ts';
import type { Filters } from './history-sql.ts';

/** A row as a stream's query returns it (COLUMNS in history-sql.ts). */
export interface SqlRow {
  kind: 'sale' | 'order';
  id: string;
  business_date: string;
  created_at: number;
  amount: number;
  state: string;
  payment_type?: string;
  paid_with?: string | null;
  issuer?: string | null;
}

/** A row with what only the search needs: the rounded cash total a cash customer paid. */
export interface AssembledRow extends HistoryRow {
  cashTotal: number | undefined;
}

const ORDER_HISTORY_STATE: Record<OrderState, HistoryState> = {
  created: 'open',
  charging: 'open',
  pending: 'open',
  review: 'review',
  settlement: 'paid',
  cancel: 'cancelled',
  expire: 'expired',
  deny: 'denied',
  failed: 'failed',
};

export function orderHistoryState(state: OrderState): HistoryState {
  return ORDER_HISTORY_STATE[state];
}

interface ChargeSqlRow {
  order_id: string;
  payment_type: string;
  gross_amount: number;
  state: string;
  paid_with: string | null;
  issuer: string | null;
}

interface CashSqlRow {
  amount: number;
  state: string;
}

function optional<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function chargeTender(o: ChargeSqlRow): HistoryTenderView {
  return {
    kind: o.payment_type as PaymentType,
    amount: o.gross_amount,
    state: o.state as OrderState,
    orderId: o.order_id,
    ...optional('paidWith', o.paid_with),
    ...optional('issuer', o.issuer),
  };
}

function saleState(state: string, charges: readonly ChargeSqlRow[]): HistoryState {
  if (state === 'paid') return 'paid';
  if (state === 'open') return charges.some((o) => o.state === 'review') ? 'review' : 'open';
  const last = charges.at(-1);
  const ended = last === undefined ? undefined : orderHistoryState(last.state as OrderState);
  return ended === 'cancelled' || ended === 'expired' || ended === 'denied' || ended === 'failed'
    ? ended
    : 'voided';
}

/** The charged type that stands for the sale: the one that was paid, else the last one tried. */
function saleTender(
  cash: readonly CashSqlRow[],
  charges: readonly ChargeSqlRow[],
): HistoryTender | undefined {
  if (cash.length > 0) return charges.length > 0 ? 'split' : 'cash';
  const chosen = charges.find((o) => o.state === 'settlement') ?? charges.at(-1);
  return chosen === undefined ? undefined : (chosen.payment_type as HistoryTender);
}

export class RowAssembler {
  readonly #charges: BetterSqlite3.Statement<[string], ChargeSqlRow>;
  readonly #cash: BetterSqlite3.Statement<[string], CashSqlRow>;
  readonly #cashTotal: BetterSqlite3.Statement<[string], number>;

  constructor(db: BetterSqlite3.Database) {
    this.#charges = db.prepare(
      'SELECT order_id, payment_type, gross_amount, state, paid_with, issuer FROM orders WHERE sale_id = ? ORDER BY id',
    );
    this.#cash = db.prepare('SELECT amount, state FROM cash_tenders WHERE sale_id = ? ORDER BY id');
    this.#cashTotal = db.prepare<[string], number>('SELECT cash_total FROM sales WHERE sale_id = ?').pluck();
  }

  row(r: SqlRow): AssembledRow {
    const base = {
      kind: r.kind,
      id: r.id,
      createdAt: r.created_at,
      businessDate: r.business_date,
      amount: r.amount,
    };
    if (r.kind === 'order') {
      const tender = chargeTender({
        order_id: r.id,
        payment_type: r.payment_type ?? 'qris',
        gross_amount: r.amount,
        state: r.state,
        paid_with: r.paid_with ?? null,
        issuer: r.issuer ?? null,
      });
      return {
        ...base,
        state: orderHistoryState(r.state as OrderState),
        tender: tender.kind as HistoryTender,
        tenders: [tender],
        cashTotal: undefined,
      };
    }
    const charges = this.#charges.all(r.id);
    const cash = this.#cash.all(r.id);
    const tenders: HistoryTenderView[] = [
      ...cash.map((c) => ({
        kind: 'cash' as const,
        amount: c.amount,
        state: c.state as 'taken' | 'returned',
      })),
      ...charges.map(chargeTender),
    ];
    return {
      ...base,
      state: saleState(r.state, charges),
      tender: saleTender(cash, charges),
      tenders,
      cashTotal: this.#cashTotal.get(r.id),
    };
  }
}

export function publicRow(row: AssembledRow): HistoryRow {
  const { cashTotal: _cashTotal, ...rest } = row;
  return rest;
}

/** The filters read plainly, on an assembled row. */
export function rowMatches(row: AssembledRow, f: Filters & { to?: string | undefined }): boolean {
  if (f.from !== undefined && row.businessDate < f.from) return false;
  if (f.to !== undefined && row.businessDate > f.to) return false;
  if (f.amount !== undefined && row.amount !== f.amount && row.cashTotal !== f.amount) return false;
  if (f.state !== undefined && row.state !== f.state) return false;
  const gateway = row.tenders.filter((t) => t.kind !== 'cash');
  const hasCash = row.tenders.some((t) => t.kind === 'cash');
  if (f.tender === 'cash' && !(hasCash && gateway.length === 0)) return false;
  if (f.tender === 'split' && !(hasCash && gateway.length > 0)) return false;
  if (
    (f.tender === 'qris' || f.tender === 'gopay') &&
    (hasCash || !gateway.some((t) => t.kind === f.tender))
  ) {
    return false;
  }
  if (f.paymentType !== undefined && !gateway.some((t) => (t.paidWith ?? t.kind) === f.paymentType))
    return false;
  if (f.issuer !== undefined && !gateway.some((t) => t.issuer === f.issuer)) return false;
  return true;
}
