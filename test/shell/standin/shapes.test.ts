/**
 * The stand-in against Electron 45, at compile time (tsc runs over this file in `npm run
 * typecheck`): each stand-in object holds every member it has to Electron's own type (support.ts
 * `Shape`, in the stand-in's sources), and here it is shown to have every member the shell uses,
 * through the same interfaces the real objects are held to in test/shell-logic/electron-shapes.test.ts.
 * At run time: every name the shell and preloads import from 'electron' is there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Menu as ElectronMenu,
  WebContents,
} from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ScreenDisplay } from '../../../main/shell-logic/display-choice.ts';
import type { PlaceableWindow, ScreenLike } from '../../../main/shell-logic/display-placement.ts';
import type { InputContentsLike } from '../../../main/shell-logic/input-guard.ts';
import type { EventTarget, IpcEventLike, IpcMainLike } from '../../../main/shell-logic/ipc-gate.ts';
import type { PowerSaveBlockerLike } from '../../../main/shell-logic/sleep-blocker.ts';
import type { SessionLike, WebContentsLike } from '../../../main/shell-logic/web-contents-policy.ts';
import type { SafeStorageLike } from '../../../main/settings/key-storage.ts';
import type { QuittableApp } from '../../../main/shell/quit.ts';
import type { IpcRendererLike } from '../../../preload/ipc-transport.ts';
import type { app } from './app.ts';
import type { StandInBrowserWindow } from './browser-window.ts';
import * as standIn from './electron.ts';
import type { ipcMain, Sender } from './ipc-main.ts';
import type { Menu, powerSaveBlocker, session } from './misc.ts';
import type { StandInContextBridge, StandInIpcRenderer } from './renderer-script.ts';
import type { safeStorage } from './safe-storage.ts';
import type { screen } from './screen.ts';
import type { StandInWebContents } from './web-contents.ts';
import type { StandInFrame } from './web-frame.ts';

const repo = join(import.meta.dirname, '../../..');

/** The value names imported from 'electron' in a file (type-only imports left out). */
function electronImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const names: string[] = [];
  for (const match of text.matchAll(/^import\s*\{([^}]*)\}\s*from\s*'electron';/gm)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part.trim();
      if (name !== '' && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

describe('the Electron stand-in', () => {
  it('has what main/shell-logic, main/settings and main/shell take from Electron (typecheck)', () => {
    expectTypeOf<typeof app>().toExtend<QuittableApp>();
    expectTypeOf<typeof app>().toExtend<{
      enableSandbox(): void;
      setPath(name: string, path: string): void;
      getPath(name: 'userData'): string;
      requestSingleInstanceLock(): boolean;
      whenReady(): Promise<void>;
      getAppPath(): string;
      getVersion(): string;
      quit(): void;
      readonly isPackaged: boolean;
    }>();
    expectTypeOf<typeof screen>().toExtend<ScreenLike>();
    expectTypeOf<ReturnType<(typeof screen)['getAllDisplays']>[number]>().toExtend<ScreenDisplay>();
    expectTypeOf<StandInBrowserWindow>().toExtend<PlaceableWindow>();
    expectTypeOf<StandInBrowserWindow>().toExtend<
      Pick<
        BrowserWindow,
        'show' | 'showInactive' | 'maximize' | 'focus' | 'restore' | 'isMinimized' | 'isDestroyed' | 'close'
      >
    >();
    expectTypeOf<typeof StandInBrowserWindow>().toExtend<
      new (options: BrowserWindowConstructorOptions) => StandInBrowserWindow
    >();
    expectTypeOf<StandInWebContents>().toExtend<WebContentsLike>();
    // main/shell/page-printer.ts: a hidden window loads the receipt's page and prints it.
    expectTypeOf<StandInWebContents>().toExtend<Pick<WebContents, 'print'>>();
    expectTypeOf<StandInBrowserWindow>().toExtend<
      Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'>
    >();
    expectTypeOf<StandInWebContents>().toExtend<InputContentsLike>();
    expectTypeOf<StandInWebContents>().toExtend<EventTarget>();
    expectTypeOf<Sender & { sender: StandInWebContents }>().toExtend<Omit<IpcEventLike, 'senderFrame'>>();
    expectTypeOf<StandInFrame>().toExtend<NonNullable<IpcEventLike['senderFrame']>>();
    expectTypeOf<typeof ipcMain>().toExtend<IpcMainLike>();
    expectTypeOf<(typeof session)['defaultSession']>().toExtend<SessionLike>();
    expectTypeOf<typeof powerSaveBlocker>().toExtend<PowerSaveBlockerLike>();
    expectTypeOf<typeof safeStorage>().toExtend<SafeStorageLike>();
    expectTypeOf<typeof Menu>().toExtend<Pick<typeof ElectronMenu, 'setApplicationMenu'>>();
    expectTypeOf<StandInIpcRenderer>().toExtend<IpcRendererLike>();
    expectTypeOf<StandInContextBridge['exposeInMainWorld']>().toExtend<(key: string, api: unknown) => void>();
  });

  it('exports every name the shell and the preloads import from electron', () => {
    const shellFiles = readdirSync(join(repo, 'main/shell')).map((name) => join(repo, 'main/shell', name));
    const mainNames = shellFiles.flatMap(electronImports);
    expect(mainNames.length).toBeGreaterThan(8);
    for (const name of mainNames) expect(standIn, name).toHaveProperty(name);
    // electron-store takes these from the default export.
    for (const name of ['app', 'ipcMain', 'shell']) expect(standIn.default, name).toHaveProperty(name);
    // The preloads' two come from the page side of the stand-in.
    for (const role of ['cashier', 'display']) {
      expect(electronImports(join(repo, 'preload', `${role}.ts`)).sort()).toEqual([
        'contextBridge',
        'ipcRenderer',
      ]);
    }
  });
});
