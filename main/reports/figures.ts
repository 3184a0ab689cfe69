/**
 * The one function behind the X, the Z and the range report, so they cannot drift apart: given
 * which sales, orders and shifts count (selection.ts), it adds up tenders, payment types and
 * issuers, discounts, service, tax, rounding, sales by hour and by item, the drawers of the shifts,
 * and takes refunds from their own input.
 *
 * Each thing counts once, on the report in which it ended: a till sale when it was paid (its cash,
 * items, discounts and tax), a QRIS/GoPay payment when it settled. A QRIS/GoPay order made without a
 * till sale (the CLI's `charge`) is a sale of its own.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type {
  DrawerFigures,
  HourLine,
  ItemLine,
  PaymentTypeLine,
  ReconciliationFigures,
  ReportCounts,
  ReportFigures,
  ShiftCashLine,
  TenderKind,
  TenderTotal,
} from '../../common/day-contract.ts';
import type { ShiftBook, ShiftRow } from '../shifts/shift-book.ts';
import { refundFigures, type RefundInput, type RefundTotals } from './refund-input.ts';
import { OPEN_STATES_SQL, type Selection } from './selection.ts';

export interface FiguresContext {
  db: BetterSqlite3.Database;
  shifts: ShiftBook;
  refunds: RefundInput;
  refundTotals: RefundTotals;
  utcOffsetMinutes: number;
  /** The open shift's live drawer, for an X. */
  openShift?: ShiftRow;
  /** Reconciliation's line (absent: a Z closed before it was counted, recomputed as it was). */
  reconciliation?: ReconciliationFigures;
}

interface EndedSaleRow {
  kind: string;
  sale_id: string;
  created_at: number;
  shift_id: number | null;
  subtotal: number;
  line_discounts: number;
  order_discount: number;
  service: number;
  tax: number;
  tax_included: number;
  total: number;
  cash: number;
  settled: number;
}

interface FinalOrderRow {
  state: string;
  payment_type: string;
  paid_with: string;
  issuer: string;
  gross_amount: number;
  sale_id: string | null;
  created_at: number;
  /** Only for an order made without a till sale: its items (JSON). */
  items: string | null;
}

interface ItemSqlRow {
  name: string;
  sku: string | null;
  quantity: number;
  amount: number;
}

const HOUR_MS = 3_600_000;
const TENDERS: readonly TenderKind[] = ['cash', 'qris', 'gopay'];

function compareText(a: string, b: string): number {
  // Code-unit order, not localeCompare: two tills print the same report whatever their locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function computeFigures(selection: Selection, ctx: FiguresContext): ReportFigures {
  const { db } = ctx;
  const params = selection.params;
  const hours = new Map<number, HourLine>();
  const hourOf = (ms: number) => Math.floor((ms + ctx.utcOffsetMinutes * 60_000) / HOUR_MS) % 24;
  const addHour = (ms: number, amount: number) => {
    const hour = (hourOf(ms) + 24) % 24;
    const line = hours.get(hour) ?? { hour, count: 0, amount: 0 };
    line.count += 1;
    line.amount += amount;
    hours.set(hour, line);
  };
  const tenders = new Map<TenderKind, TenderTotal>(
    TENDERS.map((t) => [t, { tender: t, count: 0, amount: 0 }]),
  );
  const tender = (kind: TenderKind, amount: number) => {
    const line = tenders.get(kind);
    if (line === undefined) return;
    line.count += 1;
    line.amount += amount;
  };

  const counts: ReportCounts = {
    sales: 0,
    voided: 0,
    settled: 0,
    expired: 0,
    cancelled: 0,
    denied: 0,
    failed: 0,
    stillOpen: 0,
  };
  let salesAmount = 0;
  let subtotal = 0;
  let lineDiscounts = 0;
  let orderDiscount = 0;
  let service = 0;
  let taxAdded = 0;
  let taxIncluded = 0;
  let rounding = 0;
  let cashOutsideShifts = 0;

  // One pass over the sales that ended: paid ones with what was taken for them, voided ones counted.
  const sales = db
    .prepare<Record<string, string | number>, EndedSaleRow>(
      `WITH ended AS (${selection.endedSales})
       SELECT ended.kind, s.sale_id, s.created_at, s.shift_id, s.subtotal, s.line_discounts, s.order_discount,
              s.service, s.tax, s.tax_included, s.total,
              CASE WHEN ended.kind = 'paid' THEN
                (SELECT coalesce(sum(c.amount), 0) FROM cash_tenders c
                  WHERE c.sale_id = s.sale_id AND c.state = 'taken') ELSE 0 END AS cash,
              CASE WHEN ended.kind = 'paid' THEN
                (SELECT coalesce(sum(o.gross_amount), 0) FROM orders o
                  WHERE o.sale_id = s.sale_id AND o.state = 'settlement') ELSE 0 END AS settled
         FROM ended JOIN sales s ON s.sale_id = ended.sale_id
        WHERE s.environment = @environment`,
    )
    .all(params);
  const paidIds: string[] = [];
  for (const s of sales) {
    if (s.kind !== 'paid') {
      counts.voided += 1;
      continue;
    }
    paidIds.push(s.sale_id);
    const taken = s.cash + s.settled;
    counts.sales += 1;
    salesAmount += taken;
    subtotal += s.subtotal;
    lineDiscounts += s.line_discounts;
    orderDiscount += s.order_discount;
    service += s.service;
    if (s.tax_included === 1) taxIncluded += s.tax;
    else taxAdded += s.tax;
    rounding += taken - s.total;
    if (s.cash > 0) tender('cash', s.cash);
    if (s.shift_id === null) cashOutsideShifts += s.cash;
    addHour(s.created_at, taken);
  }

  const payments = new Map<string, PaymentTypeLine>();
  const orderItems: { items: string; amount: number }[] = [];
  const orders = db
    .prepare<Record<string, string | number>, FinalOrderRow>(
      `WITH fin AS (${selection.finalOrders})
       SELECT o.state, o.payment_type, coalesce(o.paid_with, o.payment_type) AS paid_with,
              coalesce(o.issuer, '') AS issuer, o.gross_amount, o.sale_id, o.created_at,
              CASE WHEN o.sale_id IS NULL AND o.state = 'settlement' THEN o.items END AS items
         FROM fin JOIN orders o ON o.order_id = fin.order_id
        WHERE o.environment = @environment`,
    )
    .all(params);
  for (const o of orders) {
    switch (o.state) {
      case 'settlement': {
        counts.settled += 1;
        tender(o.payment_type === 'gopay' ? 'gopay' : 'qris', o.gross_amount);
        const key = `${o.paid_with}\u0000${o.issuer}`;
        const line = payments.get(key) ?? { paymentType: o.paid_with, issuer: o.issuer, count: 0, amount: 0 };
        line.count += 1;
        line.amount += o.gross_amount;
        payments.set(key, line);
        if (o.sale_id === null) {
          counts.sales += 1;
          salesAmount += o.gross_amount;
          subtotal += o.gross_amount;
          addHour(o.created_at, o.gross_amount);
          orderItems.push({ items: o.items ?? '[]', amount: o.gross_amount });
        }
        break;
      }
      case 'expire':
        counts.expired += 1;
        break;
      case 'cancel':
        counts.cancelled += 1;
        break;
      case 'deny':
        counts.denied += 1;
        break;
      default:
        counts.failed += 1;
    }
  }

  counts.stillOpen =
    db
      .prepare<{ environment: string | number }, { n: number }>(
        `SELECT (SELECT count(*) FROM sales WHERE state = 'open' AND environment = @environment) +
                (SELECT count(*) FROM orders WHERE ${OPEN_STATES_SQL}
                    AND sale_id IS NULL AND environment = @environment) AS n`,
      )
      .get({ environment: params['environment'] ?? '' })?.n ?? 0;

  return {
    salesAmount,
    tenders: [...tenders.values()],
    paymentTypes: [...payments.values()].sort(
      (a, b) => compareText(a.paymentType, b.paymentType) || compareText(a.issuer, b.issuer),
    ),
    counts,
    subtotal,
    discounts: { line: lineDiscounts, order: orderDiscount },
    service,
    tax: { added: taxAdded, included: taxIncluded },
    rounding,
    refunds: refundFigures(ctx.refunds, ctx.refundTotals),
    byHour: [...hours.values()].sort((a, b) => a.hour - b.hour),
    byItem: items(db, paidIds, orderItems),
    shifts: shiftLines(db, selection, ctx),
    cashOutsideShifts,
    ...(ctx.reconciliation === undefined ? {} : { reconciliation: ctx.reconciliation }),
  };
}

/**
 * Item lines of the paid till sales, plus those of QRIS/GoPay orders made without a till sale (the
 * CLI's `--item`); such an order with no items (an amount typed at the CLI) is one line with an
 * empty name. Lines are grouped by catalogue item, SKU and name.
 */
function items(
  db: BetterSqlite3.Database,
  paidIds: readonly string[],
  orders: readonly { items: string; amount: number }[],
): ItemLine[] {
  const lines = new Map<string, ItemLine>();
  const add = (item: string, name: string, sku: string | null, quantity: number, amount: number) => {
    const key = `${item}\u0000${sku ?? ''}\u0000${name}`;
    const line = lines.get(key) ?? { name, sku, quantity: 0, amount: 0 };
    line.quantity += quantity;
    line.amount += amount;
    lines.set(key, line);
  };
  // The ids go in as one JSON array: the lines are read by their sale, without a second pass over
  // the period's events.
  const rows = db
    .prepare<[string], ItemSqlRow & { item: string }>(
      `SELECT l.name, l.sku, coalesce(l.item_id, '') AS item, sum(l.quantity) AS quantity, sum(l.total) AS amount
         FROM json_each(?) p JOIN sale_lines l ON l.sale_id = p.value
        GROUP BY item, coalesce(l.sku, ''), l.name`,
    )
    .all(JSON.stringify(paidIds));
  for (const r of rows) add(r.item, r.name, r.sku, r.quantity, r.amount);
  for (const order of orders) {
    const sold = JSON.parse(order.items) as { id?: string; name: string; price: number; quantity: number }[];
    if (sold.length === 0) add('', '', null, 1, order.amount);
    for (const item of sold) add('', item.name, item.id ?? null, item.quantity, item.price * item.quantity);
  }
  return [...lines.values()].sort(
    (a, b) => b.amount - a.amount || compareText(a.name, b.name) || compareText(a.sku ?? '', b.sku ?? ''),
  );
}

function shiftLines(db: BetterSqlite3.Database, selection: Selection, ctx: FiguresContext): ShiftCashLine[] {
  const rows = db
    .prepare<Record<string, string | number>, ShiftRow>(
      `SELECT * FROM shifts WHERE id IN (${selection.shifts}) ORDER BY opened_at, id`,
    )
    .all(selection.params);
  if (ctx.openShift !== undefined && !rows.some((r) => r.id === ctx.openShift?.id)) rows.push(ctx.openShift);
  return rows.map((shift) => {
    const drawer: DrawerFigures = ctx.shifts.drawer(shift);
    return {
      shiftId: shift.id,
      cashier: shift.cashier_name,
      openedAt: shift.opened_at,
      closedAt: shift.closed_at,
      drawer,
      counted: shift.counted,
      difference: shift.counted === null ? null : shift.counted - drawer.expected,
    };
  });
}

/** Nothing ended in the period: no sale, no payment, no shift, no refund. */
export function isEmpty(figures: ReportFigures): boolean {
  const c = figures.counts;
  return (
    c.sales + c.voided + c.settled + c.expired + c.cancelled + c.denied + c.failed === 0 &&
    figures.shifts.length === 0 &&
    figures.refunds.count === 0
  );
}
