/**
 * What must hold between the till's sales, their cash, their orders and the gateway's ledger,
 * however the till died: the till's side of invariants.ts. Read from the journal file on a
 * read-only connection, exactly as the crash left it. Violations are returned, not asserted, so a
 * failing run reports every broken promise at once, with the sale ids to look up.
 */
import Database from 'better-sqlite3';
import type { OrderSnapshot } from '../../main/emulator/index.ts';

export interface Announced {
  id: string;
  state: string;
  /** Cash taken, as the till announced it. */
  cash: number;
}

export interface TillEvidence {
  file: string;
  ledger: readonly OrderSnapshot[];
  /** Every sale view a child announced: the till had committed each before it said so. */
  announced: readonly Announced[];
}

interface SaleRow {
  sale_id: string;
  state: string;
  total: number;
  cash_total: number;
  void_reason: string | null;
}
interface CashRow {
  sale_id: string;
  amount: number;
  state: string;
}
interface OrderRow {
  order_id: string;
  sale_id: string | null;
  state: string;
  gross_amount: number;
}

interface TillRows {
  sales: SaleRow[];
  cash: CashRow[];
  orders: OrderRow[];
  events: { sale_id: string; kind: string }[];
}

function read(file: string): TillRows {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      sales: db
        .prepare<[], SaleRow>('SELECT sale_id, state, total, cash_total, void_reason FROM sales ORDER BY id')
        .all(),
      cash: db.prepare<[], CashRow>('SELECT sale_id, amount, state FROM cash_tenders ORDER BY id').all(),
      orders: db
        .prepare<[], OrderRow>(
          'SELECT order_id, sale_id, state, gross_amount FROM orders WHERE sale_id IS NOT NULL ORDER BY id',
        )
        .all(),
      events: db
        .prepare<[], { sale_id: string; kind: string }>('SELECT sale_id, kind FROM sale_events ORDER BY seq')
        .all(),
    };
  } finally {
    db.close();
  }
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
const count = <T>(items: readonly T[], test: (item: T) => boolean): number => items.filter(test).length;

/** Settlements at the gateway per order_id (each attempt that settled). */
function gatewaySettlements(ledger: readonly OrderSnapshot[]): Map<string, number[]> {
  const by = new Map<string, number[]>();
  for (const tx of ledger) {
    if (tx.transactionStatus !== 'settlement') continue;
    by.set(tx.orderId, [...(by.get(tx.orderId) ?? []), tx.grossAmount]);
  }
  return by;
}

/** Promises that hold at every instant, so also right after any kill. */
export function tillAlwaysViolations(e: TillEvidence): string[] {
  const out: string[] = [];
  const rows = read(e.file);
  const sales = new Map(rows.sales.map((s) => [s.sale_id, s]));
  const settledAtGateway = gatewaySettlements(e.ledger);

  // Nothing announced is lost, and nothing announced goes back: cash once recorded stays recorded.
  for (const a of e.announced) {
    const sale = sales.get(a.id);
    if (sale === undefined) {
      out.push(`${a.id}: announced ${a.state} but missing from the journal`);
      continue;
    }
    const recorded = sum(rows.cash.filter((c) => c.sale_id === a.id).map((c) => c.amount));
    if (recorded < a.cash) out.push(`${a.id}: announced Rp ${a.cash} cash, the journal holds Rp ${recorded}`);
    if (a.state !== 'open' && sale.state !== a.state) {
      out.push(`${a.id}: announced ${a.state}, the journal says ${sale.state}`);
    }
  }

  for (const sale of rows.sales) {
    const id = sale.sale_id;
    const cash = rows.cash.filter((c) => c.sale_id === id);
    const taken = sum(cash.filter((c) => c.state === 'taken').map((c) => c.amount));
    const orders = rows.orders.filter((o) => o.sale_id === id);
    const events = rows.events.filter((ev) => ev.sale_id === id).map((ev) => ev.kind);
    // A split sale's cash is in the commit that creates it, so it exists before any order does.
    if (cash.length === 0) out.push(`${id}: a split sale journaled without its cash`);
    if (count(events, (k) => k === 'created') !== 1) out.push(`${id}: events ${events.join(',')}`);
    if (count(events, (k) => k === 'cash-taken') !== cash.length) {
      out.push(`${id}: ${cash.length} cash rows but events ${events.join(',')}`);
    }
    // The customer never pays twice: one settlement at most across all of the sale's orders.
    const settlements = orders.flatMap((o) => settledAtGateway.get(o.order_id) ?? []);
    if (settlements.length > 1) out.push(`${id}: paid ${settlements.length} times at the gateway`);
    if (taken + sum(settlements) > sale.total) {
      out.push(
        `${id}: Rp ${taken} cash + Rp ${sum(settlements)} settled is more than the total Rp ${sale.total}`,
      );
    }
    // Every charge of a split sale asks for exactly the rest after its cash part (the first cash
    // row, written with the sale; these sales take no other cash before their charges).
    const rest = sale.total - (cash[0]?.amount ?? 0);
    for (const order of orders) {
      if (order.gross_amount !== rest) {
        out.push(`${id}: order ${order.order_id} asks Rp ${order.gross_amount}, the rest is Rp ${rest}`);
      }
    }
    const paidEvents = count(events, (k) => k === 'paid');
    const voidEvents = count(events, (k) => k === 'voided');
    if (sale.state === 'paid') {
      const settled = sum(orders.filter((o) => o.state === 'settlement').map((o) => o.gross_amount));
      const owed = orders.length > 0 ? sale.total : sale.cash_total;
      if (taken + settled !== owed) out.push(`${id}: paid with Rp ${taken + settled} of Rp ${owed}`);
      if (paidEvents !== 1 || voidEvents !== 0) out.push(`${id}: paid, events ${events.join(',')}`);
    } else if (sale.state === 'voided') {
      if (voidEvents !== 1 || paidEvents !== 0) out.push(`${id}: voided, events ${events.join(',')}`);
      if (sale.void_reason === 'cash-returned' && cash.some((c) => c.state !== 'returned')) {
        out.push(`${id}: voided with its cash returned, but some is still taken`);
      }
      if (settlements.length > 0) out.push(`${id}: voided, but paid at the gateway`);
    } else {
      if (paidEvents + voidEvents !== 0) out.push(`${id}: open, events ${events.join(',')}`);
      if (cash.some((c) => c.state !== 'taken')) out.push(`${id}: open, but its cash was returned`);
    }
  }
  return out;
}

/** Once the cashier has decided every open sale: each ended `expected`, agreeing with the gateway. */
export function tillFinalViolations(e: TillEvidence, expected: 'paid' | 'voided'): string[] {
  const out = tillAlwaysViolations(e);
  const rows = read(e.file);
  const settledAtGateway = gatewaySettlements(e.ledger);
  for (const sale of rows.sales) {
    const id = sale.sale_id;
    if (sale.state !== expected) out.push(`${id}: ${sale.state} after the final recovery, not ${expected}`);
    const taken = sum(rows.cash.filter((c) => c.sale_id === id && c.state === 'taken').map((c) => c.amount));
    const orders = rows.orders.filter((o) => o.sale_id === id);
    const atGateway = sum(orders.flatMap((o) => settledAtGateway.get(o.order_id) ?? []));
    const inJournal = sum(orders.filter((o) => o.state === 'settlement').map((o) => o.gross_amount));
    if (atGateway !== inJournal)
      out.push(`${id}: Rp ${atGateway} settled at the gateway, Rp ${inJournal} in the journal`);
    if (expected === 'paid' && taken + atGateway !== sale.total) {
      out.push(`${id}: Rp ${taken} cash + Rp ${atGateway} by QR for a total of Rp ${sale.total}`);
    }
    if (expected === 'voided' && (taken !== 0 || atGateway !== 0)) {
      out.push(`${id}: voided, yet Rp ${taken} cash kept and Rp ${atGateway} paid by QR`);
    }
  }
  return out;
}

/** The sales in the journal, oldest first. */
export function tillSales(file: string): SaleRow[] {
  return read(file).sales;
}
