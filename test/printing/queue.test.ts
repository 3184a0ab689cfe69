import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COPY_MARK } from '../../main/receipts/index.ts';
import type { ReceiptSource } from '../../main/receipts/index.ts';
import { PrinterError } from '../../main/printing/errors.ts';
import type { QueuePrinter } from '../../main/printing/job-output.ts';
import { MemoryJobStore } from '../../main/printing/job-store.ts';
import type { PrintJobRecord } from '../../main/printing/job-store.ts';
import type { PagePrintJob } from '../../main/printing/os-printer.ts';
import { jobView, PrintQueue } from '../../main/printing/queue.ts';
import type { PrintQueueOptions } from '../../main/printing/queue.ts';
import { TcpPrinter } from '../../main/printing/tcp.ts';
import type { PrinterTransport } from '../../main/printing/transport.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { saleDocument } from '../receipts/fixtures.ts';

const FAST = { firstMs: 10, factor: 2, maxMs: 50 };
const receipt = (orderId = 'KIOSK-20261124-0001'): ReceiptSource => ({
  type: 'receipt',
  document: saleDocument({ orderId }),
});
const copyMarks = (lines: readonly string[]) => lines.filter((l) => l.includes(COPY_MARK)).length;

let fake: FakePrinter;
let queues: PrintQueue[] = [];

beforeEach(async () => {
  fake = await FakePrinter.start();
});
afterEach(async () => {
  await Promise.all(queues.map((q) => q.stop()));
  queues = [];
  await fake.close();
});

/** A queue whose changes can be awaited, printing to the fake printer as 'till'. */
function rig(options: Partial<PrintQueueOptions> & { printers?: PrintQueueOptions['printers'] } = {}) {
  const store = (options.store as MemoryJobStore | undefined) ?? new MemoryJobStore();
  const changes: PrintJobRecord[] = [];
  let waiters: (() => void)[] = [];
  const tcp = new TcpPrinter({ host: fake.host, port: fake.port, connectTimeoutMs: 2000 });
  const till: QueuePrinter = { kind: 'raw', transport: tcp, width: 58 };
  const queue = new PrintQueue({
    backoff: FAST,
    printers: (id) => (id === 'till' ? till : undefined),
    ...options,
    store,
    onChange: (job) => {
      changes.push(job);
      options.onChange?.(job);
      const w = waiters;
      waiters = [];
      for (const wake of w) wake();
    },
  });
  queues.push(queue);
  /** Resolves with the first change (past or future) that matches. */
  const until = async (
    match: (job: PrintJobRecord) => boolean,
    timeoutMs = 10_000,
  ): Promise<PrintJobRecord> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = changes.find(match);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error('no matching print job change in time');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return { queue, store, changes, until };
}

describe('PrintQueue', () => {
  it('records the job before any byte is sent, and enqueue returns before printing starts', async () => {
    const store = new MemoryJobStore();
    const seenAtSend: (PrintJobRecord | undefined)[] = [];
    let jobId = '';
    const recorder: PrinterTransport = {
      target: 'recorder',
      send: async (bytes) => {
        seenAtSend.push(store.get(jobId));
        return { bytes: bytes.length, status: { kind: 'unknown', reason: 'no-answer' } };
      },
      status: async () => ({ kind: 'unknown', reason: 'no-answer' }),
    };
    const { queue } = rig({ store, printers: () => ({ kind: 'raw', transport: recorder, width: 80 }) });
    const job = queue.enqueue({ printerId: 'x', payload: receipt(), orderId: 'KIOSK-20261124-0001' });
    jobId = job.id;
    expect(store.get(job.id)).toMatchObject({ state: 'queued', attempts: 0, orderId: 'KIOSK-20261124-0001' });
    expect(seenAtSend).toHaveLength(0);
    const done = await queue.settled(job.id);
    expect(done.state).toBe('printed');
    expect(seenAtSend).toEqual([expect.objectContaining({ id: job.id, state: 'sending', attempts: 1 })]);
  });

  it('prints a job whose first attempt may have printed once more, as COPY, exactly once, without the drawer', async () => {
    fake.resetAfterBytes = 200;
    const { queue, until } = rig({
      onChange: (job) => {
        // The printer recovers as soon as the broken attempt is on record.
        if (job.state === 'queued' && job.lastError !== undefined) fake.resetAfterBytes = null;
      },
    });
    const job = queue.enqueue({ printerId: 'till', payload: receipt(), drawer: true });
    const broken = await until((j) => j.lastError !== undefined);
    expect(broken).toMatchObject({ state: 'queued', maybePrinted: true, attempts: 1 });
    expect(broken.lastError?.code).toBe('connection-lost');
    expect(broken.lastError?.message.id).toContain('menutup koneksi di tengah cetak');

    const done = await queue.settled(job.id);
    expect(done).toMatchObject({ state: 'printed', attempts: 2, maybePrinted: true, drawerMissed: false });
    expect(jobView(done).copy).toBe(true);
    await queue.stop();

    const jobs = fake.printJobs;
    expect(jobs).toHaveLength(2);
    expect(jobs[0]?.ended).toBe('reset');
    // The first, broken attempt was the original with the drawer pulse at its head.
    const first = fake.jobs[0]?.bytes ?? Buffer.alloc(0);
    expect(first.subarray(0, 7)).toEqual(Buffer.from([0x1b, 0x40, 0x1b, 0x70, 0, 50, 250]));
    const second = decodeEscPos(jobs[1]?.bytes ?? Buffer.alloc(0));
    expect(copyMarks(second.lines)).toBe(2);
    expect(second.events.some((e) => e.type === 'drawer')).toBe(false);
    expect(second.lines).toContain('No. pesanan: KIOSK-20261124-0001');
  });

  it('retries a printer that was unreachable, and prints the original (no COPY) once it is back', async () => {
    await fake.refuseConnections();
    const { queue, until } = rig();
    const job = queue.enqueue({ printerId: 'till', payload: receipt(), drawer: true });
    const failed = await until((j) => j.lastError?.code === 'unreachable');
    expect(failed).toMatchObject({ state: 'queued', maybePrinted: false, drawerMissed: true });
    expect(failed.lastError?.message.en).toContain('Printer unreachable');
    await fake.acceptConnections();
    const done = await queue.settled(job.id);
    expect(done).toMatchObject({ state: 'printed', maybePrinted: false, copy: false, drawerMissed: true });
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    const [printed] = await fake.waitForPrintJobs(1);
    const paper = decodeEscPos(printed?.bytes ?? Buffer.alloc(0));
    expect(copyMarks(paper.lines)).toBe(0);
    // The drawer does not open minutes later, when nobody is at the till.
    expect(paper.events.some((e) => e.type === 'drawer')).toBe(false);
  });

  it('waits out paper out with the bilingual message, then prints when told to retry', async () => {
    fake.setState({ paperOut: true });
    const { queue, until } = rig({ backoff: { firstMs: 60_000, factor: 2, maxMs: 60_000 } });
    const job = queue.enqueue({ printerId: 'till', payload: receipt() });
    const waiting = await until((j) => j.lastError?.code === 'paper-out');
    expect(jobView(waiting).problem?.message).toEqual({
      id: expect.stringContaining('Kertas printer habis'),
      en: expect.stringContaining('out of paper'),
    });
    expect(fake.printJobs).toHaveLength(0);
    fake.setState({ paperOut: false });
    queue.retryNow('till');
    expect(await queue.settled(job.id)).toMatchObject({ state: 'printed', attempts: 2, maybePrinted: false });
    expect(fake.printJobs).toHaveLength(1);
  });

  it('gives up after the last attempt', async () => {
    await fake.refuseConnections();
    const { queue } = rig({ maxAttempts: 3 });
    const job = queue.enqueue({ printerId: 'till', payload: receipt() });
    const done = await queue.settled(job.id);
    expect(done).toMatchObject({ state: 'failed', attempts: 3 });
    expect(done.lastError?.code).toBe('unreachable');
  });

  it('never blocks: a hung printer holds only its own jobs', async () => {
    const hung: PrinterTransport = {
      target: 'hung',
      send: () => new Promise(() => undefined),
      status: () => new Promise(() => undefined),
    };
    const tcp: QueuePrinter = {
      kind: 'raw',
      transport: new TcpPrinter({ host: fake.host, port: fake.port }),
      width: 80,
    };
    const { queue, store } = rig({
      printers: (id) =>
        id === 'hung' ? { kind: 'raw', transport: hung, width: 58 } : id === 'till' ? tcp : undefined,
    });
    const stuck = queue.enqueue({ printerId: 'hung', payload: receipt('KIOSK-A') });
    const behind = queue.enqueue({ printerId: 'hung', payload: receipt('KIOSK-B') });
    const other = queue.enqueue({ printerId: 'till', payload: receipt('KIOSK-C') });
    const unknown = queue.enqueue({ printerId: 'nowhere', payload: receipt('KIOSK-D') });
    expect(await queue.settled(other.id)).toMatchObject({ state: 'printed' });
    expect(store.get(stuck.id)?.state).toBe('sending');
    expect(store.get(behind.id)?.state).toBe('queued');
    const lost = await new Promise<PrintJobRecord>((resolve) => {
      const check = () => {
        const job = store.get(unknown.id);
        if (job?.lastError !== undefined) resolve(job);
        else setTimeout(check, 20);
      };
      check();
    });
    expect(lost.lastError?.code).toBe('printer-not-configured');
    // stop() would wait for the hung send forever; this queue is simply dropped.
    queues = queues.filter((q) => q !== queue);
  });

  it('sends one printer its jobs one at a time, in order', async () => {
    const { queue } = rig();
    const ids = ['KIOSK-1', 'KIOSK-2', 'KIOSK-3'].map(
      (orderId) => queue.enqueue({ printerId: 'till', payload: receipt(orderId) }).id,
    );
    await Promise.all(ids.map((id) => queue.settled(id)));
    const orders = (await fake.waitForPrintJobs(3)).map((job) =>
      decodeEscPos(job.bytes).lines.find((l) => l.startsWith('No. pesanan')),
    );
    expect(orders).toEqual(['No. pesanan: KIOSK-1', 'No. pesanan: KIOSK-2', 'No. pesanan: KIOSK-3']);
  });

  it('reprints as COPY and never kicks the drawer on a reprint', async () => {
    const { queue } = rig();
    const job = queue.reprint({ printerId: 'till', payload: receipt() });
    expect(job).toMatchObject({ copy: true, drawer: false });
    await queue.settled(job.id);
    const [printed] = await fake.waitForPrintJobs(1);
    const paper = decodeEscPos(printed?.bytes ?? Buffer.alloc(0));
    expect(copyMarks(paper.lines)).toBe(2);
    expect(paper.events.some((e) => e.type === 'drawer')).toBe(false);
  });

  it('after a crash mid-send, prints the job again as COPY once', async () => {
    const store = new MemoryJobStore();
    const crashed = new PrintQueue({ store, printers: () => undefined });
    const job = crashed.enqueue({ printerId: 'till', payload: receipt(), drawer: true });
    // What a crash leaves behind: the attempt claimed, its outcome never recorded.
    store.transition(job.id, ['queued'], { state: 'sending', attempts: 1 });
    await crashed.stop();

    const { queue } = rig({ store });
    const recovered = queue.recover();
    expect(recovered).toEqual([
      expect.objectContaining({ id: job.id, state: 'queued', maybePrinted: true, drawer: false }),
    ]);
    expect(await queue.settled(job.id)).toMatchObject({ state: 'printed', attempts: 2 });
    const [printed] = await fake.waitForPrintJobs(1);
    const paper = decodeEscPos(printed?.bytes ?? Buffer.alloc(0));
    expect(copyMarks(paper.lines)).toBe(2);
    expect(paper.events.some((e) => e.type === 'drawer')).toBe(false);
  });

  it('opens the drawer on its own job, and never retries a failed drawer pulse', async () => {
    const { queue } = rig();
    const open = queue.enqueue({ printerId: 'till', payload: { type: 'drawer' } });
    expect(await queue.settled(open.id)).toMatchObject({ state: 'printed', kind: 'drawer' });
    const [sent] = await fake.waitForPrintJobs(1);
    expect(decodeEscPos(sent?.bytes ?? Buffer.alloc(0)).events).toEqual([
      { type: 'init', offset: 0 },
      { type: 'drawer', offset: 2, pin: 2, onMs: 100, offMs: 500 },
    ]);
    await fake.refuseConnections();
    const late = queue.enqueue({ printerId: 'till', payload: { type: 'drawer' } });
    expect(await queue.settled(late.id)).toMatchObject({ state: 'failed', attempts: 1, drawerMissed: true });
  });

  it('fails a document that cannot be rendered at once, without retrying', async () => {
    const { queue } = rig();
    const bad: ReceiptSource = {
      type: 'receipt',
      document: saleDocument({ totals: { ...saleDocument().totals, total: 12.5 } }),
    };
    const job = queue.enqueue({ printerId: 'till', payload: bad });
    const done = await queue.settled(job.id);
    expect(done).toMatchObject({ state: 'failed', attempts: 1 });
    expect(done.lastError?.code).toBe('render-failed');
    expect(fake.jobs).toHaveLength(0);
  });

  it('sends the print page to an OS printer, sized in microns by the caller, and reports its failure', async () => {
    const pages: PagePrintJob[] = [];
    let fail = false;
    const os: QueuePrinter = {
      kind: 'page',
      width: 80,
      deviceName: 'POS-80',
      printer: {
        target: 'os',
        print: async (job) => {
          if (fail) throw new PrinterError('os-print-failed', { maybePrinted: false });
          pages.push(job);
        },
      },
    };
    const { queue } = rig({ printers: () => os, maxAttempts: 1 });
    const job = queue.enqueue({ printerId: 'os', payload: receipt(), drawer: true });
    expect(await queue.settled(job.id)).toMatchObject({ state: 'printed', drawerMissed: true });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ width: 80, deviceName: 'POS-80' });
    expect(pages[0]?.lengthMm).toBeGreaterThan(60);
    expect(pages[0]?.html).toContain('KIOSK-20261124-0001');
    fail = true;
    const second = queue.enqueue({ printerId: 'os', payload: receipt() });
    expect((await queue.settled(second.id)).lastError?.code).toBe('os-print-failed');
  });
});
