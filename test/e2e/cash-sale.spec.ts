/**
 * Cash at the till: the cash received typed or picked from the quick buttons, the change on both
 * screens before and after, cash short of the total refused with the shortfall in both languages,
 * and the shop's cash rounding applied to cash only (QRIS is charged to the rupiah).
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/index.ts';
import { asManager } from './support/kiosk-calls.ts';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { openScreens } from './support/screens.ts';

let kiosk: Kiosk;
test.beforeEach(async () => {
  kiosk = await startKiosk();
});
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
});

test('a cash sale: short cash refused, the change shown on both screens, paid at once', async ({
  browser,
}) => {
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await cashier.getByTestId('quick-item-nasi-goreng').click();
  await cashier.getByTestId('quick-item-es-teh-manis').click();
  await expect(cashier.getByTestId('cart-total')).toHaveText(/33\.000/);

  await cashier.getByTestId('tender-cash').click();
  const charge = cashier.getByTestId('charge-button');
  const received = cashier.getByTestId('cash-received');
  await expect(received).toBeFocused();
  await expect(charge).toBeDisabled();
  await expect(cashier.getByTestId('charge-reason')).toContainText('uang yang diterima');

  // Rp 20.000 for Rp 33.000: refused, with the shortfall, in both languages.
  await cashier.getByTestId('quick-cash-20000').click();
  const error = cashier.getByTestId('sale-error');
  await expect(error.locator('.bilingual-first')).toContainText('kurang Rp 13.000');
  await expect(error.locator('.bilingual-second')).toContainText('Rp 13.000 short');
  await expect(charge).toBeDisabled();

  // Typed on the keyboard, as a till's amount: the change follows, on the customer's side too.
  await cashier.keyboard.press('Escape');
  await cashier.keyboard.type('50000');
  await expect(received).toHaveValue(/50\.000/);
  await expect(error).toHaveCount(0);
  await expect(cashier.getByTestId('change-due')).toHaveText(/17\.000/);
  await expect(charge).toHaveText(/Terima tunai Rp\s33\.000/);
  await expect(display.getByTestId('display-bill')).toContainText(/Tunai\s*Rp\s50\.000/);
  await expect(display.getByTestId('display-bill')).toContainText(/Kembalian\s*Rp\s17\.000/);
  await cashier.screenshot({ path: join('test-results', 'cashier', 'cash-received.png') });

  // Enter takes the cash: no QR, no gateway; paid at once, the change on both screens.
  await cashier.keyboard.press('Enter');
  const result = cashier.getByTestId('sale-result');
  await expect(result).toHaveAttribute('data-state', 'paid');
  await expect(cashier.getByTestId('result-change')).toHaveText(/17\.000/);
  await expect(cashier.getByTestId('live-order')).toHaveCount(0);
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  await expect(display.getByTestId('display-change')).toHaveText(/Rp\s17\.000/);
  await cashier.screenshot({ path: join('test-results', 'cashier', 'cash-paid.png') });
  await display.screenshot({ path: join('test-results', 'cashier', 'cash-paid-display.png') });

  // The exact amount: no change; the next sale starts with New sale.
  await cashier.getByTestId('new-sale-button').click();
  await cashier.getByTestId('quick-item-kopi-susu').click();
  await cashier.getByTestId('tender-cash').click();
  await cashier.getByTestId('quick-cash-exact').click();
  await expect(cashier.getByTestId('change-due')).toHaveText(/Rp\s0/);
  await cashier.getByTestId('charge-button').click();
  await expect(result).toHaveAttribute('data-state', 'paid');
  await expect(cashier.getByTestId('result-change')).toHaveText(/Rp\s0$/);
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  await expect(display.getByTestId('display-change')).toHaveCount(0);
  expect(screens.problems).toEqual([]);
});

test('cash rounding applies to cash only: the QR asks for the rupiah', async ({ browser }) => {
  await asManager(kiosk, '4821', (calls) =>
    calls.call('settings.update', {
      patch: {
        pricing: {
          ...DEFAULT_PRICING_SETTINGS,
          tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
          cashRounding: { unit: 100, mode: 'half-up' },
        },
      },
    }),
  );
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  // Rp 4.500 + PB1 10 % = Rp 4.950; in cash, Rp 5.000.
  await cashier.getByTestId('quick-item-telur').click();
  await cashier.getByTestId('quick-item-tahu-isi').click();
  await expect(cashier.getByTestId('totals-tax')).toContainText('PB1');
  await expect(cashier.getByTestId('cart-total')).toHaveText(/4\.950/);
  await cashier.getByTestId('payment-type-qris').click();
  await expect(cashier.getByTestId('charge-button')).toHaveText(/Rp\s4\.950/);
  await expect(cashier.getByTestId('cash-total')).toHaveCount(0);

  await cashier.getByTestId('tender-cash').click();
  await expect(cashier.getByTestId('totals-cash-rounding')).toContainText('50');
  await expect(cashier.getByTestId('cash-total')).toHaveText(/5\.000/);
  await cashier.getByTestId('quick-cash-exact').click();
  await expect(cashier.getByTestId('charge-button')).toHaveText(/Rp\s5\.000/);
  await expect(display.getByTestId('display-amount')).toHaveText(/5\.000/);
  await cashier.getByTestId('charge-button').click();
  await expect(cashier.getByTestId('sale-result')).toHaveAttribute('data-state', 'paid');
  await expect(cashier.getByTestId('sale-bill')).toContainText(/Tunai Rp\s5\.000/);
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  expect(screens.problems).toEqual([]);
});
