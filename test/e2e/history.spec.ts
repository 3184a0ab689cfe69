/**
 * The history screen in browser mode on the training emulator: a few sales (one cancelled), then
 * search, filters, bad input refused in both languages without a search being run, and a sale's
 * detail with every gateway call. The shop is set to WITA in Settings while the browser runs in
 * another zone: every time on the screen is the shop's. Screenshots go to test-results/history/.
 */
import { expect, test, type Page } from '@playwright/test';
import { formatShopDateTime } from '../../common/shop-time.ts';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { chargeToQr, openScreens, typeAmount, type Screens } from './support/screens.ts';

const PIN = '5903';
const SHOTS = 'test-results/history';
const WITA = 480;

let kiosk: Kiosk;
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
});

async function setShopZone(cashier: Page): Promise<void> {
  await cashier.getByTestId('settings-button').click();
  const pin = cashier.getByTestId('pin-input');
  await expect(pin).toBeFocused();
  for (let i = 0; i < 2; i++) {
    await cashier.keyboard.type(PIN);
    await cashier.keyboard.press('Enter');
  }
  await expect(cashier.getByTestId('settings-form')).toBeVisible();
  await expect(cashier.getByTestId('shop-time-note')).toContainText('sudah tercatat');
  await cashier.getByTestId('shop-zone-WITA').check();
  await cashier.getByTestId('settings-save').click();
  await expect(cashier.getByTestId('settings-save-reason')).toHaveAttribute('data-done', 'saved');
  await cashier.getByTestId('settings-back').click();
  await expect(cashier.getByTestId('amount-input')).toBeVisible();
}

async function paidSale(screens: Screens, amount: number, type: 'qris' | 'gopay'): Promise<void> {
  const { cashier } = screens;
  await typeAmount(cashier, amount);
  await cashier.getByTestId(`payment-type-${type}`).click();
  await chargeToQr(screens);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  await cashier.getByTestId('new-sale-button').click();
}

async function cancelledSale(screens: Screens, amount: number): Promise<void> {
  const { cashier } = screens;
  await typeAmount(cashier, amount);
  await chargeToQr(screens);
  await cashier.getByTestId('cancel-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'cancel');
  // Moving on abandons the sale whose QR was cancelled.
  await cashier.getByTestId('new-sale-button').click();
}

function results(cashier: Page) {
  return cashier.getByTestId('history-result');
}

test('sales searched, filtered and opened: every gateway call, on the shop clock (WITA), never the browser’s', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk, { timezoneId: 'America/Sao_Paulo' });
  const { cashier } = screens;
  await setShopZone(cashier);
  await paidSale(screens, 44_000, 'qris');
  await paidSale(screens, 12_500, 'gopay');
  await cancelledSale(screens, 27_000);

  // The way in is on the recent sales' tab of the work area (the catalogue shows first).
  await cashier.getByTestId('view-history').click();
  await cashier.getByTestId('history-open-button').click();
  await expect(cashier.getByTestId('history-screen')).toBeVisible();
  await expect(cashier.getByTestId('history-zone')).toContainText('WITA');
  await expect(results(cashier)).toHaveCount(3);
  await expect(results(cashier).nth(0)).toHaveAttribute('data-state', 'cancelled');
  await expect(results(cashier).nth(0)).toContainText('27.000');
  await expect(results(cashier).nth(1)).toHaveAttribute('data-state', 'paid');
  await expect(results(cashier).nth(1)).toHaveAttribute('data-tender', 'gopay');
  await expect(results(cashier).nth(2)).toContainText('44.000');
  // Each row's time is the shop's (UTC+8), not the browser's (UTC−3).
  for (let i = 0; i < 3; i++) {
    const time = results(cashier).nth(i).locator('time');
    const at = Date.parse((await time.getAttribute('datetime')) ?? '');
    await expect(time).toHaveText(formatShopDateTime(at, WITA));
  }
  await cashier.screenshot({ path: `${SHOTS}/list.png` });

  // Search by amount, as a person types it.
  await cashier.getByTestId('history-amount-input').fill('Rp 44.000');
  await cashier.getByTestId('history-search').click();
  await expect(results(cashier)).toHaveCount(1);
  await expect(results(cashier).first()).toContainText('44.000');

  // Filter by state.
  await cashier.getByTestId('history-clear').click();
  await expect(results(cashier)).toHaveCount(3);
  await cashier.getByTestId('history-state-select').selectOption('cancelled');
  await cashier.getByTestId('history-search').click();
  await expect(results(cashier)).toHaveCount(1);
  await expect(results(cashier).first()).toHaveAttribute('data-state', 'cancelled');
  await cashier.getByTestId('history-state-select').selectOption('');
  await cashier.getByTestId('history-tender-select').selectOption('qris');
  await cashier.getByTestId('history-search').click();
  await expect(results(cashier)).toHaveCount(1);
  await expect(results(cashier).first()).toContainText('44.000');

  // Bad input: explained beside the field in both languages; no search is run.
  await cashier.getByTestId('history-from-input').fill('2026-12-10');
  await cashier.getByTestId('history-to-input').fill('2026-12-01');
  await cashier.getByTestId('history-amount-input').fill('12,5');
  await cashier.getByTestId('history-search').click();
  await expect(cashier.getByTestId('history-to-problems')).toContainText('terbalik');
  await expect(cashier.getByTestId('history-to-problems')).toContainText('reversed');
  await expect(cashier.getByTestId('history-amount-problems')).toContainText('rupiah bulat');
  await expect(cashier.getByTestId('history-amount-problems')).toContainText('whole rupiah');
  await expect(results(cashier)).toHaveCount(1);
  await cashier.screenshot({ path: `${SHOTS}/refused.png` });

  // The detail of the QRIS sale: lines, payment, and what the gateway said to every call.
  await cashier.getByTestId('history-clear').click();
  await expect(results(cashier)).toHaveCount(3);
  await results(cashier).nth(2).getByTestId('history-open').click();
  const detail = cashier.getByTestId('history-detail');
  await expect(detail.getByTestId('history-summary')).toHaveAttribute('data-state', 'paid');
  await expect(detail.getByTestId('history-line')).toHaveCount(1);
  await expect(detail.getByTestId('history-total')).toContainText('44.000');
  await expect(detail.getByTestId('history-payment')).toHaveAttribute('data-state', 'settlement');
  const charge = detail.locator('[data-testid="timeline-entry"][data-operation="charge"]');
  await expect(charge.getByTestId('timeline-endpoint')).toHaveText('POST /v2/charge');
  await expect(charge.getByTestId('timeline-call')).toContainText(/HTTP 200 · status_code 201 · \d+ ms/);
  const settled = detail
    .locator('[data-testid="timeline-entry"][data-operation="status"]')
    .filter({ hasText: 'settlement' });
  await expect(settled.getByTestId('timeline-call')).toContainText('status_code 200');
  await expect(detail.locator('[data-testid="timeline-entry"][data-kind="state"]')).not.toHaveCount(0);
  await expect(detail.locator('[data-testid="timeline-entry"][data-kind="qr"]')).not.toHaveCount(0);
  // Nothing printed or refunded: those sections are not there at all.
  await expect(detail.getByTestId('history-receipts')).toHaveCount(0);
  await expect(detail.getByTestId('history-refunds')).toHaveCount(0);
  await cashier.screenshot({ path: `${SHOTS}/detail.png`, fullPage: true });

  // The cancelled one shows the cashier's cancel request and the call that ended it.
  await results(cashier).nth(0).getByTestId('history-open').click();
  await expect(cashier.getByTestId('history-detail')).toHaveAttribute('data-id', /^S/);
  await expect(detail.locator('[data-testid="timeline-entry"][data-kind="cancel-requested"]')).toHaveCount(1);
  await expect(detail.locator('[data-testid="timeline-entry"][data-operation="cancel"]')).not.toHaveCount(0);

  await cashier.getByTestId('history-back').click();
  await expect(cashier.getByTestId('amount-input')).toBeVisible();
  expect(screens.problems).toEqual([]);
});
