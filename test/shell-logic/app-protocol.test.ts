import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../main/shell-logic/app-protocol.ts';
import { DESKTOP_CSP, desktopSecurityHeaders } from '../../main/screen-pages/security-headers.ts';

const CASHIER_HTML = '<!doctype html><title>cashier page</title>';
const DISPLAY_HTML = '<!doctype html><title>display page</title>';
const ASSET_JS = 'console.log("asset");\n';
const SECRET = 'SECRET-OUTSIDE-THE-BUILD';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A build shaped like Vite's output, with secrets beside it and above it that must stay out of reach. */
function fakeBuild(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-protocol-'));
  dirs.push(root);
  const dir = path.join(root, 'static');
  for (const sub of ['cashier', 'display', 'assets/nested', 'assets/folder.js']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  }
  fs.writeFileSync(path.join(dir, 'cashier', 'index.html'), CASHIER_HTML);
  fs.writeFileSync(path.join(dir, 'display', 'index.html'), DISPLAY_HTML);
  fs.writeFileSync(path.join(dir, 'assets', 'app-Ab12Cd34.js'), ASSET_JS);
  fs.writeFileSync(path.join(dir, 'assets', 'style-Zx9_Yw8-.css'), 'body{margin:0}\n');
  fs.writeFileSync(path.join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'assets', 'icon-Q1w2E3r4.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(dir, 'assets', 'font-Q1w2E3r4.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(dir, 'assets', 'nested', 'deep.js'), SECRET);
  fs.writeFileSync(path.join(dir, 'assets', 'notes.txt'), SECRET);
  fs.writeFileSync(path.join(dir, 'assets', '.env'), SECRET);
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(root, 'package.json'), `{"secret":"${SECRET}"}`);
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  return dir;
}

async function fetchApp(staticDir: string, url: string, method = 'GET') {
  const handler = createAppProtocolHandler({ staticDir });
  // Node's Request refuses URLs with credentials; the handler reads only the method and URL.
  const request = /\/\/[^/]*@/.test(url) ? ({ method, url } as Request) : new Request(url, { method });
  const response = await handler(request);
  return { response, body: await response.text() };
}

function expectSecurityHeaders(response: Response, what: string): void {
  expect(response.headers.get('content-security-policy'), what).toBe(DESKTOP_CSP);
  for (const [name, value] of Object.entries(desktopSecurityHeaders())) {
    expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
  }
}

describe('the desktop CSP', () => {
  it('allows only the app’s own scripts, styles, fonts and data: images, and no network', () => {
    const parts = new Map(
      DESKTOP_CSP.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(Object.fromEntries(parts)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
    expect(DESKTOP_CSP).not.toMatch(/unsafe|\*|http|ws:/);
  });
});

describe('the app:// protocol handler', () => {
  it('serves each role’s page at its paths', async () => {
    const dir = fakeBuild();
    const pages: Record<string, string> = {
      'app://kiosk/cashier/': CASHIER_HTML,
      'app://kiosk/cashier/index.html': CASHIER_HTML,
      'app://kiosk/cashier/?lang=en#top': CASHIER_HTML,
      'app://kiosk/display/': DISPLAY_HTML,
      'app://kiosk/display/index.html': DISPLAY_HTML,
    };
    for (const [url, html] of Object.entries(pages)) {
      const { response, body } = await fetchApp(dir, url);
      expect(response.status, url).toBe(200);
      expect(body, url).toBe(html);
      expect(response.headers.get('content-type'), url).toBe('text/html; charset=utf-8');
      expectSecurityHeaders(response, url);
    }
  });

  it('serves assets with their content types and cache rules', async () => {
    const dir = fakeBuild();
    const expected: Record<string, string> = {
      '/assets/app-Ab12Cd34.js': 'text/javascript; charset=utf-8',
      '/assets/style-Zx9_Yw8-.css': 'text/css; charset=utf-8',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/icon-Q1w2E3r4.png': 'image/png',
      '/assets/font-Q1w2E3r4.woff2': 'font/woff2',
    };
    for (const [target, type] of Object.entries(expected)) {
      const { response } = await fetchApp(dir, `app://kiosk${target}`);
      expect(response.status, target).toBe(200);
      expect(response.headers.get('content-type'), target).toBe(type);
      expectSecurityHeaders(response, target);
    }
    const js = await fetchApp(dir, 'app://kiosk/assets/app-Ab12Cd34.js');
    expect(js.body).toBe(ASSET_JS);
    expect(js.response.headers.get('content-length')).toBe(String(Buffer.byteLength(ASSET_JS)));
    expect(js.response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const svg = await fetchApp(dir, 'app://kiosk/assets/logo.svg');
    expect(svg.response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers HEAD with the headers and no body', async () => {
    const dir = fakeBuild();
    const { response, body } = await fetchApp(dir, 'app://kiosk/assets/app-Ab12Cd34.js', 'HEAD');
    expect(response.status).toBe(200);
    expect(body).toBe('');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(ASSET_JS)));
    expectSecurityHeaders(response, 'HEAD');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const dir = fakeBuild();
    const { response, body } = await fetchApp(dir, 'app://kiosk/cashier/', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(body).not.toContain('cashier page');
    expectSecurityHeaders(response, method);
  });

  it.each([
    'app://evil/cashier/',
    'app://kiosk.evil/cashier/',
    'app://kiosk:8080/cashier/',
    'app://user@kiosk/cashier/',
    'app://user:pw@kiosk/assets/app-Ab12Cd34.js',
    'app:///cashier/',
    'https://kiosk/cashier/',
    'file:///cashier/index.html',
  ])('answers 404 to another host or scheme: %s', async (url) => {
    const dir = fakeBuild();
    const { response, body } = await fetchApp(dir, url);
    expect(response.status).toBe(404);
    expect(body).not.toContain('page');
    expectSecurityHeaders(response, url);
  });

  const refusedPaths = [
    '/assets/..%2f..%2fpackage.json',
    '/assets/..%2F..%2Fsecret.txt',
    '/cashier/../../x',
    '/cashier/../../package.json',
    '/display/../../../secret.txt',
    '/assets/../../secret.txt',
    '/assets/../secret.txt',
    '//etc/passwd',
    '/assets//etc/passwd',
    '/assets/%2fetc%2fpasswd',
    '/assets/%00',
    '/assets/app-Ab12Cd34.js%00',
    '/assets/app-Ab12Cd34.js%00.png',
    '/cashier/index.html%00',
    '/assets/..\\..\\package.json',
    '/assets\\..\\..\\secret.txt',
    '/assets/..%5c..%5cpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/assets/.%2e/.%2e/secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%252e%252e%252fpackage.json',
    '/assets/\uff0e\uff0e/\uff0e\uff0e/package.json',
    '/assets/\u2024\u2024/secret.txt',
    '/assets/%c0%ae%c0%ae/package.json',
    '/assets/..%c0%afpackage.json',
    '/assets/C:%5cWindows%5cwin.ini',
    '/assets/c:/windows/win.ini',
    '/cashier/index.html/..%2f..%2fpackage.json',
    '/assets/nested/deep.js',
    '/assets/nested%2fdeep.js',
    '/assets/folder.js',
    '/assets/folder.js/',
    '/assets/notes.txt',
    '/assets/.env',
    '/assets/app-Ab12Cd34.js/',
    '/assets/app-Ab12Cd34.js;x',
    '/assets/',
    '/assets',
    '/assets/..',
    '/assets/.',
    '/',
    '/cashier',
    '/cashier/x',
    '/secret.txt',
    '/static/cashier/index.html',
    '/package.json',
  ];

  it(`refuses every traversal, encoded and non-page form (${refusedPaths.length}) with a 404`, async () => {
    expect(refusedPaths.length).toBeGreaterThanOrEqual(25);
    const dir = fakeBuild();
    for (const target of refusedPaths) {
      for (const method of ['GET', 'HEAD']) {
        const { response, body } = await fetchApp(dir, `app://kiosk${target}`, method);
        expect(response.status, `${method} ${target}`).toBe(404);
        expect(body, target).not.toContain(SECRET);
        expect(body, target).not.toContain('page');
        expect(response.headers.get('content-type'), target).toBe('text/plain; charset=utf-8');
        expectSecurityHeaders(response, target);
      }
    }
  });

  it('says the screens are not built when the pages are missing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-protocol-empty-'));
    dirs.push(dir);
    const { response, body } = await fetchApp(dir, 'app://kiosk/cashier/');
    expect(response.status).toBe(503);
    expect(body).toContain('npm run build');
    expectSecurityHeaders(response, 'not built');
    const asset = await fetchApp(dir, 'app://kiosk/assets/app-Ab12Cd34.js');
    expect(asset.response.status).toBe(404);
  });
});
