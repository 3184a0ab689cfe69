/**
 * Electron's ipcMain for the stand-in: handlers for invoke, listeners for send, answered as
 * Electron answers them. Values cross by structured clone (what cannot be cloned fails, as it
 * does in Electron), a handler's thrown error reaches the page as its message only, and a
 * channel without a handler is refused.
 */
import { EventEmitter } from 'node:events';
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { electronEvent, type Shape } from './support.ts';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export type InvokeAnswer = { ok: true; value: unknown } | { ok: false; message: string };

/** Who sent a message: the fields of Electron's IPC events that name the sender. */
export interface Sender {
  sender: unknown;
  /** A getter in Electron: null once the frame navigated away or was destroyed. */
  readonly senderFrame: unknown;
  frameId: number;
  processId: number;
}

class StandInIpcMain extends EventEmitter implements Shape<IpcMain> {
  #handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.#handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.#handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  /** The stand-in's record: the channels with a handler. */
  handledChannels(): string[] {
    return [...this.#handlers.keys()].sort();
  }

  /** The stand-in's side: an invoke from a page. */
  async answer(channel: string, args: unknown[], from: Sender): Promise<InvokeAnswer> {
    const handler = this.#handlers.get(channel);
    if (handler === undefined) return { ok: false, message: `No handler registered for '${channel}'` };
    const event = electronEvent(withType(from)) as unknown as IpcMainInvokeEvent;
    try {
      return { ok: true, value: structuredClone(await handler(event, ...structuredClone(args))) };
    } catch (error) {
      return {
        ok: false,
        message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      };
    }
  }

  /** The stand-in's side: a send (or sendSync) from a page; answers event.returnValue. */
  deliver(channel: string, args: unknown[], from: Sender, reply: (channel: string, args: unknown[]) => void) {
    const event = electronEvent({
      ...withType(from),
      ports: [],
      returnValue: undefined as unknown,
      reply: (replyChannel: string, ...replyArgs: unknown[]) => reply(replyChannel, replyArgs),
    }) as unknown as IpcMainEvent;
    this.emit(channel, event, ...structuredClone(args));
    return event.returnValue as unknown;
  }
}

function withType(from: Sender) {
  return Object.defineProperties(
    { type: 'frame' as const },
    Object.getOwnPropertyDescriptors(from),
  ) as Sender & { type: 'frame' };
}

export const ipcMain = new StandInIpcMain();
