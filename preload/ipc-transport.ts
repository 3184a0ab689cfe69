/**
 * The preloads' one use of ipcRenderer, taken by injection so it is tested without Electron.
 * Listeners get the payload only: the raw IpcRendererEvent carries `sender`, which would hand a
 * page the means to send on any channel.
 */
import type { BridgeTransport } from './bridge-api.ts';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's ipcRenderer used here (written out: only the two preloads import electron). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function ipcTransport(ipc: IpcRendererLike): BridgeTransport {
  return {
    invoke: (channel, payload) => ipc.invoke(channel, payload),
    on(channel, listener) {
      const forward: IpcListener = (_event, payload) => listener(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  };
}
