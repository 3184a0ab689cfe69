/**
 * One running kiosk app as the Electron suite sees it, whichever launcher started it: the real
 * Electron binary (electron-launcher.ts) or the shell's own code on the Electron stand-in
 * (standin-launcher.ts). The scenarios in test/electron/ are written once against this.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AnyCommand, Role } from '../../../common/contract.ts';
import type { MonitorSpec } from '../../shell/standin/screen.ts';

export type Launcher = 'electron' | 'stand-in';

export interface LaunchOptions {
  /** Added to the app's environment (which never inherits MIDTRANS_* from the test's own). */
  env?: Record<string, string>;
  /** A data folder to reuse (a restart); default a new temporary one, removed afterwards. */
  dataDir?: string;
  /** Stand-in only: the monitors connected at start. */
  monitors?: MonitorSpec[];
}

export interface WindowState {
  bounds: { x: number; y: number; width: number; height: number };
  kiosk: boolean;
  alwaysOnTop: boolean;
  visible: boolean;
}

export interface KioskApp {
  readonly launcher: Launcher;
  readonly cashier: Page;
  readonly display: Page;
  readonly dataDir: string;
  /** Everything the app printed so far (stdout and stderr). */
  output(): string;
  /** Console errors and uncaught errors on either page. */
  readonly problems: string[];
  /** The options the window was created with, where the launcher can know them (null: it cannot). */
  windowOptions(role: Role): Promise<unknown>;
  windowState(role: Role): Promise<WindowState>;
  /**
   * Main's handler for a command, called as if the window's page sent it (its real main frame):
   * what a compromised page holding the raw IPC could do.
   */
  sendFromWindow(role: Role, command: AnyCommand, payload: unknown): Promise<unknown>;
  /** As when the person clicks the window's close button (the window may refuse). */
  closeWindow(role: Role): Promise<void>;
  /** Stand-in only: monitors plugged in, unplugged, changed; undefined where monitors are real. */
  readonly monitors: MonitorControl | undefined;
  /** Stand-in only: what the stand-in recorded of the shell's calls. */
  facts(): Promise<Record<string, unknown> | undefined>;
  /** Stand-in only: the session's permission handler asked as Chromium would ask it (null: cannot ask). */
  askPermission(role: Role, permission: string): Promise<boolean | null>;
  /**
   * Stand-in only: kills the window's renderer and resolves with the page that replaced it once
   * the shell has reloaded it (null: the launcher cannot follow a window past a crash).
   */
  crashRenderer(role: Role): Promise<Page | null>;
  /** Resolves with the exit code once the app's process has ended. */
  exited(): Promise<number | null>;
  /** Starts the app a second time with the same data folder; resolves when that one ends. */
  startSecond(): Promise<{ code: number | null; output: string }>;
  /** Teardown: quits if still running (kills after a while), removes a temporary data folder. */
  stop(): Promise<void>;
}

export interface MonitorControl {
  plug(spec: MonitorSpec): Promise<void>;
  unplug(id: number): Promise<void>;
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
}

/** The test runner's environment without anything that would point the app at a gateway. */
export function appEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('MIDTRANS_') && !name.startsWith('KIOSK_')) env[name] = value;
  }
  return { ...env, KIOSK_DATA_DIR: dataDir, ...extra };
}

export function watchProblems(page: Page, problems: string[]): void {
  const where = () => {
    try {
      return new URL(page.url()).pathname;
    } catch {
      return page.url();
    }
  };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${where()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${where()}: ${error.message}`));
}

export async function waitForExit(child: {
  exitCode: number | null;
  signalCode: string | null;
  once(e: 'exit', l: (code: number | null) => void): unknown;
}): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
