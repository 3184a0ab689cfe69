/**
 * Browser mode's server: the cashier page at `/`, the customer display at `/display`, the built
 * assets, and the contract over a WebSocket at `/ws`. Each role has its own per-run token, and
 * the token alone decides what a connection may do.
 */
import { STATUS_CODES, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import { MAX_FILE_CALL_FRAME_BYTES } from '../../common/wire.ts';
import { startHeartbeat } from './heartbeat.ts';
import { hostPolicy, type HostPolicy } from './host-check.ts';
import { createRequestHandler } from './http-handler.ts';
import { PAGE_PATHS } from '../screen-pages/pages.ts';
import { DEFAULT_BRIDGE_LIMITS, bridgeSocket, type BridgeLimits, type BridgedApi } from './socket-bridge.ts';
import { checkTokens, randomTokens, type RoleTokens } from './tokens.ts';
import { checkUpgrade } from './upgrade-check.ts';

export interface ScreenServerOptions {
  /** The kiosk api (main/screen-api); only `call` and `subscribe` are used. */
  api: BridgedApi;
  /** The Vite build: `cashier/index.html`, `display/index.html`, `assets/*`. */
  staticDir: string;
  /** Default 127.0.0.1. A wildcard address is refused: the Host check needs the one real name. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Default: 32 random bytes each, base64url. */
  tokens?: { cashier: string; display: string };
  /** How often screens are pinged; one missed answer drops the socket. Default 30 s. */
  heartbeatMs?: number;
  limits?: Partial<BridgeLimits>;
}

export interface ScreenServer {
  origin: string;
  cashierUrl: string;
  displayUrl: string;
  close(): Promise<void>;
}

/** How long sockets get to finish their closing handshake before they are cut. */
const CLOSE_GRACE_MS = 1000;
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function refuseHandshake(socket: Socket, status: number): void {
  const reason = STATUS_CODES[status] ?? 'Refused';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(reason) + 1}\r\n\r\n${reason}\n`,
  );
}

export async function startScreenServer(options: ScreenServerOptions): Promise<ScreenServer> {
  const host = options.host ?? '127.0.0.1';
  if (WILDCARD_HOSTS.has(host)) {
    throw new RangeError(`${host} listens on every network; give the one address the screens should use`);
  }
  const tokens: RoleTokens = options.tokens ? { ...options.tokens } : randomTokens();
  checkTokens(tokens);
  const limits: BridgeLimits = { ...DEFAULT_BRIDGE_LIMITS, ...options.limits };
  // Known once listening (the port may be the system's pick); nothing asks for it before that.
  let policy: HostPolicy | undefined;
  const currentPolicy = (): HostPolicy =>
    (policy ??= hostPolicy(host, (server.address() as AddressInfo).port));

  const server = createServer(
    createRequestHandler({ staticDir: options.staticDir, tokens, policy: currentPolicy }),
  );
  // ws refuses anything above the largest command's frame unread; the bridge then holds every
  // other command to the ordinary limit (maxFrameBytesFor).
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FILE_CALL_FRAME_BYTES });
  const disposers = new Set<() => void>();
  let closing: Promise<void> | undefined;

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => undefined);
    const verdict = closing ? ({ status: 503 } as const) : checkUpgrade(req, currentPolicy(), tokens);
    if ('status' in verdict) {
      refuseHandshake(socket, verdict.status);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const dispose = bridgeSocket(ws, verdict.role, options.api, limits);
      disposers.add(dispose);
      ws.once('close', () => disposers.delete(dispose));
    });
  });

  await listen(server, options.port ?? 0, host);
  // Errors after start-up (a failed accept) must not take the kiosk down with them.
  server.on('error', () => undefined);
  const stopHeartbeat = startHeartbeat(wss.clients, options.heartbeatMs ?? 30_000);

  const shutdown = async (): Promise<void> => {
    stopHeartbeat();
    const open = [...wss.clients];
    const closed = open.map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
    for (const ws of open) ws.close(1001, 'server stopping');
    for (const dispose of disposers) dispose();
    disposers.clear();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
    await Promise.race([Promise.all(closed), grace]);
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };

  const { origin } = currentPolicy();
  return {
    origin,
    cashierUrl: `${origin}${PAGE_PATHS.cashier}?token=${tokens.cashier}`,
    displayUrl: `${origin}${PAGE_PATHS.display}?token=${tokens.display}`,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
