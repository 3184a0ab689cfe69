/**
 * Shifts and their drawer in the journal's file (schema step v6-shifts-z-reports): reading a shift,
 * what its drawer should hold, and the three writes (open, a cash movement, close), each one
 * transaction with its event, checked inside that transaction so another process cannot slip a
 * sale or a second shift in between.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type {
  CashCount,
  CashMovementView,
  CashierSummary,
  DrawerFigures,
  ShiftView,
} from '../../common/day-contract.ts';
import type { RefundInput } from '../reports/refund-input.ts';

export interface ShiftRow {
  id: number;
  environment: string;
  cashier_id: number | null;
  cashier_name: string | null;
  opened_at: number;
  opening_float: number;
  float_count: string | null;
  closed_at: number | null;
  counted: number | null;
  count_detail: string | null;
  expected: number | null;
  drawer: string | null;
  note: string | null;
}

export interface OpenShift {
  environment: string;
  cashier: CashierSummary | null;
  at: number;
  float: number;
  count: CashCount | null;
}

export interface CloseShift {
  shiftId: number;
  at: number;
  counted: number;
  count: CashCount | null;
  note: string | null;
}

/** Why a write was refused inside its transaction; the service words it. */
export type ShiftRefusal =
  | { kind: 'shift-open'; shift: ShiftRow }
  | { kind: 'no-shift' }
  | { kind: 'sale-open'; sales: number }
  | { kind: 'drawer-short'; expected: number };

export class ShiftRefused extends Error {
  readonly refusal: ShiftRefusal;
  constructor(refusal: ShiftRefusal) {
    super(`shift write refused: ${refusal.kind}`);
    this.name = 'ShiftRefused';
    this.refusal = refusal;
  }
}

export class ShiftBook {
  readonly #db: BetterSqlite3.Database;
  readonly #refunds: RefundInput;
  readonly #openShift: BetterSqlite3.Statement<[string], ShiftRow>;
  readonly #byId: BetterSqlite3.Statement<[number], ShiftRow>;
  readonly #tenders: BetterSqlite3.Statement<
    [number],
    { received: number; change: number; returned: number; sales: number }
  >;
  readonly #moved: BetterSqlite3.Statement<[number], { cash_in: number; cash_out: number }>;
  readonly #openSales: BetterSqlite3.Statement<[string], { n: number }>;
  readonly #event: BetterSqlite3.Statement<[number, number, string, number, string | null, string]>;

  constructor(db: BetterSqlite3.Database, refunds: RefundInput) {
    this.#db = db;
    this.#refunds = refunds;
    this.#openShift = db.prepare('SELECT * FROM shifts WHERE environment = ? AND closed_at IS NULL');
    this.#byId = db.prepare('SELECT * FROM shifts WHERE id = ?');
    this.#tenders = db.prepare(`
      SELECT coalesce(sum(c.received), 0) AS received,
             coalesce(sum(c.change), 0) AS change,
             coalesce(sum(CASE WHEN c.state = 'returned' THEN c.amount ELSE 0 END), 0) AS returned,
             count(DISTINCT c.sale_id) AS sales
        FROM sales s JOIN cash_tenders c ON c.sale_id = s.sale_id
       WHERE s.shift_id = ?`);
    this.#moved = db.prepare(`
      SELECT coalesce(sum(CASE WHEN kind = 'cash-in' THEN amount ELSE 0 END), 0) AS cash_in,
             coalesce(sum(CASE WHEN kind = 'cash-out' THEN amount ELSE 0 END), 0) AS cash_out
        FROM shift_events WHERE shift_id = ?`);
    this.#openSales = db.prepare("SELECT count(*) AS n FROM sales WHERE state = 'open' AND environment = ?");
    this.#event = db.prepare(
      'INSERT INTO shift_events (shift_id, at, kind, amount, reason, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  open(environment: string): ShiftRow | undefined {
    return this.#openShift.get(environment);
  }

  get(shiftId: number): ShiftRow | undefined {
    return this.#byId.get(shiftId);
  }

  /**
   * What the drawer should hold: the float, plus cash received from customers, minus change,
   * minus cash given back for voided sales and for refunds, plus cash in, minus cash out.
   */
  drawer(shift: ShiftRow): DrawerFigures {
    if (shift.drawer !== null) return JSON.parse(shift.drawer) as DrawerFigures;
    const tenders = this.#tenders.get(shift.id) ?? { received: 0, change: 0, returned: 0, sales: 0 };
    const moved = this.#moved.get(shift.id) ?? { cash_in: 0, cash_out: 0 };
    const cashRefunds = this.#refunds.cashOfShift(shift.id);
    return {
      float: shift.opening_float,
      cashReceived: tenders.received,
      changeGiven: tenders.change,
      cashReturned: tenders.returned,
      cashRefunds,
      refundsIncluded: this.#refunds.included,
      cashIn: moved.cash_in,
      cashOut: moved.cash_out,
      expected:
        shift.opening_float +
        tenders.received -
        tenders.change -
        tenders.returned -
        cashRefunds +
        moved.cash_in -
        moved.cash_out,
      cashSales: tenders.sales,
    };
  }

  movements(shiftId: number): CashMovementView[] {
    return this.#db
      .prepare<[number], { at: number; kind: string; amount: number; reason: string }>(
        `SELECT at, kind, amount, reason FROM shift_events
          WHERE shift_id = ? AND kind IN ('cash-in', 'cash-out') ORDER BY seq`,
      )
      .all(shiftId)
      .map((m) => ({
        at: m.at,
        kind: m.kind === 'cash-in' ? 'in' : 'out',
        amount: m.amount,
        reason: m.reason,
      }));
  }

  /** Paid sales of the shift and what was taken for them (cash kept plus QRIS/GoPay settled). */
  sales(shiftId: number): { count: number; amount: number } {
    const row = this.#db
      .prepare<[number], { n: number; amount: number }>(
        `SELECT count(*) AS n, coalesce(sum(
            (SELECT coalesce(sum(c.amount), 0) FROM cash_tenders c WHERE c.sale_id = s.sale_id AND c.state = 'taken') +
            (SELECT coalesce(sum(o.gross_amount), 0) FROM orders o WHERE o.sale_id = s.sale_id AND o.state = 'settlement')
          ), 0) AS amount
           FROM sales s WHERE s.shift_id = ? AND s.state = 'paid'`,
      )
      .get(shiftId);
    return { count: row?.n ?? 0, amount: row?.amount ?? 0 };
  }

  view(shift: ShiftRow): ShiftView {
    const drawer = this.drawer(shift);
    return {
      shiftId: shift.id,
      environment: shift.environment,
      cashier:
        shift.cashier_id === null || shift.cashier_name === null
          ? null
          : { id: shift.cashier_id, name: shift.cashier_name },
      openedAt: shift.opened_at,
      closedAt: shift.closed_at,
      float: shift.opening_float,
      floatCount: shift.float_count === null ? null : (JSON.parse(shift.float_count) as CashCount),
      movements: this.movements(shift.id),
      drawer,
      counted: shift.counted,
      count: shift.count_detail === null ? null : (JSON.parse(shift.count_detail) as CashCount),
      difference: shift.counted === null ? null : shift.counted - drawer.expected,
      note: shift.note,
      sales: this.sales(shift.id),
    };
  }

  /** One open shift per environment, and none while a sale still has money due. */
  openShift(input: OpenShift): ShiftRow {
    return this.#db
      .transaction(() => {
        const already = this.#openShift.get(input.environment);
        if (already !== undefined) throw new ShiftRefused({ kind: 'shift-open', shift: already });
        const open = this.#openSales.get(input.environment)?.n ?? 0;
        if (open > 0) throw new ShiftRefused({ kind: 'sale-open', sales: open });
        const id = Number(
          this.#db
            .prepare(
              `INSERT INTO shifts (environment, cashier_id, cashier_name, opened_at, opening_float, float_count)
             VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(
              input.environment,
              input.cashier?.id ?? null,
              input.cashier?.name ?? null,
              input.at,
              input.float,
              input.count === null ? null : JSON.stringify(input.count),
            ).lastInsertRowid,
        );
        this.#event.run(
          id,
          input.at,
          'opened',
          input.float,
          null,
          JSON.stringify({ cashier: input.cashier, count: input.count }),
        );
        return this.#mustGet(id);
      })
      .immediate();
  }

  /** Cash in or out of the open shift's drawer; out never more than the drawer should hold. */
  moveCash(environment: string, at: number, kind: 'in' | 'out', amount: number, reason: string): ShiftRow {
    return this.#db
      .transaction(() => {
        const shift = this.#openShift.get(environment);
        if (shift === undefined) throw new ShiftRefused({ kind: 'no-shift' });
        if (kind === 'out') {
          const { expected } = this.drawer(shift);
          if (amount > expected) throw new ShiftRefused({ kind: 'drawer-short', expected });
        }
        this.#event.run(shift.id, at, kind === 'in' ? 'cash-in' : 'cash-out', amount, reason, '{}');
        return shift;
      })
      .immediate();
  }

  /** Closes the open shift with its count; its drawer's figures are frozen in the same commit. */
  closeShift(environment: string, input: Omit<CloseShift, 'shiftId'>): ShiftRow {
    return this.#db
      .transaction(() => {
        const shift = this.#openShift.get(environment);
        if (shift === undefined) throw new ShiftRefused({ kind: 'no-shift' });
        const open =
          this.#db
            .prepare<[number], { n: number }>(
              "SELECT count(*) AS n FROM sales WHERE shift_id = ? AND state = 'open'",
            )
            .get(shift.id)?.n ?? 0;
        if (open > 0) throw new ShiftRefused({ kind: 'sale-open', sales: open });
        const drawer = this.drawer(shift);
        this.#db
          .prepare(
            `UPDATE shifts SET closed_at = ?, counted = ?, count_detail = ?, expected = ?, drawer = ?, note = ?
            WHERE id = ? AND closed_at IS NULL`,
          )
          .run(
            input.at,
            input.counted,
            input.count === null ? null : JSON.stringify(input.count),
            drawer.expected,
            JSON.stringify(drawer),
            input.note,
            shift.id,
          );
        this.#event.run(
          shift.id,
          input.at,
          'closed',
          input.counted,
          null,
          JSON.stringify({ expected: drawer.expected, difference: input.counted - drawer.expected }),
        );
        return this.#mustGet(shift.id);
      })
      .immediate();
  }

  #mustGet(id: number): ShiftRow {
    const row = this.#byId.get(id);
    if (row === undefined) throw new Error(`shift ${id} is not in the journal`);
    return row;
  }
}
