/**
 * The test's line into a running stand-in: the Node IPC channel of the child process. A request
 * names an operation; the answer is the operation's value or its error's message. Windows are
 * named by the URL the shell loaded in them, as a test of the real Electron finds them.
 */
import type { Rectangle } from 'electron';
import { app, lifecycle } from './app.ts';
import { StandInBrowserWindow } from './browser-window.ts';
import { routingFacts } from './chromium.ts';
import { ipcMain } from './ipc-main.ts';
import { miscFacts } from './misc.ts';
import { printFacts } from './printing.ts';
import { screen, type MonitorSpec } from './screen.ts';
import { describe } from './support.ts';

export interface WindowFacts {
  url: string;
  options: unknown;
  bounds: Rectangle;
  kiosk: boolean;
  fullScreen: boolean;
  alwaysOnTop: boolean;
  visible: boolean;
  maximized: boolean;
  focusCount: number;
  sentChannels: string[];
}

export interface ControlOps {
  facts(): unknown;
  window(url: string): WindowFacts;
  closeWindow(url: string): { destroyed: boolean };
  plug(spec: MonitorSpec): null;
  unplug(id: number): null;
  change(spec: MonitorSpec): null;
  askPermission(url: string, permission: string): Promise<boolean>;
  quit(): null;
}

function windowAt(url: string): StandInBrowserWindow {
  const found = StandInBrowserWindow.getAllWindows().find((w) => w.webContents.getURL() === url);
  if (found === undefined) throw new Error(`no window at ${url}`);
  return found;
}

function describeWindow(w: StandInBrowserWindow): WindowFacts {
  return {
    url: w.webContents.getURL(),
    options: w.options,
    bounds: w.getBounds(),
    kiosk: w.isKiosk(),
    fullScreen: w.isFullScreen(),
    alwaysOnTop: w.isAlwaysOnTop(),
    visible: w.isVisible(),
    maximized: w.isMaximized(),
    focusCount: w.focusCount,
    sentChannels: [...w.webContents.sentChannels].sort(),
  };
}

const ops: ControlOps = {
  facts: () => ({
    ...lifecycle.facts,
    privilegedSchemes: miscFacts.privilegedSchemes,
    protocolHandlers: [...miscFacts.protocolHandlers.keys()],
    invokeHandlers: ipcMain.handledChannels(),
    blockers: [...miscFacts.blockers.values()],
    applicationMenu: miscFacts.applicationMenu,
    errorBoxes: miscFacts.errorBoxes,
    session: {
      permissionRequest: miscFacts.session.permissionRequest !== undefined,
      permissionCheck: miscFacts.session.permissionCheck !== undefined,
      devicePermission: miscFacts.session.devicePermission,
      displayMedia: miscFacts.session.displayMedia,
    },
    refusedRequests: routingFacts.refused,
    printed: printFacts.printed,
    windows: StandInBrowserWindow.getAllWindows().map(describeWindow),
  }),
  window: (url) => describeWindow(windowAt(url)),
  closeWindow: (url) => {
    const window = windowAt(url);
    window.close();
    return { destroyed: window.isDestroyed() };
  },
  plug: (spec) => (screen.monitors.plug(spec), null),
  unplug: (id) => (screen.monitors.unplug(id), null),
  change: (spec) => (screen.monitors.change(spec), null),
  askPermission: (url, permission) => {
    const handler = miscFacts.session.permissionRequest;
    if (handler === undefined || handler === null) return Promise.resolve(false);
    const contents = windowAt(url).webContents;
    return new Promise((resolve) =>
      handler(contents as never, permission as never, resolve, {
        isMainFrame: true,
        requestingUrl: url,
      } as never),
    );
  },
  quit: () => (app.quit(), null),
};

export interface ControlRequest {
  id: number;
  op: keyof ControlOps;
  args: unknown[];
}

export function listenForControl(): void {
  if (process.send === undefined) return;
  process.on('message', (message: ControlRequest) => {
    const op = ops[message.op] as ((...args: unknown[]) => unknown) | undefined;
    Promise.resolve()
      .then(() => {
        if (op === undefined) throw new Error(`no operation ${String(message.op)}`);
        return op(...message.args);
      })
      .then(
        (value) => process.send?.({ id: message.id, ok: true, value }),
        (error: unknown) => process.send?.({ id: message.id, ok: false, error: describe(error) }),
      );
  });
  // The test went away: so does the app, rather than leave a Chromium behind.
  process.on('disconnect', () => app.exit(1));
}

export function tellTest(message: Record<string, unknown>): void {
  process.send?.(message);
}
