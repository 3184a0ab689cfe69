/**
 * Exact arithmetic for money. Rates such as 11 %, 12.5 % or 11/12 of 12 % are turned into
 * integers and every product is taken in BigInt, so a figure is rounded exactly once, by the mode
 * the shop chose, and never drifts by a binary-fraction error (0.1 + 0.2 is not 0.3 in a double).
 */
import type { RoundingMode } from './types.ts';

/** Percentages are held in millionths of one (11 % = 110 000), i.e. up to four decimals of a percent. */
export const PERCENT_SCALE = 1_000_000n;
export const PERCENT_DECIMALS = 4;
const PERCENT_UNIT = 10 ** PERCENT_DECIMALS;

/** 12.5 → 125000n; undefined when the number has more than four decimals or is not finite. */
export function scaledPercent(percent: number): bigint | undefined {
  if (!Number.isFinite(percent)) return undefined;
  const scaled = Math.round(percent * PERCENT_UNIT);
  // 11.1 * 10 000 is 111000.00000000001 in a double: allow that, refuse a real fifth decimal.
  if (Math.abs(scaled - percent * PERCENT_UNIT) > 1e-6 * Math.max(1, Math.abs(percent))) return undefined;
  return BigInt(scaled);
}

/** n / d rounded by `mode`; n ≥ 0 and d > 0 (money here is always a magnitude). */
export function roundDiv(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (n < 0n || d <= 0n) throw new RangeError(`roundDiv(${n}, ${d}): expects n ≥ 0 and d > 0`);
  switch (mode) {
    case 'down':
      return n / d;
    case 'up':
      return (n + d - 1n) / d;
    case 'half-up':
      return (2n * n + d) / (2n * d);
  }
}

/** amount × percent / 100, rounded once. */
export function percentOf(amount: number, scaled: bigint, mode: RoundingMode): number {
  return Number(roundDiv(BigInt(amount) * scaled, PERCENT_SCALE, mode));
}

/**
 * Splits `amount` over lines in proportion to `weights` so the shares add up to `amount` exactly:
 * every line gets the floor of its exact share, and the rupiah left over go one each to the lines
 * with the largest remainders, the earlier line first on a tie (largest-remainder method). Same
 * input, same split, on every machine.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (amount === 0 || total === 0n) {
    if (amount !== 0) throw new RangeError(`allocate: cannot spread ${amount} over zero weight`);
    return weights.map(() => 0);
  }
  const whole = BigInt(amount);
  const shares = weights.map((w) => (whole * BigInt(w)) / total);
  const remainders = weights.map((w, index) => ({ index, rest: (whole * BigInt(w)) % total }));
  let left = whole - shares.reduce((sum, s) => sum + s, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

/** Rounds to a multiple of `unit` (cash rounding); unit 0 leaves the amount as it is. */
export function roundToUnit(amount: number, unit: number, mode: RoundingMode): number {
  if (unit === 0) return amount;
  return Number(roundDiv(BigInt(amount), BigInt(unit), mode)) * unit;
}
