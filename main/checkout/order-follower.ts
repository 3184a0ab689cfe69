/**
 * Keeps every unfinished order moving: when to look at it next (the poll policy, the kiosk
 * deadline, the gateway's expiry), backoff after errors, and one thing at a time per order so a
 * poll, a cancel and a "Check now" never interleave on the same row.
 */
import { isFinalState } from '../../common/order.ts';
import type { OrderRow } from '../journal/types.ts';
import { MidtransRateLimitError } from '../midtrans/errors.ts';
import type { EngineContext } from './context.ts';
import { stepOrder } from './order-step.ts';
import { errorBackoff, pollInterval } from './poll-policy.ts';
import { Scheduler } from './scheduler.ts';

export class OrderFollower {
  readonly #ctx: EngineContext;
  readonly #scheduler: Scheduler;
  readonly #locks = new Map<string, Promise<unknown>>();
  readonly #failures = new Map<string, number>();
  #stopped = false;

  constructor(ctx: EngineContext) {
    this.#ctx = ctx;
    this.#scheduler = new Scheduler({
      clock: ctx.clock,
      concurrency: ctx.settings.pollConcurrency,
      task: (orderId) => this.#advance(orderId),
      onError: (orderId, error) => this.#retryAt(orderId, error),
    });
    ctx.onRateLimit = (until) => this.#scheduler.pauseUntil(until);
  }

  /** Unfinished orders being followed right now. */
  get size(): number {
    return this.#scheduler.size;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  schedule(orderId: string, at: number): void {
    this.#scheduler.schedule(orderId, at);
  }

  /** One order, one thing at a time: polls, cancels and checks never interleave. */
  async locked<T>(orderId: string, work: () => Promise<T>): Promise<T> {
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

  /** After a step that went through: the next look, or nothing more once the order has ended. */
  followUp(row: OrderRow): void {
    if (isFinalState(row.state)) {
      this.#scheduler.remove(row.orderId);
      this.#failures.delete(row.orderId);
      return;
    }
    const next = this.#nextLook(row, this.#ctx.clock.now());
    if (next !== null) this.#scheduler.schedule(row.orderId, next);
  }

  /** The gateway answered: the next error starts the backoff from the beginning. */
  answered(orderId: string): void {
    this.#failures.delete(orderId);
  }

  /** After a step that failed: try again with backoff (never past the kiosk deadline). */
  retryLater(orderId: string, error: unknown): void {
    const at = this.#retryAt(orderId, error);
    if (at !== null) this.#scheduler.schedule(orderId, at);
  }

  /** Stops all gateway traffic and waits for what is in flight; the journal keeps the rest. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#scheduler.stop();
    while (this.#locks.size > 0) await Promise.allSettled([...this.#locks.values()]);
  }

  /** The scheduler's task: one step, then when to look again (null once the order has ended). */
  async #advance(orderId: string): Promise<number | null> {
    if (this.#stopped) return null;
    return this.locked(orderId, async () => {
      const started = this.#ctx.clock.now();
      const before = this.#ctx.journal.get(orderId);
      if (before === undefined || isFinalState(before.state)) return null;
      const after = await stepOrder(this.#ctx, before);
      this.#failures.delete(orderId);
      return this.#nextLook(after, started);
    });
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
}
