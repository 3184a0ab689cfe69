/**
 * Runs one task per key at a due time, never more than `concurrency` at once, and never two for
 * the same key. A task returns when it wants to run next (or null to stop). A global pause
 * (the gateway's 429 Retry-After applies to the merchant key, not to one order) holds every task.
 */
import type { Clock } from '../clock.ts';

export type Task = (key: string) => Promise<number | null>;

export class Scheduler {
  readonly #due = new Map<string, number>();
  readonly #running = new Map<string, Promise<void>>();
  /** A schedule() for a key that is running: applied when the run ends, winning over its answer. */
  readonly #rerun = new Map<string, number>();
  readonly #task: Task;
  readonly #clock: Clock;
  readonly #concurrency: number;
  readonly #onError: (key: string, error: unknown) => number | null;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;
  #pausedUntil = 0;
  #stopped = false;

  constructor(options: {
    task: Task;
    clock: Clock;
    concurrency: number;
    /** A task that throws is rescheduled at whatever this returns. */
    onError: (key: string, error: unknown) => number | null;
  }) {
    if (!Number.isSafeInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError('concurrency must be a positive integer');
    }
    this.#task = options.task;
    this.#clock = options.clock;
    this.#concurrency = options.concurrency;
    this.#onError = options.onError;
  }

  /** Keys waiting or running. */
  get size(): number {
    const keys = new Set([...this.#due.keys(), ...this.#running.keys()]);
    return keys.size;
  }

  has(key: string): boolean {
    return this.#due.has(key) || this.#running.has(key);
  }

  schedule(key: string, at: number): void {
    if (this.#stopped) return;
    if (this.#running.has(key)) {
      const existing = this.#rerun.get(key);
      this.#rerun.set(key, existing === undefined ? at : Math.min(existing, at));
      return;
    }
    const existing = this.#due.get(key);
    this.#due.set(key, existing === undefined ? at : Math.min(existing, at));
    this.#arm();
  }

  remove(key: string): void {
    this.#due.delete(key);
    this.#rerun.delete(key);
  }

  pauseUntil(at: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, at);
    this.#arm();
  }

  /** Stops scheduling and waits for running tasks; the journal keeps what they were doing. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#due.clear();
    this.#rerun.clear();
    await Promise.allSettled([...this.#running.values()]);
  }

  /** Resolves when nothing is running (tests and the CLI use this to wait for quiet). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running.values()]);
  }

  #arm(): void {
    if (this.#stopped || this.#running.size >= this.#concurrency) return;
    let next = Infinity;
    for (const at of this.#due.values()) if (at < next) next = at;
    if (next === Infinity) return;
    next = Math.max(next, this.#pausedUntil);
    if (this.#timer !== undefined && this.#timerAt <= next) return;
    clearTimeout(this.#timer);
    this.#timerAt = next;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, next - this.#clock.now()));
  }

  #fire(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = this.#clock.now();
    if (now < this.#pausedUntil) return this.#arm();
    const ready = [...this.#due.entries()].filter(([, at]) => at <= now).sort((a, b) => a[1] - b[1]);
    for (const [key] of ready) {
      if (this.#running.size >= this.#concurrency) break;
      this.#due.delete(key);
      this.#start(key);
    }
    this.#arm();
  }

  #start(key: string): void {
    const run = (async () => {
      let next: number | null;
      try {
        next = await this.#task(key);
      } catch (error) {
        next = this.#onError(key, error);
      }
      this.#running.delete(key);
      const rerun = this.#rerun.get(key);
      this.#rerun.delete(key);
      const at = rerun ?? next;
      if (at !== null && !this.#stopped) this.#due.set(key, at);
      this.#arm();
    })();
    this.#running.set(key, run);
  }
}
