/**
 * The built Electron app, driven through Playwright's `_electron`: both windows on the app://
 * origin, sandboxed pages holding exactly the contract, a training-mode sale to paid, and a
 * server key neither window can read. Each test launches the unpackaged build (out/ + dist/) with
 * its own temporary data folder.
 *
 * The binary is found the way `npm start` finds it; node_modules/electron/index.js is never
 * loaded, because since Electron 42 it downloads the binary when it is missing. Where there is no
 * binary the whole file is skipped and the reason printed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { commandChannel } from '../../common/ipc-channels.ts';
import { findElectronBinary } from '../../scripts/electron-binary.ts';
import { chargeToQr, typeAmount } from '../e2e/support/screens.ts';

const repo = join(import.meta.dirname, '../..');
const binary = findElectronBinary(repo);
if (!binary.found && process.env.TEST_WORKER_INDEX === undefined) {
  // Once, from the runner: CI output then says why the Electron suite did not run.
  console.log(`Electron e2e suite skipped: ${binary.reason}`);
}
test.skip(!binary.found, binary.found ? '' : binary.reason);

const CASHIER_URL = 'app://kiosk/cashier/';
const DISPLAY_URL = 'app://kiosk/display/';
/** The contract's functions (common/contract.ts CashierApi, ManagerApi, DisplayApi), nothing more. */
const CASHIER_KEYS = [
  'cancel',
  'checkNow',
  'history',
  'manager',
  'onHealth',
  'onOrder',
  'onSettings',
  'report',
  'setLanguage',
  'showCart',
  'simulate',
  'snapshot',
  'startSale',
];
const MANAGER_KEYS = [
  'changePin',
  'clearKey',
  'createPin',
  'lock',
  'read',
  'setKey',
  'status',
  'testKey',
  'unlock',
  'update',
];
const DISPLAY_KEYS = ['onDisplay', 'snapshot'];

interface Kiosk {
  app: ElectronApplication;
  cashier: Page;
  display: Page;
  dataDir: string;
}

let kiosk: Kiosk;

async function launch(): Promise<Kiosk> {
  if (!binary.found) throw new Error(binary.reason);
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
  // Training mode (the default of a fresh data folder) talks to the built-in emulator only.
  const env: Record<string, string> = { KIOSK_DATA_DIR: dataDir };
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('MIDTRANS_') && name !== 'KIOSK_DATA_DIR') env[name] = value;
  }
  const app = await _electron.launch({
    executablePath: binary.path,
    // basic: a keyring-less CI machine still gets safeStorage (weakly), as a kiosk without one would.
    args: [
      repo,
      `--user-data-dir=${dataDir}`,
      ...(process.platform === 'linux' ? ['--password-store=basic'] : []),
    ],
    env,
  });
  await expect
    .poll(
      () =>
        app
          .windows()
          .map((w) => w.url())
          .sort(),
      { timeout: 30_000 },
    )
    .toEqual([CASHIER_URL, DISPLAY_URL]);
  const page = (url: string) => {
    const found = app.windows().find((w) => w.url() === url);
    if (found === undefined) throw new Error(`no window at ${url}`);
    return found;
  };
  return { app, cashier: page(CASHIER_URL), display: page(DISPLAY_URL), dataDir };
}

test.beforeEach(async () => {
  kiosk = await launch();
});

test.afterEach(async () => {
  await kiosk.app.close();
  rmSync(kiosk.dataDir, { recursive: true, force: true });
});

test('both windows are sandboxed app:// pages holding exactly the contract', async () => {
  const { cashier, display } = kiosk;
  for (const page of [cashier, display]) {
    expect(await page.evaluate(() => [typeof require, typeof process, typeof module])).toEqual([
      'undefined',
      'undefined',
      'undefined',
    ]);
  }
  await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'training');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'idle');

  const exposed = (page: Page, name: string) =>
    page.evaluate((global) => {
      const api = (window as unknown as Record<string, Record<string, unknown> | undefined>)[global];
      const manager = api?.['manager'] as Record<string, unknown> | undefined;
      return { keys: Object.keys(api ?? {}).sort(), manager: Object.keys(manager ?? {}).sort() };
    }, name);
  expect(await exposed(cashier, 'kioskCashier')).toEqual({ keys: CASHIER_KEYS, manager: MANAGER_KEYS });
  expect(await exposed(display, 'kioskDisplay')).toEqual({ keys: DISPLAY_KEYS, manager: [] });
  // Each window has its own role's bridge only.
  expect(await cashier.evaluate(() => 'kioskDisplay' in window)).toBe(false);
  expect(await display.evaluate(() => 'kioskCashier' in window)).toBe(false);
});

test('a training sale: amount, Charge, QR on the customer display, simulated payment, paid on both', async () => {
  const { cashier, display } = kiosk;
  await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'training');
  await typeAmount(cashier, 44000);
  await cashier.getByTestId('payment-type-qris').click();
  await chargeToQr({ cashier, display, problems: [] });
  await expect(display.getByTestId('display-amount')).toHaveText(/Rp\s44\.000/);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
});

test('a stored server key cannot be read back by either window, nor found in clear on disk', async () => {
  const { cashier, display, dataDir } = kiosk;
  const key = `SB-Mid-server-e2e${randomBytes(12).toString('hex')}`;
  const stored = await cashier.evaluate(
    async ([pin, secret]) => {
      const manager = (
        window as unknown as {
          kioskCashier: { manager: Record<string, (...a: unknown[]) => Promise<unknown>> };
        }
      ).kioskCashier.manager;
      await manager['createPin']?.(pin);
      await manager['setKey']?.('sandbox', secret);
      return manager['read']?.();
    },
    ['582914', key] as const,
  );
  // The key was taken (so there is something to leak), and the answer does not carry it.
  expect(stored).toMatchObject({ keys: { sandbox: { stored: true } } });
  expect(JSON.stringify(stored)).not.toContain(key);

  for (const page of [cashier, display]) {
    const leaks = await page.evaluate((secret) => {
      const found: string[] = [];
      const has = (text: string | null | undefined) => typeof text === 'string' && text.includes(secret);
      if (has(document.documentElement.outerHTML)) found.push('document');
      for (const storage of [localStorage, sessionStorage]) {
        for (let i = 0; i < storage.length; i += 1) {
          const name = storage.key(i) ?? '';
          if (has(name) || has(storage.getItem(name))) found.push(`storage ${name}`);
        }
      }
      for (const name of Object.getOwnPropertyNames(window)) {
        let text: string | undefined;
        try {
          text = JSON.stringify((window as unknown as Record<string, unknown>)[name]);
        } catch {
          text = undefined;
        }
        if (has(text)) found.push(`window.${name}`);
      }
      return found;
    }, key);
    expect(leaks).toEqual([]);
  }
  const settingsFile = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  expect(settingsFile).toContain('sandbox');
  expect(settingsFile).not.toContain(key);
});

test('the customer display has no cashier command, and main refuses one sent from its window', async () => {
  const { app, display } = kiosk;
  expect(
    await display.evaluate(() => 'startSale' in (window as unknown as { kioskDisplay: object }).kioskDisplay),
  ).toBe(false);
  // Main's own handler for a channel, called with the sender and frame Electron would pass: the
  // cashier window may take a snapshot (so the harness works), the display may not start a sale.
  const send = (url: string, channel: string, payload: unknown) =>
    app.evaluate(
      async ({ ipcMain, webContents }, [pageUrl, name, body]) => {
        const handlers = (
          ipcMain as unknown as { _invokeHandlers: Map<string, (e: unknown, p: unknown) => unknown> }
        )._invokeHandlers;
        const sender = webContents.getAllWebContents().find((c) => c.getURL() === pageUrl);
        const handler = handlers.get(name);
        if (sender === undefined || handler === undefined) return { missing: true };
        return handler({ sender, senderFrame: sender.mainFrame }, body);
      },
      [url, channel, payload] as const,
    );
  expect(await send(CASHIER_URL, commandChannel('kiosk.snapshot'), {})).toMatchObject({ ok: true });
  expect(
    await send(DISPLAY_URL, commandChannel('sale.start'), { amount: 10000, paymentType: 'qris' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'unknown-command' },
  });
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'idle');
});
