/** What the cashier types and reads: refusals in both languages, the language switch, the keyboard. */
import { expect, test } from '@playwright/test';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { openScreens, typeAmount } from './support/screens.ts';

let kiosk: Kiosk;
test.beforeEach(async () => {
  kiosk = await startKiosk();
});
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
});

test('bad amounts are refused with a message in both languages and nothing is charged', async ({
  browser,
}) => {
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  const charge = cashier.getByTestId('charge-button');

  // Nothing typed.
  await expect(charge).toBeDisabled();

  // Above what QRIS accepts (10,000,000).
  await cashier.getByTestId('payment-type-qris').click();
  await typeAmount(cashier, 10_000_001);
  const error = cashier.getByTestId('sale-error');
  await expect(error).toContainText('maksimal');
  await expect(error).toContainText('most');
  await expect(charge).toBeDisabled();

  // The same amount is fine for GoPay (20,000,000).
  await cashier.getByTestId('payment-type-gopay').click();
  await expect(error).toHaveCount(0);
  await expect(charge).toBeEnabled();

  // Letters never reach the amount.
  await typeAmount(cashier, 0);
  await cashier.getByTestId('amount-input').pressSequentially('abc');
  await expect(charge).toBeDisabled();

  await expect(cashier.getByTestId('history-row')).toHaveCount(0);
  await expect(cashier.getByTestId('live-order')).toHaveCount(0);
  expect(screens.problems).toEqual([]);
});

test('the language switch changes both screens and survives a reload', async ({ browser }) => {
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await expect(cashier.locator('html')).toHaveAttribute('lang', 'id');
  await expect(display.getByTestId('display')).toHaveAttribute('data-language', 'id');
  const chargeId = await cashier.getByTestId('charge-button').textContent();

  await cashier.getByTestId('language-en').click();
  await expect(cashier.getByTestId('language-en')).toHaveAttribute('aria-pressed', 'true');
  await expect(cashier.locator('html')).toHaveAttribute('lang', 'en');
  await expect(display.getByTestId('display')).toHaveAttribute('data-language', 'en');
  await expect(cashier.getByTestId('charge-button')).not.toHaveText(chargeId ?? '');
  await expect(cashier.getByTestId('charge-button')).toContainText(/charge/i);

  await cashier.reload();
  await expect(cashier.getByTestId('language-en')).toHaveAttribute('aria-pressed', 'true');
  await cashier.getByTestId('language-id').click();
  await expect(display.getByTestId('display')).toHaveAttribute('data-language', 'id');
  expect(screens.problems).toEqual([]);
});

test('keyboard only: type an amount, Enter charges, Tab reaches Cancel with a visible focus ring on the way', async ({
  browser,
}) => {
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await cashier.getByTestId('amount-input').focus();
  await cashier.keyboard.type('25000');
  await cashier.keyboard.press('Enter');
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'pending');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');

  // Every focused control shows a focus ring.
  const cancel = cashier.getByTestId('cancel-button');
  for (let i = 0; i < 40; i++) {
    await cashier.keyboard.press('Tab');
    const focused = await cashier.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        testId: el.dataset.testid ?? '',
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== 'none',
      };
    });
    if (focused === null) continue;
    expect(focused.ring || focused.shadow, `focus ring on ${focused.testId}`).toBe(true);
    if (focused.testId === 'cancel-button') break;
  }
  await expect(cancel).toBeFocused();
  await cashier.keyboard.press('Enter');
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'cancel');
  expect(screens.problems).toEqual([]);
});

test('the on-screen keypad types, deletes and clears the amount', async ({ browser }) => {
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  const amount = cashier.getByTestId('amount-input');
  // The keypad has its own view beside the catalogue.
  await cashier.getByTestId('view-keypad').click();
  for (const key of ['1', '2', '000', '5']) await cashier.getByTestId(`keypad-${key}`).click();
  await expect(amount).toHaveValue(/120\.005/);
  await cashier.getByTestId('keypad-back').click();
  await expect(amount).toHaveValue(/12\.000/);
  await expect(cashier.getByTestId('charge-button')).toContainText(/12\.000/);
  await cashier.getByTestId('keypad-clear').click();
  await expect(amount).toHaveValue('');
  await expect(cashier.getByTestId('charge-button')).toBeDisabled();
  expect(screens.problems).toEqual([]);
});
