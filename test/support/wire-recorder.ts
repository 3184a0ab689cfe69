/**
 * A loopback proxy in front of the emulator that keeps every request body as it crossed the
 * wire, and lets a test look at the world at the instant a request arrives (before the emulator
 * has it): what the gateway was asked for, and what the till had committed by then.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WireRequest {
  method: string;
  path: string;
  /** The JSON body, or undefined for none (or one that is not JSON). */
  body: Record<string, unknown> | undefined;
}

export interface WireRecorder {
  url: string;
  requests: WireRequest[];
  /** Charge requests only (POST /v2/charge), in arrival order. */
  charges(): WireRequest[];
  /** Called synchronously when a request has arrived whole, before it is passed on. */
  onRequest: ((request: WireRequest) => void) | undefined;
  close(): Promise<void>;
}

function parse(text: string): Record<string, unknown> | undefined {
  if (text === '') return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function startWireRecorder(target: string): Promise<WireRecorder> {
  const recorder: WireRecorder = {
    url: '',
    requests: [],
    charges: () => recorder.requests.filter((r) => r.method === 'POST' && r.path === '/v2/charge'),
    onRequest: undefined,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const seen: WireRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        body: parse(raw.toString('utf8')),
      };
      recorder.requests.push(seen);
      recorder.onRequest?.(seen);
      const upstream = http.request(
        `${target}${req.url ?? '/'}`,
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  recorder.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  recorder.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return recorder;
}
