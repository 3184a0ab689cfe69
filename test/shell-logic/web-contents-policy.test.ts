import { describe, expect, it } from 'vitest';
import {
  downloadAllowed,
  hardenSession,
  hardenWebContents,
  navigationAllowed,
  type NavigationDetails,
  type SessionLike,
  type WebContentsLike,
} from '../../main/shell-logic/web-contents-policy.ts';

type Listener = (...args: never[]) => unknown;
type DownloadListener = (
  event: { preventDefault(): void },
  item: { getURL(): string; getFilename(): string; setSaveDialogOptions(o: unknown): void },
  contents: { getURL(): string },
) => void;

function fakeContents(url: string) {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    url,
    getURL: () => contents.url,
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const navigate = (event: string, to: string, isMainFrame = true) => {
    let prevented = false;
    const details: NavigationDetails = { url: to, isMainFrame, preventDefault: () => (prevented = true) };
    const found = listeners.get(event) ?? [];
    expect(found.length, event).toBeGreaterThan(0);
    for (const listener of found) (listener as (d: NavigationDetails) => void)(details);
    return prevented;
  };
  return {
    contents: contents as unknown as WebContentsLike,
    fake: contents,
    listeners,
    navigate,
    open: (to: string) => openHandler?.({ url: to }),
    attachWebview() {
      let prevented = false;
      for (const listener of listeners.get('will-attach-webview') ?? []) {
        (listener as (e: { preventDefault(): void }) => void)({ preventDefault: () => (prevented = true) });
      }
      return prevented;
    },
  };
}

const FOREIGN = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'app://other/cashier/',
  'app://kiosk.evil/cashier/',
  'app://kiosk/assets/app.js',
  'app://kiosk/',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'about:blank',
];

describe('navigationAllowed', () => {
  it('allows a page to load itself again', () => {
    expect(navigationAllowed('app://kiosk/cashier/', 'app://kiosk/cashier/')).toBe(true);
    expect(navigationAllowed('app://kiosk/cashier/', 'app://kiosk/cashier/index.html?x=1')).toBe(true);
    expect(navigationAllowed('app://kiosk/display/index.html', 'app://kiosk/display/')).toBe(true);
  });

  it('refuses the other role’s page and everything outside the app', () => {
    expect(navigationAllowed('app://kiosk/cashier/', 'app://kiosk/display/')).toBe(false);
    expect(navigationAllowed('app://kiosk/display/', 'app://kiosk/cashier/')).toBe(false);
    for (const to of FOREIGN) {
      expect(navigationAllowed('app://kiosk/cashier/', to), to).toBe(false);
      expect(navigationAllowed('app://kiosk/display/', to), to).toBe(false);
    }
  });

  it('refuses every navigation from a page that is not the app’s', () => {
    for (const from of ['', 'about:blank', 'https://evil.example/', 'app://kiosk/assets/x.js']) {
      expect(navigationAllowed(from, 'app://kiosk/cashier/'), from).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  it('prevents navigation, frame navigation and redirects away from the page', () => {
    const lines: string[] = [];
    const page = fakeContents('app://kiosk/cashier/');
    hardenWebContents(page.contents, (line) => lines.push(line));
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const to of [...FOREIGN, 'app://kiosk/display/'])
        expect(page.navigate(event, to), `${event} ${to}`).toBe(true);
      expect(page.navigate(event, 'app://kiosk/cashier/'), `${event} reload`).toBe(false);
    }
  });

  it('prevents every sub-frame navigation, even to the page itself', () => {
    const page = fakeContents('app://kiosk/display/');
    hardenWebContents(page.contents, () => {});
    expect(page.navigate('will-frame-navigate', 'app://kiosk/display/', false)).toBe(true);
    expect(page.navigate('will-redirect', 'app://kiosk/display/', false)).toBe(true);
  });

  it('judges against the page the window shows now', () => {
    const page = fakeContents('app://kiosk/cashier/');
    hardenWebContents(page.contents, () => {});
    page.fake.url = 'https://evil.example/';
    expect(page.navigate('will-navigate', 'app://kiosk/cashier/')).toBe(true);
  });

  it('denies every new window and webview', () => {
    const page = fakeContents('app://kiosk/cashier/');
    hardenWebContents(page.contents, () => {});
    for (const to of ['https://evil.example/', 'app://kiosk/cashier/', 'about:blank']) {
      expect(page.open(to)).toEqual({ action: 'deny' });
    }
    expect(page.attachWebview()).toBe(true);
  });

  it('logs each refusal once, with the origin only', () => {
    const lines: string[] = [];
    const page = fakeContents('app://kiosk/cashier/');
    hardenWebContents(page.contents, (line) => lines.push(line));
    for (let i = 0; i < 5; i += 1) page.navigate('will-navigate', 'https://evil.example/steal?token=abc');
    page.open('https://other.example/path?secret=1');
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toContain('https://evil.example');
    expect(lines.join('\n')).toContain('https://other.example');
    expect(lines.join('\n')).not.toMatch(/steal|token|secret|path/);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const set: Record<string, (...args: never[]) => unknown> = {};
    const listeners = new Map<string, Listener>();
    const session = {
      setPermissionRequestHandler: (h: never) => (set['request'] = h),
      setPermissionCheckHandler: (h: never) => (set['check'] = h),
      setDevicePermissionHandler: (h: never) => (set['device'] = h),
      setDisplayMediaRequestHandler: (h: never) => (set['displayMedia'] = h),
      on: (event: string, listener: Listener) => listeners.set(event, listener),
    };
    return { session: session as unknown as SessionLike, set, listeners };
  }

  it('denies every permission request, check, device and screen capture', () => {
    const lines: string[] = [];
    const { session, set } = fakeSession();
    hardenSession(session, (line) => lines.push(line));
    const request = set['request'] as (wc: unknown, p: string, cb: (granted: boolean) => void) => void;
    const check = set['check'] as (wc: unknown, p: string) => boolean;
    const device = set['device'] as (details: unknown) => boolean;
    const displayMedia = set['displayMedia'] as (r: unknown, cb: (streams: unknown) => void) => void;
    expect([request, check, device, displayMedia].every((h) => typeof h === 'function')).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
      'clipboard-read',
    ]) {
      const answers: boolean[] = [];
      request({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(check({}, permission), permission).toBe(false);
    }
    expect(device({ deviceType: 'usb', origin: 'app://kiosk' })).toBe(false);
    const streams: unknown[] = [];
    displayMedia({}, (s) => streams.push(s));
    expect(streams).toEqual([null]);
    expect(lines.some((line) => line.includes('media'))).toBe(true);
  });

  const CASHIER = 'app://kiosk/cashier/';
  it.each([
    ['a link to the web', 'https://example.com/katalog.csv', 'katalog.csv', CASHIER],
    ['a blob of another origin', 'blob:https://example.com/0a1b', 'katalog.csv', CASHIER],
    ['a look-alike origin', 'blob:app://kiosk.evil/0a1b', 'katalog.csv', CASHIER],
    ['an app file, not a blob', 'app://kiosk/assets/x.csv', 'x.csv', CASHIER],
    ['from the customer display', 'blob:app://kiosk/0a1b', 'katalog.csv', 'app://kiosk/display/'],
    ['not a CSV', 'blob:app://kiosk/0a1b', 'kiosk.exe', CASHIER],
    ['a path in the name', 'blob:app://kiosk/0a1b', '../../.bashrc.csv', CASHIER],
    ['a hidden file', 'blob:app://kiosk/0a1b', '.csv', CASHIER],
  ])('refuses a download: %s', (_what, url, fileName, page) => {
    const { session, listeners } = fakeSession();
    hardenSession(session, () => undefined);
    let prevented = false;
    const dialogs: unknown[] = [];
    (listeners.get('will-download') as DownloadListener)(
      { preventDefault: () => (prevented = true) },
      {
        getURL: () => url,
        getFilename: () => fileName,
        setSaveDialogOptions: (o: unknown) => dialogs.push(o),
      },
      { getURL: () => page },
    );
    expect(prevented).toBe(true);
    expect(dialogs).toEqual([]);
    expect(downloadAllowed(url, fileName, page)).toBe(false);
  });

  it('lets the cashier window save a CSV it built itself, through the save dialog', () => {
    const { session, listeners } = fakeSession();
    const lines: string[] = [];
    hardenSession(session, (line) => lines.push(line));
    let prevented = false;
    const dialogs: unknown[] = [];
    (listeners.get('will-download') as DownloadListener)(
      { preventDefault: () => (prevented = true) },
      {
        getURL: () => 'blob:app://kiosk/5f0c8a2e-1d1b-4b5e-9a51-0f1d2c3b4a59',
        getFilename: () => 'katalog.csv',
        setSaveDialogOptions: (o: unknown) => dialogs.push(o),
      },
      { getURL: () => CASHIER },
    );
    expect(prevented).toBe(false);
    expect(dialogs).toEqual([
      { title: 'katalog.csv', defaultPath: 'katalog.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] },
    ]);
    expect(lines).toEqual(['saving katalog.csv through the save dialog']);
  });
});
