/**
 * A loopback proxy in front of the emulator that can rewrite its JSON answers: how a test plays
 * a man in the middle (or a broken proxy) forging a status answer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Rewrite = (path: string, body: Record<string, unknown>) => Record<string, unknown>;

export interface TamperProxy {
  url: string;
  /** Set to rewrite answers; undefined passes them through untouched. */
  rewrite: Rewrite | undefined;
  close(): Promise<void>;
}

export async function startTamperProxy(target: string): Promise<TamperProxy> {
  const proxy: TamperProxy = { url: '', rewrite: undefined, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = http.request(
        `${target}${req.url ?? '/'}`,
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            let body = Buffer.concat(parts);
            const type = String(answer.headers['content-type'] ?? '');
            if (proxy.rewrite !== undefined && type.includes('json')) {
              const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
              body = Buffer.from(JSON.stringify(proxy.rewrite(req.url ?? '', json)));
            }
            const headers = { ...answer.headers, 'content-length': String(body.length) };
            res.writeHead(answer.statusCode ?? 502, headers);
            res.end(body);
          });
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
