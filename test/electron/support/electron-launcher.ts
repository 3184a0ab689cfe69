/**
 * Starts the built app in a real Electron through Playwright's `_electron`: the unpackaged build
 * (out/ + dist/) with its own data folder. The binary is found the way `npm start` finds it;
 * node_modules/electron/index.js is never loaded, because since Electron 42 it downloads the
 * binary when it is missing.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import type { AnyCommand, Role } from '../../../common/contract.ts';
import { commandChannel } from '../../../common/ipc-channels.ts';
import { pageUrl } from '../../../main/shell-logic/app-origin.ts';
import { findElectronBinary } from '../../../scripts/electron-binary.ts';
import {
  appEnv,
  newDataDir,
  waitForExit,
  watchProblems,
  type KioskApp,
  type LaunchOptions,
} from './kiosk-app.ts';

const REPO = join(import.meta.dirname, '../../..');
export const electronBinary = findElectronBinary(REPO);

function args(dataDir: string): string[] {
  // basic: a keyring-less CI machine still gets safeStorage (weakly), as a kiosk without one would.
  return [
    REPO,
    `--user-data-dir=${dataDir}`,
    ...(process.platform === 'linux' ? ['--password-store=basic'] : []),
  ];
}

async function windowOf(app: ElectronApplication, role: Role): Promise<Page> {
  const url = pageUrl(role);
  await expect.poll(() => app.windows().some((w) => w.url() === url), { timeout: 30_000 }).toBe(true);
  const page = app.windows().find((w) => w.url() === url);
  if (page === undefined) throw new Error(`no window at ${url}`);
  return page;
}

/** Starts the app and waits for it to end by itself (a second instance, a start that fails). */
export async function runElectron(options: LaunchOptions): Promise<{ code: number | null; output: string }> {
  if (!electronBinary.found) throw new Error(electronBinary.reason);
  const dataDir = options.dataDir ?? newDataDir();
  const child = spawn(electronBinary.path, args(dataDir), {
    env: appEnv(dataDir, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await waitForExit(child);
  clearTimeout(timer);
  if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  return { code, output: out };
}

export async function launchElectron(options: LaunchOptions = {}): Promise<KioskApp> {
  if (!electronBinary.found) throw new Error(electronBinary.reason);
  const binary = electronBinary.path;
  const dataDir = options.dataDir ?? newDataDir();
  const env = appEnv(dataDir, options.env);
  const app = await _electron.launch({ executablePath: binary, args: args(dataDir), env });
  let text = '';
  app.process().stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  app.process().stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const cashier = await windowOf(app, 'cashier');
  const display = await windowOf(app, 'display');
  const problems: string[] = [];
  watchProblems(cashier, problems);
  watchProblems(display, problems);
  const exited = waitForExit(app.process());
  const visible = (url: string) =>
    app.evaluate(
      ({ BrowserWindow }, page) =>
        BrowserWindow.getAllWindows().some((w) => w.webContents.getURL() === page && w.isVisible()),
      url,
    );
  // Started means shown: both windows are shown once their pages have loaded ('ready-to-show').
  await expect
    .poll(async () => (await visible(pageUrl('cashier'))) && (await visible(pageUrl('display'))))
    .toBe(true);

  return {
    launcher: 'electron',
    cashier,
    display,
    dataDir,
    output: () => text,
    problems,
    // Electron keeps no copy of a window's constructor options to read back.
    windowOptions: async () => null,
    windowState: (role) =>
      app.evaluate(({ BrowserWindow }, url) => {
        const w = BrowserWindow.getAllWindows().find((b) => b.webContents.getURL() === url);
        if (w === undefined) throw new Error(`no window at ${url}`);
        return {
          bounds: w.getBounds(),
          kiosk: w.isKiosk(),
          alwaysOnTop: w.isAlwaysOnTop(),
          visible: w.isVisible(),
        };
      }, pageUrl(role)),
    // Main's own handler, called with the sender and frame Electron would pass.
    sendFromWindow: (role, command: AnyCommand, payload) =>
      app.evaluate(
        async ({ ipcMain, webContents }, [url, channel, body]) => {
          const handlers = (
            ipcMain as unknown as { _invokeHandlers: Map<string, (e: unknown, p: unknown) => unknown> }
          )._invokeHandlers;
          const sender = webContents.getAllWebContents().find((c) => c.getURL() === url);
          const handler = handlers.get(channel);
          if (sender === undefined || handler === undefined) return { missing: true };
          return handler({ sender, senderFrame: sender.mainFrame }, body);
        },
        [pageUrl(role), commandChannel(command), payload] as const,
      ),
    closeWindow: async (role) => {
      await app
        .evaluate(({ BrowserWindow }, url) => {
          BrowserWindow.getAllWindows()
            .find((b) => b.webContents.getURL() === url)
            ?.close();
        }, pageUrl(role))
        // Closing the cashier window quits the app, which may end before the answer arrives.
        .catch(() => undefined);
    },
    monitors: undefined,
    facts: async () => undefined,
    askPermission: async () => null,
    // Not tried without a binary: whether `_electron` hands out the page of a renderer that
    // replaced a crashed one.
    crashRenderer: async () => null,
    exited: () => exited,
    startSecond: () => runElectron({ ...options, dataDir }),
    async stop() {
      if (app.process().exitCode === null) await app.close().catch(() => undefined);
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
