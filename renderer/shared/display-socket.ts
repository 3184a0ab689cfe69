/** The customer display's read-only DisplayApi over browser mode's WebSocket. */
import type { DisplayApi, DisplayState } from '../../common/contract.ts';
import { snapshotFeed, type Session, type SnapshotFeedOptions } from './session.ts';
import type { SocketClient } from './socket-client.ts';

export function displayApiOverSocket(client: SocketClient): DisplayApi {
  return {
    snapshot: () => client.call('display.snapshot', {}) as Promise<DisplayState>,
    onDisplay: (listener) => client.on('display', listener as (payload: unknown) => void),
  };
}

export function displaySocketSession(
  client: SocketClient,
  options?: SnapshotFeedOptions,
): Session<DisplayApi, DisplayState> {
  const api = displayApiOverSocket(client);
  const link = {
    status: () => client.status,
    onStatus: client.onStatus.bind(client),
    onOpen: client.onOpen.bind(client),
  };
  return { api, connection: snapshotFeed(link, () => api.snapshot(), options) };
}
