/**
 * kill -9 while a receipt is being sent: the journal still says 'sending'. The next start marks
 * the job maybe-printed and prints it once more, as "SALINAN / COPY" and without the drawer; a
 * job that was only queued prints as the original. Nothing is printed twice without COPY.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { Journal } from '../../main/journal/journal.ts';
import { PrintQueue } from '../../main/printing/queue.ts';
import { SqliteJobStore } from '../../main/printing/sqlite-job-store.ts';
import { TcpPrinter } from '../../main/printing/tcp.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { closeLater, tempDir } from '../journal/helpers.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Runs the child until it says the printer holds its bytes, then kills it with SIGKILL. */
async function killMidPrint(file: string, queuedToo: boolean): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', CHILD, JSON.stringify({ file, queuedToo })],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_c, s) => resolve(s)));
  const jobId = await new Promise<string>((resolve, reject) => {
    let id: string | undefined;
    let sending = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      for (const line of out.split('\n').filter((l) => l.startsWith('{'))) {
        const message = JSON.parse(line) as { t: string; id?: string; state?: string };
        if (message.t === 'enqueued') id = message.id;
        if (message.t === 'job' && message.state === 'sending' && message.id === id) sending = true;
        if (message.t === 'bytes' && sending && id !== undefined) {
          child.kill('SIGKILL');
          resolve(id);
        }
      }
    });
    child.once('close', () => reject(new Error(`the child ended before printing:\n${out}\n${err}`)));
  });
  expect(await closed).toBe('SIGKILL');
  return jobId;
}

let fake: FakePrinter | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('a kiosk killed while a receipt is on the wire', () => {
  it('finds the job sending, prints it once more as COPY without the drawer, and the waiting one as original', async () => {
    const file = path.join(tempDir(), 'journal.sqlite');
    const jobId = await killMidPrint(file, true);

    const journal = Journal.open(file);
    closeLater(() => journal.close());
    const store = new SqliteJobStore(journal.database);
    expect(store.get(jobId)).toMatchObject({ state: 'sending', attempts: 1, maybePrinted: false });
    const waiting = store.inState('queued');
    expect(waiting).toHaveLength(1);

    const printer = await FakePrinter.start();
    fake = printer;
    const tcp = new TcpPrinter({ host: printer.host, port: printer.port });
    const queue = new PrintQueue({
      store,
      printers: () => ({ kind: 'raw', transport: tcp, width: 58 }),
    });
    try {
      const recovered = queue.recover();
      expect(recovered.map((j) => [j.id, j.state, j.maybePrinted, j.drawer])).toEqual([
        [jobId, 'queued', true, false],
      ]);
      const done = await queue.settled(jobId);
      const other = await queue.settled(waiting[0]?.id ?? '');
      expect(done).toMatchObject({ state: 'printed', attempts: 2, maybePrinted: true });
      // It failed before any byte (no such printer in the child): an original, not a copy.
      expect(other).toMatchObject({ state: 'printed', maybePrinted: false });
    } finally {
      await queue.stop();
    }

    const papers = (await printer.waitForPrintJobs(2)).map((j) => decodeEscPos(j.bytes));
    const byOrder = (orderId: string) => papers.filter((p) => p.lines.includes(`No. pesanan: ${orderId}`));
    const again = byOrder('KIOSK-20261124-0001');
    expect(again).toHaveLength(1);
    expect(again[0]?.lines.filter((l) => l.includes(COPY_MARK))).toHaveLength(2);
    expect(again[0]?.events.some((e) => e.type === 'drawer')).toBe(false);
    const original = byOrder('KIOSK-20261124-0002');
    expect(original).toHaveLength(1);
    expect(original[0]?.lines.join('\n')).not.toContain(COPY_MARK);

    // A second start has nothing left to recover: the receipt is not printed a third time.
    const later = new PrintQueue({ store, printers: () => ({ kind: 'raw', transport: tcp, width: 58 }) });
    expect(later.recover()).toEqual([]);
    await later.stop();
    expect(printer.printJobs).toHaveLength(2);
  });
});
