/**
 * How the contract travels over browser mode's WebSocket. Electron IPC (the shell) carries the
 * same command names and payloads with its own framing; only this file is WebSocket-specific.
 *
 * A connection authenticates with its role's per-run token in the URL (`/ws?token=…`); the
 * token decides the role, so a display's token can never reach cashier commands.
 */
import { CATALOGUE_CSV_MAX_BYTES } from './catalogue-contract.ts';
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

/** A frame larger than this is refused (the largest ordinary payload, a cart of 100 lines, is far smaller). */
export const MAX_CALL_FRAME_BYTES = 64 * 1024;

/**
 * The one command that carries a file: a catalogue CSV of up to CATALOGUE_CSV_MAX_BYTES, which
 * JSON escaping can at most double (quotes and line breaks), plus the frame around it.
 */
export const FILE_CALL_COMMANDS: readonly string[] = ['catalogue.import'];
export const MAX_FILE_CALL_FRAME_BYTES = 2 * CATALOGUE_CSV_MAX_BYTES + 64 * 1024;

/** The largest frame a call of this command may be. */
export function maxFrameBytesFor(name: string): number {
  return FILE_CALL_COMMANDS.includes(name) ? MAX_FILE_CALL_FRAME_BYTES : MAX_CALL_FRAME_BYTES;
}
