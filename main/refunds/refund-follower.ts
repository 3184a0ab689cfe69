/**
 * Keeps looking at refunds whose answer is in doubt until the gateway says what became of them:
 * one at a time per refund, with a jittered, growing pause between looks (never sooner than the
 * flow asked for), and nothing left running after stop().
 */
import type { Clock } from '../clock.ts';
import { RefundStillUnknown } from './gateway-refund.ts';
import type { RefundSettings } from './refund-context.ts';

interface Followed {
  timer: NodeJS.Timeout | undefined;
  failures: number;
}

export class RefundFollower {
  readonly #run: (refundKey: string) => Promise<boolean>;
  readonly #clock: Clock;
  readonly #settings: RefundSettings;
  readonly #random: () => number;
  readonly #followed = new Map<string, Followed>();
  readonly #inFlight = new Set<Promise<void>>();
  #stopped = false;

  /** `run` looks at one refund: true once it is settled (or gone); false or a throw while in doubt. */
  constructor(
    run: (refundKey: string) => Promise<boolean>,
    clock: Clock,
    settings: RefundSettings,
    random: () => number,
  ) {
    this.#run = run;
    this.#clock = clock;
    this.#settings = settings;
    this.#random = random;
  }

  get size(): number {
    return this.#followed.size;
  }

  isFollowing(refundKey: string): boolean {
    return this.#followed.has(refundKey);
  }

  /** Looks at the refund at `at` (or later, if one look is already due sooner). */
  schedule(refundKey: string, at: number): void {
    if (this.#stopped) return;
    const entry = this.#followed.get(refundKey) ?? { timer: undefined, failures: 0 };
    clearTimeout(entry.timer);
    const delay = Math.max(0, at - this.#clock.now());
    entry.timer = setTimeout(() => this.#fire(refundKey), delay);
    this.#followed.set(refundKey, entry);
  }

  /** The refund was settled elsewhere (the request's own call): no more looks. */
  forget(refundKey: string): void {
    clearTimeout(this.#followed.get(refundKey)?.timer);
    this.#followed.delete(refundKey);
  }

  /** Stops every look and waits for the ones under way; their outcome is journaled as usual. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const entry of this.#followed.values()) clearTimeout(entry.timer);
    this.#followed.clear();
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  #fire(refundKey: string): void {
    const entry = this.#followed.get(refundKey);
    if (entry === undefined || this.#stopped) return;
    entry.timer = undefined;
    const work = this.#look(refundKey, entry).finally(() => this.#inFlight.delete(work));
    this.#inFlight.add(work);
  }

  async #look(refundKey: string, entry: Followed): Promise<void> {
    let retryAt: number | undefined;
    try {
      if (await this.#run(refundKey)) {
        this.#followed.delete(refundKey);
        return;
      }
    } catch (error) {
      retryAt = error instanceof RefundStillUnknown ? error.retryAt : undefined;
    }
    if (this.#stopped || !this.#followed.has(refundKey)) return;
    entry.failures += 1;
    const { retryBaseMs, retryCapMs } = this.#settings;
    const ceiling = Math.min(retryCapMs, retryBaseMs * 2 ** Math.min(entry.failures - 1, 30));
    const backoff = Math.round(ceiling / 2 + this.#random() * (ceiling / 2));
    this.schedule(refundKey, Math.max(this.#clock.now() + backoff, retryAt ?? 0));
  }
}
