/**
 * Receipts in browser mode, in training mode, with a fake ESC/POS printer on 127.0.0.1 (the
 * test's own process): a paid sale reaches the paper with the right lines; a printer that is down
 * leaves the sale paid and says so, and a reprint once it is back prints once, as COPY; the
 * manager sets a printer up and test-prints it; the browser's own print page; the chime and the
 * failure tone on both screens (the Web Audio calls, not the speaker).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { PrinterConfig, ReceiptOptions } from '../../common/printing-contract.ts';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { defaultDocument } from '../../main/settings/settings-document.ts';
import { decodeEscPos, type DecodedPaper } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { chargeToQr, openScreens, typeAmount } from './support/screens.ts';

let fake: FakePrinter;
let kiosk: Kiosk | undefined;
let dataDir: string;

test.beforeEach(async () => {
  fake = await FakePrinter.start();
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-print-'));
});
test.afterEach(async () => {
  if (kiosk !== undefined) expect(await kiosk.stop()).toBe(0);
  kiosk = undefined;
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The kiosk's settings as the manager would have saved them, written before it starts. */
async function startWithPrinter(printer: Partial<PrinterConfig>, receipt: Partial<ReceiptOptions> = {}) {
  const document = defaultDocument('training');
  document.printers = [
    {
      id: 'kasir',
      name: 'Kasir',
      kind: 'tcp',
      address: `127.0.0.1:${fake.port}`,
      width: 80,
      drawer: false,
      ...printer,
    },
  ];
  document.receipt = {
    ...document.receipt,
    printerId: 'kasir',
    footer: 'Terima kasih, sampai jumpa',
    ...receipt,
  };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(document));
  kiosk = await startKiosk({}, dataDir);
  return kiosk;
}

/** Records what each page asks of Web Audio: oscillators started and the frequencies set. */
async function listenToAudio(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const heard: number[] = [];
    (window as unknown as { __tones: number[] }).__tones = heard;
    const set = AudioParam.prototype.setValueAtTime;
    AudioParam.prototype.setValueAtTime = function (value: number, at: number) {
      // Frequencies only: the gains stay below 1.
      if (value > 20) heard.push(value);
      return set.call(this, value, at);
    };
  });
  await page.reload();
}

const tones = (page: Page) => page.evaluate(() => (window as unknown as { __tones: number[] }).__tones);

async function papers(count: number): Promise<DecodedPaper[]> {
  return (await fake.waitForPrintJobs(count, 20_000)).map((job) => decodeEscPos(job.bytes));
}

test('paid → the receipt reaches the printer with the sale’s lines; the chime plays on both screens', async ({
  browser,
}) => {
  const screens = await openScreens(browser, await startWithPrinter({}));
  const { cashier, display } = screens;
  await listenToAudio(cashier);
  await listenToAudio(display);
  await expect(cashier.getByTestId('mode-banner')).toBeVisible();
  await typeAmount(cashier, 44000);
  await cashier.getByTestId('payment-type-qris').click();
  const orderId = await chargeToQr(screens);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  // The paid scene moves, unless the customer's system asks for reduced motion.
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  const animation = () =>
    display.locator('.result-icon').evaluate((icon) => getComputedStyle(icon).animationName);
  expect(await animation()).toBe('paid-disc-in');
  await display.emulateMedia({ reducedMotion: 'reduce' });
  expect(await animation()).toBe('none');

  const [paper] = await papers(1);
  expect(paper?.lines).toContain(`No. pesanan: ${orderId}`);
  expect(paper?.lines.some((l) => /^Warung Uji$/.test(l.trim()))).toBe(true);
  expect(paper?.lines.some((l) => /^TOTAL +Rp 44\.000$/.test(l))).toBe(true);
  expect(paper?.lines.some((l) => /^QRIS \(GoPay\) +Rp 44\.000$/.test(l))).toBe(true);
  expect(paper?.lines.some((l) => l.includes('Terima kasih, sampai jumpa'))).toBe(true);
  expect(paper?.lines.filter((l) => l.includes('LATIHAN / TRAINING'))).toHaveLength(2);
  expect(paper?.lines.join('\n')).not.toContain(COPY_MARK);

  await expect(cashier.getByTestId('receipt-job')).toHaveAttribute('data-state', 'printed');
  await expect(cashier.getByTestId('printer-status')).toHaveAttribute('data-condition', 'ready');
  // The chime: E5 then A5, on both screens.
  await expect.poll(() => tones(cashier)).toEqual([659.25, 880]);
  await expect.poll(() => tones(display)).toEqual([659.25, 880]);
  expect(screens.problems).toEqual([]);
});

test('printer down: the sale is paid, the cashier reads why; once it is back a reprint prints once, as COPY', async ({
  browser,
}) => {
  await fake.refuseConnections();
  const screens = await openScreens(browser, await startWithPrinter({}));
  const { cashier, display } = screens;
  await typeAmount(cashier, 25000);
  await cashier.getByTestId('payment-type-qris').click();
  const orderId = await chargeToQr(screens);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');

  const status = cashier.getByTestId('printer-status');
  await expect(status).toHaveAttribute('data-condition', 'unreachable');
  await expect(cashier.getByTestId('printer-problem')).toContainText('Printer tidak terjangkau');
  await expect(cashier.getByTestId('printer-problem')).toContainText('Printer unreachable');
  await expect(status).toContainText('Penjualan tetap tercatat');
  // Three failed tries and the receipt waiting again: the next try is 8 s away (2 s, 4 s, 8 s),
  // so the cashier's reprint below comes first even on a loaded machine, and the receipt that
  // waited becomes the copy rather than printing as the original just before it.
  await expect
    .poll(async () => Number(await status.getAttribute('data-attempts')), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(3);
  await expect(cashier.getByTestId('receipt-job')).toHaveAttribute('data-state', 'queued');

  await fake.acceptConnections();
  await cashier.getByTestId('reprint-button').click();
  const [paper] = await papers(1);
  expect(paper?.lines).toContain(`No. pesanan: ${orderId}`);
  expect(paper?.lines.filter((l) => l.includes(COPY_MARK))).toHaveLength(2);
  await expect(cashier.getByTestId('receipt-job')).toHaveAttribute('data-state', 'printed');
  await expect(status).toHaveAttribute('data-condition', 'ready');
  // Once: the receipt that waited became the copy.
  await cashier.waitForTimeout(1500);
  expect(fake.printJobs).toHaveLength(1);
});

test('a declined payment: the failure tone on both screens, and no receipt', async ({ browser }) => {
  const screens = await openScreens(browser, await startWithPrinter({}));
  const { cashier, display } = screens;
  await listenToAudio(cashier);
  await listenToAudio(display);
  await typeAmount(cashier, 12000);
  await cashier.getByTestId('payment-type-qris').click();
  await chargeToQr(screens);
  await cashier.getByTestId('simulate-deny-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'deny');
  await expect.poll(() => tones(cashier)).toEqual([220, 174.61]);
  await expect.poll(() => tones(display)).toEqual([220, 174.61]);
  expect(fake.jobs).toHaveLength(0);
});

test('the manager sets a printer up in Settings, sees the receipt preview, and test-prints it', async ({
  browser,
}) => {
  kiosk = await startKiosk({}, dataDir);
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  await cashier.getByTestId('settings-button').click();
  await cashier.keyboard.type('2468');
  await cashier.keyboard.press('Enter');
  await cashier.keyboard.type('2468');
  await cashier.keyboard.press('Enter');
  const section = cashier.getByTestId('printers-section');
  await expect(section).toBeVisible();
  await section.getByTestId('printer-add').click();
  const row = section.getByTestId('printer-printer-1');
  await row.getByTestId('printer-printer-1-name').fill('Kasir depan');
  await row.getByTestId('printer-printer-1-address').fill('not an address');
  await expect(section.getByTestId('problems-printers')).toContainText('HOST:PORT');
  await expect(section.getByTestId('printers-save')).toBeDisabled();
  await row.getByTestId('printer-printer-1-address').fill(`127.0.0.1:${fake.port}`);
  await row.getByTestId('printer-printer-1-width-80').check();
  await section.getByTestId('receipt-printer').selectOption('printer-1');
  await section.getByTestId('receipt-footer').fill('Sampai jumpa lagi');
  await section.getByTestId('receipt-npwp').fill('01.234.567.8-901.000');
  await expect(section.getByTestId('receipt-preview-text')).toContainText('Sampai jumpa lagi');
  await expect(section.getByTestId('receipt-preview-text')).toContainText('NPWP 01.234.567.8-901.000');
  await expect(section.getByTestId('receipt-preview')).toHaveAttribute('data-width', '80');
  await expect
    .poll(() =>
      section
        .getByTestId('receipt-preview-image')
        .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    )
    .toBeGreaterThan(0);
  await section.getByTestId('printers-save').click();
  await expect(section.getByTestId('printers-save-reason')).toHaveAttribute('data-done', 'true');

  await row.getByTestId('printer-printer-1-test').click();
  await expect(row.getByTestId('printer-printer-1-done')).toContainText('Cetak uji dikirim');
  const [page] = await papers(1);
  expect(page?.lines.some((l) => l.includes('CETAK UJI'))).toBe(true);
  expect(page?.lines).toContain(`  Kasir depan (tcp 127.0.0.1:${fake.port})`);
  expect(screens.problems).toEqual([]);
});

test('the browser prints the receipt itself: its print dialog opens with the receipt, and the job counts as printed', async ({
  browser,
}) => {
  const screens = await openScreens(
    browser,
    await startWithPrinter({ kind: 'browser', address: '', width: 58 }),
  );
  const { cashier } = screens;
  await cashier.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => {
      (window as unknown as { __printed: number }).__printed += 1;
    };
  });
  await cashier.reload();
  await typeAmount(cashier, 18000);
  await cashier.getByTestId('payment-type-qris').click();
  await chargeToQr(screens);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect
    .poll(() => cashier.evaluate(() => (window as unknown as { __printed: number }).__printed))
    .toBe(1);
  await expect(cashier.getByTestId('receipt-job')).toHaveAttribute('data-state', 'printed');
  await expect(cashier.getByTestId('print-page')).toHaveCount(0);
  expect(screens.problems).toEqual([]);
});

test('the day screen prints the Z on the receipt printer; printed again it says COPY', async ({
  browser,
}) => {
  const screens = await openScreens(browser, await startWithPrinter({}));
  const { cashier } = screens;
  await typeAmount(cashier, 44000);
  await cashier.getByTestId('payment-type-qris').click();
  await chargeToQr(screens);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  await papers(1);
  await cashier.getByTestId('new-sale-button').click();

  await cashier.getByTestId('day-button').click();
  await cashier.getByTestId('day-tab-reports').click();
  await cashier.getByTestId('report-z').click();
  await cashier.getByTestId('report-z-confirm').click();
  await expect(cashier.getByTestId('report')).toHaveAttribute('data-label', 'Z-0001');
  await cashier.getByTestId('report-print').click();
  await expect(cashier.getByTestId('report-printed')).toHaveText('Dikirim ke printer struk.');
  const [, z] = await papers(2);
  expect(z?.lines.some((l) => l.includes('LAPORAN Z Z-0001'))).toBe(true);
  expect(z?.lines.join('\n')).not.toContain(COPY_MARK);

  await cashier.getByTestId('report-print').click();
  await expect(cashier.getByTestId('report-printed')).toContainText('SALINAN');
  const [, , copy] = await papers(3);
  expect(copy?.lines.filter((l) => l.includes(COPY_MARK))).toHaveLength(2);
  expect(screens.problems).toEqual([]);
});
