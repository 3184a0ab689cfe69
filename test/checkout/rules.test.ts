import { describe, expect, it, vi } from 'vitest';
import { ORDER_STATES, FINAL_ORDER_STATES, type OrderState } from '../../common/order.ts';
import { systemClock } from '../../main/clock.ts';
import { canMove, verdictOf } from '../../main/checkout/order-machine.ts';
import { newOrderId } from '../../main/checkout/order-id.ts';
import { DEFAULT_POLL_POLICY, errorBackoff, pollInterval } from '../../main/checkout/poll-policy.ts';
import { Scheduler } from '../../main/checkout/scheduler.ts';
import type { StatusResult } from '../../main/midtrans/responses.ts';
import { ORDER_ID_PATTERN } from '../../common/midtrans-limits.ts';

describe('order state machine', () => {
  it('final states are final', () => {
    for (const from of FINAL_ORDER_STATES) {
      for (const to of ORDER_STATES) expect(canMove(from, to)).toBe(false);
    }
  });

  it('a sale cannot skip charging or go back', () => {
    expect(canMove('created', 'pending')).toBe(false);
    expect(canMove('created', 'settlement')).toBe(false);
    expect(canMove('pending', 'charging')).toBe(false);
    expect(canMove('pending', 'created')).toBe(false);
    const forward: [OrderState, OrderState][] = [
      ['created', 'charging'],
      ['charging', 'charging'],
      ['charging', 'pending'],
      ['charging', 'settlement'],
      ['pending', 'settlement'],
      ['pending', 'cancel'],
    ];
    for (const [from, to] of forward) expect(canMove(from, to)).toBe(true);
  });

  const status = (transactionStatus: StatusResult['transactionStatus'], paid = false) =>
    ({ transactionStatus, paid, fraudStatus: 'accept' }) as StatusResult;

  it('only a paid settlement releases goods', () => {
    expect(verdictOf(status('settlement', true)).state).toBe('settlement');
    expect(verdictOf(status('settlement', false)).state).toBeUndefined();
    expect(verdictOf(status('pending')).state).toBeUndefined();
  });

  it('refunds and chargebacks seen before the payment end the sale as failed, not paid', () => {
    for (const s of ['refund', 'partial_refund', 'chargeback', 'partial_chargeback'] as const) {
      expect(verdictOf(status(s)).state).toBe('failed');
    }
    expect(verdictOf(status('failure')).endReason).toBe('gateway-failure');
  });
});

describe('poll policy', () => {
  it('about once a second while the customer is at the counter, slower later', () => {
    expect(pollInterval(DEFAULT_POLL_POLICY, 0)).toBe(1000);
    expect(pollInterval(DEFAULT_POLL_POLICY, 2 * 60_000)).toBe(1000);
    expect(pollInterval(DEFAULT_POLL_POLICY, 5 * 60_000)).toBe(3000);
    expect(pollInterval(DEFAULT_POLL_POLICY, 20 * 60_000)).toBe(10_000);
  });

  it('error backoff grows exponentially, is capped, and jitters within [half, full]', () => {
    const low = (n: number) => errorBackoff(DEFAULT_POLL_POLICY, n, () => 0);
    const high = (n: number) => errorBackoff(DEFAULT_POLL_POLICY, n, () => 1);
    expect([1, 2, 3, 4].map(high)).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map(low)).toEqual([500, 1000, 2000, 4000]);
    expect(high(50)).toBe(DEFAULT_POLL_POLICY.errorCapMs);
    expect(low(50)).toBe(DEFAULT_POLL_POLICY.errorCapMs / 2);
  });
});

describe('order ids', () => {
  it('are readable, shop-local, within Midtrans rules and distinct', () => {
    const at = Date.UTC(2026, 10, 24, 17, 30, 5); // 00:30:05 on the 25th in WIB
    const ids = new Set(Array.from({ length: 500 }, () => newOrderId('K', at, 420)));
    expect(ids.size).toBe(500);
    for (const id of ids) {
      expect(id).toMatch(/^K20261125-003005-[0-9A-Z]{6}$/);
      expect(id).toMatch(ORDER_ID_PATTERN);
    }
    expect(() => newOrderId('bad prefix!', at, 420)).toThrow(RangeError);
  });
});

describe('scheduler', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('never runs more than its concurrency, nor one key twice at once', async () => {
    let running = 0;
    let peak = 0;
    const perKey = new Map<string, number>();
    const runs: string[] = [];
    const scheduler = new Scheduler({
      clock: systemClock,
      concurrency: 3,
      onError: () => null,
      task: async (key) => {
        running++;
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
        peak = Math.max(peak, running);
        expect(perKey.get(key)).toBe(1);
        await wait(20);
        perKey.set(key, perKey.get(key)! - 1);
        running--;
        runs.push(key);
        return runs.filter((k) => k === key).length < 3 ? Date.now() : null;
      },
    });
    for (let i = 0; i < 10; i++) scheduler.schedule(`k${i}`, Date.now());
    while (runs.length < 30) await wait(10);
    await scheduler.stop();
    expect(peak).toBe(3);
    expect(runs).toHaveLength(30);
  });

  it('a pause holds every task until it ends', async () => {
    const ran: number[] = [];
    const scheduler = new Scheduler({
      clock: systemClock,
      concurrency: 2,
      onError: () => null,
      task: async () => {
        ran.push(Date.now());
        return null;
      },
    });
    const start = Date.now();
    scheduler.pauseUntil(start + 300);
    scheduler.schedule('a', start);
    scheduler.schedule('b', start);
    await vi.waitFor(() => expect(ran).toHaveLength(2), { timeout: 5000, interval: 10 });
    await scheduler.stop();
    expect(ran).toHaveLength(2);
    for (const t of ran) expect(t - start).toBeGreaterThanOrEqual(290);
  });

  it('a task that throws is rescheduled by onError; stop() ends everything', async () => {
    let calls = 0;
    const scheduler = new Scheduler({
      clock: systemClock,
      concurrency: 1,
      onError: () => Date.now() + 10,
      task: async () => {
        calls++;
        throw new Error('boom');
      },
    });
    scheduler.schedule('x', Date.now());
    await vi.waitFor(() => expect(calls).toBeGreaterThan(2), { timeout: 5000, interval: 5 });
    await scheduler.stop();
    const after = calls;
    await wait(50);
    expect(calls).toBe(after);
    expect(scheduler.size).toBe(0);
  });
});
