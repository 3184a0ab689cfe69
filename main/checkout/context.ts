/**
 * What the order flows (charge, poll, cancel) share: the journal, the gateway, the QR store, and
 * the two ways they touch the world — `move` (journal a change, then tell the screens) and
 * `call` (ask the gateway, journaling the exchange and tracking the gateway's health).
 */
import type { Clock } from '../clock.ts';
import type { PaymentType, QrisAcquirer } from '../../common/midtrans-limits.ts';
import type { GatewayHealth, KioskEvent, OrderState } from '../../common/order.ts';
import { isFinalState } from '../../common/order.ts';
import type { Journal } from '../journal/journal.ts';
import type { NewEvent, OrderPatch, OrderRow } from '../journal/types.ts';
import { MidtransError, MidtransRateLimitError } from '../midtrans/errors.ts';
import type { QrStore } from '../qr/qr-store.ts';
import type { PaymentGateway } from './gateway.ts';
import { assertMove } from './order-machine.ts';
import type { PollPolicy } from './poll-policy.ts';
import { viewOf } from './views.ts';

export interface EngineSettings {
  /** Which gateway this engine talks to; orders journaled under another are left alone. */
  environment: string;
  kioskTimeoutMs: number;
  enabledPaymentTypes: readonly PaymentType[];
  /** The shop's zone: order ids and business dates are written on its clock. */
  utcOffsetMinutes: number;
  /** A sale before this hour (shop time, 0-6) belongs to the previous business day. */
  businessDayCutoffHour: number;
  orderIdPrefix: string;
  qrisAcquirer: QrisAcquirer;
  pollConcurrency: number;
  poll: PollPolicy;
  /** Charge attempts for one sale when the gateway says it never received the previous ones. */
  maxChargeAttempts: number;
  qrDownloadAttempts: number;
  /**
   * How long after sending a charge a 404 on lookup is trusted as "never arrived". Before that,
   * the request may still be on its way through the gateway.
   */
  chargeSettleMs: number;
}

export type GatewayOperation = 'charge' | 'status' | 'cancel' | 'expire' | 'qr-code';

export class EngineContext {
  readonly journal: Journal;
  readonly gateway: PaymentGateway;
  readonly qrStore: QrStore;
  readonly clock: Clock;
  readonly random: () => number;
  readonly settings: EngineSettings;
  readonly #emit: (event: KioskEvent) => void;
  #health: GatewayHealth = 'unknown';
  readonly #background = new Set<Promise<unknown>>();
  /**
   * Status answers that changed nothing ("still pending"), counted instead of journaled one by
   * one: at one a second they would be most of the journal and of its start-up check. The
   * count is journaled as one event before the order's next event, or at stop; a crash loses
   * only the count since the last event, never an answer that changed anything.
   */
  readonly #quiet = new Map<string, { count: number; firstAt: number; lastAt: number; status: unknown }>();
  /** Set by a 429: the scheduler pauses every poll until then. */
  onRateLimit: (untilMs: number) => void = () => {};

  constructor(init: {
    journal: Journal;
    gateway: PaymentGateway;
    qrStore: QrStore;
    clock: Clock;
    random: () => number;
    settings: EngineSettings;
    emit: (event: KioskEvent) => void;
  }) {
    this.journal = init.journal;
    this.gateway = init.gateway;
    this.qrStore = init.qrStore;
    this.clock = init.clock;
    this.random = init.random;
    this.settings = init.settings;
    this.#emit = init.emit;
  }

  /** Work that must not hold up a sale but must finish before the journal closes. */
  track(work: Promise<unknown>): void {
    const settled = work.catch(() => {}).finally(() => this.#background.delete(settled));
    this.#background.add(settled);
  }

  async drain(): Promise<void> {
    while (this.#background.size > 0) await Promise.all([...this.#background]);
  }

  get health(): GatewayHealth {
    return this.#health;
  }

  /** Journals a change (state and/or fields) and, once it is committed, tells the screens. */
  move(
    row: OrderRow,
    patch: OrderPatch & { state?: OrderState },
    event: Omit<NewEvent, 'at'> = { kind: 'transition' },
  ): OrderRow {
    this.flushQuiet(row.orderId);
    const at = this.clock.now();
    const to = patch.state ?? row.state;
    if (to !== row.state) assertMove(row.state, to);
    const full: OrderPatch = { ...patch };
    if (isFinalState(to) && to !== row.state) full.finalAt = at;
    const next = this.journal.update(row.orderId, row.state, full, { ...event, at });
    this.#emit({ type: 'order', order: viewOf(next), previousState: row.state, at });
    return next;
  }

  /** Asks the gateway, journaling what was asked and how it went (never credentials). */
  async call<T>(
    orderId: string,
    operation: GatewayOperation,
    fn: () => Promise<T>,
    describe: (result: T) => Record<string, unknown> = () => ({}),
    /** True for an answer that changes nothing: counted, not journaled on its own. */
    quiet: (result: T) => boolean = () => false,
  ): Promise<T> {
    const started = this.clock.now();
    try {
      const result = await fn();
      this.#setHealth('ok', undefined);
      if (quiet(result)) {
        const now = this.clock.now();
        const seen = this.#quiet.get(orderId);
        if (seen === undefined) {
          this.#quiet.set(orderId, {
            count: 1,
            firstAt: now,
            lastAt: now,
            status: { ...answerCodes(result), ...describe(result) },
          });
        } else {
          seen.count++;
          seen.lastAt = now;
        }
        return result;
      }
      this.flushQuiet(orderId);
      this.journal.appendEvent(orderId, {
        kind: 'gateway',
        at: this.clock.now(),
        detail: {
          operation,
          outcome: 'ok',
          ms: this.clock.now() - started,
          ...answerCodes(result),
          ...describe(result),
        },
      });
      return result;
    } catch (error) {
      this.flushQuiet(orderId);
      const code =
        error instanceof MidtransError
          ? error.code
          : error instanceof Error && 'code' in error && error.code === 'answer-mismatch'
            ? 'answer-mismatch'
            : 'internal-error';
      const detail: Record<string, unknown> = { operation, outcome: code, ms: this.clock.now() - started };
      if (error instanceof MidtransError) {
        detail.ambiguous = error.ambiguous;
        if (error.httpStatus !== undefined) detail.httpStatus = error.httpStatus;
        if (error.statusCode !== undefined) detail.statusCode = error.statusCode;
        // Client messages are built from our own words and the gateway's status_message only.
        detail.message = error.message;
      } else {
        detail.message = error instanceof Error ? error.message : String(error);
      }
      const security = code === 'signature-mismatch' || code === 'answer-mismatch';
      this.journal.appendEvent(orderId, {
        kind: security ? 'security' : 'gateway',
        at: this.clock.now(),
        detail,
      });
      if (code === 'answer-mismatch') this.#setHealth('untrusted', detail.message as string);
      else this.#noteFailure(error);
      throw error;
    }
  }

  /** An answer was journaled as a security event: the gateway link is not to be trusted now. */
  securityNoted(detail: string): void {
    this.#setHealth('untrusted', detail);
  }

  /** Journals the count of unchanged status answers for one order (or all, at stop). */
  flushQuiet(orderId?: string): void {
    const ids = orderId === undefined ? [...this.#quiet.keys()] : [orderId];
    for (const id of ids) {
      const seen = this.#quiet.get(id);
      if (seen === undefined) continue;
      this.#quiet.delete(id);
      this.journal.appendEvent(id, {
        kind: 'gateway',
        at: seen.lastAt,
        detail: {
          operation: 'status',
          outcome: 'ok',
          unchanged: true,
          count: seen.count,
          firstAt: seen.firstAt,
          lastAt: seen.lastAt,
          ...(seen.status as Record<string, unknown>),
        },
      });
    }
  }

  #noteFailure(error: unknown): void {
    if (!(error instanceof MidtransError)) return;
    switch (error.code) {
      case 'network':
      case 'timeout':
      case 'connection-lost':
      case 'server-error':
        return this.#setHealth('unreachable', error.message);
      case 'unauthorized':
        return this.#setHealth('unauthorized', error.message);
      case 'signature-mismatch':
        return this.#setHealth('untrusted', error.message);
      case 'rate-limited': {
        const wait = error instanceof MidtransRateLimitError ? error.retryAfterMs : undefined;
        this.onRateLimit(this.clock.now() + (wait ?? this.settings.poll.errorBaseMs));
        return this.#setHealth('rate-limited', error.message);
      }
      default:
        // 404, 406, 412 and friends are answers about one order, not about the gateway's health.
        return this.#setHealth('ok', undefined);
    }
  }

  #setHealth(health: GatewayHealth, detail: string | undefined): void {
    if (health === this.#health) return;
    this.#health = health;
    this.#emit({ type: 'health', health, detail, at: this.clock.now() });
  }
}

/**
 * What the gateway answered with, for support reading the journal: the HTTP status and the body's
 * status_code of an answer the client accepted (errors carry theirs on the error).
 */
function answerCodes(result: unknown): { httpStatus?: number; statusCode?: string } {
  if (typeof result !== 'object' || result === null) return {};
  const { httpStatus, statusCode } = result as { httpStatus?: unknown; statusCode?: unknown };
  return {
    ...(typeof httpStatus === 'number' ? { httpStatus } : {}),
    ...(typeof statusCode === 'string' ? { statusCode } : {}),
  };
}
