import type { CashierApi, CashierSnapshot } from '../../common/contract.ts';
import { cashierSocketSession } from './cashier-socket.ts';
import { preloadApi, socketClientFor } from './connect.ts';
import { ALWAYS_OPEN, snapshotFeed, type Session } from './session.ts';

/** undefined: neither a preload nor a token, so there is nothing to connect to. */
export function openCashierSession(): Session<CashierApi, CashierSnapshot> | undefined {
  const api = preloadApi<CashierApi>('cashier');
  if (api !== undefined) return { api, connection: snapshotFeed(ALWAYS_OPEN, () => api.snapshot()) };
  const client = socketClientFor('cashier');
  return client === undefined ? undefined : cashierSocketSession(client);
}
