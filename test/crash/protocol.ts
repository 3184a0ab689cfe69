/**
 * What the crash-test parent and its kiosk child say to each other: the child is configured by
 * one JSON argument and reports every engine event as one JSON line on stdout. A line is written
 * synchronously (stdout is a pipe), so whatever the parent reads had already happened in the
 * child when it was killed.
 */
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { OrderState } from '../../common/order.ts';
import type { PollPolicy } from '../../main/checkout/poll-policy.ts';

export interface ChildSpec {
  apiUrl: string;
  serverKey: string;
  dataDir: string;
  /** Seeds the child's own choices (payment type, amount, pauses, cashier cancels). */
  seed: number;
  /** Sales started after recovery, one after another; 0 = recovery only. */
  sales: number;
  salePauseMs: readonly [number, number];
  paymentTypes: readonly PaymentType[];
  /** Share of pending sales the cashier cancels a little later. */
  cancelRate: number;
  /** Once the sales are started, wait until every journaled order is final, report, and exit. */
  exitWhenFinal: boolean;
  kioskTimeoutMs: number;
  chargeSettleMs: number;
  poll: Partial<PollPolicy>;
  qrDownloadAttempts?: number;
  /** Makes the child SIGKILL itself at one exact journal write of the orders it creates. */
  crashAt?: CrashPoint;
}

/**
 * The n-th journal write (of this life's new orders) whose label starts with `label`; killed
 * just `before` it is written (whatever the engine did since the last write happened, this did
 * not) or just `after` it is committed (nothing the engine does next happens).
 * Labels: "create", "transition <from>→<to>", "<event kind> <state>" for an update that keeps
 * the state, "gateway <operation> <outcome>", and the other event kinds as they are.
 */
export interface CrashPoint {
  when: 'before' | 'after';
  n: number;
  label?: string;
}

export type ChildLine =
  | { t: 'ready'; pid: number; resumed: string[]; otherEnvironment: string[] }
  | { t: 'sale'; n: number; paymentType: PaymentType; amount: number }
  | {
      t: 'order';
      id: string;
      state: OrderState;
      prev: OrderState | null;
      attempt: number;
      tid: string | null;
    }
  | { t: 'health'; health: string }
  | { t: 'sale-done'; id: string; state: OrderState }
  | { t: 'cancel'; id: string }
  | { t: 'final'; orders: number }
  | { t: 'write'; n: number; label: string; id: string }
  | { t: 'crash-point'; when: 'before' | 'after'; label: string; id: string }
  /** The crash point was never reached: the sale ended after `writes` journal writes. */
  | { t: 'no-crash'; writes: number }
  | { t: 'error'; where: string; message: string }
  /** Till children: every sale view the till announced (after its commit). */
  | { t: 'till'; id: string; state: string; paid: number; due: number; cash: number; live: string | null }
  | { t: 'till-done'; id: string; state: string }
  | { t: 'cashier'; action: 'charge-again' | 'void'; id: string }
  /** The refund child (refund-child.ts): a refund moved, and how the request was answered. */
  | { t: 'refund'; key: string; state: string }
  | { t: 'refund-outcome'; complete: boolean; keys: string[] }
  | { t: 'refund-refused'; code: string }
  /** The reconcile child (reconcile-child.ts): how its run ended (undefined halt: it finished). */
  | { t: 'reconcile-done'; halt: string | null };

/**
 * A kiosk child that sells through the till: split sales (cash now, the rest by QRIS/GoPay), and
 * at the end a cashier who decides every sale left open with no charge under way.
 */
export interface TillChildSpec extends ChildSpec {
  split: { total: number; cash: number };
  /** What the cashier does with an open sale whose charge ended unpaid (or never started). */
  cashier: 'charge-again' | 'void';
}

export function parseChildLine(text: string): ChildLine | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as { t?: unknown }).t === 'string') {
      return value as ChildLine;
    }
  } catch {
    // Not a protocol line (a stray warning); the parent keeps it with stderr for the report.
  }
  return undefined;
}
