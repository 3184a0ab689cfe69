/** Time source injected into everything that schedules or stamps, so tests can move time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Real time plus an adjustable offset: lets a running emulator jump ahead (training mode, tests). */
export class OffsetClock implements Clock {
  #offsetMs = 0;
  private readonly base: Clock;
  constructor(base: Clock = systemClock) {
    this.base = base;
  }
  now(): number {
    return this.base.now() + this.#offsetMs;
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('clock can only move forward by a finite amount');
    this.#offsetMs += ms;
  }
}

/** A clock that only moves when told to; for deterministic tests. */
export class ManualClock implements Clock {
  #now: number;
  constructor(startMs = Date.UTC(2026, 10, 24, 3, 0, 0)) {
    this.#now = startMs;
  }
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}
