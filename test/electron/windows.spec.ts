/**
 * The two windows as the shell opens them, in a real Electron (`electron` project) or on the
 * Electron stand-in (`electron-standin`): sandboxed app:// pages each holding its own role of the
 * contract, the window options main/shell-logic decides, and a customer display that can neither
 * send a cashier command nor become another page. What only one launcher can tell skips in the
 * other, saying why.
 */
import { join } from 'node:path';
import { ALL_COMMANDS, commandChannel } from '../../common/ipc-channels.ts';
import { windowOptions } from '../../main/shell-logic/web-preferences.ts';
import { workAreaOf } from '../shell/standin/screen.ts';
import { expect, test } from './support/fixtures.ts';
import {
  CASHIER_KEYS,
  DISPLAY_KEYS,
  MANAGER_KEYS,
  PRIMARY,
  REPO,
  skipWithoutElectron,
} from './support/scenario.ts';

skipWithoutElectron();

test('both windows are sandboxed app:// pages, each holding exactly its role of the contract', async ({
  launchKiosk,
}) => {
  const { cashier, display, problems } = await launchKiosk();
  for (const page of [cashier, display]) {
    expect(await page.evaluate(() => [typeof require, typeof process, typeof module])).toEqual([
      'undefined',
      'undefined',
      'undefined',
    ]);
  }
  await expect(cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'training');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'idle');

  const exposed = (page: typeof cashier, name: string) =>
    page.evaluate((global) => {
      const api = (window as unknown as Record<string, Record<string, unknown> | undefined>)[global];
      const manager = api?.['manager'] as Record<string, unknown> | undefined;
      return { keys: Object.keys(api ?? {}).sort(), manager: Object.keys(manager ?? {}).sort() };
    }, name);
  expect(await exposed(cashier, 'kioskCashier')).toEqual({ keys: CASHIER_KEYS, manager: MANAGER_KEYS });
  expect(await exposed(display, 'kioskDisplay')).toEqual({ keys: DISPLAY_KEYS, manager: [] });
  expect(await cashier.evaluate(() => 'kioskDisplay' in window)).toBe(false);
  expect(await display.evaluate(() => 'kioskCashier' in window)).toBe(false);
  expect(problems).toEqual([]);
});

test('each window is created with the options main/shell-logic decides; Electron is set up before ready', async ({
  launcher,
  launchKiosk,
}) => {
  test.skip(
    launcher === 'electron',
    'Electron keeps no copy of a window’s options to read back; the stand-in records them',
  );
  const kiosk = await launchKiosk();
  const preloadPath = (role: string) => join(REPO, 'out', 'preload', `${role}.cjs`);
  expect(await kiosk.windowOptions('cashier')).toEqual(
    windowOptions('cashier', {
      preloadPath: preloadPath('cashier'),
      packaged: false,
      bounds: workAreaOf(PRIMARY),
    }),
  );
  expect(await kiosk.windowOptions('display')).toEqual(
    windowOptions('display', { preloadPath: preloadPath('display'), packaged: false }),
  );
  const facts = await kiosk.facts();
  expect(facts).toMatchObject({
    privilegedSchemes: [
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true },
        beforeReady: true,
      },
    ],
    protocolHandlers: ['app'],
    invokeHandlers: ALL_COMMANDS.map((command) => commandChannel(command)).sort(),
    sandboxEnabled: true,
    singleInstanceLock: true,
    blockers: ['prevent-display-sleep'],
    applicationMenu: 'default',
    session: { permissionRequest: true, permissionCheck: true, devicePermission: true, displayMedia: true },
    refusedRequests: [],
  });
  expect(await kiosk.windowState('cashier')).toMatchObject({ visible: true, kiosk: false });
  expect(await kiosk.windowState('display')).toMatchObject({ visible: true, kiosk: false });
  // Chromium's permission prompts reach the shell's handler, which says no.
  expect(await kiosk.askPermission('cashier', 'media')).toBe(false);
  expect(await kiosk.askPermission('display', 'notifications')).toBe(false);
});

test('packaged: no application menu, no DevTools in either window', async ({ launcher, launchKiosk }) => {
  test.skip(
    launcher === 'electron',
    'The suite runs the unpackaged build; the stand-in can say it is packaged',
  );
  const kiosk = await launchKiosk({ env: { ELECTRON_STANDIN_PACKAGED: '1' } });
  expect(await kiosk.facts()).toMatchObject({ applicationMenu: 'none' });
  for (const role of ['cashier', 'display'] as const) {
    expect(await kiosk.windowOptions(role)).toMatchObject({
      webPreferences: { devTools: false, sandbox: true },
    });
  }
  await expect(kiosk.cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'training');
});

test('the customer display cannot send a cashier or manager command; main refuses it from its window', async ({
  launchKiosk,
}) => {
  const kiosk = await launchKiosk();
  const { cashier, display } = kiosk;
  expect(
    await display.evaluate(() => 'startSale' in (window as unknown as { kioskDisplay: object }).kioskDisplay),
  ).toBe(false);
  // The harness works: the cashier's own window may take a snapshot.
  expect(await kiosk.sendFromWindow('cashier', 'kiosk.snapshot', {})).toMatchObject({ ok: true });
  const refused = { ok: false, error: { code: 'unknown-command' } };
  expect(
    await kiosk.sendFromWindow('display', 'sale.start', { amount: 10000, paymentType: 'qris' }),
  ).toMatchObject(refused);
  expect(await kiosk.sendFromWindow('display', 'manager.createPin', { pin: '2468' })).toMatchObject(refused);
  expect(await kiosk.sendFromWindow('display', 'display.snapshot', {})).toMatchObject({ ok: true });
  // Nothing happened: no sale, no PIN.
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'idle');
  expect(await kiosk.sendFromWindow('cashier', 'manager.status', {})).toMatchObject({
    ok: true,
    value: { pinSet: false },
  });
  expect(await kiosk.sendFromWindow('cashier', 'history.page', {})).toMatchObject({
    ok: true,
    value: { orders: [] },
  });

  // Nor can the display turn itself into the cashier page, or any page leave its own or open another window.
  await display.evaluate(() => {
    window.location.assign('/cashier/');
  });
  await expect.poll(() => kiosk.output()).toMatch(/refused navigation to app:\/\/kiosk/);
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'idle');
  const url = cashier.url();
  await cashier.evaluate(() => {
    window.location.assign('https://example.com/');
  });
  await cashier.evaluate(() => {
    window.open('https://example.com/', '_blank');
  });
  // The shell's own policy said no to both (web-contents-policy.ts logs each refusal once).
  await expect.poll(() => kiosk.output()).toMatch(/refused navigation to https:\/\/example\.com/);
  await expect.poll(() => kiosk.output()).toMatch(/refused new window to https:\/\/example\.com/);
  await expect(cashier.getByTestId('mode-banner')).toBeVisible();
  expect(cashier.url()).toBe(url);
});
