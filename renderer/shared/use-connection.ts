import { useSyncExternalStore } from 'react';
import type { Connection, ConnectionStatus } from './session.ts';

export function useConnectionStatus(connection: Connection<unknown>): ConnectionStatus {
  return useSyncExternalStore(
    (onChange) => connection.onStatus(onChange),
    () => connection.status(),
  );
}
