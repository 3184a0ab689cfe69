/**
 * A small seeded PRNG (mulberry32): every choice a crash run makes comes from its seed, so a
 * failing run can be replayed with CRASH_SEED. Timing on a real machine still varies, which is
 * the point: the seed fixes the plan, the scheduler supplies the races.
 */
export interface Rng {
  next(): number;
  /** Whole number in [lo, hi]. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A fresh 32-bit seed for a child or a sub-plan. */
  seed(): number;
}

export function rng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    seed: () => Math.floor(next() * 2 ** 32) >>> 0,
  };
}
