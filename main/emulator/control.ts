import type { Clock } from '../clock.ts';
import type { FaultQueue } from './faults.ts';
import { snapshotOf } from './ledger.ts';
import type { Ledger, OrderRecord } from './ledger.ts';
import type { RequestLog } from './request-log.ts';
import { DEFAULT_REFUND_RULES } from './refund-rules.ts';
import type {
  DashboardRefund,
  EmulatorControl,
  FaultRule,
  OrderSnapshot,
  PaidVia,
  PayOptions,
  RefundRules,
  ReviewDecision,
} from './types.ts';

export type ControlErrorReason = 'not-found' | 'invalid-state' | 'invalid-input';

/** Thrown by control operations; `reason` lets the HTTP surface pick 404, 409 or 400. */
export class EmulatorControlError extends Error {
  readonly reason: ControlErrorReason;
  constructor(reason: ControlErrorReason, message: string) {
    super(message);
    this.name = 'EmulatorControlError';
    this.reason = reason;
  }
}

/** Settings that may change while the emulator runs. */
export interface LiveSettings {
  latencyMs: number;
  gopayPaidVia: PaidVia;
  refundRules: RefundRules;
}

export function refundRulesOf(given: Partial<RefundRules> | undefined): RefundRules {
  return {
    deniedIssuers: [...(given?.deniedIssuers ?? DEFAULT_REFUND_RULES.deniedIssuers)],
    enforceWindows: given?.enforceWindows ?? DEFAULT_REFUND_RULES.enforceWindows,
  };
}

function optionalAmount(amount: unknown): number | undefined {
  if (amount === undefined) return undefined;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new EmulatorControlError('invalid-input', 'amount must be a positive whole number of rupiah');
  }
  return amount;
}

interface Advanceable extends Clock {
  advance(ms: number): void;
}

function isAdvanceable(clock: Clock): clock is Advanceable {
  return typeof (clock as Partial<Advanceable>).advance === 'function';
}

const ISSUER_PATTERN = /^[a-z0-9][a-z0-9 _.-]{0,49}$/i;

export function createControl(deps: {
  ledger: Ledger;
  faults: FaultQueue;
  log: RequestLog;
  clock: Clock;
  settings: LiveSettings;
}): EmulatorControl {
  const { ledger, faults, log, clock, settings } = deps;

  const pendingOrder = (id: string, action: string): OrderRecord => {
    const order = ledger.find(id);
    if (!order)
      throw new EmulatorControlError(
        'not-found',
        `cannot ${action} "${id}": no such order_id or transaction_id`,
      );
    if (order.status !== 'pending') {
      throw new EmulatorControlError(
        'invalid-state',
        `cannot ${action} "${id}": transaction ${order.transactionId} is ${order.status}, not pending`,
      );
    }
    return order;
  };

  const endedOrder = (id: string): OrderRecord => {
    const order = ledger.find(id);
    if (!order)
      throw new EmulatorControlError('not-found', `cannot pay "${id}": no such order_id or transaction_id`);
    if (order.status !== 'pending' && order.status !== 'expire' && order.status !== 'cancel') {
      throw new EmulatorControlError(
        'invalid-state',
        `cannot pay "${id}" late: transaction ${order.transactionId} is ${order.status}, not pending, expire or cancel`,
      );
    }
    return order;
  };

  return {
    pay(id: string, opts: PayOptions = {}): OrderSnapshot {
      const via = opts.via ?? settings.gopayPaidVia;
      if (via !== 'qris' && via !== 'gopay')
        throw new EmulatorControlError('invalid-input', 'via must be "qris" or "gopay"');
      const issuer = opts.issuer ?? 'gopay';
      if (typeof issuer !== 'string' || !ISSUER_PATTERN.test(issuer)) {
        throw new EmulatorControlError(
          'invalid-input',
          'issuer must be a short provider name such as "gopay" or "ovo"',
        );
      }
      const fraud = opts.fraudStatus ?? 'accept';
      if (fraud !== 'accept' && fraud !== 'challenge')
        throw new EmulatorControlError('invalid-input', 'fraudStatus must be "accept" or "challenge"');
      if (opts.late !== undefined && typeof opts.late !== 'boolean')
        throw new EmulatorControlError('invalid-input', 'late must be true or false');
      const order = opts.late === true ? endedOrder(id) : pendingOrder(id, 'pay');
      ledger.pay(order, via, issuer, fraud, opts.late === true);
      return snapshotOf(order);
    },
    review(id: string, decision: ReviewDecision): OrderSnapshot {
      if (decision !== 'accept' && decision !== 'deny')
        throw new EmulatorControlError('invalid-input', 'decision must be "accept" or "deny"');
      const order = ledger.find(id);
      if (!order) throw new EmulatorControlError('not-found', `no such order_id or transaction_id: "${id}"`);
      if (!ledger.review(order, decision)) {
        throw new EmulatorControlError(
          'invalid-state',
          `cannot review "${id}": transaction ${order.transactionId} is not a payment held for review`,
        );
      }
      return snapshotOf(order);
    },
    deny(id: string): OrderSnapshot {
      const order = pendingOrder(id, 'deny');
      ledger.close(order, 'deny');
      return snapshotOf(order);
    },
    expire(id: string): OrderSnapshot {
      const order = pendingOrder(id, 'expire');
      ledger.close(order, 'expire');
      return snapshotOf(order);
    },
    refund(id: string, refund: DashboardRefund = {}): OrderSnapshot {
      const order = ledger.find(id);
      if (!order) throw new EmulatorControlError('not-found', `no such order_id or transaction_id: "${id}"`);
      const amount = optionalAmount(refund.amount);
      const reason = refund.reason ?? 'refund from the Midtrans dashboard';
      if (typeof reason !== 'string' || reason.length > 255)
        throw new EmulatorControlError('invalid-input', 'reason must be text of at most 255 characters');
      // The dashboard names no refund_key: Midtrans makes one up, as for an API refund without one.
      const outcome = ledger.refund(order, { refundKey: null, amount, reason });
      if (outcome.kind === 'bad-amount')
        throw new EmulatorControlError(
          'invalid-input',
          `cannot refund ${String(amount)} of "${id}": more than is left`,
        );
      if (outcome.kind !== 'ok') {
        throw new EmulatorControlError(
          'invalid-state',
          `cannot refund "${id}": transaction ${order.transactionId} is ${order.status}`,
        );
      }
      return snapshotOf(order);
    },
    chargeback(id: string, amount?: number): OrderSnapshot {
      const order = ledger.find(id);
      if (!order) throw new EmulatorControlError('not-found', `no such order_id or transaction_id: "${id}"`);
      const taken = optionalAmount(amount);
      if (ledger.chargeback(order, taken) === null) {
        throw new EmulatorControlError(
          'invalid-state',
          `cannot charge back ${String(taken ?? 'the rest')} of "${id}": transaction ${order.transactionId} is ${order.status}`,
        );
      }
      return snapshotOf(order);
    },
    setRefundRules(rules: Partial<RefundRules>): void {
      settings.refundRules = refundRulesOf({ ...settings.refundRules, ...rules });
    },
    get(id: string): OrderSnapshot | undefined {
      const order = ledger.find(id);
      return order ? snapshotOf(order) : undefined;
    },
    list(): OrderSnapshot[] {
      return ledger.all().map(snapshotOf);
    },
    injectFault(rule: FaultRule): void {
      try {
        faults.add(rule);
      } catch (error) {
        throw new EmulatorControlError('invalid-input', (error as Error).message);
      }
    },
    clearFaults(): void {
      faults.clear();
    },
    setLatency(ms: number): void {
      if (typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) {
        throw new EmulatorControlError(
          'invalid-input',
          'latency must be a non-negative integer of milliseconds',
        );
      }
      settings.latencyMs = ms;
    },
    advanceClock(ms: number): void {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new EmulatorControlError(
          'invalid-input',
          'the clock only moves forward by a finite number of milliseconds',
        );
      }
      if (!isAdvanceable(clock)) {
        throw new EmulatorControlError(
          'invalid-input',
          'this emulator runs on a clock that cannot be advanced',
        );
      }
      clock.advance(ms);
      ledger.sweep();
    },
    requests() {
      return log.list();
    },
    clearRequests(): void {
      log.clear();
    },
  };
}
