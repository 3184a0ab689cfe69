/**
 * The hand-written interfaces main/shell-logic/ takes are checked here against Electron's own types
 * (type-only imports, erased at run time): the shell can pass the real objects, and a change in
 * Electron's API fails the typecheck instead of the kiosk.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Display,
  IpcMain,
  IpcMainInvokeEvent,
  Input,
  PowerSaveBlocker,
  Screen,
  Session,
  WebContents,
} from 'electron';
import { describe, expectTypeOf, it } from 'vitest';
import type { ScreenDisplay } from '../../main/shell-logic/display-choice.ts';
import type { PlaceableWindow, ScreenLike } from '../../main/shell-logic/display-placement.ts';
import type { InputContentsLike, ShortcutInput } from '../../main/shell-logic/input-guard.ts';
import type { EventTarget, IpcEventLike, IpcMainLike } from '../../main/shell-logic/ipc-gate.ts';
import type { PowerSaveBlockerLike } from '../../main/shell-logic/sleep-blocker.ts';
import type { SessionLike, WebContentsLike } from '../../main/shell-logic/web-contents-policy.ts';
import type { WindowOptions } from '../../main/shell-logic/web-preferences.ts';

describe('Electron objects fit the interfaces the desktop logic takes', () => {
  it('typechecks', () => {
    expectTypeOf<WebContents>().toExtend<WebContentsLike>();
    expectTypeOf<WebContents>().toExtend<InputContentsLike>();
    expectTypeOf<WebContents>().toExtend<EventTarget>();
    expectTypeOf<Input>().toExtend<ShortcutInput>();
    expectTypeOf<Session>().toExtend<SessionLike>();
    expectTypeOf<Display>().toExtend<ScreenDisplay>();
    expectTypeOf<Screen>().toExtend<ScreenLike>();
    expectTypeOf<BrowserWindow>().toExtend<PlaceableWindow>();
    expectTypeOf<PowerSaveBlocker>().toExtend<PowerSaveBlockerLike>();
    expectTypeOf<IpcMainInvokeEvent>().toExtend<IpcEventLike>();
    expectTypeOf<IpcMain>().toExtend<IpcMainLike>();
    expectTypeOf<WindowOptions>().toExtend<BrowserWindowConstructorOptions>();
  });
});
