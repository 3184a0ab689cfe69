/**
 * The one place where navigation, new windows, webviews, downloads (but the till's own CSV files)
 * and permission requests are refused, applied from `app.on('web-contents-created')` to every web contents and to each
 * session. The kiosk's pages never need any of these; a page that asks has been tampered with
 * or followed a link it should not have, and is better left where it is.
 *
 * Nothing here ever opens a URL in the system browser (`shell.openExternal`): a till has no
 * business launching a browser on the cashier's screen because a page asked it to.
 */
import { isAppUrl, logOrigin, roleOfPageUrl } from './app-origin.ts';
import { onceLog } from './log-once.ts';

export interface NavigationDetails {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

/** The part of Electron's WebContents this policy uses; a real WebContents satisfies it. */
export interface WebContentsLike {
  getURL(): string;
  on(event: 'will-navigate', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-redirect', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: NavigationDetails) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's Session this policy uses; a real Session satisfies it. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void;
  on(
    event: 'will-download',
    listener: (
      event: { preventDefault(): void },
      item: DownloadItemLike,
      contents: { getURL(): string },
    ) => void,
  ): unknown;
}

/** The part of Electron's DownloadItem this policy uses. */
export interface DownloadItemLike {
  getURL(): string;
  getFilename(): string;
  setSaveDialogOptions(options: {
    title?: string;
    defaultPath?: string;
    filters?: { name: string; extensions: string[] }[];
  }): void;
}

/** A file name the till itself offers (katalog.csv, a report's CSV): plain, short, one extension. */
const SAVED_FILE_NAME = /^[\w.-]{1,100}\.csv$/;

/**
 * The one download the kiosk makes: a CSV the cashier window built itself (a `blob:` URL of the
 * app's own origin — the catalogue export, a report) and the manager saves where they choose,
 * through the system's save dialog. Anything else — a link, another window, another origin, a
 * file that is not a CSV — is refused.
 */
export function downloadAllowed(url: string, fileName: string, fromPage: string): boolean {
  if (!url.startsWith('blob:') || !isAppUrl(url.slice('blob:'.length))) return false;
  return roleOfPageUrl(fromPage) === 'cashier' && SAVED_FILE_NAME.test(fileName) && !fileName.startsWith('.');
}

/**
 * A page may navigate only to its own page again (`location.reload()` after an error, or a
 * `location.assign` back to itself): the same role's page on the app origin. Everything else,
 * including the other role's page, stays where it is: a cashier window that became the
 * customer display (or the reverse) would be speaking as a page it was not opened with.
 */
export function navigationAllowed(from: string, to: string): boolean {
  const role = roleOfPageUrl(from);
  return role !== undefined && roleOfPageUrl(to) === role;
}

export function hardenWebContents(contents: WebContentsLike, log: (line: string) => void): void {
  const note = onceLog(log);
  const refuse = (what: string, url: string) =>
    note(`${what} ${logOrigin(url)}`, `refused ${what} to ${logOrigin(url)}`);

  const guardNavigation = (what: string) => (details: NavigationDetails) => {
    // Sub-frames have no business navigating at all: the pages have none.
    if (details.isMainFrame && navigationAllowed(contents.getURL(), details.url)) return;
    details.preventDefault();
    refuse(what, details.url);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));

  contents.setWindowOpenHandler((details) => {
    refuse('new window', details.url);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    note('webview', 'refused a webview');
  });
}

export function hardenSession(session: SessionLike, log: (line: string) => void): void {
  const note = onceLog(log);
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    note(`permission ${permission}`, `refused permission request: ${String(permission).slice(0, 64)}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    note('display-media', 'refused a screen capture request');
    callback(null);
  });
  session.on('will-download', (event, item, contents) => {
    if (downloadAllowed(item.getURL(), item.getFilename(), contents.getURL())) {
      item.setSaveDialogOptions({
        title: item.getFilename(),
        defaultPath: item.getFilename(),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      });
      log(`saving ${item.getFilename()} through the save dialog`);
      return;
    }
    event.preventDefault();
    note('download', 'refused a download');
  });
}
