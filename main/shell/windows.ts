/**
 * The kiosk's two windows. Their options come from desktop/web-preferences.ts, the customer
 * display's position from desktop/display-placement.ts; this file only opens, shows and
 * closes them.
 *
 * - The cashier window fills the primary display; closing it is how a person ends the app.
 * - The customer display cannot be closed on its own while the app runs: a customer staring at
 *   nothing is the one failure nobody at the till would notice. It closes when the app quits.
 * - A page whose renderer died is reloaded, so a crash costs a second, not the till.
 */
import { BrowserWindow, screen, type WebContents } from 'electron';
import type { CustomerDisplayChoice, Role } from '../../common/contract.ts';
import { pageUrl } from '../shell-logic/app-origin.ts';
import { createDisplayPlacement } from '../shell-logic/display-placement.ts';
import { guardShortcuts } from '../shell-logic/input-guard.ts';
import { windowOptions, type WindowRect } from '../shell-logic/web-preferences.ts';
import { describe, type Log } from './log.ts';

export interface KioskWindows {
  roleOf(webContentsId: number): Role | undefined;
  contentsOf(role: Role): WebContents[];
  /** The customer display setting changed: move the display window if it must. */
  placeDisplay(): void;
  focusCashier(): void;
  dispose(): void;
}

export interface KioskWindowsOptions {
  packaged: boolean;
  preloadPath(role: Role): string;
  customerDisplay(): CustomerDisplayChoice;
  quitting(): boolean;
  onCashierClosed(): void;
  log: Log;
}

function openWindow(role: Role, o: KioskWindowsOptions, bounds?: WindowRect): BrowserWindow {
  const window = new BrowserWindow(
    windowOptions(role, { preloadPath: o.preloadPath(role), packaged: o.packaged, bounds }),
  );
  guardShortcuts(window.webContents, o.packaged);
  window.webContents.on('render-process-gone', (_event, details) => {
    if (o.quitting() || details.reason === 'clean-exit' || window.isDestroyed()) return;
    o.log(`${role} page stopped (${details.reason}); reloading it`);
    window.webContents.reload();
  });
  window.loadURL(pageUrl(role)).catch((error: unknown) => {
    o.log(`${role} page did not load: ${describe(error)}`);
  });
  return window;
}

export function openKioskWindows(o: KioskWindowsOptions): KioskWindows {
  const cashier = openWindow('cashier', o, screen.getPrimaryDisplay().workArea);
  cashier.once('ready-to-show', () => {
    cashier.maximize();
    cashier.show();
  });
  cashier.on('closed', o.onCashierClosed);

  const display = openWindow('display', o);
  const placement = createDisplayPlacement({
    screen,
    window: display,
    choice: o.customerDisplay,
    log: o.log,
  });
  display.once('ready-to-show', () => {
    placement.apply();
    // Inactive: the cashier keeps the keyboard while typing an amount.
    display.showInactive();
  });
  display.on('close', (event) => {
    if (!o.quitting()) event.preventDefault();
  });

  // Captured now: a destroyed window's webContents can no longer be asked for its id.
  const roles = new Map<number, Role>([
    [cashier.webContents.id, 'cashier'],
    [display.webContents.id, 'display'],
  ]);
  const windows: Record<Role, BrowserWindow> = { cashier, display };
  return {
    roleOf: (id) => roles.get(id),
    contentsOf: (role) => (windows[role].isDestroyed() ? [] : [windows[role].webContents]),
    placeDisplay: () => {
      if (!display.isDestroyed()) placement.apply();
    },
    focusCashier: () => {
      if (cashier.isDestroyed()) return;
      if (cashier.isMinimized()) cashier.restore();
      cashier.focus();
    },
    dispose: () => placement.dispose(),
  };
}
