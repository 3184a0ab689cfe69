import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { TOKENS, rawRequest, request, startServer } from './helpers.ts';

describe('DNS-rebinding defence', () => {
  it('answers only under the bound address and localhost', async () => {
    const { port } = await startServer();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await request(port, `/?token=${TOKENS.cashier}`, { host })).status, host).toBe(200);
    }
  });

  it('refuses any other Host header before looking at the token', async () => {
    const { port } = await startServer();
    const foreign = [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      'localhost',
      `127.0.0.2:${port}`,
      `[::1]:${port}`,
      `127.0.0.1:${port}.evil.example`,
      `localhost.evil.example:${port}`,
      '',
    ];
    for (const host of foreign) {
      for (const target of [
        `/?token=${TOKENS.cashier}`,
        `/display?token=${TOKENS.display}`,
        '/assets/app-Ab12Cd34.js',
      ]) {
        const answer = await request(port, target, { host });
        expect(answer.status, `${host} ${target}`).toBe(421);
        expect(answer.body).not.toContain('page</title>');
        expect(answer.body).not.toContain('console.log');
      }
    }
  });

  it('refuses a request with no Host header at all', async () => {
    const { port } = await startServer();
    const status = await rawRequest(port, `GET /?token=${TOKENS.cashier} HTTP/1.0\r\n\r\n`);
    expect(status).toBe('HTTP/1.1 421 Misdirected Request');
  });

  it('under an IPv6 loopback, answers to the bracketed address only', async () => {
    const { port, server } = await startServer({ host: '::1' });
    expect(server.origin).toBe(`http://[::1]:${port}`);
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            host: '::1',
            port,
            path: `/?token=${TOKENS.cashier}`,
            setHost: false,
            headers: { host },
            agent: false,
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await get(`[::1]:${port}`)).toBe(200);
    expect(await get(`localhost:${port}`)).toBe(421);
    expect(await get(`127.0.0.1:${port}`)).toBe(421);
  });
});
