/**
 * How a screen finds its API: the preload's (Electron) when there is one, else a WebSocket to
 * the browser-mode server that served this page, authenticated by the token from the address.
 * Each role's wiring lives in its own file (connect-cashier.ts, connect-display.ts) so that the
 * display's bundle never carries the cashier's commands.
 */
import { PRELOAD_GLOBALS, type Role } from '../../common/contract.ts';
import { SocketClient } from './socket-client.ts';
import { socketUrl, takeToken } from './token.ts';

export function preloadApi<Api>(role: Role): Api | undefined {
  const value: unknown = (window as unknown as Record<string, unknown>)[PRELOAD_GLOBALS[role]];
  return typeof value === 'object' && value !== null ? (value as Api) : undefined;
}

/** undefined when the page has no token (opened without one, and none kept from before). */
export function socketClientFor(role: Role): SocketClient | undefined {
  const token = takeToken(window, role);
  return token === undefined ? undefined : new SocketClient({ url: socketUrl(window.location.href, token) });
}
