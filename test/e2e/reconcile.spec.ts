/**
 * Reconciliation from the day screen in browser mode: a QRIS sale paid, then refunded "on the
 * Midtrans dashboard" (the emulator's control surface — the kiosk never made that refund), then
 * "Reconcile with Midtrans" on the reports tab at a raised rate (KIOSK_RECONCILE_RATE, at most 50
 * as the reconciler allows): the finding "refunded at the gateway" shown and adopted once, the X
 * showing the refund and the reconciliation line, the findings' CSV downloaded. The kiosk talks to
 * the standalone emulator in sandbox mode: the training emulator lives inside the kiosk process,
 * with no address a test can reach its control surface at. Screenshots go to
 * test-results/reconcile/.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { startEmulator, startKiosk, type Emulator, type Kiosk } from './support/processes.ts';
import { chargeToQr, openScreens, typeAmount } from './support/screens.ts';

const SHOTS = 'test-results/reconcile';

let emulator: Emulator;
let kiosk: Kiosk;
test.beforeEach(async () => {
  emulator = await startEmulator();
});
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
  await emulator.stop();
});

async function openReports(cashier: Page): Promise<void> {
  await cashier.getByTestId('day-button').click();
  await expect(cashier.getByTestId('day-screen')).toBeVisible();
  await cashier.getByTestId('day-tab-reports').click();
  await expect(cashier.getByTestId('reconcile-panel')).toBeVisible();
}

test('reconciliation finds a refund made on the dashboard, adopts it once, and the X shows it', async ({
  browser,
}) => {
  kiosk = await startKiosk({
    KIOSK_MODE: 'sandbox',
    MIDTRANS_API_URL: emulator.url,
    MIDTRANS_SERVER_KEY: emulator.serverKey,
    KIOSK_RECONCILE_RATE: '50',
  });
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  await cashier.setViewportSize({ width: 1024, height: 768 });

  await typeAmount(cashier, 44_000);
  await cashier.getByTestId('payment-type-qris').click();
  const orderId = await chargeToQr(screens);
  await emulator.control(`orders/${orderId}/pay`, {});
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement', {
    timeout: 10_000,
  });
  await cashier.getByTestId('new-sale-button').click();
  // The owner refunds it on the Midtrans dashboard: the kiosk is not told.
  await emulator.control(`orders/${orderId}/refund`, { reason: 'Refund dari dasbor' });

  await openReports(cashier);
  const panel = cashier.getByTestId('reconcile-panel');
  await expect(cashier.getByTestId('reconcile-never')).toBeVisible();
  await cashier.screenshot({ path: `${SHOTS}/before.png` });
  // The Z's confirm step warns that the day was never reconciled (a warning, not a block).
  await cashier.getByTestId('report-z').click();
  await expect(cashier.getByTestId('z-not-reconciled')).toBeVisible();
  await expect(cashier.getByTestId('report-z-confirm')).toBeEnabled();
  await cashier.getByTestId('z-form').getByRole('button', { name: 'Batal' }).click();

  const start = cashier.getByTestId('reconcile-start');
  const box = await start.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await start.click();
  await expect(cashier.getByTestId('reconcile-progress')).toHaveAttribute('data-state', 'done', {
    timeout: 20_000,
  });
  await expect(cashier.getByTestId('reconcile-progress')).toContainText('1 dari 1 pesanan diperiksa');
  const finding = panel.getByTestId('reconcile-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toHaveAttribute('data-kind', 'refunded-at-gateway');
  await expect(finding).toContainText(orderId);
  await expect(finding.getByTestId('reconcile-adopted')).toBeVisible();
  await expect(cashier.getByTestId('reconcile-group-money-at-risk')).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await cashier.screenshot({ path: `${SHOTS}/finding-1024x768.png` });
  await panel.screenshot({ path: `${SHOTS}/panel.png` });

  const [download] = await Promise.all([
    cashier.waitForEvent('download'),
    cashier.getByTestId('reconcile-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rekonsiliasi-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';', columns: true }) as Record<
    string,
    string
  >[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ order_id: orderId, kind: 'refunded-at-gateway', adopted: '1' });

  // The X counts the refund the kiosk adopted, and the reconciliation line.
  await cashier.getByTestId('report-x').click();
  await expect(cashier.getByTestId('report')).toHaveAttribute('data-kind', 'x');
  await expect(cashier.getByTestId('report-refunds-total')).toContainText('44.000');
  await expect(cashier.getByTestId('report-reconcile-checked')).toContainText('1');
  await expect(cashier.getByTestId('report-reconcile-refunded-at-gateway')).toContainText('1');
  await cashier.getByTestId('report-reconciliation').scrollIntoViewIfNeeded();
  await cashier.screenshot({ path: `${SHOTS}/x-report.png` });

  // Reconciling again finds nothing new: the refund was adopted once, not twice.
  await cashier.getByTestId('reconcile-start').click();
  await expect(cashier.getByTestId('reconcile-summary')).toContainText('Tidak ada perbedaan', {
    timeout: 20_000,
  });
  await expect(cashier.getByTestId('reconcile-progress')).toHaveAttribute('data-state', 'done');
  await cashier.getByTestId('report-x').click();
  await expect(cashier.getByTestId('report-refunds-total')).toContainText('44.000');
  await expect(cashier.getByTestId('report-reconcile-findings')).toContainText('1');
  expect(screens.problems).toEqual([]);
});
