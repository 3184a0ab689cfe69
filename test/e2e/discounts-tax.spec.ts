/**
 * A taxed and discounted QRIS sale, end to end: the manager sets PB1 10 % and a 5 % service charge
 * and a discount limit (through the settings commands, as the settings screen does); the cashier
 * gives a line discount within the limit and an order discount above it, the screen asks for the
 * manager's PIN (a wrong one is refused in both languages), and the QR asks for the very total
 * both screens show. The emulator, which refuses item_details that do not add up to the amount,
 * takes the charge and is paid.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/index.ts';
import { asManager } from './support/kiosk-calls.ts';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { chargeToQr, emvFields, openScreens, scanDisplayedQr } from './support/screens.ts';

const PIN = '4821';

let kiosk: Kiosk;
test.beforeEach(async () => {
  kiosk = await startKiosk();
  await asManager(kiosk, PIN, (calls) =>
    calls.call('settings.update', {
      patch: {
        pricing: {
          ...DEFAULT_PRICING_SETTINGS,
          tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
          servicePercent: 5,
          serviceTaxed: true,
        },
        discountApproval: { percent: 10, amount: 10_000 },
      },
    }),
  );
});
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
});

test('PB1, service, a line discount and an order discount approved by the manager’s PIN, paid by QRIS', async ({
  browser,
}) => {
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await cashier.getByTestId('quick-item-nasi-goreng').click();
  await cashier.getByTestId('quick-item-nasi-goreng').click();
  await cashier.getByTestId('quick-item-kopi-susu').click();

  // 10 % off the Nasi Goreng line (Rp 5.000: within the limit), typed on the keyboard.
  await cashier.getByTestId('cart-discount-nasi-goreng').click();
  await expect(cashier.getByTestId('line-nasi-goreng-discount-input')).toBeFocused();
  await cashier.keyboard.type('10');
  await cashier.getByTestId('line-nasi-goreng-discount-apply').click();
  await expect(cashier.getByTestId('cart-line-discount-nasi-goreng')).toContainText(/10\s%/);
  await expect(cashier.getByTestId('cart-line-total-nasi-goreng')).toHaveText(/45\.000/);

  // A discount above 100 % is refused in both languages before anything is sent.
  await cashier.getByTestId('order-discount-button').click();
  await cashier.getByTestId('order-discount-input').fill('150');
  await cashier.getByTestId('order-discount-apply').click();
  const refusal = cashier.getByTestId('order-discount-problem');
  await expect(refusal).toContainText('lebih dari 100 %');
  await expect(refusal).toContainText('more than 100%');

  // 15 % off the order: above the manager's 10 %.
  await cashier.getByTestId('order-discount-input').fill('15');
  await cashier.getByTestId('order-discount-apply').click();
  await expect(cashier.getByTestId('order-discount-button')).toContainText(/15\s%/);

  // 68.000 − 5.000 − 9.450 = 53.550; service 5 % = 2.678; PB1 10 % of 56.228 = 5.623.
  await expect(cashier.getByTestId('totals-subtotal')).toContainText(/68\.000/);
  await expect(cashier.getByTestId('totals-discounts')).toContainText(/14\.450/);
  await expect(cashier.getByTestId('totals-service')).toContainText(/2\.678/);
  await expect(cashier.getByTestId('totals-tax')).toContainText(/PB1/);
  await expect(cashier.getByTestId('totals-tax')).toContainText(/5\.623/);
  await expect(cashier.getByTestId('cart-total')).toHaveText(/61\.851/);
  const bill = display.getByTestId('display-bill');
  // The customer's bill adds up: lines before discounts make the subtotal, the discounts come off once.
  await expect(bill).toContainText(/2 × Nasi Goreng\s*Rp\s50\.000/);
  await expect(bill).toContainText(/Subtotal\s*Rp\s68\.000/);
  await expect(bill).toContainText(/Diskon\s*−Rp\s14\.450/);
  await expect(bill).toContainText(/Biaya layanan\s*Rp\s2\.678/);
  await expect(bill).toContainText(/PB1 10\s%\s*Rp\s5\.623/);
  await expect(display.getByTestId('display-amount')).toHaveText(/61\.851/);
  await cashier.screenshot({ path: join('test-results', 'cashier', 'discounts-tax.png') });

  // Charge: the manager's PIN first. A wrong one is refused, in both languages, and costs nothing else.
  await cashier.getByTestId('payment-type-qris').click();
  await cashier.getByTestId('charge-button').click();
  const prompt = cashier.getByTestId('approval-prompt');
  await expect(prompt).toBeVisible();
  await expect(cashier.getByTestId('approval-pin-input')).toBeFocused();
  await cashier.keyboard.type('0000');
  await cashier.keyboard.press('Enter');
  const error = cashier.getByTestId('approval-error');
  await expect(error.locator('.bilingual-first')).toContainText('PIN manajer salah');
  await expect(error.locator('.bilingual-second')).toContainText('Wrong manager PIN');
  await expect(cashier.getByTestId('live-order')).toHaveCount(0);
  await expect(cashier.getByTestId('approval-pin-input')).toHaveValue('');
  await cashier.screenshot({ path: join('test-results', 'cashier', 'approval-wrong-pin.png') });

  // The right PIN, on the pad: the sale starts.
  for (const digit of PIN) await cashier.getByTestId(`approval-key-${digit}`).click();
  await cashier.getByTestId('approval-submit').click();
  await expect(prompt).toHaveCount(0);
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'pending');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
  expect(Number(emvFields(await scanDisplayedQr(display)).get('54'))).toBe(61_851);
  await expect(display.getByTestId('display-amount')).toHaveText(/61\.851/);
  await expect(bill).toContainText(/PB1 10\s%\s*Rp\s5\.623/);
  await display.screenshot({ path: join('test-results', 'cashier', 'discounts-tax-display-qr.png') });

  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  await expect(cashier.getByTestId('sale-bill')).toContainText(/QRIS Rp\s61\.851/);
  expect(screens.problems).toEqual([]);
});

test('a discount within the limit needs no PIN; cancelling the PIN prompt charges nothing', async ({
  browser,
}) => {
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  await cashier.getByTestId('quick-item-kopi-susu').click();
  await cashier.getByTestId('order-discount-button').click();
  await cashier.getByTestId('order-discount-amount').click();
  await cashier.getByTestId('order-discount-input').fill('12.000');
  await cashier.getByTestId('order-discount-apply').click();
  await cashier.getByTestId('payment-type-qris').click();
  await cashier.getByTestId('charge-button').click();
  await expect(cashier.getByTestId('approval-prompt')).toBeVisible();
  await cashier.keyboard.press('Escape');
  await expect(cashier.getByTestId('approval-prompt')).toHaveCount(0);
  await expect(cashier.getByTestId('live-order')).toHaveCount(0);

  // Rp 3.000 off is within the manager's Rp 10.000: charged at once.
  // 15.000 + service 750 + PB1 10 % of 15.750 (1.575) = 17.325.
  await cashier.getByTestId('order-discount-button').click();
  await cashier.getByTestId('order-discount-input').fill('3000');
  await cashier.getByTestId('order-discount-apply').click();
  await expect(cashier.getByTestId('cart-total')).toHaveText(/17\.325/);
  await chargeToQr(screens);
  await expect(cashier.getByTestId('approval-prompt')).toHaveCount(0);
  expect(Number(emvFields(await scanDisplayedQr(screens.display)).get('54'))).toBe(17_325);
  expect(screens.problems).toEqual([]);
});
