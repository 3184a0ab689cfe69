/**
 * Figure 4: memory over 10,000 sales end to end (charge, QR on disk, customer pays, poll sees
 * it, settlement journaled). A kiosk runs all day, so the heap must not grow with the number of
 * sales. The emulator runs in a child process: its ledger and request log keep every order by
 * design, and are reported separately.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { EmulatorMemory, EmulatorRequest, FromEmulator, ToEmulator } from './emulator-protocol.ts';
import { finalEvent, openKiosk, pool, sleep, within } from './harness.ts';
import type { Kiosk } from './harness.ts';
import { mb, num } from './stats.ts';
import type { Report } from './stats.ts';

const SALES = 10_000;
const WARM_UP = 300;
const CONCURRENT = 30;
const CHECKPOINT_EVERY = 2_500;
/**
 * One in ten sales is QRIS. Every QR costs ~12-20 ms of CPU to draw as a PNG (QRIS here, GoPay in
 * the emulator), which on two cores is most of this figure's run time.
 */
const QRIS_EVERY = 10;
/**
 * The customer pays as soon as the QR is ready, so the first poll, this long after, usually finds
 * the payment: about one status request per sale, while still going through the poller.
 */
const POLL_MS = 100;
const GOAL_HEAP_MB = 10;
const ISSUERS = ['gopay', 'ovo', 'dana', 'shopeepay', 'bca'];

type Gc = () => void;

class ChildEmulator {
  readonly #child: ChildProcess;
  readonly #waiting = new Map<
    number,
    { resolve: (m?: EmulatorMemory) => void; reject: (e: Error) => void }
  >();
  #nextId = 1;
  url = '';
  serverKey = '';

  private constructor(child: ChildProcess) {
    this.#child = child;
  }

  static async start(): Promise<ChildEmulator> {
    const child = fork(new URL('./emulator-child.ts', import.meta.url), [], {
      execArgv: ['--expose-gc', '--disable-warning=ExperimentalWarning'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const emulator = new ChildEmulator(child);
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) =>
        reject(new Error(`emulator child exited (${String(code)}) before it was ready`)),
      );
      child.on('message', (raw: unknown) => {
        const message = raw as FromEmulator;
        if ('op' in message) {
          emulator.url = message.url;
          emulator.serverKey = message.serverKey;
          resolve();
          return;
        }
        const waiter = emulator.#waiting.get(message.id);
        emulator.#waiting.delete(message.id);
        if (message.ok) waiter?.resolve(message.memory);
        else waiter?.reject(new Error(message.error));
      });
    });
    child.removeAllListeners('exit');
    return emulator;
  }

  #ask(request: EmulatorRequest): Promise<EmulatorMemory | undefined> {
    const id = this.#nextId++;
    const message: ToEmulator = { ...request, id };
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#child.send(message);
    });
  }

  async pay(orderId: string, issuer: string): Promise<void> {
    await this.#ask({ op: 'pay', orderId, issuer });
  }

  async memory(): Promise<EmulatorMemory> {
    const m = await this.#ask({ op: 'memory' });
    if (m === undefined) throw new Error('the emulator child sent no memory figures');
    return m;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    await this.#ask({ op: 'close' }).catch(() => undefined);
    await within(exited, 5000, 'emulator child exit').catch(() => this.#child.kill());
  }
}

interface Snapshot {
  sales: number;
  heapUsed: number;
  rss: number;
  external: number;
}

async function settle(gc: Gc, sales: number): Promise<Snapshot> {
  // Several passes: one pass can leave garbage that only the next finds (weak references, finalizers).
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(20);
  }
  const m = process.memoryUsage();
  return { sales, heapUsed: m.heapUsed, rss: m.rss, external: m.external };
}

async function runSales(
  kiosk: Kiosk,
  emulator: ChildEmulator,
  from: number,
  count: number,
  tally: Map<string, number>,
) {
  await pool(
    Array.from({ length: count }, (_, i) => from + i),
    CONCURRENT,
    async (i) => {
      const paymentType = i % QRIS_EVERY === 0 ? 'qris' : 'gopay';
      const view = await kiosk.engine.startSale({ paymentType, amount: 10_000 + (i % 200) * 500 });
      let state: string = view.state;
      if (view.state === 'pending') {
        const ended = finalEvent(kiosk.engine, view.orderId, 30_000);
        await emulator.pay(view.orderId, ISSUERS[i % ISSUERS.length] ?? 'gopay');
        state = (await ended).order.state;
      }
      tally.set(state, (tally.get(state) ?? 0) + 1);
    },
  );
}

/** Spare QR downloads and last polls run after a sale has ended; wait for them to finish. */
async function quiet(kiosk: Kiosk): Promise<void> {
  for (let i = 0; i < 200 && kiosk.engine.following > 0; i++) await sleep(25);
  await sleep(300);
}

export async function benchMemory(report: Report): Promise<void> {
  console.log(
    `\n== 4. memory over ${SALES.toLocaleString('en')} sales (emulator latency 0 ms, in a child process)`,
  );
  const gc = (globalThis as { gc?: Gc }).gc;
  if (gc === undefined) {
    report.info('skipped: run with node --expose-gc (npm run bench does)');
    return;
  }
  const emulator = await ChildEmulator.start();
  const kiosk = openKiosk(emulator, 'memory', { poll: { fastMs: POLL_MS } });
  const tally = new Map<string, number>();
  try {
    const started = performance.now();
    await runSales(kiosk, emulator, 0, WARM_UP, tally);
    await quiet(kiosk);
    tally.clear();
    const baseline = await settle(gc, 0);
    const emuBefore = await emulator.memory();
    const points: Snapshot[] = [baseline];
    for (let done = 0; done < SALES; done += CHECKPOINT_EVERY) {
      const count = Math.min(CHECKPOINT_EVERY, SALES - done);
      await runSales(kiosk, emulator, WARM_UP + done, count, tally);
      await quiet(kiosk);
      points.push(await settle(gc, done + count));
    }
    const seconds = (performance.now() - started) / 1000;
    const last = points.at(-1) ?? baseline;
    const emuAfter = await emulator.memory();

    const heapGrowth = last.heapUsed - baseline.heapUsed;
    const states = [...tally.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
    report.info(
      `${SALES + WARM_UP} sales in ${num(seconds)} s (${num((SALES + WARM_UP) / seconds)}/s), ${CONCURRENT} at a time, ` +
        `1 in ${QRIS_EVERY} QRIS; poll every ${POLL_MS} ms; outcomes after warm-up: ${states}`,
    );
    report.info(
      `kiosk heapUsed after gc, by sales done: ${points.map((p) => `${p.sales}: ${mb(p.heapUsed)}`).join(' → ')}`,
    );
    report.info(
      `kiosk RSS after gc: ${points.map((p) => `${p.sales}: ${mb(p.rss)}`).join(' → ')}; ` +
        `external (native buffers): ${mb(baseline.external)} → ${mb(last.external)}`,
    );
    report.info(
      `emulator child (excluded): heap ${mb(emuBefore.heapUsed)} → ${mb(emuAfter.heapUsed)}, RSS ${mb(emuBefore.rss)} → ` +
        `${mb(emuAfter.rss)}; its ledger holds ${emuAfter.orders} orders and its log ${emuAfter.loggedRequests} requests`,
    );
    report.add({
      group: '4 memory',
      metric: `heap growth over ${SALES} sales`,
      n: SALES,
      p50: mb(heapGrowth),
      p95: `RSS ${mb(last.rss - baseline.rss)}`,
      goal: `≤ ${GOAL_HEAP_MB} MB`,
      ratio: heapGrowth / (GOAL_HEAP_MB * 1024 * 1024),
      met: heapGrowth <= GOAL_HEAP_MB * 1024 * 1024,
    });
  } finally {
    await kiosk.close();
    await emulator.close();
  }
}
