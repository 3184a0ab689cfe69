/**
 * The gateway goes away (sandbox mode against a standalone emulator behind a switchable proxy),
 * and the kiosk restarts mid-sale: the cashier is told in plain words, no order is lost, and
 * "paid" only ever comes from the gateway.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startEmulator, startKiosk, type Emulator, type Kiosk } from './support/processes.ts';
import { chargeToQr, emvFields, openScreens, scanDisplayedQr, typeAmount } from './support/screens.ts';
import { startSwitchableProxy, type SwitchableProxy } from './support/switchable-proxy.ts';

let emulator: Emulator;
let proxy: SwitchableProxy;
let kiosk: Kiosk | undefined;

test.beforeEach(async () => {
  emulator = await startEmulator();
  proxy = await startSwitchableProxy(emulator.url);
});
test.afterEach(async () => {
  if (kiosk) expect(await kiosk.stop()).toBe(0);
  kiosk = undefined;
  await proxy.close();
  await emulator.stop();
});

const sandbox = (): NodeJS.ProcessEnv => ({
  KIOSK_MODE: 'sandbox',
  MIDTRANS_API_URL: proxy.url,
  MIDTRANS_SERVER_KEY: emulator.serverKey,
});

test('down while the QR is up: the cashier is told, the order stays, a payment made meanwhile is found', async ({
  browser,
}) => {
  kiosk = await startKiosk(sandbox());
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'sandbox');
  await expect(cashier.getByTestId('simulate-pay-button')).toHaveCount(0);
  await typeAmount(cashier, 15000);
  await cashier.getByTestId('payment-type-qris').click();
  const orderId = await chargeToQr(screens);
  const truth = (await emulator.control(`orders/${orderId}`)) as { qrString: string; grossAmount: number };
  expect(await scanDisplayedQr(display)).toBe(truth.qrString);
  expect(Number(emvFields(truth.qrString).get('54'))).toBe(Number('15000'));

  await proxy.down();
  await expect(cashier.getByTestId('gateway-health')).toHaveAttribute('data-health', 'unreachable', {
    timeout: 10_000,
  });
  await expect(cashier.getByTestId('gateway-health')).toBeVisible();
  // The customer pays while the kiosk cannot ask: nobody may guess either way.
  await emulator.control(`orders/${orderId}/pay`, {});
  await cashier.getByTestId('check-now-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'pending');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');

  // A reload during the outage still shows the sale: it lives in the journal, not in the page.
  await cashier.reload();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-order-id', orderId);

  await proxy.up();
  await cashier.getByTestId('check-now-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement', {
    timeout: 5000,
  });
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  await expect(cashier.getByTestId('gateway-health')).toHaveAttribute('data-health', 'ok');
  expect(screens.problems).toEqual([]);
});

test('down at Charge: a plain message, the order is kept as not sent, nothing reaches the gateway', async ({
  browser,
}) => {
  kiosk = await startKiosk(sandbox());
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await proxy.down();
  await typeAmount(cashier, 21000);
  await cashier.getByTestId('charge-button').click();
  const live = cashier.getByTestId('live-order');
  await expect(live).toHaveAttribute('data-state', 'failed', { timeout: 10_000 });
  await expect(cashier.getByTestId('live-detail')).not.toBeEmpty();
  await expect(cashier.getByTestId('gateway-health')).toHaveAttribute('data-health', 'unreachable');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'failed');
  const orderId = (await live.getAttribute('data-order-id')) ?? '';
  await expect(cashier.locator(`[data-testid="history-row"][data-order-id="${orderId}"]`)).toHaveAttribute(
    'data-state',
    'failed',
  );
  await expect(emulator.control(`orders/${orderId}`)).rejects.toThrow(/404/);

  // Back up: the next sale goes through.
  await proxy.up();
  await cashier.getByTestId('new-sale-button').click();
  await typeAmount(cashier, 21000);
  await chargeToQr(screens);
  expect(screens.problems).toEqual([]);
});

test('the kiosk restarts mid-sale: the QR comes back on the display and the payment is seen', async ({
  browser,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-restart-'));
  try {
    kiosk = await startKiosk(sandbox(), dataDir);
    const before = await openScreens(browser, kiosk);
    await typeAmount(before.cashier, 33000);
    await before.cashier.getByTestId('payment-type-qris').click();
    const orderId = await chargeToQr(before);
    expect(before.problems).toEqual([]);
    // The old pages would only report the kiosk going away; close them first.
    await before.cashier.context().close();
    await before.display.context().close();
    expect(await kiosk.stop()).toBe(0);
    kiosk = undefined;

    kiosk = await startKiosk(sandbox(), dataDir);
    const after = await openScreens(browser, kiosk, { expect: 'qr' });
    await expect(after.cashier.getByTestId('live-order')).toHaveAttribute('data-order-id', orderId);
    await expect(after.cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'pending');
    const truth = (await emulator.control(`orders/${orderId}`)) as { qrString: string };
    expect(await scanDisplayedQr(after.display)).toBe(truth.qrString);

    await emulator.control(`orders/${orderId}/pay`, {});
    await expect(after.display.getByTestId('display')).toHaveAttribute('data-scene', 'paid', {
      timeout: 2000,
    });
    await expect(after.cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
    expect(after.problems).toEqual([]);
  } finally {
    await kiosk?.stop();
    kiosk = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
