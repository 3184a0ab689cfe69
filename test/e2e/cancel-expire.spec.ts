/** Sales that end without money: the cashier cancels, the kiosk's window runs out, the wallet declines. */
import { expect, test } from '@playwright/test';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { chargeToQr, countdownSeconds, openScreens, typeAmount } from './support/screens.ts';

let kiosk: Kiosk | undefined;
test.afterEach(async () => {
  if (kiosk) expect(await kiosk.stop()).toBe(0);
  kiosk = undefined;
});

test('cancel: the order ends at the gateway, the display says cancelled, history keeps it', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await typeAmount(cashier, 12500);
  const orderId = await chargeToQr(screens);
  await cashier.getByTestId('cancel-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'cancel');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'cancelled');
  await expect(display.getByTestId('display-qr')).toHaveCount(0);
  await expect(cashier.getByTestId('simulate-pay-button')).toHaveCount(0);
  await expect(cashier.locator(`[data-testid="history-row"][data-order-id="${orderId}"]`)).toHaveAttribute(
    'data-state',
    'cancel',
  );
  expect(screens.problems).toEqual([]);
});

test('the kiosk timeout: the countdown reaches zero and both screens say expired', async ({ browser }) => {
  kiosk = await startKiosk({ KIOSK_TIMEOUT_SECONDS: '6' });
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await typeAmount(cashier, 7000);
  await chargeToQr(screens);
  expect(await countdownSeconds(display, 'display-countdown')).toBeLessThanOrEqual(6);
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'expired', { timeout: 15_000 });
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', /^(expire|cancel)$/);
  await expect(display.getByTestId('display-result')).toBeVisible();
  expect(screens.problems).toEqual([]);
});

test('the customer lets the QR expire at the gateway (simulated)', async ({ browser }) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  await typeAmount(screens.cashier, 9000);
  await chargeToQr(screens);
  await screens.cashier.getByTestId('simulate-expire-button').click();
  await expect(screens.cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'expire', {
    timeout: 3000,
  });
  await expect(screens.display.getByTestId('display')).toHaveAttribute('data-scene', 'expired');
  expect(screens.problems).toEqual([]);
});

test('the wallet declines (simulated): the display never says paid', async ({ browser }) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  await typeAmount(screens.cashier, 9000);
  await chargeToQr(screens);
  await screens.cashier.getByTestId('simulate-deny-button').click();
  await expect(screens.cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'deny', {
    timeout: 3000,
  });
  await expect(screens.display.getByTestId('display')).toHaveAttribute('data-scene', 'failed');
  expect(screens.problems).toEqual([]);
});
