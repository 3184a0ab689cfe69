/**
 * `kiosk receipt` and `kiosk print` on a data folder a training kiosk left behind: a cash sale
 * and a QRIS sale in its journal, its settings file with the shop's header and footer, and a fake
 * printer on 127.0.0.1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SaleView } from '../../common/till-contract.ts';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import { Journal } from '../../main/journal/journal.ts';
import { SqliteJobStore } from '../../main/printing/sqlite-job-store.ts';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { defaultDocument } from '../../main/settings/settings-document.ts';
import { FAST_POLL } from '../checkout/harness.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { cli, cliInProcess } from './helpers.ts';

let dir: string;
let cash: SaleView;
let qris: SaleView;
let orderId: string;
let open: SaleView;

function writeSettings(change: (doc: ReturnType<typeof defaultDocument>) => void = () => undefined): void {
  const document = defaultDocument('training');
  document.merchantName = 'Warung Uji';
  document.receipt = { ...document.receipt, shopAddress: 'Jl. Uji No. 1', footer: 'Terima kasih' };
  change(document);
  writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(document));
}

// One data folder for the whole file (the helpers' folders last one test each).
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-cli-receipt-'));
  writeSettings();
  const services = await openKiosk(configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir }), {
    engine: { chargeSettleMs: 0, poll: FAST_POLL },
  });
  services.engine.start();
  try {
    cash = await services.till.start({
      lines: [{ name: 'Kopi Susu', unitPrice: 18_000, quantity: 2 }],
      tender: { kind: 'cash', received: 50_000 },
    });
    const started = await services.till.start({
      lines: [{ name: 'Nasi Goreng', unitPrice: 27_000, quantity: 1 }],
      tender: { kind: 'gateway', paymentType: 'qris' },
    });
    orderId = started.liveOrderId ?? '';
    services.emulator?.control.pay(orderId, { issuer: 'ovo' });
    for (let i = 0; i < 200 && services.till.view(started.saleId)?.state !== 'paid'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    qris = services.till.view(started.saleId) as SaleView;
    open = await services.till.start({
      lines: [{ name: 'Es Teh', unitPrice: 5_000, quantity: 1 }],
      tender: { kind: 'gateway', paymentType: 'qris' },
    });
  } finally {
    await services.close();
  }
  expect(qris.state).toBe('paid');
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ KIOSK_DATA_DIR: dir });

describe('kiosk receipt', () => {
  it('prints what the paper says, line by line, by order id or sale id, at 58 or 80 mm', async () => {
    const narrow = await cliInProcess(['receipt', orderId], env());
    expect(narrow.code).toBe(0);
    const lines = narrow.stdout.trimEnd().split('\n');
    expect(lines.every((l) => l.length <= 32)).toBe(true);
    expect(lines.some((l) => l.trim() === 'Warung Uji')).toBe(true);
    expect(lines.some((l) => l.trim() === 'Jl. Uji No. 1')).toBe(true);
    expect(lines.some((l) => /^QRIS \(OVO\) +Rp 27\.000$/.test(l))).toBe(true);
    expect(lines.some((l) => l.trim() === 'Terima kasih')).toBe(true);
    const wide = await cliInProcess(['receipt', cash.saleId, '--width', '80'], env());
    expect(wide.code).toBe(0);
    expect(wide.stdout).toContain(`No. pesanan: ${cash.saleId}`);
    expect(wide.stdout).toMatch(/Kembalian +Rp 14\.000/);
    expect(wide.stdout.split('\n').some((l) => l.length > 32)).toBe(true);
  });

  it('writes ESC/POS bytes or an SVG to a file; the bytes decode to the same lines', async () => {
    const bytesFile = path.join(dir, 'receipt.bin');
    const result = await cliInProcess(
      ['receipt', cash.saleId, '--format', 'escpos', '--out', bytesFile],
      env(),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`written to ${bytesFile}`);
    const paper = decodeEscPos(readFileSync(bytesFile));
    const text = await cliInProcess(['receipt', cash.saleId], env());
    expect(paper.lines.filter((l) => l !== '')).toEqual(
      text.stdout
        .trimEnd()
        .split('\n')
        .filter((l) => l !== ''),
    );
    const svgFile = path.join(dir, 'receipt.svg');
    expect(
      (await cliInProcess(['receipt', cash.saleId, '--format', 'svg', '--out', svgFile], env())).code,
    ).toBe(0);
    expect(readFileSync(svgFile, 'utf8')).toMatch(/^<svg [^>]*width="384px"/);
  });

  it('refuses in both languages: an unknown or unpaid order (exit 3), a bad width, format or output file (exit 2)', async () => {
    const unknown = await cliInProcess(['receipt', 'NO-SUCH-ORDER'], env());
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('bukan pesanan atau penjualan di kasir ini');
    expect(unknown.stderr).toContain('is not an order or a sale of this till');
    const unpaid = await cliInProcess(['receipt', open.saleId], env());
    expect(unpaid.code).toBe(3);
    expect(unpaid.stderr).toContain('is not paid, so it has no receipt');
    const width = await cliInProcess(['receipt', cash.saleId, '--width', '76'], env());
    expect(width.code).toBe(2);
    expect(width.stderr).toContain('--width harus 58 atau 80');
    expect((await cliInProcess(['receipt', cash.saleId, '--format', 'pdf'], env())).code).toBe(2);
    const nowhere = await cliInProcess(
      ['receipt', cash.saleId, '--out', path.join(dir, 'no-such-folder', 'r.txt')],
      env(),
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('tidak dapat ditulis (ENOENT)');
  });
});

describe('kiosk print', () => {
  let fake: FakePrinter;
  afterEach(async () => {
    await fake?.close();
    writeSettings();
  });

  it('sends the receipt to the printer given; the second time it says COPY; both are on record', async () => {
    fake = await FakePrinter.start();
    const first = await cli(['print', orderId, '--printer', fake.url, '--width', '80'], env());
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'receipt', state: 'printed', copy: false });
    const again = await cliInProcess(['print', qris.saleId, '--printer', fake.url], env());
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('as SALINAN / COPY');
    const [original, copy] = (await fake.waitForPrintJobs(2)).map((j) => decodeEscPos(j.bytes));
    expect(original?.lines).toContain(`No. pesanan: ${orderId}`);
    expect(original?.lines.join('\n')).not.toContain(COPY_MARK);
    expect(copy?.lines.filter((l) => l.includes(COPY_MARK))).toHaveLength(2);
    const journal = Journal.open(path.join(dir, 'journal.sqlite'));
    try {
      const jobs = new SqliteJobStore(journal.database).forSale(qris.saleId);
      expect(jobs.map((j) => [j.state, j.copy])).toEqual([
        ['printed', false],
        ['printed', true],
      ]);
    } finally {
      journal.close();
    }
  });

  it('uses the receipt printer from the settings; refuses one only the screens can use', async () => {
    fake = await FakePrinter.start();
    writeSettings((doc) => {
      doc.printers = [
        {
          id: 'kasir',
          name: 'Kasir',
          kind: 'tcp',
          address: `127.0.0.1:${fake.port}`,
          width: 58,
          drawer: true,
        },
      ];
      doc.receipt.printerId = 'kasir';
    });
    expect((await cliInProcess(['print', cash.saleId], env())).code).toBe(0);
    const [paper] = (await fake.waitForPrintJobs(1)).map((j) => decodeEscPos(j.bytes));
    expect(paper?.lines.join(' ')).toContain(cash.saleId);
    // A CLI print never opens the drawer.
    expect(paper?.events.some((e) => e.type === 'drawer')).toBe(false);
    writeSettings((doc) => {
      doc.printers = [{ id: 'win', name: 'Windows', kind: 'os', address: '', width: 80, drawer: false }];
      doc.receipt.printerId = 'win';
    });
    const os = await cliInProcess(['print', cash.saleId], env());
    expect(os.code).toBe(2);
    expect(os.stderr).toContain('give --printer');
  });

  it('a printer that is down or a device that does not exist: exit 7, why in both languages, the sale untouched', async () => {
    fake = await FakePrinter.start();
    await fake.refuseConnections();
    const down = await cliInProcess(['print', cash.saleId, '--printer', fake.url], env());
    expect(down.code).toBe(7);
    expect(down.stderr).toContain('Printer tidak terjangkau');
    expect(down.stderr).toContain('Printer unreachable');
    const missing = path.join(dir, 'no-such-device');
    const device = await cliInProcess(['print', cash.saleId, '--printer', missing], env());
    expect(device.code).toBe(7);
    expect(device.stderr).toContain('Perangkat printer tidak ditemukan');
    expect(existsSync(missing)).toBe(false);
    expect((await cliInProcess(['print', cash.saleId, '--printer', 'ftp://x'], env())).code).toBe(2);
    const receipt = await cliInProcess(['receipt', cash.saleId], env());
    expect(receipt.code).toBe(0);
  });
});
