import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startScreenServer } from '../../main/browser-mode/screen-server.ts';
import { CASHIER_HTML, DISPLAY_HTML, FakeApi, TOKENS, fakeBuild, request, startServer } from './helpers.ts';

function expectSecurityHeaders(headers: Record<string, unknown>, host: string): void {
  expect(headers['content-security-policy']).toBe(
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
      `connect-src 'self' ws://${host}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
}

describe('the screens’ pages', () => {
  it('serves each page with its own token and prints URLs that carry it', async () => {
    const { server, port } = await startServer();
    expect(server.origin).toBe(`http://127.0.0.1:${port}`);
    expect(server.cashierUrl).toBe(`http://127.0.0.1:${port}/?token=${TOKENS.cashier}`);
    expect(server.displayUrl).toBe(`http://127.0.0.1:${port}/display?token=${TOKENS.display}`);

    const cashier = await request(port, `/?token=${TOKENS.cashier}`);
    expect(cashier.status).toBe(200);
    expect(cashier.body).toBe(CASHIER_HTML);
    expect(cashier.headers['content-type']).toBe('text/html; charset=utf-8');
    const display = await request(port, `/display?token=${TOKENS.display}`);
    expect(display.status).toBe(200);
    expect(display.body).toBe(DISPLAY_HTML);
  });

  it('serves a page asked for without a token: it is static, and only the WebSocket needs the token', async () => {
    const { port } = await startServer();
    expect((await request(port, '/')).body).toBe(CASHIER_HTML);
    expect((await request(port, '/display')).body).toBe(DISPLAY_HTML);
    expect((await request(port, `/display?tok=${TOKENS.display}`)).status).toBe(200);
  });

  it('refuses a page asked for with a wrong token (another run, another role) with a bilingual 401 page', async () => {
    const { port } = await startServer();
    const attempts = [
      '/?token=',
      '/?token=wrong',
      `/?token=${TOKENS.display}`,
      `/?token=${TOKENS.cashier}x`,
      `/?token=${TOKENS.cashier.slice(0, -1)}`,
      `/display?token=${TOKENS.cashier}`,
    ];
    for (const target of attempts) {
      const answer = await request(port, target);
      expect(answer.status, target).toBe(401);
      expect(answer.body, target).toContain('npm run serve');
      expect(answer.body, target).toContain('Buka alamat lengkap');
      expect(answer.body, target).toContain('Open the full address');
      expect(answer.body, target).not.toContain('cashier page');
      expect(answer.body, target).not.toContain('display page');
    }
  });

  it('puts the strict CSP and the other security headers on every HTML answer', async () => {
    const { port, host } = await startServer();
    for (const target of [`/?token=${TOKENS.cashier}`, `/display?token=${TOKENS.display}`, '/']) {
      const answer = await request(port, target);
      expect(answer.headers['content-type'], target).toContain('text/html');
      expectSecurityHeaders(answer.headers, host);
      expect(answer.headers['cache-control'], target).toBe('no-store');
    }
  });

  it('names the host the page was opened under in connect-src', async () => {
    const { port } = await startServer();
    const answer = await request(port, `/?token=${TOKENS.cashier}`, { host: `localhost:${port}` });
    expect(answer.status).toBe(200);
    expectSecurityHeaders(answer.headers, `localhost:${port}`);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const { port } = await startServer();
    const head = await request(port, `/?token=${TOKENS.cashier}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(CASHIER_HTML));
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const answer = await request(port, `/?token=${TOKENS.cashier}`, { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
      expect(answer.body).not.toContain('cashier page');
    }
  });

  it('answers 404 for everything that is not a page or an asset', async () => {
    const { port } = await startServer();
    for (const target of [
      `/index.html?token=${TOKENS.cashier}`,
      `/cashier/index.html?token=${TOKENS.cashier}`,
      `/display/?token=${TOKENS.display}`,
      `/display/index.html?token=${TOKENS.display}`,
      '/favicon.ico',
      '/ws',
      `//?token=${TOKENS.cashier}`,
    ]) {
      const answer = await request(port, target);
      expect(answer.status, target).toBe(404);
      expect(answer.body, target).not.toContain('page</title>');
    }
  });

  it('says the screens are not built when a page file is missing', async () => {
    const { port, staticDir } = await startServer();
    rmSync(join(staticDir, 'display', 'index.html'));
    const answer = await request(port, `/display?token=${TOKENS.display}`);
    expect(answer.status).toBe(503);
    expect(answer.body).toContain('npm run build');
  });

  it('generates distinct random tokens when none are given', async () => {
    const staticDir = fakeBuild();
    const first = await startScreenServer({ api: new FakeApi(), staticDir });
    const second = await startScreenServer({ api: new FakeApi(), staticDir });
    try {
      const tokens = [first.cashierUrl, first.displayUrl, second.cashierUrl, second.displayUrl].map(
        (url) => new URL(url).searchParams.get('token') ?? '',
      );
      for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(new Set(tokens).size).toBe(4);
      const port = Number(new URL(first.origin).port);
      expect((await request(port, `/?token=${tokens[0]}`)).status).toBe(200);
      expect((await request(port, `/display?token=${tokens[1]}`)).status).toBe(200);
      expect((await request(port, `/?token=${tokens[2]}`)).status).toBe(401);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('refuses tokens that would make the roles ambiguous or guessable', async () => {
    const staticDir = fakeBuild();
    await expect(
      startScreenServer({
        api: new FakeApi(),
        staticDir,
        tokens: { cashier: TOKENS.cashier, display: TOKENS.cashier },
      }),
    ).rejects.toThrow(/differ/);
    await expect(
      startScreenServer({
        api: new FakeApi(),
        staticDir,
        tokens: { cashier: 'short', display: TOKENS.display },
      }),
    ).rejects.toThrow(/at least 16/);
    await expect(startScreenServer({ api: new FakeApi(), staticDir, host: '0.0.0.0' })).rejects.toThrow(
      /every network/,
    );
  });
});
