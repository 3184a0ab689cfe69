/**
 * The manager's settings screen in browser mode: the PIN (created on the first visit, asked for
 * afterwards, with attempts left after a wrong one), the shop settings reaching both screens,
 * live bilingual checks, Lock, and the environment and keys read-only because browser mode takes
 * them from environment variables. Screenshots go to test-results/settings/.
 */
import { expect, test, type Page } from '@playwright/test';
import { FAKE_PIN, installFakeDesktop } from './support/fake-desktop.ts';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { openScreens, typeAmount } from './support/screens.ts';
import { createPin as createManagerPin, openSettings, typePin } from './support/settings-pin.ts';

const PIN = '4821';
const SHOTS = 'test-results/settings';

let kiosk: Kiosk;
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
});

/** The first visit: the PIN typed twice, once on the keyboard and once on the on-screen pad. */
const createPin = (cashier: Page) => createManagerPin(cashier, PIN);

test('first visit creates the PIN; a wrong PIN says how many tries are left; Lock asks again', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;

  await openSettings(cashier);
  await cashier.screenshot({ path: `${SHOTS}/create-pin.png` });
  await createPin(cashier);
  // The PIN is never echoed anywhere on the page.
  expect(await cashier.content()).not.toContain(PIN);
  await cashier.screenshot({ path: `${SHOTS}/form.png` });

  await cashier.getByTestId('settings-lock').click();
  const pinScreen = cashier.getByTestId('pin-screen');
  await expect(pinScreen).toHaveAttribute('data-purpose', 'unlock');
  await expect(cashier.getByTestId('settings-form')).toHaveCount(0);

  // Too short: refused on the screen, in both languages, without spending an attempt.
  await typePin(cashier, '12');
  await expect(cashier.getByTestId('pin-problem')).toContainText('4 sampai 8');
  await expect(cashier.getByTestId('pin-problem')).toContainText('4 to 8');

  await typePin(cashier, '0000');
  const error = cashier.getByTestId('pin-error');
  await expect(error.locator('.bilingual-first')).toBeVisible();
  await expect(error.locator('.bilingual-second')).toBeVisible();
  await expect(error).toContainText(/\d/);
  await expect(cashier.getByTestId('pin-input')).toHaveValue('');
  await cashier.screenshot({ path: `${SHOTS}/wrong-pin.png` });

  await typePin(cashier, PIN);
  await expect(cashier.getByTestId('settings-form')).toBeVisible();

  // Back to the sale ends the session: the next visit asks for the PIN again.
  await cashier.getByTestId('settings-back').click();
  await expect(cashier.getByTestId('amount-input')).toBeVisible();
  await expect(cashier.getByTestId('amount-input')).toBeFocused();
  await openSettings(cashier);
  await expect(pinScreen).toHaveAttribute('data-purpose', 'unlock');
  expect(screens.problems).toEqual([]);
});

test('the shop name and language are changed from the settings and reach both screens', async ({
  browser,
}) => {
  // No name from the environment, so the one stored by the settings screen is the one shown.
  kiosk = await startKiosk({ KIOSK_MERCHANT_NAME: '' });
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await openSettings(cashier);
  await createPin(cashier);

  const name = cashier.getByTestId('merchant-name-input');
  const save = cashier.getByTestId('settings-save');
  await expect(save).toBeDisabled();

  // Emptied: refused as it is typed, in both languages, and Save stays off.
  await name.fill('');
  const problem = cashier.getByTestId('problems-merchant-name');
  await expect(problem).toContainText('Nama toko wajib diisi');
  await expect(problem).toContainText('Enter the shop name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();
  await cashier.screenshot({ path: `${SHOTS}/empty-name.png` });

  await name.fill('Toko Uji Pengaturan');
  await expect(problem).toHaveCount(0);
  await expect(save).toBeEnabled();
  await save.click();
  // The display follows by itself, without a reload (a bound in seconds here would time the CI).
  await expect(display.getByTestId('display-merchant')).toHaveText('Toko Uji Pengaturan', {
    timeout: 10_000,
  });
  await expect(cashier.getByTestId('merchant-name')).toHaveText('Toko Uji Pengaturan');
  await expect(save).toBeDisabled();

  // The time limit shows its minutes as it is typed; out of range is refused.
  const timeout = cashier.getByTestId('timeout-input');
  await timeout.fill('20');
  await expect(cashier.getByTestId('problems-timeout')).toContainText('30');
  await timeout.fill('600');
  await expect(cashier.getByTestId('timeout-minutes')).toContainText('10');
  await expect(cashier.getByTestId('problems-timeout')).toHaveCount(0);

  // Language, from the settings form (saved together with the time limit).
  await cashier.getByTestId('settings-language-en').check();
  await save.click();
  await expect(cashier.locator('html')).toHaveAttribute('lang', 'en');
  await expect(display.getByTestId('display')).toHaveAttribute('data-language', 'en');
  await expect(cashier.locator('#settings-title')).toHaveText('Settings');
  await expect(cashier.getByTestId('settings-save-reason')).toContainText('saved');
  await cashier.screenshot({ path: `${SHOTS}/saved-english.png` });

  // Still there after a reload (stored, not only shown).
  await cashier.reload();
  await expect(cashier.getByTestId('merchant-name')).toHaveText('Toko Uji Pengaturan');
  await expect(cashier.getByTestId('language-en')).toHaveAttribute('aria-pressed', 'true');
  expect(screens.problems).toEqual([]);
});

test('environment and keys are read-only in browser mode; no settings while a sale is live', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;

  // A live sale keeps the settings closed, and says why.
  await typeAmount(cashier, 15_000);
  await cashier.getByTestId('charge-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'pending');
  await expect(cashier.getByTestId('settings-button')).toBeDisabled();
  await expect(cashier.getByTestId('settings-reason')).toBeVisible();
  await cashier.getByTestId('cancel-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'cancel');
  await expect(cashier.getByTestId('settings-button')).toBeEnabled();
  // The cancelled sale took no cash: New sale leaves it (voided as abandoned).
  await cashier.getByTestId('new-sale-button').click();

  // Keyboard only: Tab to the settings button, Enter opens it.
  await cashier.getByTestId('amount-input').focus();
  for (let i = 0; i < 80; i++) {
    await cashier.keyboard.press('Shift+Tab');
    if (await cashier.getByTestId('settings-button').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(cashier.getByTestId('settings-button')).toBeFocused();
  await cashier.keyboard.press('Enter');
  await expect(cashier.getByTestId('settings-screen')).toBeVisible();
  await createPin(cashier);

  await expect(cashier.getByTestId('environment-fixed')).toBeVisible();
  for (const mode of ['training', 'sandbox', 'production']) {
    await expect(cashier.getByTestId(`mode-${mode}`)).toBeDisabled();
  }
  await expect(cashier.getByTestId('mode-training')).toBeChecked();
  await expect(cashier.getByTestId('key-storage-environment')).toBeVisible();
  await expect(cashier.locator('input[type="password"]')).toHaveCount(0);
  await expect(cashier.getByTestId('key-save-sandbox')).toHaveCount(0);
  await expect(cashier.getByTestId('key-clear-production')).toHaveCount(0);
  // Browser mode sees no monitors: the choice is explained instead of offered.
  await expect(cashier.getByTestId('display-none')).toBeVisible();
  await cashier.screenshot({ path: `${SHOTS}/read-only.png` });
  await cashier.getByTestId('key-production').scrollIntoViewIfNeeded();
  await cashier.screenshot({ path: `${SHOTS}/read-only-keys.png` });

  // The banner still says training, and the sale view comes back whole.
  await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'training');
  await cashier.getByTestId('settings-back').click();
  await expect(cashier.getByTestId('charge-button')).toBeVisible();
  expect(screens.problems).toEqual([]);
});

test('desktop parts, on a stand-in for the preload: keys, keyring warning, monitors, production, a timed-out session', async ({
  browser,
}) => {
  // Browser mode only serves the page here; the API comes from the stand-in, as from a preload.
  kiosk = await startKiosk();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(installFakeDesktop, FAKE_PIN);
  const cashier = await context.newPage();
  const problems: string[] = [];
  cashier.on('pageerror', (error) => problems.push(error.message));
  cashier.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await cashier.goto(kiosk.cashierUrl);
  await expect(cashier.getByTestId('merchant-name')).toHaveText('Warung Desktop');
  const calls = () => cashier.evaluate(() => (window as unknown as { __fakeCalls: unknown[] }).__fakeCalls);

  await openSettings(cashier);
  await typePin(cashier, '1111');
  await expect(cashier.getByTestId('pin-error')).toContainText('Sisa 4');
  await expect(cashier.getByTestId('pin-error')).toContainText('4 attempts left');
  await typePin(cashier, FAKE_PIN);
  await expect(cashier.getByTestId('settings-form')).toBeVisible();

  // A Linux PC without a keyring: said plainly, in both languages.
  const weak = cashier.getByTestId('key-storage-weak');
  await expect(weak).toContainText('GNOME Keyring');
  await expect(weak).toContainText('keyring yang aktif');

  // Monitors: both seen, and the chosen one that is unplugged, marked so.
  await expect(cashier.getByTestId('display-choice-display-1')).not.toBeChecked();
  await expect(cashier.getByTestId('display-choice-display-9')).toBeChecked();
  await expect(
    cashier.locator('label', { has: cashier.getByTestId('display-choice-display-9') }),
  ).toContainText('tidak tersambung');
  await expect(
    cashier.locator('label', { has: cashier.getByTestId('display-choice-display-2') }),
  ).toContainText('1920×1080');

  // A sandbox key: checked as typed, tested before saving, saved, and gone from the field.
  const input = cashier.getByTestId('key-input-sandbox');
  await expect(input).toHaveAttribute('type', 'password');
  await expect(input).toHaveAttribute('autocomplete', 'off');
  await expect(input).toHaveValue('');
  await input.fill('Mid-server-abcdefgh12345');
  await expect(cashier.getByTestId('problems-key-sandbox')).toContainText('production');
  await expect(cashier.getByTestId('key-save-sandbox')).toBeDisabled();
  const key = 'SB-Mid-server-abcdefgh12345';
  await input.fill(key);
  await expect(cashier.getByTestId('problems-key-sandbox')).toHaveCount(0);
  await cashier.getByTestId('key-test-sandbox').click();
  await expect(cashier.getByTestId('key-sandbox').getByTestId('key-test-result')).toHaveAttribute(
    'data-outcome',
    'works',
  );
  await cashier.getByTestId('key-save-sandbox').click();
  await expect(input).toHaveValue('');
  await expect(cashier.getByTestId('key-status-sandbox')).toContainText('Tersimpan');
  await expect(cashier.getByTestId('key-save-sandbox')).toHaveText('Ganti');
  expect(await cashier.content()).not.toContain(key);
  expect(await calls()).toContainEqual(['setKey', 'sandbox', key.length]);
  await cashier.getByTestId('key-sandbox').scrollIntoViewIfNeeded();
  await cashier.screenshot({ path: `${SHOTS}/desktop-keys.png` });

  // Production without its key: confirmed as real money first, then refused next to the environment.
  await cashier.getByTestId('mode-production').check();
  await cashier.getByTestId('settings-save').click();
  await expect(cashier.getByTestId('confirm-production')).toBeFocused();
  await cashier.screenshot({ path: `${SHOTS}/confirm-production.png` });
  await cashier.keyboard.press('Enter');
  const environmentError = cashier.getByTestId('environment-error');
  await expect(environmentError).toContainText('Belum ada server key');
  await expect(environmentError).toContainText('No server key is stored');

  // Sandbox has its key now: switched, and the banner follows.
  await cashier.getByTestId('mode-sandbox').check();
  await expect(environmentError).toHaveCount(0);
  await cashier.getByTestId('settings-save').click();
  await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'sandbox');
  expect(await calls()).toContainEqual(['update', { mode: 'sandbox' }]);

  // Clearing asks first, with focus on the answer that keeps the key.
  await cashier.getByTestId('key-clear-sandbox').click();
  await expect(cashier.getByTestId('key-clear-cancel-sandbox')).toBeFocused();
  await cashier.keyboard.press('Enter');
  await expect(cashier.getByTestId('key-status-sandbox')).toContainText('Tersimpan');
  await cashier.getByTestId('key-clear-sandbox').click();
  await cashier.getByTestId('key-clear-confirm-sandbox').click();
  await expect(cashier.getByTestId('key-status-sandbox')).toContainText('Belum ada');

  // A refusal from the main process lands next to its field.
  const name = cashier.getByTestId('merchant-name-input');
  await name.fill('Toko TOLAK');
  await cashier.getByTestId('settings-save').click();
  await expect(cashier.getByTestId('problems-merchant-name')).toContainText('Nama ini ditolak kiosk');

  // The session times out with an edit in the form: the PIN again, and the edit is still there.
  await name.fill('Toko Sesudah Jeda');
  await cashier.evaluate(() => (window as unknown as { __fakeExpire: () => void }).__fakeExpire());
  await cashier.getByTestId('settings-save').click();
  await expect(cashier.getByTestId('pin-screen')).toHaveAttribute('data-purpose', 'unlock');
  await expect(cashier.getByTestId('pin-error')).toContainText('terkunci');
  await expect(cashier.getByTestId('pin-edits-kept')).toBeVisible();
  await cashier.screenshot({ path: `${SHOTS}/session-timed-out.png` });
  await typePin(cashier, FAKE_PIN);
  await expect(name).toHaveValue('Toko Sesudah Jeda');
  await cashier.getByTestId('settings-save').click();
  await expect(cashier.getByTestId('merchant-name')).toHaveText('Toko Sesudah Jeda');

  // No PIN was ever sent except in unlock calls, and no key in any call.
  expect(JSON.stringify(await calls())).not.toContain(FAKE_PIN);
  expect(problems).toEqual([]);
  await context.close();
});
