/**
 * The Electron app end to end: the built shell (out/main/index.js, as `npm start` runs it) with
 * both windows, in one of two launchers chosen by the Playwright project:
 *
 * - `electron`: a real Electron binary through Playwright's `_electron` (skips, saying why, where
 *   there is none);
 * - `electron-standin`: the same built code on the Electron stand-in (test/shell/standin/), in
 *   Debian's Chromium, which every machine here has.
 *
 * The scenarios read the same in both. Where only one launcher can tell (the stand-in records
 * the options a window was created with and can plug monitors in; only Electron is Electron),
 * the test says so and skips in the other.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ALL_COMMANDS, commandChannel, eventChannel } from '../../common/ipc-channels.ts';
import { windowedBounds } from '../../main/desktop/display-placement.ts';
import { windowOptions } from '../../main/desktop/web-preferences.ts';
import { startEmulator } from '../e2e/support/processes.ts';
import { chargeToQr, typeAmount } from '../e2e/support/screens.ts';
import { DEFAULT_MONITORS, workAreaOf } from '../shell/standin/screen.ts';
import { electronMissing, expect, test } from './support/fixtures.ts';
import { createPin, filesContaining, openSettings, pageLeaks } from './support/screens-ui.ts';

const REPO = join(import.meta.dirname, '../..');
const PIN = '582914';
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
const PRIMARY = DEFAULT_MONITORS[0]!;
const SECOND_MONITOR = {
  id: 2,
  label: 'HP 22es',
  bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
};

test.skip(({ launcher }) => electronMissing(launcher) !== undefined, electronMissing('electron') ?? '');

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

test('each window is created with the options main/desktop decides; Electron is set up before ready', async ({
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

test('a kiosk that cannot start says why and exits with 1', async ({ runKiosk }) => {
  const itemsDir = mkdtempSync(join(tmpdir(), 'kiosk-items-'));
  try {
    const itemsFile = join(itemsDir, 'quick-items.json');
    writeFileSync(itemsFile, '[{"id": "kopi", "name": "Kopi"');
    const run = await runKiosk({ env: { KIOSK_QUICK_ITEMS_FILE: itemsFile } });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(
      /\[kiosk:shell\] could not start: QuickItemsFileError: Quick items file .*not readable JSON/,
    );
  } finally {
    rmSync(itemsDir, { recursive: true, force: true });
  }
});

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

test('a second monitor plugged in and unplugged moves the customer display, mid-sale', async ({
  launcher,
  launchKiosk,
}) => {
  test.skip(launcher === 'electron', 'A test cannot plug a real monitor in; the stand-in’s are scripted');
  const kiosk = await launchKiosk();
  const { cashier, display } = kiosk;
  const monitors = kiosk.monitors!;
  const windowed = windowedBounds(workAreaOf(PRIMARY));
  const size = () => display.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));

  expect(await kiosk.windowState('display')).toMatchObject({
    kiosk: false,
    alwaysOnTop: false,
    bounds: windowed,
  });
  expect(await size()).toEqual({ width: windowed.width, height: windowed.height });

  await typeAmount(cashier, 25000);
  await chargeToQr(kiosk);

  await monitors.plug(SECOND_MONITOR);
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: true, alwaysOnTop: true, bounds: SECOND_MONITOR.bounds });
  await expect.poll(size).toEqual({ width: 1920, height: 1080 });
  // The same page moved (not reloaded): the customer still has the QR.
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
  await expect(display.getByTestId('display-qr')).toBeVisible();
  // The cashier stays where it was.
  expect((await kiosk.windowState('cashier')).bounds.x).toBe(PRIMARY.bounds.x);

  await monitors.unplug(SECOND_MONITOR.id);
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: false, alwaysOnTop: false, bounds: windowed });
  await expect.poll(size).toEqual({ width: windowed.width, height: windowed.height });
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
  // All through, main sent the customer display its own event and nothing of the cashier's.
  const facts = (await kiosk.facts()) as { windows: { url: string; sentChannels: string[] }[] };
  expect(facts.windows.find((w) => w.url.endsWith('/display/'))?.sentChannels).toEqual([
    eventChannel('display'),
  ]);
  expect(kiosk.problems).toEqual([]);
});

test('the customer display follows the monitor chosen in the settings', async ({ launcher, launchKiosk }) => {
  test.skip(launcher === 'electron', 'A test cannot plug a real monitor in; the stand-in’s are scripted');
  const kiosk = await launchKiosk({ monitors: [PRIMARY, SECOND_MONITOR] });
  const { cashier } = kiosk;
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: true, bounds: SECOND_MONITOR.bounds });

  await openSettings(cashier);
  await createPin(cashier, PIN);
  // Both monitors, as the settings list them; "a window" keeps the display off the second one.
  await expect(cashier.getByTestId('display-choice-display-2')).toBeVisible();
  await cashier.getByTestId('display-choice-window').check();
  await cashier.getByTestId('settings-save').click();
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: false, bounds: windowedBounds(workAreaOf(PRIMARY)) });

  await cashier.getByTestId('display-choice-display-2').check();
  await cashier.getByTestId('settings-save').click();
  await expect
    .poll(() => kiosk.windowState('display'))
    .toMatchObject({ kiosk: true, bounds: SECOND_MONITOR.bounds });
  expect(kiosk.problems).toEqual([]);
});

test('quitting waits for the engine; the next start resumes the open sale', async ({
  launcher,
  launchKiosk,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-quit-'));
  try {
    const first = await launchKiosk({ dataDir });
    await typeAmount(first.cashier, 31000);
    const orderId = await chargeToQr(first);

    // The customer display will not close on its own; the cashier window's close quits.
    await first.closeWindow('display');
    expect(await first.windowState('display')).toMatchObject({ visible: true });
    await first.closeWindow('cashier');
    expect(await first.exited()).toBe(0);
    expect(first.output()).toMatch(/\[kiosk:shell\] kiosk closed/);
    // The stand-in also reports the display-sleep blocker released before the end.
    if (launcher === 'stand-in') expect(first.output()).toMatch(/power save blockers still held at exit: 0/);
    // The journal was closed, not abandoned: its WAL checkpointed away, the order still open in it.
    const wal = join(dataDir, 'journal.sqlite-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const journal = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
    try {
      expect(journal.prepare('SELECT state FROM orders WHERE order_id = ?').get(orderId)).toEqual({
        state: 'pending',
      });
    } finally {
      journal.close();
    }

    const second = await launchKiosk({ dataDir });
    await expect(second.cashier.getByTestId('live-order')).toHaveAttribute('data-order-id', orderId);
    await expect(second.display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
    expect(second.output()).toMatch(/1 order\(s\) resumed/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a second start hands over to the running kiosk and leaves', async ({ launcher, launchKiosk }) => {
  const kiosk = await launchKiosk();
  const before =
    launcher === 'stand-in'
      ? ((await kiosk.facts()) as { windows: { url: string; focusCount: number }[] })
      : undefined;
  const second = await kiosk.startSecond();
  expect(second.code).toBe(0);
  expect(second.output).toMatch(/a kiosk is already running; handing over to it/);
  // The first one carries on, its cashier window brought forward.
  await expect(kiosk.cashier.getByTestId('mode-banner')).toBeVisible();
  if (before !== undefined) {
    const focus = async () =>
      ((await kiosk.facts()) as { windows: { url: string; focusCount: number }[] }).windows.find((w) =>
        w.url.endsWith('/cashier/'),
      )?.focusCount;
    const was = before.windows.find((w) => w.url.endsWith('/cashier/'))?.focusCount ?? 0;
    await expect.poll(focus).toBe(was + 1);
  }
});
