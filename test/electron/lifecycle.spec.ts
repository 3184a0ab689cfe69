/**
 * Starting and ending: a start that cannot work says why, quitting waits for the engine and the
 * next start resumes the open sale, a second start hands over to the first, and a renderer that
 * crashes is reloaded.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chargeToQr, typeAmount } from '../e2e/support/screens.ts';
import { expect, test } from './support/fixtures.ts';
import { skipWithoutElectron } from './support/scenario.ts';

skipWithoutElectron();

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

test('a damaged settings file is kept aside and the till starts on its defaults', async ({ launchKiosk }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-settings-'));
  try {
    writeFileSync(join(dataDir, 'settings.json'), '{"version": 2, "merchantName": "Toko');
    const kiosk = await launchKiosk({ dataDir });
    await expect(kiosk.cashier.getByTestId('mode-banner')).toHaveAttribute('data-mode', 'training');
    expect(kiosk.output()).toMatch(
      /\[kiosk:settings\] settings file unreadable .*kept as .*settings\.unreadable-\d+\.json/,
    );
    const aside = readdirSync(dataDir).filter((name) => /^settings\.unreadable-\d+\.json$/.test(name));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0]!), 'utf8')).toContain('"merchantName": "Toko');
    expect(kiosk.problems).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a renderer that crashes is reloaded in the same window, mid-sale', async ({
  launcher,
  launchKiosk,
}) => {
  test.skip(
    launcher === 'electron',
    'Not tried without a binary: following a window’s page past a renderer crash in `_electron`',
  );
  const kiosk = await launchKiosk();
  await typeAmount(kiosk.cashier, 15000);
  const orderId = await chargeToQr(kiosk);
  const display = await kiosk.crashRenderer('display');
  expect(kiosk.output()).toMatch(/\[kiosk:windows\] display page stopped \(crashed\); reloading it/);
  // The fresh page is the display's again (its role checked by the IPC gate), showing the open sale.
  await expect(display!.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
  await kiosk.cashier.getByTestId('simulate-pay-button').click();
  await expect(display!.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  await expect(kiosk.cashier.getByTestId('live-order')).toHaveAttribute('data-order-id', orderId);
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
