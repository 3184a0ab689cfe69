/**
 * How often to ask the gateway about a pending order. Midtrans advises against hammering Get
 * Status, but a customer standing at the counter expects "paid" within a second: so about one
 * request per second while the QR is fresh, slower as the wait drags on (the customer has
 * probably walked away or is fetching a phone), and a fast-growing, jittered backoff on errors
 * so that a fleet of tills does not retry in lock-step after an outage.
 */
export interface PollPolicy {
  /** Age (since QR ready) up to which `fastMs` applies. */
  fastForMs: number;
  fastMs: number;
  /** Age up to which `mediumMs` applies; after that `slowMs`. */
  mediumForMs: number;
  mediumMs: number;
  slowMs: number;
  /** A payment held for review: the gateway's decision takes minutes to hours, not seconds. */
  reviewMs: number;
  errorBaseMs: number;
  errorCapMs: number;
}

export const DEFAULT_POLL_POLICY: Readonly<PollPolicy> = {
  fastForMs: 3 * 60_000,
  fastMs: 1000,
  mediumForMs: 10 * 60_000,
  mediumMs: 3000,
  slowMs: 10_000,
  reviewMs: 30_000,
  errorBaseMs: 1000,
  errorCapMs: 30_000,
};

/** Interval between status requests for an order whose QR has been up for `ageMs`. */
export function pollInterval(policy: PollPolicy, ageMs: number): number {
  if (ageMs < policy.fastForMs) return policy.fastMs;
  if (ageMs < policy.mediumForMs) return policy.mediumMs;
  return policy.slowMs;
}

/**
 * Delay before retrying after `failures` consecutive errors (1 = first error): exponential,
 * capped, with "equal jitter" (half fixed, half random) so retries stay spread out but never
 * collapse to zero.
 */
export function errorBackoff(policy: PollPolicy, failures: number, random: () => number): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(policy.errorCapMs, policy.errorBaseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
