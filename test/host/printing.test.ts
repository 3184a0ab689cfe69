/**
 * Printing through the kiosk's one api, as the screens reach it (browser mode's stack: the real
 * settings in a JSON file, the host, the training emulator) with a fake printer on 127.0.0.1:
 * the manager sets the printer up, a sale prints, the cashier hears how the printer is, and the
 * printing commands refuse as the contract says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractError, DisplayState } from '../../common/contract.ts';
import type { HistoryDetail } from '../../common/history-contract.ts';
import type { PrintingSnapshot } from '../../common/printing-contract.ts';
import type { PrintJobView, ReceiptPreview } from '../../common/printing.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { createKioskHost, type KioskHost } from '../../main/host/kiosk-host.ts';
import { jsonFileDocumentStore, openSettings } from '../../main/settings/open-settings.ts';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { FAST_POLL } from '../checkout/harness.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';

const PIN = '2468';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start() {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-host-print-'));
  const fake = await FakePrinter.start();
  const settings = await openSettings({
    store: jsonFileDocumentStore(join(dir, 'settings.json')),
    safeStorage: undefined,
    platform: 'linux',
    displays: { list: () => [] },
    fixed: { mode: 'training', serverKey: undefined },
    log: () => undefined,
  });
  const host = createKioskHost({
    settings,
    dataDir: dir,
    engine: { chargeSettleMs: 0, poll: FAST_POLL },
    printing: { queue: { backoff: { firstMs: 50, factor: 2, maxMs: 200 } } },
    log: () => undefined,
  });
  await host.start();
  cleanups.push(async () => {
    await host.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const events: { name: string; payload: unknown }[] = [];
  host.api.subscribe('cashier', (name, payload) => events.push({ name, payload }));
  const display: DisplayState[] = [];
  host.api.subscribe('display', (_name, payload) => display.push(payload as DisplayState));
  return { host, fake, events, display };
}

async function ok<T>(host: KioskHost, name: string, payload: unknown): Promise<T> {
  const outcome = await host.api.call('cashier', name, payload);
  if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

async function refused(host: KioskHost, name: string, payload: unknown): Promise<ContractError> {
  const outcome = await host.api.call('cashier', name, payload);
  if (outcome.ok) throw new Error(`${name} was not refused`);
  return outcome.error;
}

async function setUpPrinter(host: KioskHost, fake: FakePrinter, autoPrint: 'always' | 'ask' = 'always') {
  await ok(host, 'manager.createPin', { pin: PIN });
  await ok(host, 'settings.update', {
    patch: {
      printers: [
        {
          id: 'kasir',
          name: 'Kasir',
          kind: 'tcp',
          address: `127.0.0.1:${fake.port}`,
          width: 80,
          drawer: true,
        },
      ],
      receipt: { printerId: 'kasir', autoPrint, shopAddress: 'Jl. Uji 1', npwp: '', footer: 'Terima kasih' },
      sound: { volume: 40, muted: false },
    },
  });
}

const CASH_SALE = {
  lines: [{ name: 'Kopi Susu', unitPrice: 18_000, quantity: 2 }],
  tender: { kind: 'cash', received: 40_000 },
};

describe('printing through the kiosk api', () => {
  it('a sale prints at the printer the manager set up; the cashier hears the printer is ready; reprint is a COPY', async () => {
    const { host, fake, events } = await start();
    await setUpPrinter(host, fake);
    const sale = await ok<SaleView>(host, 'sale.start', CASH_SALE);
    const [paper] = (await fake.waitForPrintJobs(1)).map((j) => decodeEscPos(j.bytes));
    expect(paper?.lines).toContain(`No. pesanan: ${sale.saleId}`);
    expect(paper?.events.some((e) => e.type === 'drawer')).toBe(true);

    await expect
      .poll(() =>
        events.some(
          (e) => e.name === 'printing' && (e.payload as PrintingSnapshot).lastJob?.state === 'printed',
        ),
      )
      .toBe(true);
    const snapshot = await ok<PrintingSnapshot>(host, 'printing.snapshot', {});
    expect(snapshot).toMatchObject({
      autoPrint: 'always',
      lastSale: { saleId: sale.saleId },
      receiptPrinter: { printerId: 'kasir', name: 'Kasir', condition: 'ready' },
    });

    const copy = await ok<PrintJobView>(host, 'printing.reprint', { saleId: sale.saleId });
    expect(copy.copy).toBe(true);
    const [, again] = (await fake.waitForPrintJobs(2)).map((j) => decodeEscPos(j.bytes));
    expect(again?.lines.filter((l) => l.includes(COPY_MARK))).toHaveLength(2);
  });

  it('the sound reaches both screens with the settings; the chime is theirs to play', async () => {
    const { host, fake, events, display } = await start();
    await setUpPrinter(host, fake);
    const settings = events.filter((e) => e.name === 'settings').at(-1)?.payload;
    expect(settings).toMatchObject({ sound: { volume: 40, muted: false } });
    expect(display.at(-1)?.sound).toEqual({ volume: 40, muted: false });
  });

  it('the manager commands need the unlocked session; the drawer needs the PIN again, and a wrong one is refused in both languages', async () => {
    const { host, fake } = await start();
    await setUpPrinter(host, fake);
    const wrong = await refused(host, 'printing.openDrawer', { printerId: 'kasir', pin: '9999' });
    expect(wrong.code).toBe('printing-refused');
    expect(wrong.message.id).toContain('PIN manajer salah');
    expect(wrong.message.en).toContain('Wrong manager PIN');
    const opened = await ok<PrintJobView>(host, 'printing.openDrawer', { printerId: 'kasir', pin: PIN });
    expect(opened.kind).toBe('drawer');
    const preview = await ok<ReceiptPreview>(host, 'printing.preview', { width: 58 });
    expect(preview.lines.some((l) => l.includes('Terima kasih'))).toBe(true);
    const badFooter = await refused(host, 'printing.preview', {
      width: 58,
      receipt: { printerId: 'kasir', autoPrint: 'always', shopAddress: '', npwp: 'x', footer: '' },
    });
    expect(badFooter.code).toBe('settings-invalid');

    await ok(host, 'manager.lock', {});
    expect((await refused(host, 'printing.test', { printerId: 'kasir' })).code).toBe('manager-locked');
    expect((await refused(host, 'printing.openDrawer', { printerId: 'kasir', pin: PIN })).code).toBe(
      'manager-locked',
    );
    // The cashier's own printing commands need no session.
    expect((await refused(host, 'printing.reprint', { saleId: 'S-none' })).code).toBe('printing-refused');
    expect((await refused(host, 'printing.snapshot', { extra: 1 })).code).toBe('invalid-payload');
    const [pulse] = (await fake.waitForPrintJobs(1)).map((j) => decodeEscPos(j.bytes));
    expect(pulse?.events.map((e) => e.type)).toEqual(['init', 'drawer']);
  });

  it("'ask': the cashier is asked; the answer prints the receipt", async () => {
    const { host, fake, events } = await start();
    await setUpPrinter(host, fake, 'ask');
    const sale = await ok<SaleView>(host, 'sale.start', CASH_SALE);
    await expect
      .poll(() =>
        events.some(
          (e) => e.name === 'printing' && (e.payload as PrintingSnapshot).ask?.saleId === sale.saleId,
        ),
      )
      .toBe(true);
    const job = await ok<PrintJobView | null>(host, 'printing.answer', { saleId: sale.saleId, print: true });
    expect(job).toMatchObject({ kind: 'receipt', copy: false });
    const papers = (await fake.waitForPrintJobs(2)).map((j) => decodeEscPos(j.bytes));
    expect(papers.some((p) => p.lines.includes(`No. pesanan: ${sale.saleId}`))).toBe(true);
  });

  it("a sale's history detail lists its receipt and its refund, joined by the host", async () => {
    const { host, fake } = await start();
    await setUpPrinter(host, fake);
    const sale = await ok<SaleView>(host, 'sale.start', CASH_SALE);
    await fake.waitForPrintJobs(1);
    await ok(host, 'refund.create', {
      saleId: sale.saleId,
      amount: 10_000,
      reason: 'Kopi tumpah',
      managerPin: PIN,
    });
    const detailNow = () => ok<HistoryDetail>(host, 'history.detail', { kind: 'sale', id: sale.saleId });
    // The receipt's job is marked printed once the printer has taken it.
    await expect.poll(async () => (await detailNow()).receipts[0]?.state).toBe('printed');
    const detail = await detailNow();
    expect(detail.refunds).toEqual([
      expect.objectContaining({ amount: 10_000, method: 'cash', state: 'refunded', reason: 'Kopi tumpah' }),
    ]);
    expect(detail.receipts).toEqual([
      expect.objectContaining({ kind: 'receipt', state: 'printed', printer: 'kasir' }),
    ]);
  });
});

describe('slips through the kiosk api', () => {
  it('a cash refund with the manager PIN: its slip, with the drawer’s one pulse, from the host’s own wiring', async () => {
    const { host, fake } = await start();
    await setUpPrinter(host, fake);
    const sale = await ok<SaleView>(host, 'sale.start', CASH_SALE);
    await fake.waitForPrintJobs(1);
    await ok(host, 'refund.create', {
      saleId: sale.saleId,
      amount: 6_000,
      reason: 'Es kurang',
      managerPin: PIN,
    });
    const [, slip] = (await fake.waitForPrintJobs(2)).map((j) => decodeEscPos(j.bytes));
    expect(slip?.lines.join(' ')).toContain('PENGEMBALIAN DANA / REFUND');
    expect(slip?.lines.join(' ')).toContain('Es kurang');
    expect(slip?.events.filter((e) => e.type === 'drawer')).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.printJobs).toHaveLength(2);
  });

  it('report.print: an X prints; with no receipt printer it is refused in both languages', async () => {
    const { host, fake } = await start();
    const none = await refused(host, 'report.print', { kind: 'x' });
    expect(none.code).toBe('printing-refused');
    expect(none.message.id).toContain('Belum ada printer struk');
    expect(none.message.en).toContain('No receipt printer');
    await setUpPrinter(host, fake);
    const job = await ok<PrintJobView>(host, 'report.print', { kind: 'x' });
    expect(job).toMatchObject({ kind: 'report', copy: false });
    const [paper] = (await fake.waitForPrintJobs(1)).map((j) => decodeEscPos(j.bytes));
    expect(paper?.lines.join(' ')).toContain('LAPORAN X');
    const bad = await refused(host, 'report.print', { kind: 'z' });
    expect(bad.code).not.toBe('printing-refused');
  });
});
