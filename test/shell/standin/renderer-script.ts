/**
 * The page side of the stand-in: a script Chromium runs in each window's main frame before any
 * page script (addInitScript), which gives the window's preload bundle a `require('electron')`
 * with contextBridge and ipcRenderer, and then runs the bundle as Electron runs a sandboxed
 * preload (CommonJS, `require` for electron only). ipcRenderer talks to main over a Playwright
 * binding, so main learns the real frame that called.
 *
 * What it cannot be: a second JavaScript world. The preload runs in the page's own world, so
 * contextBridge here copies values and wraps functions the way Electron's does (an Error's
 * message only, no prototypes, no shared objects) but does not isolate anything; context
 * isolation is one of the things only a real Electron shows.
 */
import type { ContextBridge, IpcRenderer } from 'electron';
import type { Shape } from './support.ts';

/** The page's handle on its stand-in plumbing (for main's sends, and for a test playing a compromised page). */
export const RENDERER_HANDLE = 'electron-standin.renderer';

export type IpcMessage =
  { kind: 'invoke'; channel: string; args: unknown[] } | { kind: 'send'; channel: string; args: unknown[] };

/** The text of the init script for one window: the installer, then the preload inside it. */
export function rendererScript(bindingName: string, preloadSource: string): string {
  return (
    `(${installRenderer.toString()})(${JSON.stringify(bindingName)}, ${JSON.stringify(RENDERER_HANDLE)}, ` +
    `function (require, module, exports) {\n${preloadSource}\n});\n`
  );
}

type Listener = (event: unknown, ...args: unknown[]) => void;

/** The page's ipcRenderer: Electron's types for its own members, Node's EventEmitter shape for the rest. */
export interface StandInIpcRenderer extends Shape<IpcRenderer> {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: Listener): StandInIpcRenderer;
  once(channel: string, listener: Listener): StandInIpcRenderer;
  removeListener(channel: string, listener: Listener): StandInIpcRenderer;
  off(channel: string, listener: Listener): StandInIpcRenderer;
  removeAllListeners(channel?: string): StandInIpcRenderer;
}

export interface StandInContextBridge extends Shape<ContextBridge> {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}
type Send = (message: IpcMessage) => Promise<{ ok: boolean; value?: unknown; message?: string }>;

/** Runs in the page (serialised with toString): nothing from outside this function. */
function installRenderer(
  bindingName: string,
  handleName: string,
  preload: (require: (name: string) => unknown, module: { exports: unknown }, exports: unknown) => void,
): void {
  const page = window as unknown as Record<string | symbol, unknown>;
  const send = page[bindingName] as Send | undefined;
  // The binding is the preload's, not the page's: only ipcRenderer keeps it.
  delete page[bindingName];
  // As with nodeIntegrationInSubFrames: false, a preload runs in the main frame only.
  if (typeof send !== 'function' || window.top !== window) return;

  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer: StandInIpcRenderer = {
    invoke(channel: string, ...args: unknown[]) {
      return send({ kind: 'invoke', channel, args }).then((answer) => {
        if (answer.ok) return answer.value;
        throw new Error(`Error invoking remote method '${channel}': ${answer.message ?? ''}`);
      });
    },
    send(channel: string, ...args: unknown[]) {
      void send({ kind: 'send', channel, args });
    },
    on(channel: string, listener: Listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    once(channel: string, listener: Listener) {
      const once: Listener = (event, ...args) => {
        ipcRenderer.removeListener(channel, once);
        listener(event, ...args);
      };
      return ipcRenderer.on(channel, once);
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    off(channel: string, listener: Listener) {
      return ipcRenderer.removeListener(channel, listener);
    },
    removeAllListeners(channel?: string) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer;
    },
  };

  const dispatch = (channel: string, args: unknown[]) => {
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      try {
        listener(event, ...args);
      } catch (error) {
        console.error(error);
      }
    }
  };

  // contextBridge's copy: functions wrapped (both ways), values copied, promises followed, an
  // Error reduced to its message, prototypes dropped.
  const copy = (value: unknown): unknown => {
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => copy(fn(...args.map(copy)));
    }
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Promise) return value.then(copy, (reason: unknown) => Promise.reject(copy(reason)));
    if (value instanceof Error) return new Error(value.message);
    if (Array.isArray(value)) return value.map(copy);
    if (value instanceof Date) return new Date(value.getTime());
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
    return out;
  };
  const contextBridge: StandInContextBridge = {
    exposeInMainWorld(apiKey: string, api: unknown) {
      if (apiKey in page)
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(page, apiKey, { value: copy(api), enumerable: true });
    },
  };

  Object.defineProperty(page, Symbol.for(handleName), { value: Object.freeze({ dispatch, ipcRenderer }) });

  const module = { exports: {} as unknown };
  const require = (name: string) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${name}`);
  };
  try {
    preload(require, module, module.exports);
  } catch (error) {
    // Electron reports a failing preload on the page's console and loads the page anyway.
    console.error(`Unable to load preload script: ${String(error)}`);
  }
}
