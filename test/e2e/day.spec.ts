/**
 * The shop's day on the cashier window in browser mode: a shift opened with the float counted by
 * denomination, cash in, a QRIS sale, the close with the cash counted short (the difference shown),
 * then the X, the Z and its CSV, read back as a spreadsheet would. Screenshots go to
 * test-results/day/.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { chargeToQr, openScreens, typeAmount, type Screens } from './support/screens.ts';

const SHOTS = 'test-results/day';

let kiosk: Kiosk;
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
});

async function openDay(cashier: Page): Promise<void> {
  await cashier.getByTestId('day-button').click();
  await expect(cashier.getByTestId('day-screen')).toBeVisible();
}

async function count(cashier: Page, form: string, pieces: Record<string, number>): Promise<void> {
  for (const [key, n] of Object.entries(pieces)) await cashier.getByTestId(`${form}-${key}`).fill(String(n));
}

/** A QRIS sale of 44.000 rung up and paid through the training emulator. */
async function paidSale(screens: Screens): Promise<void> {
  const { cashier } = screens;
  await typeAmount(cashier, 44_000);
  await cashier.getByTestId('payment-type-qris').click();
  await chargeToQr(screens);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement', {
    timeout: 10_000,
  });
  await cashier.getByTestId('new-sale-button').click();
  await expect(cashier.getByTestId('amount-input')).toHaveValue('');
}

test('a shift from open to close, counted by denomination, with a cash difference', async ({ browser }) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  await expect(cashier.getByTestId('day-bar')).toHaveAttribute('data-shift', 'none');

  await openDay(cashier);
  await expect(cashier.getByTestId('shift-open-form')).toBeVisible();
  await count(cashier, 'float-count', { note50000: 4, note10000: 4, coin500: 20 });
  await expect(cashier.getByTestId('float-count-total')).toHaveText(/Rp\s250\.000/);
  // Digits typed in the day's screen stay there: the sale's amount underneath is untouched.
  await expect(cashier.getByTestId('amount-input')).toHaveValue('');
  await cashier.screenshot({ path: `${SHOTS}/open-shift.png` });
  await cashier.getByTestId('shift-open').click();
  await expect(cashier.getByTestId('shift-float')).toHaveText(/Rp\s250\.000/);

  // A cash movement without a reason is refused in both languages; with one it is recorded.
  await cashier.getByTestId('cash-amount').fill('50.000');
  await cashier.getByTestId('cash-record').click();
  const error = cashier.getByTestId('cash-error');
  await expect(error).toContainText('Tulis alasan uang masuk atau keluar');
  await expect(error).toContainText('Write why cash goes in or out');
  await cashier.getByTestId('cash-reason').fill('Tukar uang kecil');
  await cashier.getByTestId('cash-record').click();
  await expect(cashier.getByTestId('shift-movements')).toContainText('Tukar uang kecil');
  await expect(cashier.getByTestId('shift-movements')).toContainText(/Rp\s50\.000/);

  await cashier.getByTestId('day-back').click();
  await expect(cashier.getByTestId('day-screen')).toHaveCount(0);
  await expect(cashier.getByTestId('day-bar')).toHaveAttribute('data-shift', 'open');
  await paidSale(screens);

  // The count: 298.000 in the drawer where 300.000 should be (250.000 + 50.000; the QRIS sale took no cash).
  await openDay(cashier);
  await count(cashier, 'close-count', {
    note100000: 2,
    note50000: 1,
    note20000: 2,
    note5000: 1,
    note2000: 1,
    coin1000: 1,
  });
  await expect(cashier.getByTestId('close-count-total')).toHaveText(/Rp\s298\.000/);
  // Blind count: what should be there is not shown before the shift is closed.
  await expect(cashier.getByTestId('day-screen')).not.toContainText('300.000');
  await cashier.getByTestId('close-note').fill('Kurang dua ribu');
  await cashier.getByTestId('shift-close').click();
  const closed = cashier.getByTestId('shift-closed');
  await expect(closed).toHaveAttribute('data-difference', '-2000');
  await expect(cashier.getByTestId('closed-expected')).toHaveText(/Rp\s300\.000/);
  await expect(cashier.getByTestId('closed-counted')).toHaveText(/Rp\s298\.000/);
  await expect(cashier.getByTestId('closed-difference')).toHaveText(/-Rp\s2\.000 \(kurang\)/);
  await cashier.screenshot({ path: `${SHOTS}/shift-closed.png` });
  await cashier.getByTestId('shift-closed-done').click();
  await expect(cashier.getByTestId('shift-open-form')).toBeVisible();
  expect(screens.problems).toEqual([]);
});

test('the X and the Z on screen, the Z as CSV, and a second Z for the day refused', async ({ browser }) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  await paidSale(screens);

  await openDay(cashier);
  await cashier.getByTestId('day-tab-reports').click();
  await cashier.getByTestId('report-x').click();
  const report = cashier.getByTestId('report');
  await expect(report).toHaveAttribute('data-kind', 'x');
  await expect(cashier.getByTestId('tender-qris')).toContainText(/Rp\s44\.000/);
  await expect(cashier.getByTestId('report-sales-total')).toContainText(/Rp\s44\.000/);

  await cashier.getByTestId('report-z').click();
  await cashier.getByTestId('report-z-confirm').click();
  await expect(report).toHaveAttribute('data-kind', 'z');
  await expect(report).toHaveAttribute('data-label', 'Z-0001');
  await expect(cashier.getByTestId('z-history')).toContainText('Z-0001');
  await cashier.screenshot({ path: `${SHOTS}/z-screen.png` });
  await report.screenshot({ path: `${SHOTS}/z-report.png` });

  const [download] = await Promise.all([
    cashier.waitForEvent('download'),
    cashier.getByTestId('report-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Z-0001_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';', columns: true }) as Record<
    string,
    string
  >[];
  expect(rows.find((r) => r['nama'] === 'LAPORAN Z')?.['keterangan']).toBe('Z-0001');
  expect(rows.find((r) => r['bagian'] === 'pembayaran' && r['nama'] === 'QRIS')).toMatchObject({
    jumlah: '1',
    nilai_rp: '44000',
  });
  expect(rows.find((r) => r['nama'] === 'Total penjualan')?.['nilai_rp']).toBe('44000');

  await cashier.getByTestId('report-z').click();
  await cashier.getByTestId('report-z-confirm').click();
  const refused = cashier.getByTestId('report-error');
  await expect(refused).toContainText('sudah ditutup dengan Z-0001');
  await expect(refused).toContainText('already closed by Z-0001');
  expect(screens.problems).toEqual([]);
});
