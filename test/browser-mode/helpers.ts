/**
 * What the browser-mode tests share: a fake build folder, a fake kiosk api that records every
 * call and lets a test push events, raw HTTP (fetch would normalise the paths and Host headers
 * these tests forge), and WebSocket clients from the `ws` package.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import type { ContractError, Role } from '../../common/contract.ts';
import type { ServerFrame } from '../../common/wire.ts';
import {
  startScreenServer,
  type ScreenServer,
  type ScreenServerOptions,
} from '../../main/browser-mode/screen-server.ts';

export const TOKENS = {
  cashier: 'cashier-token-0123456789abcdef',
  display: 'display-token-0123456789abcdef',
} as const;

export const CASHIER_HTML =
  '<!doctype html><title>cashier page</title><script type="module" src="/assets/app-Ab12Cd34.js"></script>';
export const DISPLAY_HTML = '<!doctype html><title>display page</title>';
export const ASSET_JS = 'console.log("asset");\n';

const dirs: string[] = [];
const servers: ScreenServer[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'kiosk-web-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A build folder shaped like Vite's output, plus a secret file beside it that must stay out of reach. */
export function fakeBuild(): string {
  const root = tempDir();
  const dir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dir, 'cashier'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'display'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'assets', 'nested'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cashier', 'index.html'), CASHIER_HTML);
  fs.writeFileSync(path.join(dir, 'display', 'index.html'), DISPLAY_HTML);
  fs.writeFileSync(path.join(dir, 'assets', 'app-Ab12Cd34.js'), ASSET_JS);
  fs.writeFileSync(path.join(dir, 'assets', 'style-Zx9_Yw8-.css'), 'body{margin:0}\n');
  fs.writeFileSync(path.join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(dir, 'assets', 'icon-Q1w2E3r4.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(dir, 'assets', 'font-Q1w2E3r4.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(dir, 'assets', 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  fs.writeFileSync(path.join(dir, 'assets', 'manifest.json'), '{}');
  fs.writeFileSync(path.join(dir, 'assets', 'notes.txt'), 'plain text is not an asset type we serve');
  fs.writeFileSync(path.join(dir, 'assets', 'nested', 'inner.js'), 'nested');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET');
  return dir;
}

export interface RecordedCall {
  role: Role;
  name: string;
  payload: unknown;
}

type Listener = (name: string, payload: unknown) => void;
type Outcome = { ok: true; value: unknown } | { ok: false; error: ContractError };

/** Answers every call with what it received, unless a test sets `answer`. */
export class FakeApi {
  readonly calls: RecordedCall[] = [];
  readonly #listeners: Record<Role, Set<Listener>> = { cashier: new Set(), display: new Set() };
  answer: (call: RecordedCall) => Promise<Outcome> | Outcome = (call) => ({ ok: true, value: call });

  async call(role: Role, name: string, payload: unknown): Promise<Outcome> {
    const recorded = { role, name, payload };
    this.calls.push(recorded);
    return this.answer(recorded);
  }

  subscribe(role: Role, listener: Listener): () => void {
    // Wrapped, so one listener subscribed twice still counts twice.
    const entry: Listener = (name, payload) => listener(name, payload);
    this.#listeners[role].add(entry);
    return () => this.#listeners[role].delete(entry);
  }

  emit(role: Role, name: string, payload: unknown): void {
    for (const listener of this.#listeners[role]) listener(name, payload);
  }

  listeners(role: Role): number {
    return this.#listeners[role].size;
  }

  close(): void {}
}

export async function startServer(
  overrides: Partial<ScreenServerOptions> = {},
): Promise<{ server: ScreenServer; api: FakeApi; staticDir: string; port: number; host: string }> {
  const api = new FakeApi();
  const staticDir = overrides.staticDir ?? fakeBuild();
  const server = await startScreenServer({ api, staticDir, tokens: { ...TOKENS }, ...overrides });
  servers.push(server);
  const url = new URL(server.origin);
  return { server, api, staticDir, port: Number(url.port), host: url.host };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with the target and Host exactly as given. */
export function request(
  port: number,
  target: string,
  options: { method?: string; host?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        setHost: false,
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Bytes on a bare socket, for requests Node's own client refuses to send. Resolves with the status line. */
export function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

export function wsUrl(port: number, token: string | undefined): string {
  return `ws://127.0.0.1:${port}/ws${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
}

/** A connected client; every frame it receives is collected in `frames`. */
export interface Client {
  socket: WebSocket;
  frames: ServerFrame[];
  closed: Promise<{ code: number; reason: string }>;
  /** The next frame matching `match` (already received or yet to come). */
  next(match: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
}

export function connect(url: string, options: ClientOptions = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    sockets.push(socket);
    const frames: ServerFrame[] = [];
    const waiters = new Set<() => void>();
    socket.on('message', (data) => {
      frames.push(JSON.parse(String(data)) as ServerFrame);
      for (const wake of waiters) wake();
    });
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.on('close', (code, reason) => done({ code, reason: reason.toString() })),
    );
    const next = (match: (frame: ServerFrame) => boolean, timeoutMs = 5000) =>
      new Promise<ServerFrame>((found, fail) => {
        let seen = 0;
        const look = () => {
          for (; seen < frames.length; seen += 1) {
            const frame = frames[seen];
            if (frame !== undefined && match(frame)) {
              waiters.delete(look);
              clearTimeout(timer);
              found(frame);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          fail(new Error(`no matching frame; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        waiters.add(look);
        look();
      });
    socket.once('open', () => resolve({ socket, frames, closed, next }));
    socket.once('error', reject);
  });
}

/** The HTTP status a refused handshake got; fails if the socket opens. */
export function refusedWith(url: string, options: ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    sockets.push(socket);
    socket.on('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    socket.on('error', () => undefined);
    socket.on('open', () => reject(new Error('the handshake was accepted')));
  });
}

let nextId = 1;
/** Sends a call and waits for its answer. */
export async function call(client: Client, name: string, payload: unknown): Promise<ServerFrame> {
  const id = nextId++;
  client.socket.send(JSON.stringify({ t: 'call', id, name, payload }));
  return client.next((frame) => frame.t === 'result' && frame.id === id);
}
