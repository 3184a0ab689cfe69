/**
 * `kiosk report x|z … --print` on a data folder a training kiosk left behind (a cash sale in its
 * journal, its settings with the receipt printer a fake printer on 127.0.0.1): the Z closed and
 * printed, printed again as COPY, the X printed, and no Z closed when there is no printer.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import { Journal } from '../../main/journal/journal.ts';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { defaultDocument } from '../../main/settings/settings-document.ts';
import { FAST_POLL } from '../checkout/harness.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { cliInProcess } from './helpers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataFolder(printer: FakePrinter | undefined): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-cli-report-print-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const document = defaultDocument('training');
  document.merchantName = 'Warung Uji';
  if (printer !== undefined) {
    document.printers = [
      {
        id: 'kasir',
        name: 'Kasir',
        kind: 'tcp',
        address: `127.0.0.1:${printer.port}`,
        width: 58,
        drawer: false,
      },
    ];
    document.receipt = { ...document.receipt, printerId: 'kasir' };
  }
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(document));
  const services = await openKiosk(configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir }), {
    engine: { chargeSettleMs: 0, poll: FAST_POLL },
  });
  try {
    await services.till.start({
      lines: [{ name: 'Kopi Susu', unitPrice: 18_000, quantity: 2 }],
      tender: { kind: 'cash', received: 50_000 },
    });
  } finally {
    await services.close();
  }
  return dir;
}

describe('kiosk report … --print', () => {
  it('closes the Z and prints it; --number prints it again as COPY; an X prints as an original', async () => {
    const fake = await FakePrinter.start();
    cleanups.push(() => fake.close());
    const dir = await dataFolder(fake);
    const env = { KIOSK_DATA_DIR: dir };

    const z = await cliInProcess(['report', 'z', '--print'], env);
    expect(z.code).toBe(0);
    expect(z.stderr).toContain('Z-0001 printed to');
    const again = await cliInProcess(['report', 'z', '--number', '1', '--print'], env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('as SALINAN / COPY');
    const x = await cliInProcess(['report', 'x', '--print', '--printer', fake.url], env);
    expect(x.code).toBe(0);

    const [first, copy, xPaper] = (await fake.waitForPrintJobs(3)).map((j) => decodeEscPos(j.bytes));
    expect(first?.lines.some((l) => l.includes('LAPORAN Z Z-0001'))).toBe(true);
    expect(first?.lines.some((l) => l.includes('Warung Uji'))).toBe(true);
    expect(first?.lines.join('\n')).not.toContain(COPY_MARK);
    expect(copy?.lines.some((l) => l.includes('LAPORAN Z Z-0001'))).toBe(true);
    expect(copy?.lines.filter((l) => l.includes(COPY_MARK))).toHaveLength(2);
    expect(xPaper?.lines.some((l) => l.includes('LAPORAN X'))).toBe(true);
    expect(xPaper?.lines.join('\n')).not.toContain(COPY_MARK);

    const journal = Journal.open(path.join(dir, 'journal.sqlite'));
    try {
      const jobs = journal.database
        .prepare(`SELECT kind, state, copy, job_key AS key FROM print_jobs ORDER BY created_at`)
        .all();
      expect(jobs).toEqual([
        { kind: 'report', state: 'printed', copy: 0, key: expect.stringMatching(/^z:.+:1$/) as unknown },
        { kind: 'report', state: 'printed', copy: 1, key: null },
        { kind: 'report', state: 'printed', copy: 0, key: null },
      ]);
    } finally {
      journal.close();
    }
  });

  it('with no receipt printer: refused in both languages before any Z is closed', async () => {
    const dir = await dataFolder(undefined);
    const env = { KIOSK_DATA_DIR: dir };
    const refused = await cliInProcess(['report', 'z', '--print'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no receipt printer is set up');
    expect(refused.stderr).toContain('Belum ada printer struk');
    const list = await cliInProcess(['report', 'z', '--number', '1'], env);
    expect(list.code).not.toBe(0);
    const range = await cliInProcess(
      ['report', 'range', '--from', '2026-12-01', '--to', '2026-12-07', '--print'],
      env,
    );
    expect(range.code).toBe(2);
  });
});
