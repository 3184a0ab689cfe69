/**
 * Keeps requests to the gateway at or under a rate: each request starts at least 1000/rate ms
 * after the one before, so no one-second window [t, t + 1 s) ever holds more than `rate` of them.
 * A 429 holds every request until the time the gateway asked for. Time and waiting are injected,
 * so a test (or the bench) can run a day's reconciliation on a fake clock and read the exact
 * request times back.
 */
import type { Clock } from '../clock.ts';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Pacer {
  readonly intervalMs: number;
  readonly #clock: Clock;
  readonly #sleep: Sleep;
  #lastStart: number | undefined;
  #holdUntil = 0;

  constructor(rate: number, clock: Clock, sleep: Sleep) {
    if (!Number.isFinite(rate) || rate <= 0) throw new RangeError(`rate must be above 0, got ${rate}`);
    this.intervalMs = Math.ceil(1000 / rate);
    this.#clock = clock;
    this.#sleep = sleep;
  }

  /** When the gateway asked to wait (429), until when; undefined once that has passed. */
  get heldUntil(): number | undefined {
    return this.#holdUntil > this.#clock.now() ? this.#holdUntil : undefined;
  }

  /** No request before `until` (a 429's Retry-After, or a backoff). */
  hold(until: number): void {
    this.#holdUntil = Math.max(this.#holdUntil, until);
  }

  /**
   * Waits for the next request's turn and takes it; returns the time it starts. `stopped` is
   * checked after each wait, so a stop is not held up by a long backoff more than one sleep.
   */
  async turn(stopped: () => boolean): Promise<number | undefined> {
    for (;;) {
      if (stopped()) return undefined;
      const now = this.#clock.now();
      const due = Math.max(
        this.#holdUntil,
        this.#lastStart === undefined ? now : this.#lastStart + this.intervalMs,
      );
      if (due <= now) {
        this.#lastStart = now;
        return now;
      }
      // In steps of at most a second, so a stop is never held up by a long Retry-After.
      await this.#sleep(Math.min(due - now, 1000));
    }
  }
}
