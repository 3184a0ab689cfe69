/**
 * kill -9 while a refund's slip is on the wire: the next start finds its job 'sending', prints it
 * once more as "SALINAN / COPY" (without a drawer), and never prints the refund's slip a third
 * time, neither as a new original (the journal keys it by the refund) nor at a later start.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk, type KioskServices } from '../../main/host/kiosk-services.ts';
import type { PrintingConfig } from '../../main/printing/print-service.ts';
import { REFUND_SLIP_TITLE } from '../../main/printing/refund-slip.ts';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { tempDir } from '../journal/helpers.ts';

const CHILD = fileURLToPath(new URL('./slip-crash-child.ts', import.meta.url));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs the child until its printer holds the slip's bytes, then kills it with SIGKILL. */
async function killMidSlip(dir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', CHILD, JSON.stringify({ dir })],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.once('close', (_c, s) => resolve(s)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.split('\n').some((l) => l.startsWith('{"t":"bytes"'))) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('close', () => reject(new Error(`the child ended before printing:\n${out}\n${err}`)));
  });
  expect(await closed).toBe('SIGKILL');
}

async function open(dir: string, fake: FakePrinter): Promise<KioskServices> {
  const config: PrintingConfig = {
    shopName: 'Warung Uji',
    language: 'id',
    printers: [
      {
        id: 'kasir',
        name: 'Kasir',
        kind: 'tcp',
        address: `127.0.0.1:${fake.port}`,
        width: 58,
        drawer: false,
      },
    ],
    receipt: { printerId: 'kasir', autoPrint: 'ask', shopAddress: '', npwp: '', footer: '' },
  };
  const services = await openKiosk(configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir }), {
    engine: { chargeSettleMs: 0 },
    printing: { config: () => config, queue: { backoff: { firstMs: 50, factor: 2, maxMs: 200 } } },
  });
  services.till.recover();
  services.refunds.start();
  return services;
}

describe('a kiosk killed while a refund slip is on the wire', () => {
  it('prints the slip once more, as COPY, and never again', async () => {
    const dir = tempDir();
    await killMidSlip(dir);
    const fake = await FakePrinter.start();
    cleanups.push(() => fake.close());

    let services = await open(dir, fake);
    cleanups.push(() => services.close());
    const jobs = () =>
      services.journal.database
        .prepare(`SELECT kind, state, maybe_printed AS maybe, job_key AS key FROM print_jobs`)
        .all() as { kind: string; state: string; maybe: number; key: string | null }[];
    const [paper] = (await fake.waitForPrintJobs(1)).map((j) => decodeEscPos(j.bytes));
    expect(paper?.lines.join(' ')).toContain(REFUND_SLIP_TITLE);
    expect(paper?.lines.join(' ')).toContain('Kopi tumpah');
    expect(paper?.lines.filter((l) => l.includes(COPY_MARK))).toHaveLength(2);
    expect(paper?.events.some((e) => e.type === 'drawer')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jobs()).toEqual([expect.objectContaining({ kind: 'refund', state: 'printed', maybe: 1 })]);
    expect(jobs()[0]?.key).toMatch(/^refund:R/);

    await services.close();
    services = await open(dir, fake);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.printJobs).toHaveLength(1);
    expect(jobs()).toHaveLength(1);
  });
});
