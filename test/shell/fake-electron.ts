/**
 * Just enough of Electron's main-process API for the built main bundle to run in plain Node
 * (test/shell/run-main.ts maps the `electron` import here). It records what the shell asks of
 * Electron and lets the driver play the events Electron would emit; behaviour the shell relies
 * on is imitated (web-contents-created on window creation, close → closed, quit → before-quit,
 * windows closing, will-quit), nothing more.
 */
import { EventEmitter } from 'node:events';

interface Held {
  defaultPrevented: boolean;
  preventDefault(): void;
}
const holdable = (): Held => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

let ready = false;
let markReady!: () => void;
const readyPromise = new Promise<void>((resolve) => (markReady = resolve));
const paths = new Map<string, string>();

export const record = {
  privilegedSchemes: [] as { scheme: string; beforeReady: boolean; privileges: unknown }[],
  sandboxEnabledBeforeReady: false,
  singleInstanceRequestedBeforeReady: false,
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  invokeHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  sessionHardened: [] as string[],
  blockers: new Set<number>(),
  menu: 'default' as 'default' | 'none',
  exitCode: undefined as number | undefined,
  onExit: (_code: number) => undefined as void,
};

let nextId = 1;
class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  get mainFrame() {
    return { url: this.url, parent: null };
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, structuredClone(payload)]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  reload() {}
}

export class BrowserWindow extends EventEmitter {
  static all: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  destroyed = false;
  visible: 'hidden' | 'shown' | 'shown-inactive' = 'hidden';
  kiosk = false;
  bounds: unknown;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', holdable(), this.webContents);
  }
  loadURL(url: string) {
    this.webContents.url = url;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  close() {
    if (this.destroyed) return;
    const event = holdable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {
    this.visible = 'shown';
  }
  showInactive() {
    this.visible = 'shown-inactive';
  }
  maximize() {}
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
  setKiosk(flag: boolean) {
    this.kiosk = flag;
  }
  isKiosk() {
    return this.kiosk;
  }
  setFullScreen() {}
  setAlwaysOnTop() {}
  setBounds(bounds: unknown) {
    this.bounds = bounds;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  enableSandbox() {
    record.sandboxEnabledBeforeReady = !ready;
  }
  setPath(name: string, path: string) {
    paths.set(name, path);
  }
  getPath(name: string) {
    const path = paths.get(name);
    if (path === undefined) throw new Error(`fake electron: no path ${name}`);
    return path;
  }
  getAppPath() {
    return process.env.FAKE_ELECTRON_APP_PATH ?? '';
  }
  getVersion() {
    return '0.0.0-test';
  }
  requestSingleInstanceLock() {
    record.singleInstanceRequestedBeforeReady = !ready;
    return true;
  }
  whenReady() {
    return readyPromise;
  }
  /** Electron's order: before-quit, every window asked to close (any may refuse), then will-quit. */
  quit() {
    const before = holdable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const window of BrowserWindow.all) window.close();
    if (BrowserWindow.all.some((w) => !w.isDestroyed())) return;
    const willQuit = holdable();
    this.emit('will-quit', willQuit);
    if (!willQuit.defaultPrevented) this.exit(0);
  }
  exit(code = 0) {
    record.exitCode = code;
    record.onExit(code);
  }
}

export const app = new FakeApp();

/** The driver's part: Electron becoming ready. */
export function emitReady(): void {
  ready = true;
  markReady();
  app.emit('ready');
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: unknown }[]) {
    for (const s of schemes) record.privilegedSchemes.push({ ...s, beforeReady: !ready });
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    record.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => record.sessionHardened.push('permission-request'),
    setPermissionCheckHandler: () => record.sessionHardened.push('permission-check'),
    setDevicePermissionHandler: () => record.sessionHardened.push('device-permission'),
    setDisplayMediaRequestHandler: () => record.sessionHardened.push('display-media'),
    on: (event: string) => record.sessionHardened.push(event),
  },
};

export const ipcMain = {
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    if (record.invokeHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    record.invokeHandlers.set(channel, handler);
  },
  on() {},
};

const display = {
  id: 1,
  label: 'Built-in',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  size: { width: 1920, height: 1080 },
};
export const screen = Object.assign(new EventEmitter(), {
  getAllDisplays: () => [display],
  getPrimaryDisplay: () => display,
});

let nextBlocker = 1;
export const powerSaveBlocker = {
  start: () => {
    const id = nextBlocker++;
    record.blockers.add(id);
    return id;
  },
  stop: (id: number) => record.blockers.delete(id),
  isStarted: (id: number) => record.blockers.has(id),
};

/** Reversible but never the plain text: the settings file must not show the key. */
export const safeStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(`fake:${text}`).map((b) => b ^ 0x5a)),
  decryptStringAsync: (data: Buffer) =>
    Promise.resolve({
      shouldReEncrypt: false,
      result: Buffer.from(data.map((b) => b ^ 0x5a))
        .toString()
        .replace(/^fake:/, ''),
    }),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

export const Menu = {
  setApplicationMenu: (menu: unknown) => {
    record.menu = menu === null ? 'none' : 'default';
  },
};
export const dialog = { showErrorBox: () => undefined };
export const shell = { openPath: () => Promise.resolve('') };

export default {
  app,
  protocol,
  session,
  ipcMain,
  screen,
  powerSaveBlocker,
  safeStorage,
  Menu,
  dialog,
  shell,
  BrowserWindow,
};
