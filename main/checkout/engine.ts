/**
 * The checkout engine: the one place a sale is started, followed and ended. It journals before
 * it acts, asks the gateway whenever an answer is in doubt, and tells the screens about every
 * committed change. Screens, the CLI and the Electron shell all drive it through this class.
 *
 * The flows it runs live beside it: charge-flow (sale → pending with its QR), status-flow (the
 * gateway's signed status applied to the journal), cancel-flow (Cancel and the kiosk's own
 * Expire), order-step (which flow an unfinished order needs next) and order-follower (when to
 * look again).
 */
import { randomInt } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import type { DayReport, GatewayHealth, HistoryPage, KioskEvent, OrderView } from '../../common/order.ts';
import { isFinalState } from '../../common/order.ts';
import { checkSale } from '../../common/sale-input.ts';
import { businessDateOf } from '../journal/business-date.ts';
import type { Journal } from '../journal/journal.ts';
import type { OrderRow } from '../journal/types.ts';
import type { StatusResult } from '../midtrans/responses.ts';
import type { QrStore } from '../qr/qr-store.ts';
import { cancelAtGateway } from './cancel-flow.ts';
import { chargeAndFollow } from './charge-flow.ts';
import { EngineContext, type EngineSettings } from './context.ts';
import { checkOrderId, EngineError, SaleInputError } from './engine-errors.ts';
import { resolveSettings, type EngineOptions } from './engine-options.ts';
import type { PaymentGateway } from './gateway.ts';
import { OrderFollower } from './order-follower.ts';
import { newOrderId } from './order-id.ts';
import { stepOrder } from './order-step.ts';
import { canMove } from './order-machine.ts';
import { applyStatus, planStatus, StillUnknownError } from './status-flow.ts';
import { viewOf } from './views.ts';

export { EngineError, SaleInputError, type EngineErrorCode } from './engine-errors.ts';
export { DEFAULT_KIOSK_TIMEOUT_MS, type EngineOptions } from './engine-options.ts';

/** QR files of finished orders are kept a day, for support staff; then pruned. */
const QR_KEEP_MS = 24 * 3600_000;

export interface EngineDeps {
  journal: Journal;
  gateway: PaymentGateway;
  qrStore: QrStore;
  clock?: Clock;
  random?: () => number;
}

export interface RecoverySummary {
  /** Unfinished orders of this environment, now being followed again. */
  resumed: string[];
  /** Unfinished orders journaled under another gateway environment: left untouched. */
  otherEnvironment: string[];
  ms: number;
}

export class CheckoutEngine {
  readonly #ctx: EngineContext;
  readonly #follower: OrderFollower;
  readonly #listeners = new Set<(event: KioskEvent) => void>();

  constructor(deps: EngineDeps, options: EngineOptions) {
    this.#ctx = new EngineContext({
      journal: deps.journal,
      gateway: deps.gateway,
      qrStore: deps.qrStore,
      clock: deps.clock ?? systemClock,
      random: deps.random ?? (() => randomInt(1_000_000) / 1_000_000),
      settings: resolveSettings(options),
      emit: (event) => this.#emit(event),
    });
    this.#follower = new OrderFollower(this.#ctx);
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
      this.#follower.schedule(row.orderId, now);
    }
    const keep = new Set(resumed);
    this.#ctx.track(this.#ctx.qrStore.prune({ keep, olderThanMs: QR_KEEP_MS }));
    return { resumed, otherEnvironment, ms: performance.now() - started };
  }

  /**
   * Starts a sale: checks the input (nothing is written if it is bad), commits the order row,
   * then charges. Resolves once the QR is ready, the sale has ended, or — when the gateway's
   * answer is in doubt — the order is left charging and followed in the background. Listeners
   * hear of the new order (previousState null) before the charge is sent. `link.saleId` makes it
   * a payment of that till sale (journaled with the order, in the same commit).
   */
  async startSale(input: unknown, link: { saleId?: string } = {}): Promise<OrderView> {
    if (this.#follower.stopped) throw new EngineError('engine-stopped', 'the checkout engine has stopped');
    // A till sale's charge carries item_details (discount lines below zero, service, tax) that
    // add up to its amount; a bare charge (the engine's tests, old journals) only goods.
    const checked = checkSale(input, this.#ctx.settings.enabledPaymentTypes, {
      itemDetails: link.saleId !== undefined,
    });
    if (!checked.ok) throw new SaleInputError(checked.problems);
    const { sale } = checked;
    const { clock, settings, journal } = this.#ctx;
    const now = clock.now();
    const row = journal.createOrder({
      orderId: newOrderId(settings.orderIdPrefix, now, settings.utcOffsetMinutes),
      ...(link.saleId === undefined ? {} : { saleId: link.saleId }),
      environment: settings.environment,
      paymentType: sale.paymentType,
      grossAmount: sale.amount,
      items: sale.items,
      createdAt: now,
      deadlineAt: now + settings.kioskTimeoutMs,
      businessDate: businessDateOf(now, settings.utcOffsetMinutes, settings.businessDayCutoffHour),
    });
    this.#emit({ type: 'order', order: viewOf(row), previousState: null, at: now });
    return this.#follower.locked(row.orderId, async () => {
      try {
        const done = await chargeAndFollow(this.#ctx, row);
        this.#follower.followUp(done);
        return viewOf(done);
      } catch (error) {
        this.#follower.retryLater(row.orderId, error);
        return viewOf(this.#row(row.orderId));
      }
    });
  }

  /** The cashier's Cancel. Ends the order at the gateway; a payment that beat it still stands. */
  async cancel(orderId: string): Promise<OrderView> {
    return this.#follower.locked(orderId, async () => {
      const row = this.#ownRow(orderId);
      if (isFinalState(row.state)) {
        throw new EngineError('order-final', `order ${orderId} has already ended (${row.state})`);
      }
      if (row.state === 'review') {
        throw new EngineError(
          'order-held',
          `order ${orderId} is held for review at the gateway; a manager decides there, not the till`,
        );
      }
      try {
        const done = await cancelAtGateway(this.#ctx, row, 'cashier-cancel');
        this.#follower.followUp(done);
        return viewOf(done);
      } catch (error) {
        // The request is journaled; the follower keeps trying and the screens see the outcome.
        this.#follower.retryLater(orderId, error);
        return viewOf(this.#row(orderId));
      }
    });
  }

  /** The cashier's "Check now": ask the gateway at once instead of waiting for the next poll. */
  async checkNow(orderId: string): Promise<OrderView> {
    return this.#follower.locked(orderId, async () => {
      const row = this.#ownRow(orderId);
      if (isFinalState(row.state)) return viewOf(row);
      try {
        const done = await stepOrder(this.#ctx, row);
        this.#follower.answered(orderId);
        this.#follower.followUp(done);
        return viewOf(done);
      } catch (error) {
        // Not knowable yet (answer in doubt, cancel not confirmed): the view says where it
        // stands and the follower keeps at it. A gateway error is the caller's to show.
        this.#follower.retryLater(orderId, error);
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
    const { utcOffsetMinutes, businessDayCutoffHour } = this.#ctx.settings;
    return this.#ctx.journal.report(
      date ?? businessDateOf(this.#ctx.clock.now(), utcOffsetMinutes, businessDayCutoffHour),
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

  /**
   * Reconciliation's door: applies a status answer the caller has already verified (the client's
   * signature check, assertAnswerFor) by the status flow's own rules — the same plan a poll would
   * write, security contradictions included. Synchronous, so the caller can commit it together
   * with its own records. Undefined, having written nothing, when the state machine has no path
   * from the order's state to the one the answer supports (a final order never moves).
   */
  adoptStatus(orderId: string, status: StatusResult): { order: OrderView; changed: boolean } | undefined {
    const row = this.#ownRow(orderId);
    const plan = planStatus(row, status, this.#ctx.clock.now());
    if (plan === undefined) return { order: viewOf(row), changed: false };
    const to = plan.patch.state ?? row.state;
    if (to !== row.state && !canMove(row.state, to)) return undefined;
    return { order: viewOf(applyStatus(this.#ctx, row, status)), changed: true };
  }

  /** Unfinished orders being followed right now. */
  get following(): number {
    return this.#follower.size;
  }

  /** Stops all gateway traffic and waits for what is in flight; the journal keeps the rest. */
  async stop(): Promise<void> {
    await this.#follower.stop();
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
