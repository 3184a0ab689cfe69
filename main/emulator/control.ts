import type { Clock } from '../clock.ts';
import type { FaultQueue } from './faults.ts';
import { snapshotOf } from './ledger.ts';
import type { Ledger, OrderRecord } from './ledger.ts';
import type { RequestLog } from './request-log.ts';
import type {
  EmulatorControl,
  FaultRule,
  OrderSnapshot,
  PaidVia,
  PayOptions,
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
      const order = pendingOrder(id, 'pay');
      ledger.pay(order, via, issuer, fraud);
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
