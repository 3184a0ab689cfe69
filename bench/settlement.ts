/**
 * Figure 2: settlement → event. The customer pays (control.pay at the emulator) at a random
 * moment while the QR is up; the engine only learns of it from its next status poll, so the
 * delay is bounded by the poll interval plus one round trip. The emulator's request log shows
 * how hard the engine asks (status requests per second per pending order) and that it stops
 * asking once the order has ended.
 */
import { startEmulator } from '../main/emulator/index.ts';
import { DEFAULT_POLL_POLICY } from '../main/checkout/poll-policy.ts';
import { finalEvent, openKiosk, pool, sleep } from './harness.ts';
import { max, mean, ms, num, percentile, summarize } from './stats.ts';
import type { Report } from './stats.ts';

const LATENCY_MS = 20;
const ORDERS = 40;
const CONCURRENT = 10;
/** Pay within this long after QR ready: several poll intervals, so the pay lands anywhere in one. */
const PAY_WITHIN_MS = 3500;
const GOAL_P95_MS = 1000;
const GOAL_RATE = 1.0;
/** Long enough for two more polls at the fast rate, had the engine kept polling. */
const QUIET_AFTER_MS = 2500;
const ISSUERS = ['gopay', 'ovo', 'dana', 'shopeepay', 'bca'];

interface Paid {
  orderId: string;
  transactionId: string;
  readyAt: number;
  finalAt: number;
  payToEventMs: number;
  state: string;
}

export async function benchSettlement(report: Report): Promise<void> {
  console.log(
    `\n== 2. settlement → event (emulator latency ${LATENCY_MS} ms, ${ORDERS} orders, ${CONCURRENT} at a time, ` +
      `default poll policy: every ${DEFAULT_POLL_POLICY.fastMs} ms while fresh)`,
  );
  const emu = await startEmulator({ latencyMs: LATENCY_MS });
  const kiosk = openKiosk(emu, 'settle');
  const paid: Paid[] = [];
  try {
    await pool(
      Array.from({ length: ORDERS }, (_, i) => i),
      CONCURRENT,
      async (i) => {
        const view = await kiosk.engine.startSale({
          paymentType: i % 2 === 0 ? 'qris' : 'gopay',
          amount: 25_000 + i * 500,
        });
        const readyAt = Date.now();
        if (view.state !== 'pending' || view.transactionId === undefined) {
          throw new Error(`sale ${view.orderId} ended ${view.state} before it could be paid`);
        }
        await sleep(Math.random() * PAY_WITHIN_MS);
        const ended = finalEvent(kiosk.engine, view.orderId, 10_000);
        const payStarted = performance.now();
        emu.control.pay(view.orderId, { issuer: ISSUERS[i % ISSUERS.length] ?? 'gopay' });
        const final = await ended;
        paid.push({
          orderId: view.orderId,
          transactionId: view.transactionId,
          readyAt,
          finalAt: final.at,
          payToEventMs: final.perfAt - payStarted,
          state: final.order.state,
        });
      },
    );
    await sleep(QUIET_AFTER_MS);
    const log = emu.control.requests();

    const rates: number[] = [];
    let statusTotal = 0;
    let pendingSeconds = 0;
    let statusAfterFinal = 0;
    let otherAfterFinal = 0;
    for (const p of paid) {
      const mine = log.filter(
        (r) => r.path.includes(`/${p.transactionId}/`) || r.path.includes(`/${p.orderId}/`),
      );
      const statusWhilePending = mine.filter(
        (r) => r.target === 'status' && r.timeMs >= p.readyAt && r.timeMs <= p.finalAt,
      ).length;
      const lifetimeS = Math.max(1, p.finalAt - p.readyAt) / 1000;
      rates.push(statusWhilePending / lifetimeS);
      statusTotal += statusWhilePending;
      pendingSeconds += lifetimeS;
      // Strictly after: the event's own poll arrived before the answer that ended the order.
      statusAfterFinal += mine.filter((r) => r.target === 'status' && r.timeMs > p.finalAt).length;
      otherAfterFinal += mine.filter((r) => r.target !== 'status' && r.timeMs > p.finalAt).length;
    }

    const delays = summarize(paid.map((p) => p.payToEventMs));
    const notSettled = paid.filter((p) => p.state !== 'settlement').length;
    report.info(
      `pay() → settlement event: mean ${ms(mean(paid.map((p) => p.payToEventMs)))}, max ${ms(delays.max)}` +
        ` (a fixed ${DEFAULT_POLL_POLICY.fastMs} ms poll bounds it at ≈ ${DEFAULT_POLL_POLICY.fastMs} ms + one round trip)`,
    );
    report.info(
      `status requests while pending: ${statusTotal} over ${num(pendingSeconds)} order-seconds ` +
        `= ${num(statusTotal / pendingSeconds)}/s overall; per order p50 ${num(summarize(rates).p50)}/s, max ${num(max(rates))}/s`,
    );
    report.info(
      `with a fixed ${DEFAULT_POLL_POLICY.fastMs} ms poll the p95 is ≈ ${0.95 * DEFAULT_POLL_POLICY.fastMs} ms + one status ` +
        `round trip, so the goal holds only while a round trip stays under ≈ ${GOAL_P95_MS - 0.95 * DEFAULT_POLL_POLICY.fastMs} ms`,
    );
    if (notSettled > 0) report.info(`${notSettled} order(s) ended in another state than settlement`);
    report.info(
      `other requests (cancel/expire/QR) after final: ${otherAfterFinal} (waited ${QUIET_AFTER_MS} ms after the last)`,
    );
    report.add({
      group: '2 settlement',
      metric: 'pay → event',
      n: delays.n,
      p50: ms(delays.p50),
      p95: ms(delays.p95),
      goal: `p95 ≤ ${GOAL_P95_MS} ms`,
      ratio: delays.p95 / GOAL_P95_MS,
      met: delays.p95 <= GOAL_P95_MS,
    });
    const rateP95 = percentile(rates, 95);
    report.add({
      group: '2 settlement',
      metric: 'status req/s per pending order',
      n: rates.length,
      p50: `${num(summarize(rates).p50)}/s`,
      p95: `${num(rateP95)}/s`,
      goal: `≤ ${GOAL_RATE}/s (p95)`,
      ratio: rateP95 / GOAL_RATE,
      met: rateP95 <= GOAL_RATE,
    });
    report.add({
      group: '2 settlement',
      metric: 'status req after final',
      n: paid.length,
      p50: `${statusAfterFinal} total`,
      p95: '—',
      goal: '0',
      ratio: Number.NaN,
      met: statusAfterFinal === 0,
    });
  } finally {
    await kiosk.close();
    await emu.close();
  }
}
