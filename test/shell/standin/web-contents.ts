/**
 * Electron's WebContents over one Playwright page. The page is created asynchronously (Electron's
 * is there at once), so work that needs it waits for it; what the shell reads synchronously (id,
 * URL, destroyed) is kept here.
 *
 * - send(): the payload is structured-cloned, as Electron does, then handed to the page's
 *   ipcRenderer listeners, in order.
 * - Navigation the page starts (not loadURL or reload) is put to the shell's will-navigate and
 *   will-frame-navigate listeners before any request leaves; a prevented one is aborted.
 * - window.open is put to the window-open handler; a denied popup is closed at once.
 * - A renderer crash is render-process-gone; reload() then brings up a fresh page (Playwright will
 *   not touch a crashed one), as Electron starts a fresh renderer in the same web contents.
 */
import { EventEmitter } from 'node:events';
import type { Page } from '@playwright/test';
import type {
  HandlerDetails,
  WebContents,
  WebContentsPrintOptions,
  WebPreferences,
  WindowOpenHandlerResponse,
} from 'electron';
import { shellUrl, toChromiumUrl } from './app-url.ts';
import { routingFacts } from './chromium.ts';
import { loadableSchemes } from './misc.ts';
import { printPage } from './printing.ts';
import { openRendererPage } from './renderer-page.ts';
import { RENDERER_HANDLE } from './renderer-script.ts';
import { describe, electronEvent, standInLog, type Shape } from './support.ts';
import type { StandInFrame } from './web-frame.ts';
import { senderFrameOf } from './web-frame.ts';

type OpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;
let nextId = 1;

export class StandInWebContents
  extends EventEmitter
  implements
    Shape<
      WebContents,
      | 'session'
      | 'mainFrame'
      | 'hostWebContents'
      | 'devToolsWebContents'
      | 'debugger'
      | 'navigationHistory'
      | 'ipc'
      | 'opener'
    >
{
  readonly id = nextId++;
  readonly #preferences: WebPreferences;
  readonly #size: () => { width: number; height: number };
  readonly #gone: () => void;
  #page: Promise<Page>;
  #current: Page | undefined;
  #destroyed = false;
  #crashed = false;
  /** A navigation main asked for (loadURL, reload): not put to will-navigate. */
  #expected: string | undefined;
  #sends: Promise<unknown> = Promise.resolve();
  #openHandler: OpenHandler | undefined;

  /** `size`: the window's content size now; `gone`: the page was closed from outside (not replaced). */
  constructor(preferences: WebPreferences, size: () => { width: number; height: number }, gone: () => void) {
    super();
    this.#preferences = preferences;
    this.#size = size;
    this.#gone = gone;
    this.#page = this.#open();
  }

  /** The stand-in's side: the page now behind these web contents. */
  page(): Promise<Page> {
    return this.#page;
  }

  #open(): Promise<Page> {
    const page = openRendererPage(this, this.#preferences, this.#size());
    page.then(
      (p) => this.#attach(p),
      (error: unknown) => standInLog(`web contents ${this.id}: no page (${describe(error)})`),
    );
    return page;
  }

  getURL(): string {
    return this.#current === undefined ? '' : shellUrl(this.#current.url());
  }

  getTitle(): string {
    return '';
  }

  get mainFrame(): StandInFrame | null {
    return this.#current === undefined ? null : senderFrameOf(this.#current.mainFrame());
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  isCrashed(): boolean {
    return this.#crashed;
  }

  isDevToolsOpened(): boolean {
    return false;
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.#openHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.#page;
    const target = toChromiumUrl(url, loadableSchemes());
    this.#expected = target;
    try {
      await page.goto(target, { waitUntil: 'load' });
    } finally {
      if (this.#expected === target) this.#expected = undefined;
    }
  }

  reload(): void {
    void this.#page
      .then(async (page) => {
        const url = page.url();
        this.#expected = url;
        if (!this.#crashed) {
          await page.reload();
          return;
        }
        // A fresh renderer for the same web contents (same id, same window), at the same page.
        this.#crashed = false;
        this.#page = this.#open();
        const fresh = await this.#page;
        await page.close().catch(() => undefined);
        await fresh.goto(url, { waitUntil: 'load' });
      })
      .catch((error: unknown) => standInLog(`reload failed: ${describe(error)}`));
  }

  focus(): void {
    void this.#page.then((page) => page.bringToFront()).catch(() => undefined);
  }

  /** Recorded, never printed (printing.ts); answers through the callback as Electron does. */
  print(
    options: WebContentsPrintOptions = {},
    callback?: (success: boolean, failureReason: string) => void,
  ): void {
    printPage(this.#page, options, callback);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    const payload = structuredClone(args);
    this.sentChannels.add(channel);
    this.#sends = this.#sends
      .then(async () => {
        const page = await this.#page;
        if (this.#crashed) return;
        await page.evaluate(
          ([handle, name, values]) => {
            const plumbing = (
              window as unknown as Record<symbol, { dispatch(c: string, a: unknown[]): void }>
            )[Symbol.for(handle)];
            plumbing?.dispatch(name, values);
          },
          [RENDERER_HANDLE, channel, payload] as const,
        );
      })
      // A page between documents misses the message, as in Electron.
      .catch(() => undefined);
  }

  /** The stand-in's record: every channel main sent this page something on. */
  readonly sentChannels = new Set<string>();

  /** The stand-in's side: the options the window was created with. */
  get preferences(): WebPreferences {
    return this.#preferences;
  }

  /** The stand-in's side: a navigation the page started; false when the shell prevented it. */
  allowNavigation(chromiumUrl: string, isMainFrame: boolean, frame: StandInFrame | null): boolean {
    if (isMainFrame && this.#expected === chromiumUrl) return true;
    const url = shellUrl(chromiumUrl);
    const params = { url, isSameDocument: false, isMainFrame, frame, initiator: frame };
    const frameEvent = electronEvent(params);
    this.emit('will-frame-navigate', frameEvent);
    let prevented = frameEvent.defaultPrevented;
    if (isMainFrame) {
      const event = electronEvent(params);
      this.emit('will-navigate', event, url, false, isMainFrame, 0, frame?.routingId ?? 0);
      prevented ||= event.defaultPrevented;
    }
    return !prevented;
  }

  /** The stand-in's side: the window closed. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.emit('destroyed');
  }

  /**
   * Chromium has opened the popup by now (Electron asks first); its URL is the navigation the
   * routing saw it start. A popup the handler does not allow is closed, and no BrowserWindow stands behind it.
   */
  async #decidePopup(popup: Page): Promise<void> {
    // Blank until it navigates, or Chromium's error page once the routing refused it.
    const unknown = (url: string) => url === '' || url === 'about:blank' || url.startsWith('chrome-error:');
    let opened = popup.url();
    for (let waited = 0; unknown(opened) && waited < 3_000; waited += 20) {
      if (routingFacts.lastPopupUrl !== undefined) opened = routingFacts.lastPopupUrl;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    routingFacts.lastPopupUrl = undefined;
    const url = shellUrl(opened);
    const answer = this.#openHandler?.({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: this.getURL(), policy: 'no-referrer' },
    });
    standInLog(`window.open(${url}): ${answer?.action ?? 'no handler'}`);
    if (answer?.action !== 'allow') await popup.close();
  }

  #attach(page: Page): void {
    this.#current = page;
    page.once('close', () => {
      if (this.#current === page && !this.#destroyed) this.#gone();
    });
    page.on('domcontentloaded', () => this.emit('dom-ready'));
    page.on('load', () => this.emit('did-finish-load'));
    page.on('crash', () => {
      this.#crashed = true;
      this.emit('render-process-gone', electronEvent(), { reason: 'crashed', exitCode: 139 });
    });
    page.on('popup', (popup) => {
      void this.#decidePopup(popup).catch((error: unknown) => standInLog(`popup: ${describe(error)}`));
    });
  }
}
