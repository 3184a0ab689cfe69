/**
 * The checkout engine: the one place a sale is started, followed and ended. It journals before
 * it acts, asks the gateway whenever an answer is in doubt, and tells the screens about every
 * committed change. Screens, the CLI and the Electron shell all drive it through this class.
 */
import { randomInt } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN, PAYMENT_TYPES } from '../../common/midtrans-limits.ts';
import type { DayReport, GatewayHealth, HistoryPage, KioskEvent, OrderView } from '../../common/order.ts';
import { isFinalState } from '../../common/order.ts';
import { checkSale, type SaleProblem } from '../../common/sale-input.ts';
import { businessDateOf } from '../journal/business-date.ts';
import type { Journal } from '../journal/journal.ts';
import type { OrderRow } from '../journal/types.ts';
import { MidtransRateLimitError } from '../midtrans/errors.ts';
import type { QrStore } from '../qr/qr-store.ts';
import { cancelAtGateway, followPending } from './cancel-flow.ts';
import { chargeAndFollow, resolveCharging, StillUnknownError } from './charge-flow.ts';
import { EngineContext, type EngineSettings } from './context.ts';
import type { PaymentGateway } from './gateway.ts';
import { newOrderId } from './order-id.ts';
import { DEFAULT_POLL_POLICY, errorBackoff, pollInterval } from './poll-policy.ts';
import { Scheduler } from './scheduler.ts';
import { viewOf } from './views.ts';

export const DEFAULT_KIOSK_TIMEOUT_MS = 15 * 60_000;
/** Midtrans' charge timeout (15 s) plus a margin for the request still crossing the gateway. */
const DEFAULT_CHARGE_SETTLE_MS = 20_000;
/** QR files of finished orders are kept a day, for support staff; then pruned. */
const QR_KEEP_MS = 24 * 3600_000;

export type EngineOptions = Partial<Omit<EngineSettings, 'environment' | 'poll'>> & {
  environment: string;
  poll?: Partial<EngineSettings['poll']>;
};

export interface EngineDeps {
  journal: Journal;
  gateway: PaymentGateway;
  qrStore: QrStore;
  clock?: Clock;
  random?: () => number;
}

/** Bad input for a sale: nothing was journaled or sent. */
export class SaleInputError extends Error {
  readonly code = 'invalid-sale';
  readonly problems: SaleProblem[];
  constructor(problems: SaleProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message.en}`).join('; '));
    this.name = 'SaleInputError';
    this.problems = problems;
  }
}

export type EngineErrorCode =
  | 'unknown-order'
  | 'order-final'
  | 'engine-stopped'
  | 'invalid-order-id'
  /** The order lives at another gateway (sandbox vs production vs training): not ours to touch. */
  | 'other-environment';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export interface RecoverySummary {
  /** Unfinished orders of this environment, now being followed again. */
  resumed: string[];
  /** Unfinished orders journaled under another gateway environment: left untouched. */
  otherEnvironment: string[];
  ms: number;
}

function checkOrderId(orderId: unknown): asserts orderId is string {
  if (
    typeof orderId !== 'string' ||
    orderId.length > ORDER_ID_MAX_LENGTH ||
    !ORDER_ID_PATTERN.test(orderId)
  ) {
    throw new EngineError('invalid-order-id', `"${String(orderId).slice(0, 60)}" is not an order id`);
  }
}

function resolveSettings(options: EngineOptions): EngineSettings {
  const settings: EngineSettings = {
    environment: options.environment,
    kioskTimeoutMs: options.kioskTimeoutMs ?? DEFAULT_KIOSK_TIMEOUT_MS,
    enabledPaymentTypes: options.enabledPaymentTypes ?? PAYMENT_TYPES,
    utcOffsetMinutes: options.utcOffsetMinutes ?? 7 * 60,
    orderIdPrefix: options.orderIdPrefix ?? 'K',
    qrisAcquirer: options.qrisAcquirer ?? 'gopay',
    pollConcurrency: options.pollConcurrency ?? 4,
    poll: { ...DEFAULT_POLL_POLICY, ...options.poll },
    maxChargeAttempts: options.maxChargeAttempts ?? 3,
    qrDownloadAttempts: options.qrDownloadAttempts ?? 3,
    chargeSettleMs: options.chargeSettleMs ?? DEFAULT_CHARGE_SETTLE_MS,
  };
  if (!Number.isSafeInteger(settings.kioskTimeoutMs) || settings.kioskTimeoutMs < 1000) {
    throw new RangeError('kioskTimeoutMs must be a whole number of milliseconds, at least 1000');
  }
  if (settings.enabledPaymentTypes.length === 0) throw new RangeError('enable at least one payment type');
  return settings;
}

export class CheckoutEngine {
  readonly #ctx: EngineContext;
  readonly #scheduler: Scheduler;
  readonly #listeners = new Set<(event: KioskEvent) => void>();
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #failures = new Map<string, number>();
  #stopped = false;

  constructor(deps: EngineDeps, options: EngineOptions) {
    const clock = deps.clock ?? systemClock;
    this.#ctx = new EngineContext({
      journal: deps.journal,
      gateway: deps.gateway,
      qrStore: deps.qrStore,
      clock,
      random: deps.random ?? (() => randomInt(1_000_000) / 1_000_000),
      settings: resolveSettings(options),
      emit: (event) => this.#emit(event),
    });
    this.#scheduler = new Scheduler({
      clock,
      concurrency: this.#ctx.settings.pollConcurrency,
      task: (orderId) => this.#advance(orderId),
      onError: (orderId, error) => this.#retryAt(orderId, error),
    });
    this.#ctx.onRateLimit = (until) => this.#scheduler.pauseUntil(until);
  }

  get settings(): Readonly<EngineSettings> {
    return this.#ctx.settings;
  }

  get health(): GatewayHealth {
    return this.#ctx.health;
  }

  /** Subscribes to order and health events; returns the unsubscribe function. */
  on(listener: (event: KioskEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Start-up recovery: every unfinished order of this environment is followed again. */
  start(): RecoverySummary {
    const started = performance.now();
    const resumed: string[] = [];
    const otherEnvironment: string[] = [];
    const now = this.#ctx.clock.now();
    for (const row of this.#ctx.journal.openOrders()) {
      if (row.environment !== this.#ctx.settings.environment) {
        otherEnvironment.push(row.orderId);
        continue;
      }
      resumed.push(row.orderId);
      this.#scheduler.schedule(row.orderId, now);
    }
    const keep = new Set(resumed);
    this.#ctx.track(this.#ctx.qrStore.prune({ keep, olderThanMs: QR_KEEP_MS }));
    return { resumed, otherEnvironment, ms: performance.now() - started };
  }

  /**
   * Starts a sale: checks the input (nothing is written if it is bad), commits the order row,
   * then charges. Resolves once the QR is ready, the sale has ended, or — when the gateway's
   * answer is in doubt — the order is left charging and followed in the background.
   */
  async startSale(
    input: unknown,
    hooks: { onCreated?: (order: OrderView) => void } = {},
  ): Promise<OrderView> {
    if (this.#stopped) throw new EngineError('engine-stopped', 'the checkout engine has stopped');
    const checked = checkSale(input, this.#ctx.settings.enabledPaymentTypes);
    if (!checked.ok) throw new SaleInputError(checked.problems);
    const { sale } = checked;
    const { clock, settings, journal } = this.#ctx;
    const now = clock.now();
    const row = journal.createOrder({
      orderId: newOrderId(settings.orderIdPrefix, now, settings.utcOffsetMinutes),
      environment: settings.environment,
      paymentType: sale.paymentType,
      grossAmount: sale.amount,
      items: sale.items,
      createdAt: now,
      deadlineAt: now + settings.kioskTimeoutMs,
      businessDate: businessDateOf(now, settings.utcOffsetMinutes),
    });
    const created = viewOf(row);
    this.#emit({ type: 'order', order: created, previousState: null, at: now });
    hooks.onCreated?.(created);
    return this.#locked(row.orderId, async () => {
      try {
        const done = await chargeAndFollow(this.#ctx, row);
        this.#followUp(done);
        return viewOf(done);
      } catch (error) {
        const at = this.#retryAt(row.orderId, error);
        if (at !== null) this.#scheduler.schedule(row.orderId, at);
        return viewOf(this.#row(row.orderId));
      }
    });
  }

  /** The cashier's Cancel. Ends the order at the gateway; a payment that beat it still stands. */
  async cancel(orderId: string): Promise<OrderView> {
    return this.#locked(orderId, async () => {
      const row = this.#ownRow(orderId);
      if (isFinalState(row.state)) {
        throw new EngineError('order-final', `order ${orderId} has already ended (${row.state})`);
      }
      try {
        const done = await cancelAtGateway(this.#ctx, row, 'cashier-cancel');
        this.#followUp(done);
        return viewOf(done);
      } catch (error) {
        // The request is journaled; the scheduler keeps trying and the screens see the outcome.
        const at = this.#retryAt(orderId, error);
        if (at !== null) this.#scheduler.schedule(orderId, at);
        return viewOf(this.#row(orderId));
      }
    });
  }

  /** The cashier's "Check now": ask the gateway at once instead of waiting for the next poll. */
  async checkNow(orderId: string): Promise<OrderView> {
    return this.#locked(orderId, async () => {
      const row = this.#ownRow(orderId);
      if (isFinalState(row.state)) return viewOf(row);
      try {
        const done = await this.#step(row);
        this.#failures.delete(orderId);
        this.#followUp(done);
        return viewOf(done);
      } catch (error) {
        // Not knowable yet (answer in doubt, cancel not confirmed): the view says where it
        // stands and the scheduler keeps at it. A gateway error is the caller's to show.
        const at = this.#retryAt(orderId, error);
        if (at !== null) this.#scheduler.schedule(orderId, at);
        if (error instanceof StillUnknownError) return viewOf(this.#row(orderId));
        throw error;
      }
    });
  }

  get(orderId: string): OrderView | undefined {
    checkOrderId(orderId);
    const row = this.#ctx.journal.get(orderId);
    return row === undefined ? undefined : viewOf(row);
  }

  history(options: { before?: number; limit?: number } = {}): HistoryPage {
    const page = this.#ctx.journal.history({ ...options, limit: options.limit ?? 50 });
    return { orders: page.rows.map(viewOf), nextCursor: page.nextCursor };
  }

  report(date?: string): DayReport {
    return this.#ctx.journal.report(
      date ?? businessDateOf(this.#ctx.clock.now(), this.#ctx.settings.utcOffsetMinutes),
    );
  }

  /** Resolves with the order once it has ended, or with its current view after `timeoutMs`. */
  waitForFinal(orderId: string, timeoutMs: number): Promise<OrderView> {
    const current = this.#row(orderId);
    if (isFinalState(current.state)) return Promise.resolve(viewOf(current));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(viewOf(this.#row(orderId)));
      }, timeoutMs);
      const off = this.on((event) => {
        if (event.type === 'order' && event.order.orderId === orderId && isFinalState(event.order.state)) {
          clearTimeout(timer);
          off();
          resolve(event.order);
        }
      });
    });
  }

  /** Unfinished orders being followed right now. */
  get following(): number {
    return this.#scheduler.size;
  }

  /** Stops all gateway traffic and waits for what is in flight; the journal keeps the rest. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#scheduler.stop();
    while (this.#locks.size > 0) await Promise.allSettled([...this.#locks.values()]);
    await this.#ctx.drain();
    this.#ctx.flushQuiet();
  }

  /** An order this engine may act on: known, and at the gateway this engine talks to. */
  #ownRow(orderId: string): OrderRow {
    checkOrderId(orderId);
    const row = this.#row(orderId);
    if (row.environment !== this.#ctx.settings.environment) {
      throw new EngineError(
        'other-environment',
        `order ${orderId} belongs to the ${row.environment} gateway, not ${this.#ctx.settings.environment}`,
      );
    }
    return row;
  }

  #row(orderId: string): OrderRow {
    const row = this.#ctx.journal.get(orderId);
    if (row === undefined) throw new EngineError('unknown-order', `no order ${orderId} on this till`);
    return row;
  }

  /** One order, one thing at a time: polls, cancels and checks never interleave. */
  async #locked<T>(orderId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(orderId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => {});
    this.#locks.set(orderId, tail);
    try {
      return await run;
    } finally {
      if (this.#locks.get(orderId) === tail) this.#locks.delete(orderId);
    }
  }

  /** Moves an unfinished order one step along, whatever state it is in. */
  async #step(row: OrderRow): Promise<OrderRow> {
    switch (row.state) {
      case 'created':
        // Journaled but never sent (a crash in between): only worth charging while the customer
        // can still be waiting.
        if (this.#ctx.clock.now() >= row.deadlineAt) {
          return this.#ctx.move(row, {
            state: 'failed',
            endReason: 'charge-not-received',
            detail: 'the kiosk stopped before the charge was sent',
          });
        }
        return chargeAndFollow(this.#ctx, row);
      case 'charging':
        return resolveCharging(this.#ctx, row);
      case 'pending':
        return followPending(this.#ctx, row);
      default:
        return row;
    }
  }

  /** The scheduler's task: one step, then when to look again (null once the order has ended). */
  async #advance(orderId: string): Promise<number | null> {
    if (this.#stopped) return null;
    return this.#locked(orderId, async () => {
      const started = this.#ctx.clock.now();
      const before = this.#ctx.journal.get(orderId);
      if (before === undefined || isFinalState(before.state)) return null;
      const after = await this.#step(before);
      this.#failures.delete(orderId);
      return this.#nextLook(after, started);
    });
  }

  #followUp(row: OrderRow): void {
    if (isFinalState(row.state)) {
      this.#scheduler.remove(row.orderId);
      this.#failures.delete(row.orderId);
      return;
    }
    const next = this.#nextLook(row, this.#ctx.clock.now());
    if (next !== null) this.#scheduler.schedule(row.orderId, next);
  }

  #nextLook(row: OrderRow, lookStartedAt: number): number | null {
    if (isFinalState(row.state)) return null;
    const { poll } = this.#ctx.settings;
    // Fixed rate, measured from the start of the last look, so a slow answer does not stretch it.
    const next = lookStartedAt + pollInterval(poll, lookStartedAt - row.createdAt);
    const checkpoints = [row.deadlineAt, row.gatewayExpiryAt].filter(
      (t): t is number => t !== undefined && t > lookStartedAt,
    );
    return Math.min(next, ...checkpoints);
  }

  #retryAt(orderId: string, error: unknown): number | null {
    if (this.#stopped) return null;
    const failures = (this.#failures.get(orderId) ?? 0) + 1;
    this.#failures.set(orderId, failures);
    const now = this.#ctx.clock.now();
    let delay = errorBackoff(this.#ctx.settings.poll, failures, this.#ctx.random);
    if (error instanceof MidtransRateLimitError && error.retryAfterMs !== undefined) {
      delay = Math.max(delay, error.retryAfterMs);
    }
    const row = this.#ctx.journal.get(orderId);
    // Never sleep through the kiosk deadline because of a few errors.
    if (row !== undefined && row.deadlineAt > now) return Math.min(now + delay, row.deadlineAt);
    return now + delay;
  }

  #emit(event: KioskEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A screen's bug must not stop the sale.
      }
    }
  }
}
