/** The preloads' transport (preload/ipc-transport.ts): one payload out, the payload only back in. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ipcTransport, type IpcRendererLike } from '../../preload/ipc-transport.ts';

class FakeIpc extends EventEmitter implements IpcRendererLike {
  invoked: unknown[][] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve({ ok: true, value: 'answer' });
  }
}

describe('ipcTransport', () => {
  it('invokes the channel with exactly the one payload and returns the answer', async () => {
    const ipc = new FakeIpc();
    const answer = await ipcTransport(ipc).invoke('kiosk:sale.start', { amount: 1 });
    expect(ipc.invoked).toEqual([['kiosk:sale.start', { amount: 1 }]]);
    expect(answer).toEqual({ ok: true, value: 'answer' });
  });

  it('hands listeners the payload without the IPC event, and the remover really removes', () => {
    const ipc = new FakeIpc();
    const seen: unknown[][] = [];
    const off = ipcTransport(ipc).on('kiosk-event:order', (...args: unknown[]) => seen.push(args));
    const rawEvent = { sender: { send: () => undefined } };
    ipc.emit('kiosk-event:order', rawEvent, { state: 'paid' });
    expect(seen).toEqual([[{ state: 'paid' }]]);
    off();
    expect(ipc.listenerCount('kiosk-event:order')).toBe(0);
    ipc.emit('kiosk-event:order', rawEvent, { state: 'later' });
    expect(seen).toHaveLength(1);
  });
});
