/**
 * Shifts as the screens and the CLI use them: a cashier signs in and opens a shift with the
 * counted float; cash goes in and out with a reason; the shift closes with the cash counted (by
 * denomination on the screen) against what the journal says the drawer should hold. Every input is
 * checked with common/day-input.ts first, and every refusal is specific, bilingual and writes
 * nothing. Sales ask `gate` which shift they belong to.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type {
  CashierSave,
  CashierView,
  ShiftCloseRequest,
  ShiftOpenRequest,
  ShiftPolicy,
  ShiftView,
} from '../../common/day-contract.ts';
import {
  amountProblems,
  cleanText,
  countedAmount,
  noteProblems,
  readRupiah,
  reasonProblems,
} from '../../common/day-input.ts';
import { formatRupiah } from '../../common/rupiah.ts';
import type { Clock } from '../clock.ts';
import type { RefundInput } from '../reports/refund-input.ts';
import type { ShiftGate } from '../sales/till.ts';
import { CashierRoster } from './cashier-roster.ts';
import { DayError, invalidInput } from './errors.ts';
import { NO_MANAGER, requireManager, type ManagerGate } from './manager-gate.ts';
import { ShiftBook, ShiftRefused, type ShiftRow } from './shift-book.ts';

export interface ShiftServiceOptions {
  db: BetterSqlite3.Database;
  environment: string;
  clock: Clock;
  utcOffsetMinutes: number;
  refunds: RefundInput;
  manager?: ManagerGate;
}

const POLICY_KEY = 'sales-without-shift';
const FLOAT = {
  id: 'modal awal (uang di laci saat shift dibuka)',
  en: 'the float (cash in the drawer at the start)',
};
const COUNTED = { id: 'uang yang dihitung', en: 'the counted cash' };
const MOVED = { id: 'jumlah uang', en: 'the amount' };

const rupiah = (n: number): string => formatRupiah(n, ' ');

export class ShiftService {
  readonly roster: CashierRoster;
  readonly book: ShiftBook;
  readonly gate: ShiftGate;
  readonly environment: string;
  readonly #db: BetterSqlite3.Database;
  readonly #clock: Clock;
  readonly #offset: number;
  readonly #manager: ManagerGate;

  constructor(options: ShiftServiceOptions) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#offset = options.utcOffsetMinutes;
    this.#manager = options.manager ?? NO_MANAGER;
    this.environment = options.environment;
    this.roster = new CashierRoster(options.db, options.clock);
    this.book = new ShiftBook(options.db, options.refunds);
    this.gate = {
      forNewSale: () => {
        const shift = this.book.open(this.environment);
        if (shift !== undefined) return { shiftId: shift.id, cashierId: shift.cashier_id };
        if (this.policy().salesWithoutShift) return null;
        throw new DayError('no-shift', {
          id: 'Buka shift dulu: toko ini mewajibkan shift yang terbuka sebelum penjualan.',
          en: 'Open a shift first: this shop asks for an open shift before any sale.',
        });
      },
    };
  }

  /** Default: sales may start with no shift open, so a training kiosk works with no setup. */
  policy(): ShiftPolicy {
    const row = this.#db
      .prepare<[string], { value: string }>('SELECT value FROM day_settings WHERE key = ?')
      .get(POLICY_KEY);
    return { salesWithoutShift: row === undefined ? true : row.value === 'true' };
  }

  async setPolicy(salesWithoutShift: boolean, managerPin?: string): Promise<ShiftPolicy> {
    await requireManager(this.#manager, managerPin);
    this.#db
      .prepare(
        'INSERT INTO day_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(POLICY_KEY, String(salesWithoutShift));
    return this.policy();
  }

  managerPinSet(): Promise<boolean> {
    return this.#manager.pinSet();
  }

  current(): ShiftView | null {
    const shift = this.book.open(this.environment);
    return shift === undefined ? null : this.book.view(shift);
  }

  get(shiftId: number): ShiftView | undefined {
    const shift = this.book.get(shiftId);
    return shift === undefined || shift.environment !== this.environment ? undefined : this.book.view(shift);
  }

  async open(request: ShiftOpenRequest): Promise<ShiftView> {
    const amount = countedAmount(request.float, request.count, 'float', FLOAT);
    if (!amount.ok) throw invalidInput(amount.problems);
    // Refused before a cashier's PIN is spent on it.
    this.#assertCanOpen();
    let cashier = null;
    if (request.cashierId !== undefined) {
      cashier = await this.roster.signIn(request.cashierId, request.pin);
    } else if (this.roster.hasActive()) {
      throw invalidInput([
        {
          code: 'cashier-missing',
          field: 'cashierId',
          message: {
            id: 'Pilih nama kasir dan masukkan PIN kasir untuk membuka shift.',
            en: "Choose the cashier's name and enter the cashier PIN to open the shift.",
          },
        },
      ]);
    }
    const row = this.#refusalsWorded(() =>
      this.book.openShift({
        environment: this.environment,
        cashier,
        at: this.#clock.now(),
        float: amount.amount,
        count: amount.count,
      }),
    );
    return this.book.view(row);
  }

  cash(kind: 'in' | 'out', rawAmount: unknown, reason: unknown): ShiftView {
    const problems = [...amountProblems(rawAmount, 'amount', MOVED, true), ...reasonProblems(reason)];
    if (problems.length > 0) throw invalidInput(problems);
    const row = this.#refusalsWorded(() =>
      this.book.moveCash(
        this.environment,
        this.#clock.now(),
        kind,
        readRupiah(rawAmount) as number,
        cleanText(reason as string),
      ),
    );
    return this.book.view(row);
  }

  close(request: ShiftCloseRequest): ShiftView {
    const amount = countedAmount(request.counted, request.count, 'counted', COUNTED);
    const problems = [...(amount.ok ? [] : amount.problems), ...noteProblems(request.note)];
    if (!amount.ok || problems.length > 0) throw invalidInput(problems);
    const note =
      request.note === undefined || cleanText(request.note) === '' ? null : cleanText(request.note);
    const row = this.#refusalsWorded(() =>
      this.book.closeShift(this.environment, {
        at: this.#clock.now(),
        counted: amount.amount,
        count: amount.count,
        note,
      }),
    );
    return this.book.view(row);
  }

  async cashiers(managerPin?: string): Promise<CashierView[]> {
    await requireManager(this.#manager, managerPin);
    return this.roster.list();
  }

  async saveCashier(save: CashierSave): Promise<CashierView[]> {
    await requireManager(this.#manager, save.managerPin);
    return this.roster.save({ id: save.id, name: save.name, pin: save.pin, active: save.active });
  }

  #assertCanOpen(): void {
    const open = this.book.open(this.environment);
    if (open !== undefined) throw this.#word({ kind: 'shift-open', shift: open });
  }

  #refusalsWorded<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (error instanceof ShiftRefused) throw this.#word(error.refusal);
      throw error;
    }
  }

  #word(refusal: ShiftRefused['refusal']): DayError {
    switch (refusal.kind) {
      case 'shift-open': {
        const who = refusal.shift.cashier_name;
        const since = clockTime(refusal.shift.opened_at, this.#offset);
        return new DayError('shift-open', {
          id: `Shift${who === null ? '' : ` ${who}`} sudah dibuka sejak ${since}. Tutup shift itu dulu.`,
          en: `A shift${who === null ? '' : ` (${who})`} is already open since ${since}. Close it first.`,
        });
      }
      case 'no-shift':
        return new DayError('no-shift', {
          id: 'Belum ada shift yang dibuka. Buka shift dulu.',
          en: 'No shift is open. Open a shift first.',
        });
      case 'sale-open':
        return new DayError('shift-sale-open', {
          id: `Masih ada ${refusal.sales} penjualan yang belum selesai. Selesaikan (lunasi) atau batalkan dulu.`,
          en: `${refusal.sales} sale(s) still have money due. Finish (pay) or void them first.`,
        });
      case 'drawer-short':
        return new DayError('drawer-short', {
          id: `Laci seharusnya hanya berisi ${rupiah(refusal.expected)}; uang keluar tidak bisa lebih dari itu.`,
          en: `The drawer should hold only ${rupiah(refusal.expected)}; cash out cannot be more than that.`,
        });
    }
  }
}

/** "08:05" in shop time. */
export function clockTime(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

export type { ShiftRow };
