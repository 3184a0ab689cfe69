/**
 * The Electron entry: wiring only. Everything with a decision in it lives in main/shell-logic,
 * main/settings and main/host, which run (and are tested) in plain Node.
 *
 * Order matters. Privileged schemes, the sandbox, the data folder and the single-instance lock
 * take effect only before `ready`, so they run synchronously at load, before anything is awaited.
 */
import {
  app,
  dialog,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
} from 'electron';
import { APP_SCHEME } from '../shell-logic/app-origin.ts';
import { createAppProtocolHandler } from '../shell-logic/app-protocol.ts';
import { toDisplayInfo } from '../shell-logic/display-choice.ts';
import { createEventFanout, createIpcGate, registerIpcHandlers } from '../shell-logic/ipc-gate.ts';
import { DisplaySleepBlocker } from '../shell-logic/sleep-blocker.ts';
import { hardenSession, hardenWebContents } from '../shell-logic/web-contents-policy.ts';
import { openDesktopHost, type KioskHost } from '../host/desktop-host.ts';
import { describe, shellLog } from './log.ts';
import { bundlePaths, dataDirFrom, quickItemsFileFrom } from './paths.ts';
import { createPagePrinter } from './page-printer.ts';
import { holdQuitUntilClosed } from './quit.ts';
import { openSettingsStore } from './settings-store.ts';
import { openKioskWindows, type KioskWindows } from './windows.ts';

const log = shellLog('shell');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
const dataDir = dataDirFrom(process.env);
// electron-store and Chromium's own profile live next to the journal.
app.setPath('userData', dataDir);

if (!app.requestSingleInstanceLock()) {
  // The running kiosk focuses its cashier window ('second-instance' below); this one just leaves.
  log('a kiosk is already running; handing over to it');
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shellLog('web')));
  // No menu in the packaged kiosk: its accelerators (reload, devtools, zoom) are what a till must not have.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  run();
}

function run(): void {
  let host: KioskHost | undefined;
  let windows: KioskWindows | undefined;
  let stopEvents: (() => void) | undefined;
  const sleepBlocker = new DisplaySleepBlocker(powerSaveBlocker);

  const quit = holdQuitUntilClosed(
    app,
    async () => {
      stopEvents?.();
      windows?.dispose();
      sleepBlocker.disable();
      await host?.close();
      log('kiosk closed');
    },
    log,
  );
  app.on('second-instance', () => windows?.focusCashier());

  app
    .whenReady()
    .then(async () => {
      const paths = bundlePaths(app.getAppPath());
      hardenSession(session.defaultSession, shellLog('session'));
      protocol.handle(APP_SCHEME, createAppProtocolHandler({ staticDir: paths.staticDir }));
      // A gateway override is for development and the e2e suite; a packaged till talks to Midtrans.
      const gatewayUrl = app.isPackaged ? undefined : process.env.MIDTRANS_API_URL?.trim() || undefined;
      const quickItemsFile = quickItemsFileFrom(process.env);
      host = await openDesktopHost({
        dataDir,
        settingsStore: openSettingsStore(dataDir, shellLog('settings')),
        safeStorage,
        platform: process.platform,
        displays: { list: () => toDisplayInfo(screen.getAllDisplays(), screen.getPrimaryDisplay().id) },
        osPrinter: createPagePrinter(shellLog('print')),
        ...(gatewayUrl !== undefined ? { gatewayUrl } : {}),
        ...(quickItemsFile !== undefined ? { quickItemsFile } : {}),
        tuning: { log: shellLog('host') },
      });
      await host.start();
      if (quit.quitting) return;

      const settings = host.settings;
      // Registered before any page loads, so a screen's first call always finds its handler.
      registerIpcHandlers(
        ipcMain,
        createIpcGate({ api: host.api, roleOf: (id) => windows?.roleOf(id), log: shellLog('ipc') }),
      );
      stopEvents = createEventFanout({ api: host.api, targets: (role) => windows?.contentsOf(role) ?? [] });
      windows = openKioskWindows({
        packaged: app.isPackaged,
        preloadPath: paths.preload,
        customerDisplay: () => settings.current().customerDisplay,
        quitting: () => quit.quitting,
        onCashierClosed: () => app.quit(),
        log: shellLog('windows'),
      });
      settings.onChange((change) => {
        if (change.fields.includes('customerDisplay')) windows?.placeDisplay();
      });
      sleepBlocker.enable();
      log(`ready; data in ${dataDir}`);
    })
    .catch(async (error: unknown) => {
      log(`could not start: ${describe(error)}`);
      // A packaged till has no terminal: the person at it must see why nothing opened.
      if (app.isPackaged)
        dialog.showErrorBox('Kiosk tidak bisa dimulai / Kiosk could not start', describe(error));
      await host?.close().catch(() => undefined);
      app.exit(1);
    });
}
