/**
 * Starts the built app (out/main/index.js, as `npm start` would) on the Electron stand-in:
 * `node test/shell/standin/cli.ts <repo>`, with a Node IPC channel for the stand-in's control
 * requests, then connects to its Chromium over CDP, as Playwright's `_electron` does with a real
 * Electron, and finds the two windows' pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import type { AnyCommand, Role } from '../../../common/contract.ts';
import { commandChannel } from '../../../common/ipc-channels.ts';
import { pageUrl } from '../../../main/shell-logic/app-origin.ts';
import { toChromiumUrl } from '../../shell/standin/app-url.ts';
import type { ControlOps, WindowFacts } from '../../shell/standin/control.ts';
import { RENDERER_HANDLE } from '../../shell/standin/renderer-script.ts';
import {
  appEnv,
  newDataDir,
  waitForExit,
  watchProblems,
  type KioskApp,
  type LaunchOptions,
} from './kiosk-app.ts';

const REPO = join(import.meta.dirname, '../../..');
const CLI = join(REPO, 'test/shell/standin/cli.ts');
const chromiumUrl = (role: Role) => toChromiumUrl(pageUrl(role), new Set(['app']));

function start(
  dataDir: string,
  options: LaunchOptions,
  withControl = true,
): { child: ChildProcess; output: () => string } {
  const env = appEnv(dataDir, options.env);
  if (options.monitors !== undefined) env.ELECTRON_STANDIN_MONITORS = JSON.stringify(options.monitors);
  // As the _electron launcher: a keyring-less machine, so safeStorage falls back to basic_text.
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', CLI, REPO, '--password-store=basic'],
    { cwd: REPO, env, stdio: withControl ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { child, output: () => text };
}

class Control {
  #next = 1;
  #waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  readonly #child: ChildProcess;

  constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (message: { id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      const waiter = message.id === undefined ? undefined : this.#waiting.get(message.id);
      if (waiter === undefined || message.id === undefined) return;
      this.#waiting.delete(message.id);
      if (message.ok === true) waiter.resolve(message.value);
      else waiter.reject(new Error(`stand-in: ${message.error ?? 'failed'}`));
    });
    child.once('exit', () => {
      for (const waiter of this.#waiting.values()) waiter.reject(new Error('stand-in: the app has exited'));
      this.#waiting.clear();
    });
  }

  call<K extends keyof ControlOps>(
    op: K,
    ...args: Parameters<ControlOps[K]>
  ): Promise<Awaited<ReturnType<ControlOps[K]>>> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (!this.#child.connected) reject(new Error('stand-in: the app has exited'));
      else this.#child.send({ id, op, args });
    });
  }
}

async function cdpAddress(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the stand-in did not start in 30 s:\n${output()}`)),
      30_000,
    );
    child.on('message', (message: { type?: string; cdpUrl?: string }) => {
      if (message.type !== 'chromium' || message.cdpUrl === undefined) return;
      clearTimeout(timer);
      resolve(message.cdpUrl);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stand-in exited (${code}) before its windows opened:\n${output()}`));
    });
  });
}

async function findPage(browser: Browser, role: Role, output: () => string, not?: Page): Promise<Page> {
  const url = chromiumUrl(role);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = browser
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url() === url && p !== not && !p.isClosed());
    if (page !== undefined) {
      await page.waitForLoadState('load');
      return page;
    }
    if (Date.now() > deadline) throw new Error(`no ${role} window at ${url} after 30 s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the app and waits for it to end by itself (a second instance, a start that fails). */
export async function runStandIn(options: LaunchOptions): Promise<{ code: number | null; output: string }> {
  const dataDir = options.dataDir ?? newDataDir();
  const { child, output } = start(dataDir, options, false);
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await waitForExit(child);
  clearTimeout(timer);
  if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  return { code, output: output() };
}

export async function launchStandIn(options: LaunchOptions = {}): Promise<KioskApp> {
  const dataDir = options.dataDir ?? newDataDir();
  const { child, output } = start(dataDir, options);
  const control = new Control(child);
  const browser = await chromium.connectOverCDP(await cdpAddress(child, output));
  const cashier = await findPage(browser, 'cashier', output);
  const display = await findPage(browser, 'display', output);
  const problems: string[] = [];
  watchProblems(cashier, problems);
  watchProblems(display, problems);
  const pages: Record<Role, Page> = { cashier, display };
  const facts = (role: Role): Promise<WindowFacts> => control.call('window', pageUrl(role));
  // Started means shown: both windows are shown once their pages have loaded ('ready-to-show').
  await expect
    .poll(async () => (await facts('cashier')).visible && (await facts('display')).visible)
    .toBe(true);

  return {
    launcher: 'stand-in',
    cashier,
    display,
    dataDir,
    output,
    problems,
    windowOptions: async (role) => (await facts(role)).options,
    windowState: async (role) => {
      const { bounds, kiosk, alwaysOnTop, visible } = await facts(role);
      return { bounds, kiosk, alwaysOnTop, visible };
    },
    sendFromWindow: (role, command: AnyCommand, payload) =>
      pages[role].evaluate(
        ([handle, channel, body]) =>
          (
            window as unknown as Record<
              symbol,
              { ipcRenderer: { invoke(c: string, p: unknown): Promise<unknown> } }
            >
          )[Symbol.for(handle)]?.ipcRenderer.invoke(channel, body),
        [RENDERER_HANDLE, commandChannel(command), payload] as const,
      ),
    closeWindow: async (role) => {
      await control.call('closeWindow', pageUrl(role));
    },
    monitors: {
      plug: async (spec) => {
        await control.call('plug', spec);
      },
      unplug: async (id) => {
        await control.call('unplug', id);
      },
    },
    facts: () => control.call('facts') as Promise<Record<string, unknown>>,
    askPermission: (role, permission) => control.call('askPermission', pageUrl(role), permission),
    crashRenderer: async (role) => {
      const crashed = await findPage(browser, role, output);
      const session = await crashed.context().newCDPSession(crashed);
      // Never answered: the renderer is gone before it could.
      void session.send('Page.crash').catch(() => undefined);
      await crashed.waitForEvent('crash');
      return findPage(browser, role, output, crashed);
    },
    exited: () => waitForExit(child),
    startSecond: () => runStandIn({ ...options, dataDir }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await control.call('quit').catch(() => undefined);
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await waitForExit(child);
        clearTimeout(timer);
      }
      // Gone with the app already; after a SIGKILL, this ends the Chromium it left.
      await browser.close().catch(() => undefined);
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
