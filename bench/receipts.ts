/**
 * Figure 6: receipts. (a) Rendering a 40-line sale receipt to ESC/POS at 58 and 80 mm (goal
 * p95 ≤ 20 ms). (b) A print job through the queue to the fake network printer on 127.0.0.1:
 * from enqueue (the moment the paid event would hand it over) to the last byte arriving at the
 * printer, including rendering, the DLE EOT status check and the TCP connect (goal p95 ≤ 300 ms).
 * (c) The same from a sale's paid event, through the print service and the journal
 * (receipt-paid.ts).
 */
import type { ReceiptDocument, ReceiptSource } from '../main/receipts/index.ts';
import { toEscPos } from '../main/receipts/index.ts';
import { MemoryJobStore } from '../main/printing/job-store.ts';
import { PrintQueue } from '../main/printing/queue.ts';
import { TcpPrinter } from '../main/printing/tcp.ts';
import { FakePrinter } from '../test/support/fake-printer.ts';
import { within } from './harness.ts';
import { benchPaidToPaper } from './receipt-paid.ts';
import { ms, num, summarize } from './stats.ts';
import type { Report } from './stats.ts';

const LINES = 40;
const RENDERS = 300;
/** The kiosk renders receipts all day: the cold first render is printed on its own, not in the figure. */
const WARM_UP = 100;
const JOBS = 60;
const GOAL_RENDER_P95_MS = 20;
const GOAL_PRINT_P95_MS = 300;

function fortyLineReceipt(): ReceiptDocument {
  const lines = Array.from({ length: LINES }, (_, i) => ({
    name:
      i % 7 === 0
        ? `Nasi goreng spesial pedas level ${i} dengan telur mata sapi dan kerupuk`
        : `Item nomor ${i + 1}`,
    quantity: 1 + (i % 3),
    unitPrice: 5_000 + i * 500,
    amount: (1 + (i % 3)) * (5_000 + i * 500),
    ...(i % 5 === 0 ? { discount: 1_000 } : {}),
  }));
  const subtotal = lines.reduce((sum, l) => sum + l.amount - (l.discount ?? 0), 0);
  const tax = Math.round(subtotal * 0.1);
  return {
    kind: 'sale',
    shop: {
      name: 'Warung Kopi Nusantara',
      address: 'Jl. Sudirman No. 12, Jakarta Pusat',
      npwp: '01.234.567.8-901.000',
    },
    orderId: 'KIOSK-20261124-0001',
    time: Date.UTC(2026, 10, 24, 3, 5),
    utcOffsetMinutes: 420,
    lines,
    totals: {
      subtotal,
      discounts: [],
      tax: { label: 'PB1 10%', amount: tax, inclusive: false },
      total: subtotal + tax,
    },
    tenders: [
      {
        kind: 'qris',
        amount: subtotal + tax,
        issuer: 'GoPay',
        transactionId: '0a7c4d4b-0f1e-4a8b-9c2d-5e6f7a8b9c0d',
      },
    ],
    footer: 'Terima kasih!',
    language: 'id',
    training: false,
    copy: false,
  };
}

function benchRender(report: Report, source: ReceiptSource): void {
  const coldStarted = performance.now();
  toEscPos(source, { width: 58 });
  report.info(`first (cold) render: ${ms(performance.now() - coldStarted)}`);
  for (const width of [58, 80] as const) {
    for (let i = 0; i < WARM_UP; i++) toEscPos(source, { width });
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RENDERS; i++) {
      const started = performance.now();
      bytes = toEscPos(source, { width }).length;
      times.push(performance.now() - started);
    }
    const s = summarize(times);
    report.info(`${width} mm: ${bytes} bytes of ESC/POS, max ${ms(s.max)}`);
    report.add({
      group: '6 receipts',
      metric: `render ${LINES} lines → ESC/POS ${width} mm`,
      n: s.n,
      p50: ms(s.p50),
      p95: ms(s.p95),
      goal: `p95 ≤ ${GOAL_RENDER_P95_MS} ms`,
      ratio: s.p95 / GOAL_RENDER_P95_MS,
      met: s.p95 <= GOAL_RENDER_P95_MS,
    });
  }
}

async function benchPrint(report: Report, source: ReceiptSource): Promise<void> {
  const fake = await FakePrinter.start();
  const queue = new PrintQueue({
    store: new MemoryJobStore(),
    printers: () => ({
      kind: 'raw',
      transport: new TcpPrinter({ host: fake.host, port: fake.port }),
      width: 80,
    }),
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < JOBS; i++) {
      const started = performance.now();
      const job = queue.enqueue({ printerId: 'till', payload: source, drawer: i % 2 === 0 });
      const done = await within(queue.settled(job.id), 10_000, `print job ${i}`);
      if (done.state !== 'printed')
        throw new Error(`print job ${i} ended ${done.state}: ${done.lastError?.message.en}`);
      const [received] = (await fake.waitForPrintJobs(i + 1)).slice(-1);
      times.push((received?.lastByteAt ?? Number.NaN) - started);
    }
  } finally {
    await queue.stop();
    await fake.close();
  }
  const s = summarize(times);
  const statusChecks = fake.jobs.filter((j) => j.statusRequests.length === 4).length;
  report.info(
    `${JOBS} jobs, one at a time; ${statusChecks} with a full DLE EOT status check first; max ${ms(s.max)}`,
  );
  report.add({
    group: '6 receipts',
    metric: 'enqueue → last byte at printer (80 mm)',
    n: s.n,
    p50: ms(s.p50),
    p95: ms(s.p95),
    goal: `p95 ≤ ${GOAL_PRINT_P95_MS} ms`,
    ratio: s.p95 / GOAL_PRINT_P95_MS,
    met: s.p95 <= GOAL_PRINT_P95_MS,
  });
  report.info(`throughput ≈ ${num(1000 / s.p50)} receipts/s on loopback (p50)`);
}

export async function benchReceipts(report: Report): Promise<void> {
  console.log(`\n== 6. receipts (${LINES}-line sale; fake ESC/POS printer on 127.0.0.1)`);
  const source: ReceiptSource = { type: 'receipt', document: fortyLineReceipt() };
  benchRender(report, source);
  await benchPrint(report, source);
  await benchPaidToPaper(report);
}
