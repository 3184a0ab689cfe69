/**
 * A loopback HTTP server that answers with exactly the bodies a test queues. Used to replay the
 * reference's real and documented Midtrans answers byte for byte, and quirks the emulator does
 * not produce on purpose (forged signatures, answers for another order).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as-is. */
  body: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ScriptedGateway {
  url: string;
  requests: RecordedRequest[];
  answer(...answers: ScriptedAnswer[]): void;
  /** Answers queued but not yet asked for. */
  pending(): number;
  /** Forgets queued answers and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export async function startScriptedGateway(): Promise<ScriptedGateway> {
  const queue: ScriptedAnswer[] = [];
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const next = queue.shift() ?? { status: 599, body: { message: 'scripted gateway: no answer queued' } };
      const text = typeof next.body === 'string' ? next.body : JSON.stringify(next.body);
      res.writeHead(next.status ?? 200, {
        'content-type': typeof next.body === 'string' ? 'text/html' : 'application/json',
        ...next.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (...answers) => void queue.push(...answers),
    pending: () => queue.length,
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
