/**
 * What a screen is given: its role's API (common/contract.ts) plus the state of the connection
 * behind it, and a fresh snapshot after every (re)connection. Events missed while the socket was
 * down are never replayed, so the snapshot is how a screen catches up.
 */
import type { ConnectionStatus } from './socket-client.ts';
import { KioskConnectionError } from './errors.ts';
import { Listeners } from './listeners.ts';

export type { ConnectionStatus } from './socket-client.ts';

export interface Connection<Snapshot> {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Every fresh snapshot; a listener added later receives the latest one at once. */
  onSnapshot(listener: (snapshot: Snapshot) => void): () => void;
}

export interface Session<Api, Snapshot> {
  api: Api;
  connection: Connection<Snapshot>;
}

/** What the snapshot feed needs from a transport. */
export interface LinkState {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Runs after every successful (re)connection. */
  onOpen(listener: () => void): () => void;
}

export interface SnapshotFeedOptions {
  /** Wait before asking again when the main process refused a snapshot while connected. */
  retryMs?: number;
}

/**
 * Fetches the snapshot after every open. Only the newest request's answer is delivered, so a
 * slow answer from before a reconnect cannot overwrite a newer one.
 */
export function snapshotFeed<Snapshot>(
  link: LinkState,
  fetch: () => Promise<Snapshot>,
  options: SnapshotFeedOptions = {},
): Connection<Snapshot> {
  const retryMs = options.retryMs ?? 2_000;
  const listeners = new Listeners<Snapshot>();
  let latest: { snapshot: Snapshot } | undefined;
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const refresh = (): void => {
    clearTimeout(retryTimer);
    const mine = ++generation;
    fetch().then(
      (snapshot) => {
        if (mine !== generation) return;
        latest = { snapshot };
        listeners.emit(snapshot);
      },
      (error: unknown) => {
        if (mine !== generation) return;
        // A drop is followed by a reconnect, which asks again by itself.
        if (error instanceof KioskConnectionError) return;
        console.error('snapshot refused', error);
        retryTimer = setTimeout(() => {
          if (mine === generation && link.status() === 'open') refresh();
        }, retryMs);
      },
    );
  };

  link.onOpen(refresh);
  if (link.status() === 'open') refresh();

  return {
    status: () => link.status(),
    onStatus: (listener) => link.onStatus(listener),
    onSnapshot: (listener) => {
      const remove = listeners.add(listener);
      if (latest !== undefined) listener(latest.snapshot);
      return remove;
    },
  };
}

/** Electron's IPC has no connection to lose: always open, opened once. */
export const ALWAYS_OPEN: LinkState = {
  status: () => 'open',
  onStatus: () => () => {},
  onOpen: () => () => {},
};
