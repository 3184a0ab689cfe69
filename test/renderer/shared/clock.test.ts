import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../renderer/shared/backoff.ts';
import { clockOffset, formatCountdown, remainingMs } from '../../../renderer/shared/clock.ts';

describe('server-clock correction', () => {
  it('measures the countdown on the main process clock, not the screen clock', () => {
    // The screen's clock is 90 s behind the main process.
    const localNow = 1_000_000;
    const offset = clockOffset(localNow + 90_000, localNow);
    expect(offset).toBe(90_000);
    const deadline = localNow + 90_000 + 60_000; // one minute from now, main clock
    expect(remainingMs(deadline, offset, localNow)).toBe(60_000);
    expect(remainingMs(deadline, offset, localNow + 15_000)).toBe(45_000);
  });

  it('works the same when the screen clock is ahead', () => {
    const offset = clockOffset(5_000, 65_000);
    expect(offset).toBe(-60_000);
    expect(remainingMs(35_000, offset, 65_000)).toBe(30_000);
  });

  it('never goes below zero', () => {
    expect(remainingMs(1_000, 0, 5_000)).toBe(0);
  });
});

describe('formatCountdown', () => {
  it('shows mm:ss', () => {
    expect(formatCountdown(15 * 60_000)).toBe('15:00');
    expect(formatCountdown(9 * 60_000 + 5_000)).toBe('09:05');
    expect(formatCountdown(0)).toBe('00:00');
  });

  it('rounds up, so 00:00 appears only when the time is really up', () => {
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(59_000)).toBe('00:59');
  });

  it('keeps counting minutes past an hour, and shows 00:00 for negative values', () => {
    expect(formatCountdown(75 * 60_000)).toBe('75:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
  });
});

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1_000 };

  it('doubles from the initial delay up to the ceiling, half of it random', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(300);
    expect(backoffDelay(10, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(10, policy, () => 0)).toBe(500);
  });
});
