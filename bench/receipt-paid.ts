/**
 * Figure 6c: a sale paid → its receipt's last byte at the printer, through the kiosk as it runs:
 * the till's paid event, the print service building the receipt from the sale, the job journaled
 * in SQLite (WAL, synchronous FULL) before a byte is sent, rendering, the DLE EOT status check,
 * the TCP connect and the bytes, to the fake ESC/POS printer on 127.0.0.1 (goal p95 ≤ 300 ms).
 * Cash sales, so the drawer pulse rides with every receipt as it would at the till.
 */
import { configFromEnv } from '../main/host/env-config.ts';
import { openKiosk } from '../main/host/kiosk-services.ts';
import type { PrintingConfig } from '../main/printing/print-service.ts';
import { FakePrinter } from '../test/support/fake-printer.ts';
import { removeDir, tempDir, within } from './harness.ts';
import { ms, summarize } from './stats.ts';
import type { Report } from './stats.ts';

const SALES = 40;
const LINES = 40;
const GOAL_P95_MS = 300;

export async function benchPaidToPaper(report: Report): Promise<void> {
  const fake = await FakePrinter.start();
  const dir = tempDir('receipt-paid');
  const config: PrintingConfig = {
    shopName: 'Warung Kopi Nusantara',
    language: 'id',
    printers: [
      { id: 'kasir', name: 'Kasir', kind: 'tcp', address: `127.0.0.1:${fake.port}`, width: 80, drawer: true },
    ],
    receipt: {
      printerId: 'kasir',
      autoPrint: 'always',
      shopAddress: 'Jl. Sudirman No. 12',
      npwp: '',
      footer: 'Terima kasih!',
    },
  };
  const services = await openKiosk(configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir }), {
    printing: { config: () => config },
  });
  const paidAt = new Map<string, number>();
  const off = services.till.on((sale) => {
    if (sale.state === 'paid' && !paidAt.has(sale.saleId)) paidAt.set(sale.saleId, performance.now());
  });
  const times: number[] = [];
  try {
    const lines = Array.from({ length: LINES }, (_, i) => ({
      name: `Item nomor ${i + 1}`,
      unitPrice: 5_000 + i * 500,
      quantity: 1 + (i % 3),
    }));
    for (let i = 0; i < SALES; i++) {
      const sale = await services.till.start({ lines, tender: { kind: 'cash', received: 2_000_000 } });
      const [received] = (await within(fake.waitForPrintJobs(i + 1), 10_000, `receipt ${i}`)).slice(-1);
      const started = paidAt.get(sale.saleId);
      if (started === undefined || received === undefined)
        throw new Error(`sale ${i} was not paid and printed`);
      times.push(received.lastByteAt - started);
    }
  } finally {
    off();
    await services.close();
    await fake.close();
    removeDir(dir);
  }
  const s = summarize(times);
  report.info(`${SALES} cash sales of ${LINES} lines, one at a time; max ${ms(s.max)}`);
  report.add({
    group: '6 receipts',
    metric: `sale paid → last receipt byte (${LINES} lines, 80 mm, journaled)`,
    n: s.n,
    p50: ms(s.p50),
    p95: ms(s.p95),
    goal: `p95 ≤ ${GOAL_P95_MS} ms`,
    ratio: s.p95 / GOAL_P95_MS,
    met: s.p95 <= GOAL_P95_MS,
  });
}
