/**
 * Sales through both windows, and the settings that change where they go: a training sale to
 * paid; the manager's PIN, a sandbox key stored and never readable, sandbox on an emulator on
 * 127.0.0.1 with the shop's quick items; a keyring reset that leaves the key unreadable.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../e2e/support/processes.ts';
import { chargeToQr, typeAmount } from '../e2e/support/screens.ts';
import { expect, test } from './support/fixtures.ts';
import { createPin, filesContaining, openSettings, pageLeaks } from './support/screens-ui.ts';
import { PIN, skipWithoutElectron } from './support/scenario.ts';

skipWithoutElectron();

test('a training sale: amount, Charge, QR on the customer display, simulated payment, paid on both', async ({
  launchKiosk,
}) => {
  const kiosk = await launchKiosk();
  const { cashier, display } = kiosk;
  await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'training');
  // Training mode's own staples, with no list of the shop's.
  await expect(cashier.getByTestId('quick-item-kopi-susu')).toBeVisible();
  await typeAmount(cashier, 44000);
  await cashier.getByTestId('payment-type-qris').click();
  await chargeToQr(kiosk);
  await expect(display.getByTestId('display-amount')).toHaveText(/Rp\s44\.000/);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  expect(kiosk.problems).toEqual([]);
});

test('settings: PIN, a sandbox key stored and never readable, sandbox on an emulator, the shop’s quick items', async ({
  launchKiosk,
}) => {
  const emulator = await startEmulator();
  const itemsDir = mkdtempSync(join(tmpdir(), 'kiosk-items-'));
  try {
    const itemsFile = join(itemsDir, 'quick-items.json');
    writeFileSync(itemsFile, JSON.stringify([{ id: 'sate-ayam', name: 'Sate Ayam', price: 27_000 }]));
    const kiosk = await launchKiosk({
      env: { MIDTRANS_API_URL: emulator.url, KIOSK_QUICK_ITEMS_FILE: itemsFile },
    });
    const { cashier, display, dataDir } = kiosk;
    // The shop's own list, as browser mode shows it (not training's staples).
    await expect(cashier.getByTestId('quick-item-sate-ayam')).toBeVisible();
    await expect(cashier.getByTestId('quick-item-kopi-susu')).toHaveCount(0);

    await openSettings(cashier);
    await createPin(cashier, PIN);
    // No keyring here (--password-store=basic): said plainly.
    await expect(cashier.getByTestId('key-storage-weak')).toBeVisible();

    const key = emulator.serverKey;
    const input = cashier.getByTestId('key-input-sandbox');
    await input.fill(key);
    await cashier.getByTestId('key-test-sandbox').click();
    await expect(cashier.getByTestId('key-sandbox').getByTestId('key-test-result')).toHaveAttribute(
      'data-outcome',
      'works',
    );
    await cashier.getByTestId('key-save-sandbox').click();
    await expect(input).toHaveValue('');
    await expect(cashier.getByTestId('key-status-sandbox')).toContainText('Tersimpan');

    await cashier.getByTestId('mode-sandbox').check();
    await cashier.getByTestId('settings-save').click();
    await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'sandbox');
    await cashier.getByTestId('settings-back').click();

    // A sandbox sale against the emulator, rung up with the shop's quick item.
    await cashier.getByTestId('quick-item-sate-ayam').click();
    await expect(cashier.getByTestId('cart-total')).toHaveText(/27\.000/);
    await cashier.getByTestId('payment-type-qris').click();
    const orderId = await chargeToQr(kiosk);
    await expect(display.getByTestId('display-amount')).toHaveText(/Rp\s27\.000/);
    await emulator.control(`orders/${orderId}/pay`, {});
    await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
    await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');

    // The key: in neither window, in no file of the data folder; its ciphertext in settings.json.
    for (const page of [cashier, display]) expect(await pageLeaks(page, key)).toEqual([]);
    expect(filesContaining(dataDir, key)).toEqual([]);
    const settings = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(settings)).toContain('sandbox');
    expect(kiosk.problems).toEqual([]);
  } finally {
    await emulator.stop();
    rmSync(itemsDir, { recursive: true, force: true });
  }
});

test('after a keyring reset the stored key reads as none: the till stays in sandbox and refuses sales', async ({
  launcher,
  launchKiosk,
}) => {
  test.skip(
    launcher === 'electron',
    'A test cannot reset the OS keyring; the stand-in switches its safeStorage backend',
  );
  const emulator = await startEmulator();
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-keyring-'));
  try {
    const keyring = { MIDTRANS_API_URL: emulator.url, ELECTRON_STANDIN_SAFE_STORAGE: 'gnome_libsecret' };
    const first = await launchKiosk({ dataDir, env: keyring });
    await openSettings(first.cashier);
    await createPin(first.cashier, PIN);
    await first.cashier.getByTestId('key-input-sandbox').fill(emulator.serverKey);
    await first.cashier.getByTestId('key-save-sandbox').click();
    await expect(first.cashier.getByTestId('key-status-sandbox')).toContainText('Tersimpan');
    await first.cashier.getByTestId('mode-sandbox').check();
    await first.cashier.getByTestId('settings-save').click();
    await expect(first.cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'sandbox');
    await first.closeWindow('cashier');
    expect(await first.exited()).toBe(0);

    // The keyring is gone: the same ciphertext, another secret.
    const second = await launchKiosk({
      dataDir,
      env: { ...keyring, ELECTRON_STANDIN_SAFE_STORAGE: 'kwallet5' },
    });
    const { cashier } = second;
    await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'sandbox');
    expect(second.output()).toMatch(/stored sandbox server key cannot be decrypted/);
    await typeAmount(cashier, 12000);
    await cashier.getByTestId('charge-button').click();
    await expect(cashier.getByTestId('sale-error')).toContainText(/server key/i);
    await expect(cashier.getByTestId('live-order')).toHaveCount(0);
    await openSettings(cashier);
    await cashier.keyboard.type(PIN);
    await cashier.keyboard.press('Enter');
    await expect(cashier.getByTestId('key-status-sandbox')).not.toContainText('Tersimpan');
    expect(second.problems).toEqual([]);
  } finally {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
