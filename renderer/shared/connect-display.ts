import type { DisplayApi, DisplayState } from '../../common/contract.ts';
import { preloadApi, socketClientFor } from './connect.ts';
import { displaySocketSession } from './display-socket.ts';
import { ALWAYS_OPEN, snapshotFeed, type Session } from './session.ts';

/** undefined: neither a preload nor a token, so there is nothing to connect to. */
export function openDisplaySession(): Session<DisplayApi, DisplayState> | undefined {
  const api = preloadApi<DisplayApi>('display');
  if (api !== undefined) return { api, connection: snapshotFeed(ALWAYS_OPEN, () => api.snapshot()) };
  const client = socketClientFor('display');
  return client === undefined ? undefined : displaySocketSession(client);
}
