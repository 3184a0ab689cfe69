/**
 * A kiosk process that is killed while a receipt is on the wire (test/printing/crash.test.ts):
 * it journals a receipt job, sends it to a printer of its own that takes every byte and never
 * says it is done, and reports once the printer has the bytes. The parent then SIGKILLs it, so
 * the job is left 'sending' in the journal, exactly as a power cut mid-print would leave it.
 *
 * argv[2]: JSON { file, width, drawer, queuedToo }.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Journal } from '../../main/journal/journal.ts';
import { PrintQueue } from '../../main/printing/queue.ts';
import { SqliteJobStore } from '../../main/printing/sqlite-job-store.ts';
import { TcpPrinter } from '../../main/printing/tcp.ts';
import { saleDocument } from '../receipts/fixtures.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as { file: string; queuedToo: boolean };
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

let received = 0;
// Takes every byte, never answers, never closes: the job stays 'sending' until the kill.
const stuck = createServer({ allowHalfOpen: true }, (socket) => {
  socket.on('data', (chunk: Buffer) => {
    received += chunk.length;
    say({ t: 'bytes', received });
  });
  socket.on('error', () => undefined);
});
await new Promise<void>((resolve) => stuck.listen(0, '127.0.0.1', resolve));
const { port } = stuck.address() as AddressInfo;

const journal = Journal.open(spec.file);
const queue = new PrintQueue({
  store: new SqliteJobStore(journal.database),
  printers: (id) =>
    id === 'till'
      ? {
          kind: 'raw',
          width: 58,
          transport: new TcpPrinter({
            host: '127.0.0.1',
            port,
            checkStatus: 'never',
            closeTimeoutMs: 600_000,
          }),
        }
      : undefined,
  onChange: (job) => say({ t: 'job', id: job.id, state: job.state }),
});
const job = queue.enqueue({
  printerId: 'till',
  payload: { type: 'receipt', document: saleDocument() },
  orderId: 'KIOSK-20261124-0001',
  saleId: 'S-42',
  drawer: true,
});
// A second receipt for another printer that is not set up here: it waits, never sent.
if (spec.queuedToo) {
  queue.enqueue({
    printerId: 'kitchen',
    payload: { type: 'receipt', document: saleDocument({ orderId: 'KIOSK-20261124-0002' }) },
    orderId: 'KIOSK-20261124-0002',
  });
}
say({ t: 'enqueued', id: job.id });
