/**
 * Electron's `app` for the stand-in: the lifecycle as Electron runs it (ready, before-quit,
 * windows closing, will-quit, quit; exit without asking anyone), paths, the single-instance
 * lock, and the calls that only count before ready. What Electron does on its own (exiting when
 * the last window closes and nobody listens, ending the process) the stand-in does too, so the
 * shell's lifecycle code runs as it would.
 */
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';
import { SingleInstance } from './single-instance.ts';
import { describe, electronEvent, standInLog, type Shape } from './support.ts';

/** What app.quit() closes; BrowserWindow registers each window here. */
export interface ClosableWindow {
  close(): void;
  isDestroyed(): boolean;
  once(event: 'closed', listener: () => void): unknown;
}

type PathName = Parameters<App['getPath']>[0];

/** The stand-in's own side of `app`: what the launcher and the tests read and drive. */
export const lifecycle = {
  appPath: process.cwd(),
  argv: [] as string[],
  packaged: false,
  ready: false,
  /** quit() or exit() was called: the launcher then never brings Chromium up. */
  ending: false,
  windows: new Set<ClosableWindow>(),
  /** How many powerSaveBlocker blockers are still started (misc.ts fills this in). */
  heldBlockers: () => 0,
  /** Run (in order, awaited) before the process ends: closing Chromium, releasing the lock. */
  beforeExit: [] as (() => Promise<void>)[],
  facts: {
    /** Only possible before ready: enableSandbox() throws after, as Electron's does. */
    sandboxEnabled: false,
    singleInstanceLock: undefined as boolean | undefined,
    quitSteps: [] as string[],
    exitCode: undefined as number | undefined,
  },
};

let markReady!: () => void;
const readyPromise = new Promise<void>((resolve) => (markReady = resolve));
const instance = new SingleInstance();

function packageJson(): { name?: string; productName?: string; version?: string } {
  try {
    return JSON.parse(readFileSync(join(lifecycle.appPath, 'package.json'), 'utf8')) as {
      name?: string;
    };
  } catch {
    return {};
  }
}

class StandInApp extends EventEmitter implements Shape<App, 'commandLine' | 'dock'> {
  #paths = new Map<string, string>();
  #name: string | undefined;
  #quitting = false;
  #exiting = false;

  get isPackaged(): boolean {
    return lifecycle.packaged;
  }

  getAppPath(): string {
    return lifecycle.appPath;
  }

  getName(): string {
    return this.#name ?? packageJson().productName ?? packageJson().name ?? 'Electron';
  }

  setName(name: string): void {
    this.#name = name;
  }

  getVersion(): string {
    return packageJson().version ?? '0.0.0';
  }

  getLocale(): string {
    return 'en-US';
  }

  getPath(name: PathName): string {
    const set = this.#paths.get(name);
    if (set !== undefined) return set;
    const appData = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
    const defaults: Partial<Record<PathName, string>> = {
      home: homedir(),
      appData,
      userData: join(appData, this.getName()),
      temp: tmpdir(),
      exe: process.execPath,
      module: process.execPath,
    };
    if (name === 'sessionData') return this.getPath('userData');
    if (name === 'logs') return join(this.getPath('userData'), 'logs');
    const path = defaults[name];
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  setPath(name: string, path: string): void {
    // Electron refuses a folder that does not exist (main/shell/paths.ts creates it first).
    if (!existsSync(path)) throw new Error(`Failed to set path: ${path} does not exist`);
    this.#paths.set(name, path);
  }

  enableSandbox(): void {
    if (lifecycle.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    lifecycle.facts.sandboxEnabled = true;
  }

  isReady(): boolean {
    return lifecycle.ready;
  }

  whenReady(): Promise<void> {
    return readyPromise;
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const message = {
      argv: lifecycle.argv,
      workingDirectory: process.cwd(),
      additionalData: additionalData ?? {},
    };
    const held = instance.request(this.getPath('userData'), message, (second) =>
      this.emit(
        'second-instance',
        electronEvent(),
        second.argv,
        second.workingDirectory,
        second.additionalData,
      ),
    );
    lifecycle.facts.singleInstanceLock = held;
    return held;
  }

  hasSingleInstanceLock(): boolean {
    return instance.held;
  }

  releaseSingleInstanceLock(): void {
    instance.release();
  }

  focus(): void {}

  /**
   * Electron's order: before-quit (may be prevented); every window asked to close (any may
   * refuse, which ends the attempt); once all have closed, will-quit (may be prevented, and then
   * the app stays until app.exit); otherwise quit and exit 0.
   */
  quit(): void {
    if (this.#quitting || this.#exiting) return;
    this.#quitting = true;
    lifecycle.ending = true;
    this.#runQuit().catch((error: unknown) => standInLog(`quit failed: ${describe(error)}`));
  }

  exit(exitCode = 0): void {
    if (this.#exiting) return;
    this.#exiting = true;
    lifecycle.ending = true;
    lifecycle.facts.exitCode = exitCode;
    standInLog(`app.exit(${exitCode})`);
    void endProcess(exitCode);
  }

  async #runQuit(): Promise<void> {
    const steps = lifecycle.facts.quitSteps;
    const before = electronEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) {
      steps.push('before-quit prevented');
      this.#quitting = false;
      return;
    }
    steps.push('before-quit');
    const open = [...lifecycle.windows].filter((w) => !w.isDestroyed());
    const closed = open.map((w) => new Promise<void>((resolve) => w.once('closed', resolve)));
    for (const window of open) window.close();
    if (open.some((w) => !w.isDestroyed())) {
      steps.push('a window refused to close');
      this.#quitting = false;
      return;
    }
    await Promise.all(closed);
    const willQuit = electronEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      steps.push('will-quit held');
      standInLog('will-quit held by the app; waiting for app.exit()');
      return;
    }
    steps.push('will-quit');
    this.emit('quit', electronEvent(), 0);
    this.exit(0);
  }

  /** Electron's default when the last window closes and nobody listens: quit. */
  lastWindowClosed(): void {
    if (this.#quitting || this.#exiting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }
}

async function endProcess(code: number): Promise<void> {
  standInLog(`power save blockers still held at exit: ${lifecycle.heldBlockers()}`);
  for (const step of lifecycle.beforeExit) {
    await step().catch((error: unknown) => standInLog(`while exiting: ${describe(error)}`));
  }
  await instance.settled();
  instance.release();
  process.exit(code);
}

export const app = new StandInApp();

/** The launcher's part: Chromium is up, so Electron would now be ready. */
export function emitReady(): void {
  lifecycle.ready = true;
  app.emit('will-finish-launching');
  markReady();
  app.emit('ready', electronEvent(), {});
}
