/**
 * The contract called from the test itself, as a second cashier connection would: to set the
 * shop's pricing or withdraw a catalogue item before the screens are used, as a manager would in
 * Settings. Speaks browser mode's wire (common/wire.ts) over `ws` with the cashier's own token.
 */
import WebSocket from 'ws';
import type { ContractError } from '../../../common/contract.ts';
import type { ServerFrame } from '../../../common/wire.ts';
import { WIRE_PATH } from '../../../common/wire.ts';
import type { Kiosk } from './processes.ts';

export interface KioskCalls {
  call<T = unknown>(name: string, payload: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function kioskCalls(kiosk: Kiosk): Promise<KioskCalls> {
  const page = new URL(kiosk.cashierUrl);
  const url = new URL(WIRE_PATH, page);
  url.protocol = 'ws:';
  url.searchParams.set('token', page.searchParams.get('token') ?? '');
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.on('message', (data: WebSocket.RawData) => {
    const frame = JSON.parse(String(data)) as ServerFrame;
    if (frame.t !== 'result') return;
    const pending = waiting.get(frame.id);
    waiting.delete(frame.id);
    if (frame.ok) pending?.resolve(frame.value);
    else pending?.reject(callError(frame.error));
  });
  return {
    call<T>(name: string, payload: unknown): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: (value) => resolve(value as T), reject });
        socket.send(JSON.stringify({ t: 'call', id, name, payload }));
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

function callError(error: ContractError): Error {
  return new Error(`${error.code}: ${error.message.en}`);
}

/** Creates the manager PIN on a fresh kiosk and leaves the manager's session unlocked. */
export async function asManager<T>(
  kiosk: Kiosk,
  pin: string,
  act: (calls: KioskCalls) => Promise<T>,
): Promise<T> {
  const calls = await kioskCalls(kiosk);
  try {
    const status = await calls.call<{ pinSet: boolean }>('manager.status', {});
    if (status.pinSet) await calls.call('manager.unlock', { pin });
    else await calls.call('manager.createPin', { pin });
    const result = await act(calls);
    await calls.call('manager.lock', {});
    return result;
  } finally {
    await calls.close();
  }
}
