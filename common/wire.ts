/**
 * How the contract travels over browser mode's WebSocket. Electron IPC (the shell) carries the
 * same command names and payloads with its own framing; only this file is WebSocket-specific.
 *
 * A connection authenticates with its role's per-run token in the URL (`/ws?token=…`); the
 * token decides the role, so a display's token can never reach cashier commands.
 */
import type { ContractError } from './contract.ts';

export const WIRE_PATH = '/ws';

/** Screen → main: call a command. `id` pairs the answer with the call. */
export interface CallFrame {
  t: 'call';
  id: number;
  name: string;
  payload: unknown;
}

/** Main → screen: the answer to one call. */
export type ResultFrame =
  | { t: 'result'; id: number; ok: true; value: unknown }
  | { t: 'result'; id: number; ok: false; error: ContractError };

/** Main → screen: an event for this role. */
export interface EventFrame {
  t: 'event';
  name: string;
  payload: unknown;
}

export type ServerFrame = ResultFrame | EventFrame;

/** A frame larger than this is refused unread (the largest real payload, a QR data URL, is far smaller). */
export const MAX_CALL_FRAME_BYTES = 64 * 1024;
