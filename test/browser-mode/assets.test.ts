import { describe, expect, it } from 'vitest';
import { ASSET_JS, TOKENS, rawRequest, request, startServer } from './helpers.ts';

describe('the build’s assets', () => {
  it('serves each known type with its content type, without a token', async () => {
    const { port } = await startServer();
    const expected: Record<string, string> = {
      '/assets/app-Ab12Cd34.js': 'text/javascript; charset=utf-8',
      '/assets/style-Zx9_Yw8-.css': 'text/css; charset=utf-8',
      '/assets/logo.svg': 'image/svg+xml',
      '/assets/icon-Q1w2E3r4.png': 'image/png',
      '/assets/font-Q1w2E3r4.woff2': 'font/woff2',
      '/assets/favicon.ico': 'image/x-icon',
      '/assets/manifest.json': 'application/json',
    };
    for (const [target, type] of Object.entries(expected)) {
      const answer = await request(port, target);
      expect(answer.status, target).toBe(200);
      expect(answer.headers['content-type'], target).toBe(type);
      expect(answer.headers['x-content-type-options'], target).toBe('nosniff');
    }
    const js = await request(port, '/assets/app-Ab12Cd34.js');
    expect(js.body).toBe(ASSET_JS);
    expect(Number(js.headers['content-length'])).toBe(Buffer.byteLength(ASSET_JS));
  });

  it('caches hashed names for a year and makes the rest revalidate', async () => {
    const { port } = await startServer();
    for (const target of [
      '/assets/app-Ab12Cd34.js',
      '/assets/style-Zx9_Yw8-.css',
      '/assets/icon-Q1w2E3r4.png',
    ]) {
      expect((await request(port, target)).headers['cache-control'], target).toBe(
        'public, max-age=31536000, immutable',
      );
    }
    for (const target of ['/assets/logo.svg', '/assets/favicon.ico', '/assets/manifest.json']) {
      expect((await request(port, target)).headers['cache-control'], target).toBe('no-cache');
    }
  });

  it('answers HEAD with the headers only', async () => {
    const { port } = await startServer();
    const head = await request(port, '/assets/app-Ab12Cd34.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(ASSET_JS));
  });

  it('refuses every spelling of a path out of the assets folder with 404', async () => {
    const { port } = await startServer();
    const attempts = [
      '/assets/../secret.txt',
      '/assets/../../secret.txt',
      '/assets/../cashier/index.html',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/%2E%2E/cashier/index.html',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/assets/%252e%252e/%252e%252e/secret.txt',
      '/assets/..\\..\\secret.txt',
      '/assets/%5c..%5c..%5csecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets//etc/passwd',
      '/assets/%2fetc%2fpasswd',
      '/assets/C:%5cWindows%5cwin.ini',
      '/assets/app-Ab12Cd34.js%00.png',
      '/assets/app-Ab12Cd34.js%00',
      '/assets/.%2e/secret.txt',
      '/assets/%c0%ae%c0%ae/secret.txt',
      '/assets/nested/inner.js',
      '/assets/nested%2finner.js',
      '/assets/nested',
      '/assets/',
      '/assets',
      '/assets/.',
      '/assets/..',
      '/assets/notes.txt',
      '/assets/missing-Ab12Cd34.js',
      '/assets/APP-AB12CD34.JS',
    ];
    for (const target of attempts) {
      const answer = await request(port, target);
      expect(answer.status, target).toBe(404);
      expect(answer.body, target).not.toContain('SECRET');
      expect(answer.body, target).not.toContain('page</title>');
      expect(answer.body, target).not.toContain('nested');
    }
  });

  it('never answers a raw NUL or an absolute-form target with a file', async () => {
    const { port } = await startServer();
    const nul = await rawRequest(
      port,
      `GET /assets/app-Ab12Cd34.js\u0000.png HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(nul).toMatch(/^HTTP\/1\.1 4\d\d /);
    const absolute = await rawRequest(
      port,
      `GET http://127.0.0.1:${port}/assets/app-Ab12Cd34.js HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(absolute).toBe('HTTP/1.1 404 Not Found');
    const absolutePage = await rawRequest(
      port,
      `GET http://127.0.0.1:${port}/?token=${TOKENS.cashier} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
    );
    expect(absolutePage).toBe('HTTP/1.1 404 Not Found');
  });
});
