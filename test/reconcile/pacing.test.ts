/**
 * The rate limit, 429s, resuming after a restart, and a dashboard refund adopted once — all on
 * the reconciler's fake clock, whose request times are exact.
 */
import { describe, expect, it } from 'vitest';
import { startReconcileHarness } from './harness.ts';

/** Most requests in any one-second window [t, t + 1000). */
function maxInWindow(times: readonly number[]): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    const start = times[i] ?? 0;
    most = Math.max(most, times.filter((t) => t >= start && t < start + 1000).length);
  }
  return most;
}

describe('reconciliation pace', () => {
  it('never exceeds the rate (2/s by default, and a given rate)', async () => {
    const h = await startReconcileHarness();
    for (let i = 0; i < 12; i++) await h.pendingSale(1000 + i);
    await h.kioskOff();
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const times = h.asked.map((a) => a.at);
    expect(times).toHaveLength(12);
    expect(maxInWindow(times)).toBe(2);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(500);
    // And at the limit, not below it: 12 requests take 11 intervals.
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBe(5500);

    h.asked.length = 0;
    const fast = h.reconciler({ rate: 5 });
    fast.start(h.today);
    await fast.settled();
    expect(maxInWindow(h.asked.map((a) => a.at))).toBe(5);
  });

  it('honours a 429: waits its Retry-After, asks the same order again, never counts the 429', async () => {
    const h = await startReconcileHarness();
    const a = await h.pendingSale(5000);
    const b = await h.pendingSale(6000);
    await h.kioskOff();
    h.emu.control.injectFault({
      target: 'status',
      times: 1,
      fault: { kind: 'rate-limit', retryAfterSeconds: 7 },
    });
    const r = h.reconciler();
    r.start(h.today);
    expect(await r.settled()).toBeUndefined();
    expect(h.asked.map((x) => x.id)).toEqual([a.transactionId, a.transactionId, b.transactionId]);
    const [t0, t1, t2] = h.asked.map((x) => x.at);
    expect((t1 ?? 0) - (t0 ?? 0)).toBeGreaterThanOrEqual(7000);
    expect((t2 ?? 0) - (t1 ?? 0)).toBeGreaterThanOrEqual(500);
    const { run, findings } = r.findings(h.today);
    expect(run?.checked).toBe(2);
    expect(findings).toEqual([]);
    expect(h.events.some((e) => e.run.backingOffUntil !== undefined)).toBe(true);
  });

  it('backs off exponentially after 429s without Retry-After', async () => {
    const h = await startReconcileHarness();
    await h.pendingSale(5000);
    await h.kioskOff();
    h.emu.control.injectFault({ target: 'status', times: 3, fault: { kind: 'rate-limit' } });
    const r = h.reconciler({ backoffBaseMs: 1000 });
    r.start(h.today);
    await r.settled();
    const t = h.asked.map((x) => x.at);
    expect(t).toHaveLength(4);
    expect([(t[1] ?? 0) - (t[0] ?? 0), (t[2] ?? 0) - (t[1] ?? 0), (t[3] ?? 0) - (t[2] ?? 0)]).toEqual([
      1000, 2000, 4000,
    ]);
    expect(r.findings(h.today).run?.checked).toBe(1);
  });
});

describe('reconciliation resumes', () => {
  it('a restart continues the run: no order asked twice, no finding twice, the refund adopted once', async () => {
    const h = await startReconcileHarness();
    const orders = [];
    for (let i = 0; i < 8; i++) orders.push(await h.paidSale(10_000 + i));
    await h.kioskOff();
    for (const o of orders.slice(0, 6)) h.emu.control.refund(o.orderId, { amount: 1000 });
    const holder: { first?: ReturnType<typeof h.reconciler> } = {};
    const first = h.reconciler({}, (n) => {
      if (n === 4) void holder.first?.stop();
    });
    holder.first = first;
    first.start(h.today);
    expect(await first.settled()).toMatchObject({ reason: 'stopped' });
    const runId = first.findings(h.today).run?.runId;
    expect(first.findings(h.today).run).toMatchObject({
      state: 'running',
      checked: 4,
      paused: { reason: 'stopped' },
      resumed: false,
    });
    // The screens heard of the pause, with its reason.
    expect(h.events.at(-1)?.run).toMatchObject({ runId, paused: { reason: 'stopped' } });

    // A new kiosk on the same journal picks the run up where it stopped.
    const second = h.reconciler();
    expect(second.findings(h.today).run?.paused).toMatchObject({ reason: 'left' });
    const resumed = second.resume();
    expect(resumed?.runId).toBe(runId);
    expect(resumed).toMatchObject({ paused: undefined, resumed: true });
    expect(await second.settled()).toBeUndefined();
    const ids = h.asked.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(8);
    const { run, findings } = second.findings(h.today);
    expect(run).toMatchObject({ runId, state: 'done', checked: 8, findings: 6 });
    expect(findings.map((f) => f.orderId).sort()).toEqual(
      orders
        .slice(0, 6)
        .map((o) => o.orderId)
        .sort(),
    );

    // A second run of the same day: the refunds are known now, nothing is found or adopted again.
    const third = h.reconciler();
    third.start(h.today);
    await third.settled();
    expect(third.findings(h.today).findings).toEqual([]);
    for (const o of orders.slice(0, 6)) {
      expect(h.desk.store.ofOrder(o.orderId).map((x) => [x.origin, x.amount])).toEqual([['gateway', 1000]]);
    }
  });

  it('refuses a bad date, a future date and a second run while one is going, writing nothing', async () => {
    const h = await startReconcileHarness();
    await h.pendingSale(5000);
    await h.kioskOff();
    const r = h.reconciler();
    expect(() => r.start('2026-02-30')).toThrow(expect.objectContaining({ code: 'reconcile-bad-date' }));
    expect(() => r.start('9999-01-01')).toThrow(expect.objectContaining({ code: 'reconcile-bad-date' }));
    r.start(h.today);
    expect(() => r.start(h.today)).toThrow(expect.objectContaining({ code: 'reconcile-busy' }));
    const other = h.reconciler();
    expect(() => other.start('2020-01-01')).toThrow(expect.objectContaining({ code: 'reconcile-busy' }));
    await r.settled();
    expect(h.journal.database.prepare('SELECT count(*) AS n FROM reconcile_runs').get()).toEqual({ n: 1 });
  });
});
