/**
 * Reconciliation of a 7,000-order day against the emulator, on a fake clock: the run asks about
 * every order over real loopback HTTP, but waits on a clock that only moves when the pacer
 * sleeps, so the whole day takes seconds while the request times are exactly those the real
 * rate would give. Prints the rate achieved against the limit, the most requests seen in any
 * one-second window, and the wall time the real rate implies. A few 429s are injected: they must
 * cost time (Retry-After), never an answer.
 */
import { join } from 'node:path';
import { CheckoutEngine } from '../main/checkout/engine.ts';
import { ManualClock } from '../main/clock.ts';
import { startEmulator } from '../main/emulator/index.ts';
import { businessDateOf, WIB_OFFSET_MINUTES } from '../main/journal/business-date.ts';
import { Journal } from '../main/journal/journal.ts';
import { MidtransClient } from '../main/midtrans/client.ts';
import { QrStore } from '../main/qr/qr-store.ts';
import { doorsOf, Reconciler } from '../main/reconcile/index.ts';
import { RefundDesk } from '../main/refunds/index.ts';
import { SalesBook } from '../main/sales/sales-book.ts';
import { pool, removeDir, tempDir } from './harness.ts';
import { num, type Report } from './stats.ts';

const ORDERS = 7000;
const RATE = 2;
const RATE_LIMITS = 3;
const RETRY_AFTER_S = 5;

export async function benchReconcile(report: Report): Promise<void> {
  console.log(`\n== reconcile: a ${ORDERS}-order day at ≤ ${RATE} requests/s (fake clock, real HTTP)`);
  const emu = await startEmulator();
  const dir = tempDir('reconcile');
  const client = new MidtransClient({ serverKey: emu.serverKey, baseUrl: emu.url });
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  const now = Date.now();
  const date = businessDateOf(now, WIB_OFFSET_MINUTES);
  try {
    const seeded = performance.now();
    await pool(
      Array.from({ length: ORDERS }, (_, i) => i),
      16,
      async (i) => {
        const orderId = `B${date.replaceAll('-', '')}-${String(i).padStart(6, '0')}`;
        const amount = 10_000 + (i % 50) * 500;
        journal.createOrder({
          orderId,
          environment: 'bench',
          paymentType: 'qris',
          grossAmount: amount,
          items: [{ id: 'x', name: 'Kopi', price: amount, quantity: 1 }],
          createdAt: now,
          deadlineAt: now + 900_000,
          businessDate: date,
        });
        const key = `bench-${orderId}`;
        const charged = await client.charge(
          { paymentType: 'qris', orderId, grossAmount: amount },
          { idempotencyKey: key },
        );
        journal.update(
          orderId,
          'created',
          {
            state: 'pending',
            attempt: 1,
            attemptKey: key,
            attemptSentAt: now,
            transactionId: charged.transactionId,
          },
          { kind: 'transition', at: now },
        );
        // Every 100th order is paid at the gateway while the kiosk "was off": a finding each.
        if (i % 100 === 0) emu.control.pay(orderId, { via: 'qris' });
      },
    );
    report.info(`seeded ${ORDERS} charged orders in ${num((performance.now() - seeded) / 1000)} s`);

    const clock = new ManualClock(now);
    const qrStore = new QrStore({ dir: join(dir, 'qr') });
    const engine = new CheckoutEngine({ journal, gateway: client, qrStore }, { environment: 'bench' });
    const desk = new RefundDesk(
      { journal, book: new SalesBook(journal.database), gateway: client },
      { environment: 'bench' },
    );
    const times: number[] = [];
    const reconciler = new Reconciler(
      {
        journal,
        gateway: {
          status: (id) => {
            times.push(clock.now());
            return client.status(id);
          },
        },
        doors: doorsOf(engine, desk),
        clock,
        sleep: (ms) => {
          clock.advance(ms);
          return Promise.resolve();
        },
      },
      { environment: 'bench', rate: RATE },
    );
    emu.control.injectFault({
      target: 'status',
      times: RATE_LIMITS,
      fault: { kind: 'rate-limit', retryAfterSeconds: RETRY_AFTER_S },
    });
    const wall = performance.now();
    reconciler.start(date);
    const halt = await reconciler.settled();
    const wallS = (performance.now() - wall) / 1000;
    const { run, findings } = reconciler.findings(date);
    await engine.stop();
    await desk.stop();

    let most = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while ((times[end] ?? 0) - (times[start] ?? 0) >= 1000) start++;
      most = Math.max(most, end - start + 1);
    }
    const spanS = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    const achieved = (times.length - 1) / spanS;
    report.info(
      `${times.length} status requests (${ORDERS} orders + ${RATE_LIMITS} answered 429, Retry-After ${RETRY_AFTER_S} s); ` +
        `run ${run?.state}${halt ? ` (halted: ${halt.reason})` : ''}, ${run?.checked} checked, ${findings.length} findings`,
    );
    report.add({
      group: 'reconcile',
      metric: 'most requests in any 1-s window',
      n: times.length,
      p50: num(achieved, '/s achieved'),
      p95: String(most),
      goal: `≤ ${RATE} (limit ${RATE}/s)`,
      ratio: most / RATE,
      met: most <= RATE && run?.checked === ORDERS,
    });
    report.info(
      `rate achieved ${num(achieved)}/s vs limit ${RATE}/s (429 waits included); ` +
        `the real rate implies ${num(spanS / 60)} min of wall time for the day (${ORDERS}/${RATE} s = ${num(ORDERS / RATE / 60)} min); ` +
        `on the fake clock it took ${num(wallS)} s`,
    );
  } finally {
    client.close();
    await emu.close();
    journal.close();
    removeDir(dir);
  }
}
