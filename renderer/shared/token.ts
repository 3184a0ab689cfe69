/**
 * The per-run token that decides a screen's role arrives once in the address (`?token=…`). It is
 * kept in sessionStorage so a reload still works, and taken out of the address bar at once so it
 * is neither shown on a customer-facing monitor nor carried along in a copied link or a Referer.
 */
import type { Role } from '../../common/contract.ts';
import { WIRE_PATH } from '../../common/wire.ts';

export interface TokenHost {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | null): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

export function tokenStorageKey(role: Role): string {
  return `kiosk.token.${role}`;
}

export function takeToken(host: TokenHost, role: Role): string | undefined {
  const url = new URL(host.location.href);
  const key = tokenStorageKey(role);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress !== null) {
    url.searchParams.delete('token');
    host.history.replaceState(host.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  if (fromAddress) {
    try {
      host.sessionStorage.setItem(key, fromAddress);
    } catch {
      // Storage can be disabled; the token still works until the next reload.
    }
    return fromAddress;
  }
  try {
    return host.sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The WebSocket address on the page's own host (ws: for http:, wss: for https:). */
export function socketUrl(pageHref: string, token: string): string {
  const page = new URL(pageHref);
  const url = new URL(WIRE_PATH, page);
  url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({ token }).toString();
  url.hash = '';
  return url.toString();
}
