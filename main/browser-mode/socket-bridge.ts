/**
 * One screen's WebSocket, bridged to the kiosk api under the role its token gave it. Calls are
 * answered in whatever order they finish (the id pairs them); the role's events are pushed as
 * they happen. A client that breaks the protocol is cut off at once with 1008, and one that does
 * not read is dropped rather than buffered for without end.
 */
import { WebSocket, type RawData } from 'ws';
import type { ContractError, Role } from '../../common/contract.ts';
import { maxFrameBytesFor, type ServerFrame } from '../../common/wire.ts';
import type { CallOutcome, KioskApi } from '../screen-api/kiosk-api.ts';
import { parseCallFrame } from './call-frame.ts';

export type BridgedApi = Pick<KioskApi, 'call' | 'subscribe'>;

export interface BridgeLimits {
  /** Unsent bytes a socket may hold before it is dropped. */
  maxBufferedBytes: number;
  /** Calls one socket may have waiting for an answer; a screen needs a handful at most. */
  maxCallsInFlight: number;
}

export const DEFAULT_BRIDGE_LIMITS: BridgeLimits = {
  maxBufferedBytes: 4 * 1024 * 1024,
  maxCallsInFlight: 32,
};

export const POLICY_VIOLATION = 1008;

const UNSENDABLE: ContractError = {
  code: 'internal',
  message: {
    id: 'Jawaban kiosk tidak bisa dikirim ke layar.',
    en: 'The kiosk could not send its answer to the screen.',
  },
};

/** The api promises never to throw; if it does anyway, the screen still gets an answer. */
const CALL_FAILED: ContractError = {
  code: 'internal',
  message: { id: 'Terjadi kesalahan di kiosk.', en: 'Something went wrong inside the kiosk.' },
};

/** Returns the function that stops the role's events (also run when the socket closes). */
export function bridgeSocket(
  socket: WebSocket,
  role: Role,
  api: BridgedApi,
  limits: BridgeLimits,
): () => void {
  let refused = false;
  let inFlight = 0;

  const deliver = (frame: ServerFrame): void => {
    if (refused || socket.readyState !== WebSocket.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(frame);
    } catch {
      if (frame.t !== 'result') return;
      text = JSON.stringify({ t: 'result', id: frame.id, ok: false, error: UNSENDABLE });
    }
    if (socket.bufferedAmount + Buffer.byteLength(text) > limits.maxBufferedBytes) {
      // Closing politely would queue yet another frame behind the backlog; cut it instead.
      socket.terminate();
      return;
    }
    socket.send(text);
  };

  const refuse = (reason: string): void => {
    refused = true;
    socket.close(POLICY_VIOLATION, reason);
  };

  const unsubscribe = api.subscribe(role, (name, payload) => deliver({ t: 'event', name, payload }));
  let subscribed = true;
  const stopEvents = (): void => {
    if (!subscribed) return;
    subscribed = false;
    unsubscribe();
  };
  socket.once('close', stopEvents);
  // ws reports protocol errors (an oversized frame, bad UTF-8) here and then closes the socket.
  socket.on('error', () => undefined);

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (refused) return;
    const text = isBinary ? undefined : rawText(data);
    const frame = text === undefined ? undefined : parseCallFrame(text);
    if (frame === undefined) {
      refuse('not a call frame');
      return;
    }
    if (Buffer.byteLength(text ?? '') > maxFrameBytesFor(frame.name)) {
      refuse('frame too large for its command');
      return;
    }
    if (inFlight >= limits.maxCallsInFlight) {
      refuse('too many calls in flight');
      return;
    }
    inFlight += 1;
    // Started inside a promise, so even a synchronous throw becomes an answer, not a crash.
    Promise.resolve()
      .then(() => api.call(role, frame.name, frame.payload))
      .catch((): CallOutcome => ({ ok: false, error: CALL_FAILED }))
      .then((outcome) => {
        inFlight -= 1;
        deliver(
          outcome.ok
            ? { t: 'result', id: frame.id, ok: true, value: outcome.value }
            : { t: 'result', id: frame.id, ok: false, error: outcome.error },
        );
      });
  });
  return stopEvents;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
