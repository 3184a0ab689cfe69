/**
 * Electron's BrowserWindow for the stand-in: one Playwright page per window (renderer-page.ts),
 * whose viewport is the window's content size (the display's size in kiosk mode).
 *
 * Window state (bounds, kiosk, fullscreen, always on top, shown, focused) is kept here as
 * Electron reports it; headless Chromium has no real window to move, so a test reads the state
 * and the page's own size.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { app, lifecycle } from './app.ts';
import { screen } from './screen.ts';
import { electronEvent, type Shape } from './support.ts';
import { StandInWebContents } from './web-contents.ts';

let nextId = 1;

function initialBounds(options: BrowserWindowConstructorOptions): Rectangle {
  const width = options.width ?? 800;
  const height = options.height ?? 600;
  if (options.x !== undefined && options.y !== undefined)
    return { x: options.x, y: options.y, width, height };
  const area = screen.getPrimaryDisplay().workArea;
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

export class StandInBrowserWindow
  extends EventEmitter
  implements Shape<BrowserWindow, 'webContents' | 'contentView'>
{
  static #all = new Set<StandInBrowserWindow>();

  static getAllWindows(): StandInBrowserWindow[] {
    return [...StandInBrowserWindow.#all];
  }

  static fromWebContents(contents: unknown): StandInBrowserWindow | null {
    return [...StandInBrowserWindow.#all].find((w) => w.webContents === contents) ?? null;
  }

  readonly id = nextId++;
  readonly webContents: StandInWebContents;
  /** The stand-in's record: the options exactly as the shell passed them. */
  readonly options: BrowserWindowConstructorOptions;
  #bounds: Rectangle;
  #restore: Rectangle | undefined;
  #kiosk = false;
  #fullScreen = false;
  #maximized = false;
  #minimized = false;
  #alwaysOnTop = false;
  #visible: boolean;
  #destroyed = false;
  #title: string;
  #resizes: Promise<unknown> = Promise.resolve();
  focusCount = 0;

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    if (!lifecycle.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = structuredClone(options);
    this.#bounds = initialBounds(options);
    this.#visible = options.show ?? true;
    this.#title = options.title ?? '';
    this.webContents = new StandInWebContents(
      options.webPreferences ?? {},
      () => ({ width: this.#bounds.width, height: this.#bounds.height }),
      // The page went away without the window being closed (Chromium ended): the window is gone.
      () => this.#destroyed || this.#closed(),
    );
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show'));
    StandInBrowserWindow.#all.add(this);
    lifecycle.windows.add(this);
    app.emit('browser-window-created', electronEvent(), this);
    app.emit('web-contents-created', electronEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  getBounds(): Rectangle {
    return { ...this.#bounds };
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.#bounds = { ...this.#bounds, ...bounds };
    this.#resize();
  }

  setKiosk(flag: boolean): void {
    if (flag === this.#kiosk) return;
    this.#kiosk = flag;
    this.#fullScreenOnDisplay(flag);
  }

  isKiosk(): boolean {
    return this.#kiosk;
  }

  setFullScreen(flag: boolean): void {
    if (flag === this.#fullScreen) return;
    this.#fullScreen = flag;
    this.#fullScreenOnDisplay(flag);
  }

  isFullScreen(): boolean {
    return this.#fullScreen || this.#kiosk;
  }

  setAlwaysOnTop(flag: boolean): void {
    this.#alwaysOnTop = flag;
  }

  isAlwaysOnTop(): boolean {
    return this.#alwaysOnTop;
  }

  show(): void {
    this.#visible = true;
    this.#minimized = false;
    this.focus();
  }

  showInactive(): void {
    this.#visible = true;
  }

  hide(): void {
    this.#visible = false;
  }

  isVisible(): boolean {
    return this.#visible && !this.#minimized;
  }

  maximize(): void {
    this.#maximized = true;
    this.#visible = true;
    this.#bounds = screen.getDisplayMatching(this.#bounds).workArea;
    this.#resize();
  }

  unmaximize(): void {
    this.#maximized = false;
  }

  isMaximized(): boolean {
    return this.#maximized;
  }

  minimize(): void {
    this.#minimized = true;
  }

  isMinimized(): boolean {
    return this.#minimized;
  }

  restore(): void {
    this.#minimized = false;
  }

  focus(): void {
    this.focusCount += 1;
    this.webContents.focus();
  }

  isFocused(): boolean {
    return this.focusCount > 0 && this.#visible;
  }

  blur(): void {}

  getTitle(): string {
    return this.#title;
  }

  setTitle(title: string): void {
    this.#title = title;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** Asks first ('close' may be prevented), as when the person clicks the window's close button. */
  close(): void {
    if (this.#destroyed) return;
    const event = electronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#closed();
    void this.webContents
      .page()
      .then((page) => page.close())
      .catch(() => undefined);
  }

  #closed(): void {
    this.#destroyed = true;
    StandInBrowserWindow.#all.delete(this);
    lifecycle.windows.delete(this);
    this.webContents.destroy();
    // Electron emits 'closed' once the native window is gone, after close() has returned.
    setImmediate(() => {
      this.emit('closed');
      if (StandInBrowserWindow.#all.size === 0) app.lastWindowClosed();
    });
  }

  #fullScreenOnDisplay(on: boolean): void {
    if (on) {
      this.#restore ??= { ...this.#bounds };
      this.#bounds = screen.getDisplayMatching(this.#bounds).bounds;
    } else if (!this.#kiosk && !this.#fullScreen && this.#restore !== undefined) {
      this.#bounds = this.#restore;
      this.#restore = undefined;
    }
    this.#resize();
  }

  #resize(): void {
    const { width, height } = this.#bounds;
    this.#resizes = this.#resizes
      .then(() => this.webContents.page())
      .then((page) => page.setViewportSize({ width, height }))
      .catch(() => undefined);
  }
}
