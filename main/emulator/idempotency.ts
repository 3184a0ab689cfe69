import type { Clock } from '../clock.ts';
import { IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENCY_TTL_MS } from '../../common/midtrans-limits.ts';
import type { WireResponse } from './wire.ts';

/**
 * Idempotency-Key handling (reference §1.3, §7.3): one namespace for every POST endpoint, the
 * first successful answer kept for 5 minutes of emulator time and replayed whatever the new
 * request's body says, failures never kept (so a retry after a failure is processed afresh).
 */

export type IdempotencyStart =
  | { kind: 'replay'; response: WireResponse }
  | { kind: 'in-flight' }
  | { kind: 'fresh' }
  /** No usable key: absent, or longer than Midtrans accepts (such keys are ignored, not refused). */
  | { kind: 'none' };

export function usableIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined || header === '' || header.length > IDEMPOTENCY_KEY_MAX_LENGTH) return null;
  return header;
}

export class IdempotencyCache {
  readonly #clock: Clock;
  readonly #stored = new Map<string, { response: WireResponse; storedAtMs: number }>();
  readonly #inFlight = new Set<string>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Claims the key for a request; pair every 'fresh' with finish() or release(). */
  begin(key: string | null): IdempotencyStart {
    if (key === null) return { kind: 'none' };
    this.#prune();
    const stored = this.#stored.get(key);
    if (stored) return { kind: 'replay', response: stored.response };
    if (this.#inFlight.has(key)) return { kind: 'in-flight' };
    this.#inFlight.add(key);
    return { kind: 'fresh' };
  }

  finish(key: string, response: WireResponse, successful: boolean): void {
    this.#inFlight.delete(key);
    if (successful) this.#stored.set(key, { response, storedAtMs: this.#clock.now() });
  }

  release(key: string): void {
    this.#inFlight.delete(key);
  }

  #prune(): void {
    const now = this.#clock.now();
    for (const [key, entry] of this.#stored) {
      if (now - entry.storedAtMs >= IDEMPOTENCY_TTL_MS) this.#stored.delete(key);
    }
  }
}
