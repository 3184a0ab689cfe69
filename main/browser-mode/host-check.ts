/**
 * The defence against DNS rebinding: a page on evil.example whose name is re-pointed at 127.0.0.1
 * reaches this server with `Host: evil.example:<port>`, so only the names this server was
 * actually bound under are answered. The WebSocket's Origin is held to the same names, which
 * stops another site's page from opening a socket even if it learnt a token.
 */
import { isIP } from 'node:net';

export interface HostPolicy {
  /** `http://<host>:<port>` under the bound address: what the printed URLs use. */
  origin: string;
  /** Lower-case `host:port` values this server answers to. */
  allowed: ReadonlySet<string>;
}

/** IPv6 literals are written in brackets inside a URL or a Host header. */
export function hostForUrl(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

export function hostPolicy(boundHost: string, port: number): HostPolicy {
  const main = `${hostForUrl(boundHost).toLowerCase()}:${port}`;
  const allowed = new Set([main]);
  // Browsers resolve `localhost` to loopback themselves, so it cannot be rebound to us.
  if (boundHost === '127.0.0.1') allowed.add(`localhost:${port}`);
  return { origin: `http://${main}`, allowed };
}

/** The request's `host:port`, lower-cased, when it is one of ours; undefined otherwise. */
export function acceptedHost(policy: HostPolicy, header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const host = header.trim().toLowerCase();
  return policy.allowed.has(host) ? host : undefined;
}

/**
 * A browser always sends Origin on a WebSocket handshake and a page cannot forge it, so a foreign
 * one is refused. A missing Origin means a non-browser client, which needs the token regardless.
 */
export function originAllowed(origin: string | undefined, host: string): boolean {
  return origin === undefined || origin.toLowerCase() === `http://${host}`;
}
