import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { PaymentType, QrisAcquirer } from '../../common/midtrans-limits.ts';
import type { OrderSnapshot, PaidVia, RefundSnapshot, TransactionStatus } from './types.ts';

/**
 * The emulator's book of transactions and their state machine (reference §3.5, §11):
 * pending → settlement | expire | cancel | deny; settlement → partial_refund → refund; a settled
 * (or partly refunded) payment → partial_chargeback → chargeback.
 * Expiry is applied lazily on every read, so a ManualClock that jumps ahead is honoured
 * without any timer having to fire.
 */

export interface NewOrder {
  orderId: string;
  paymentType: PaymentType;
  grossAmount: number;
  expiryTimeMs: number;
  acquirer: QrisAcquirer | null;
  qrString: string;
  extras: Record<string, unknown>;
}

export interface RefundRecord extends RefundSnapshot {
  /** The first answer given for this refund_key, replayed verbatim on a retry. */
  answer: Record<string, unknown> | null;
}

/** The ledger's mutable row; the public OrderSnapshot is derived from it by snapshotOf(). */
export interface OrderRecord extends Omit<OrderSnapshot, 'transactionStatus' | 'refunds' | 'refundedAmount'> {
  status: TransactionStatus;
  /** Echoed request fields (custom_field1..3, metadata). */
  extras: Record<string, unknown>;
  refunds: RefundRecord[];
}

/** Statuses that keep an order_id taken: a new charge with it answers 406. */
const ORDER_ID_HOLDING: ReadonlySet<TransactionStatus> = new Set([
  'pending',
  'settlement',
  'refund',
  'partial_refund',
  'chargeback',
  'partial_chargeback',
]);

/** States a refund may start from (a chargeback ends the merchant's say over the payment). */
const REFUNDABLE: ReadonlySet<TransactionStatus> = new Set(['settlement', 'partial_refund']);
const CHARGEABLE_BACK: ReadonlySet<TransactionStatus> = new Set([
  'settlement',
  'partial_refund',
  'partial_chargeback',
]);

/** A reason a refund is turned down although state and amount allow it. */
export type RefundRuling = 'denied-by-issuer' | 'window-passed';

/**
 * What the ledger keeps across a restart. Only the rows are stored: every index is derived from
 * them, so a restored ledger cannot disagree with its own indexes.
 */
export interface LedgerState {
  /** Every attempt, oldest first (the order find() relies on for a reused order_id). */
  orders: OrderRecord[];
  nextChargebackId: number;
}

export interface LedgerOptions {
  /** A saved book to continue from; its records are adopted, not copied. */
  state?: LedgerState;
  /**
   * Called synchronously after every change to the book: a new order, a status change (pay,
   * deny, expire, cancel, the expiry sweep), a refund or a refund's remembered answer. It runs on
   * the request path, so it should only note that something changed.
   */
  onChange?: () => void;
}

export type RefundOutcome =
  | { kind: 'ok'; refund: RefundRecord }
  | { kind: 'replay'; refund: RefundRecord }
  | { kind: 'duplicate-key' }
  | { kind: 'bad-state' }
  | { kind: 'bad-amount' }
  | { kind: 'ruled-out'; ruling: RefundRuling };

export class Ledger {
  readonly #clock: Clock;
  readonly #orders: OrderRecord[] = [];
  readonly #byTransactionId = new Map<string, OrderRecord>();
  /** Every attempt per order_id, oldest first: order_ids are reused after cancel/expire/deny. */
  readonly #attemptsByOrderId = new Map<string, OrderRecord[]>();
  /** Only pending orders can expire, so the sweep walks these rather than the whole book. */
  readonly #pending = new Set<OrderRecord>();
  readonly #refundsByKey = new Map<string, { order: OrderRecord; refund: RefundRecord }>();
  #nextChargebackId = 1;
  readonly #onChange: () => void;

  constructor(clock: Clock, options: LedgerOptions = {}) {
    this.#clock = clock;
    this.#onChange = options.onChange ?? (() => undefined);
    if (options.state) this.#restore(options.state);
  }

  /** Throws a RangeError when the state breaks an invariant the indexes depend on. */
  #restore(state: LedgerState): void {
    let highestChargebackId = 0;
    for (const order of state.orders) {
      if (this.#byTransactionId.has(order.transactionId))
        throw new RangeError(`transaction_id ${order.transactionId} appears twice`);
      this.#add(order);
      for (const refund of order.refunds) {
        if (this.#refundsByKey.has(refund.refundKey))
          throw new RangeError(`refund_key ${refund.refundKey} appears twice`);
        this.#refundsByKey.set(refund.refundKey, { order, refund });
        highestChargebackId = Math.max(highestChargebackId, refund.refundChargebackId);
      }
    }
    // Never hand out an id twice, even if the stored counter lags behind the stored refunds.
    this.#nextChargebackId = Math.max(state.nextChargebackId, highestChargebackId + 1);
  }

  /** The live rows, not a copy: serialize it before the ledger changes again. */
  state(): LedgerState {
    return { orders: this.#orders, nextChargebackId: this.#nextChargebackId };
  }

  now(): number {
    return this.#clock.now();
  }

  /** Moves every pending order whose expiry has passed to expire. */
  sweep(): void {
    const now = this.#clock.now();
    let changed = false;
    for (const order of this.#pending) {
      if (now >= order.expiryTimeMs) {
        this.#pending.delete(order);
        order.status = 'expire';
        // The order expired at its deadline, whenever the emulator happened to notice.
        order.statusChangedAtMs = order.expiryTimeMs;
        changed = true;
      }
    }
    // Reads sweep too, so only a sweep that expired something counts as a change.
    if (changed) this.#onChange();
  }

  /** By transaction_id, else the latest attempt with that order_id (reference §12.9: a design choice). */
  find(id: string): OrderRecord | undefined {
    this.sweep();
    return this.#byTransactionId.get(id) ?? this.#attemptsByOrderId.get(id)?.at(-1);
  }

  findByTransactionId(transactionId: string): OrderRecord | undefined {
    this.sweep();
    return this.#byTransactionId.get(transactionId);
  }

  all(): OrderRecord[] {
    this.sweep();
    return [...this.#orders];
  }

  isOrderIdTaken(orderId: string): boolean {
    this.sweep();
    return (this.#attemptsByOrderId.get(orderId) ?? []).some((o) => ORDER_ID_HOLDING.has(o.status));
  }

  create(input: NewOrder): OrderRecord {
    const now = this.#clock.now();
    const order: OrderRecord = {
      orderId: input.orderId,
      transactionId: randomUUID(),
      paymentType: input.paymentType,
      reportedPaymentType: input.paymentType,
      status: 'pending',
      grossAmount: input.grossAmount,
      transactionTimeMs: now,
      expiryTimeMs: input.expiryTimeMs,
      settlementTimeMs: null,
      statusChangedAtMs: now,
      acquirer: input.acquirer,
      issuer: null,
      transactionType: null,
      merchantCrossReferenceId: null,
      paymentOptionType: null,
      fraudStatus: 'accept',
      qrString: input.qrString,
      extras: input.extras,
      refunds: [],
    };
    this.#add(order);
    this.#onChange();
    return order;
  }

  #add(order: OrderRecord): void {
    this.#orders.push(order);
    this.#byTransactionId.set(order.transactionId, order);
    const attempts = this.#attemptsByOrderId.get(order.orderId);
    if (attempts) attempts.push(order);
    else this.#attemptsByOrderId.set(order.orderId, [order]);
    if (order.status === 'pending') this.#pending.add(order);
  }

  /** pending → cancel | expire | deny. Returns false when the order is not pending. */
  close(order: OrderRecord, to: 'cancel' | 'expire' | 'deny'): boolean {
    this.sweep();
    if (order.status !== 'pending') return false;
    this.#pending.delete(order);
    order.status = to;
    order.statusChangedAtMs = this.#clock.now();
    this.#onChange();
    return true;
  }

  /**
   * pending → settlement, recording how the customer paid. Returns false when not pending.
   * `late`: also from expire or cancel — a payment the gateway records after the order ended
   * there (a test hook for reconciliation; real Midtrans says expire is final).
   */
  pay(
    order: OrderRecord,
    via: PaidVia,
    issuer: string,
    fraudStatus: 'accept' | 'challenge' = 'accept',
    late = false,
  ): boolean {
    this.sweep();
    const ended = order.status === 'expire' || order.status === 'cancel';
    if (order.status !== 'pending' && !(late && ended)) return false;
    const now = this.#clock.now();
    this.#pending.delete(order);
    order.status = 'settlement';
    order.fraudStatus = fraudStatus;
    order.settlementTimeMs = now;
    order.statusChangedAtMs = now;
    if (order.paymentType === 'qris') {
      order.issuer = issuer;
      order.transactionType = issuer === order.acquirer ? 'on-us' : 'off-us';
      order.merchantCrossReferenceId = randomUUID();
    } else if (via === 'qris') {
      // Reference §3.4: a GoPay charge paid by scanning its QR is reported as qris.
      order.reportedPaymentType = 'qris';
      order.issuer = issuer;
      order.merchantCrossReferenceId = randomUUID();
    } else {
      order.paymentOptionType = 'GOPAY_WALLET';
    }
    this.#onChange();
    return true;
  }

  /** A held payment's review: accept releases it, deny ends it denied. False unless held. */
  review(order: OrderRecord, decision: 'accept' | 'deny'): boolean {
    if (order.status !== 'settlement' || order.fraudStatus !== 'challenge') return false;
    order.fraudStatus = decision;
    if (decision === 'deny') {
      order.status = 'deny';
      order.settlementTimeMs = null;
    }
    order.statusChangedAtMs = this.#clock.now();
    this.#onChange();
    return true;
  }

  refundedAmount(order: OrderRecord): number {
    return order.refunds.reduce((sum, r) => sum + r.amount, 0);
  }

  /**
   * A refund_key belongs to one refund, emulator-wide. Reusing it with the same amount (or no
   * amount) replays the first answer, so a client may safely retry a refund whose answer it lost;
   * with a different amount it is a conflict (406). The reference leaves this open (§12.10).
   */
  refund(
    order: OrderRecord,
    request: { refundKey: string | null; amount: unknown; reason: string | null },
    rule: (order: OrderRecord) => RefundRuling | null = () => null,
  ): RefundOutcome {
    this.sweep();
    if (request.refundKey !== null) {
      const earlier = this.#refundsByKey.get(request.refundKey);
      if (earlier) {
        const sameOrder = earlier.order === order;
        const sameAmount = request.amount === undefined || request.amount === earlier.refund.amount;
        return sameOrder && sameAmount
          ? { kind: 'replay', refund: earlier.refund }
          : { kind: 'duplicate-key' };
      }
    }
    if (!REFUNDABLE.has(order.status)) return { kind: 'bad-state' };
    const ruling = rule(order);
    if (ruling !== null) return { kind: 'ruled-out', ruling };
    const remaining = order.grossAmount - this.refundedAmount(order);
    const amount = request.amount === undefined ? remaining : request.amount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0 || amount > remaining) {
      return { kind: 'bad-amount' };
    }
    const now = this.#clock.now();
    const refund: RefundRecord = {
      kind: 'refund',
      refundChargebackId: this.#nextChargebackId++,
      refundChargebackUuid: randomUUID(),
      refundKey: request.refundKey ?? randomUUID(),
      amount,
      reason: request.reason,
      createdAtMs: now,
      answer: null,
    };
    order.refunds.push(refund);
    order.status = amount === remaining ? 'refund' : 'partial_refund';
    order.statusChangedAtMs = now;
    this.#refundsByKey.set(refund.refundKey, { order, refund });
    this.#onChange();
    return { kind: 'ok', refund };
  }

  /**
   * The customer's bank takes money back: recorded with the refunds (one list, one numbering) and
   * counted in the cumulative amount. False when the state or the amount does not allow it.
   */
  chargeback(order: OrderRecord, amount: number | undefined): RefundRecord | null {
    this.sweep();
    if (!CHARGEABLE_BACK.has(order.status)) return null;
    const remaining = order.grossAmount - this.refundedAmount(order);
    const taken = amount ?? remaining;
    if (!Number.isSafeInteger(taken) || taken <= 0 || taken > remaining) return null;
    const now = this.#clock.now();
    const record: RefundRecord = {
      kind: 'chargeback',
      refundChargebackId: this.#nextChargebackId++,
      refundChargebackUuid: randomUUID(),
      refundKey: randomUUID(),
      amount: taken,
      reason: 'chargeback',
      createdAtMs: now,
      answer: null,
    };
    order.refunds.push(record);
    order.status = taken === remaining ? 'chargeback' : 'partial_chargeback';
    order.statusChangedAtMs = now;
    this.#refundsByKey.set(record.refundKey, { order, refund: record });
    this.#onChange();
    return record;
  }

  /** Keeps the first answer for a refund_key so that a retry, even after a restart, gets it verbatim. */
  rememberRefundAnswer(refund: RefundRecord, answer: Record<string, unknown>): void {
    refund.answer = answer;
    this.#onChange();
  }
}

export function snapshotOf(order: OrderRecord): OrderSnapshot {
  return {
    orderId: order.orderId,
    transactionId: order.transactionId,
    paymentType: order.paymentType,
    reportedPaymentType: order.reportedPaymentType,
    transactionStatus: order.status,
    grossAmount: order.grossAmount,
    transactionTimeMs: order.transactionTimeMs,
    expiryTimeMs: order.expiryTimeMs,
    settlementTimeMs: order.settlementTimeMs,
    statusChangedAtMs: order.statusChangedAtMs,
    acquirer: order.acquirer,
    issuer: order.issuer,
    transactionType: order.transactionType,
    merchantCrossReferenceId: order.merchantCrossReferenceId,
    paymentOptionType: order.paymentOptionType,
    fraudStatus: order.fraudStatus,
    qrString: order.qrString,
    refunds: order.refunds.map((r) => ({
      kind: r.kind,
      refundChargebackId: r.refundChargebackId,
      refundChargebackUuid: r.refundChargebackUuid,
      refundKey: r.refundKey,
      amount: r.amount,
      reason: r.reason,
      createdAtMs: r.createdAtMs,
    })),
    refundedAmount: order.refunds.reduce((sum, r) => sum + r.amount, 0),
  };
}
