/**
 * Browser mode's side of common/wire.ts: calls go out with an id and are paired with their
 * result by that id, events go to whoever listens for their name, and a dropped connection is
 * re-opened with backoff for as long as the screen lives.
 *
 * A call is never re-sent by this client. One cut off by a drop may already have taken effect,
 * so it fails with `KioskConnectionError` (sent: true) and the screen re-reads its snapshot
 * instead; calls made while disconnected fail at once (sent: false), except before the very
 * first connection, when they wait for it.
 */
import { KioskCallError } from '../../common/contract.ts';
import { maxFrameBytesFor, type CallFrame } from '../../common/wire.ts';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.ts';
import { KioskConnectionError, toContractError } from './errors.ts';
import { Listeners } from './listeners.ts';

export type ConnectionStatus = 'connecting' | 'open' | 'lost';

export type WebSocketConstructor = new (url: string) => WebSocket;

export interface SocketClientOptions {
  url: string;
  /** The browser's WebSocket by default; tests pass Node's. */
  WebSocket?: WebSocketConstructor;
  backoff?: BackoffPolicy;
  random?: () => number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const encoder = new TextEncoder();

export class SocketClient {
  readonly #url: string;
  readonly #WebSocket: WebSocketConstructor;
  readonly #backoff: BackoffPolicy;
  readonly #random: () => number;
  #socket: WebSocket | undefined;
  #status: ConnectionStatus = 'connecting';
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  #nextId = 1;
  readonly #inFlight = new Map<number, Pending>();
  #waiting: { frame: CallFrame; pending: Pending }[] = [];
  readonly #events = new Map<string, Listeners<unknown>>();
  readonly #statusListeners = new Listeners<ConnectionStatus>();
  readonly #openListeners = new Listeners<void>();

  constructor(options: SocketClientOptions) {
    this.#url = options.url;
    this.#WebSocket = options.WebSocket ?? globalThis.WebSocket;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#random = options.random ?? Math.random;
    this.#connect();
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    return this.#statusListeners.add(listener);
  }

  /** Runs after every successful (re)connection, once the socket can carry calls. */
  onOpen(listener: () => void): () => void {
    return this.#openListeners.add(listener);
  }

  on(event: string, listener: (payload: unknown) => void): () => void {
    let listeners = this.#events.get(event);
    if (listeners === undefined) {
      listeners = new Listeners<unknown>();
      this.#events.set(event, listeners);
    }
    return listeners.add(listener);
  }

  call(name: string, payload: unknown): Promise<unknown> {
    const frame: CallFrame = { t: 'call', id: this.#nextId++, name, payload };
    return new Promise<unknown>((resolve, reject) => {
      const pending = { resolve, reject };
      if (this.#stopped) reject(new KioskConnectionError(false));
      else if (this.#status === 'open') this.#send(frame, pending);
      else if (this.#status === 'connecting') this.#waiting.push({ frame, pending });
      else reject(new KioskConnectionError(false));
    });
  }

  /** Closes for good: no reconnect, and every unanswered call fails. */
  close(): void {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.close(1000, 'closed by the screen');
    this.#failAll();
  }

  #connect(): void {
    if (this.#stopped) return;
    let socket: WebSocket;
    try {
      socket = new this.#WebSocket(this.#url);
    } catch {
      this.#lost();
      return;
    }
    this.#socket = socket;
    socket.addEventListener('open', () => {
      if (this.#socket !== socket) return;
      this.#attempt = 0;
      this.#setStatus('open');
      const waiting = this.#waiting;
      this.#waiting = [];
      for (const { frame, pending } of waiting) this.#send(frame, pending);
      this.#openListeners.emit(undefined);
    });
    socket.addEventListener('message', (event: MessageEvent) => {
      if (this.#socket === socket) this.#receive(event.data);
    });
    // 'error' is always followed by 'close', which is where the drop is handled.
    socket.addEventListener('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.#lost();
    });
  }

  #lost(): void {
    this.#failAll();
    this.#setStatus('lost');
    if (this.#stopped) return;
    const delay = backoffDelay(this.#attempt++, this.#backoff, this.#random);
    this.#retryTimer = setTimeout(() => this.#connect(), delay);
  }

  #failAll(): void {
    const inFlight = [...this.#inFlight.values()];
    this.#inFlight.clear();
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const pending of inFlight) pending.reject(new KioskConnectionError(true));
    for (const { pending } of waiting) pending.reject(new KioskConnectionError(false));
  }

  #setStatus(status: ConnectionStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#statusListeners.emit(status);
  }

  #send(frame: CallFrame, pending: Pending): void {
    const text = JSON.stringify(frame);
    if (encoder.encode(text).byteLength > maxFrameBytesFor(frame.name)) {
      pending.reject(
        new KioskCallError({
          code: 'invalid-payload',
          message: { id: 'Permintaan terlalu besar.', en: 'The request is too large.' },
        }),
      );
      return;
    }
    const socket = this.#socket;
    if (socket === undefined) {
      pending.reject(new KioskConnectionError(false));
      return;
    }
    this.#inFlight.set(frame.id, pending);
    try {
      socket.send(text);
    } catch {
      this.#inFlight.delete(frame.id);
      pending.reject(new KioskConnectionError(false));
    }
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const fields = frame as Record<string, unknown>;
    if (fields.t === 'result' && typeof fields.id === 'number') {
      const pending = this.#inFlight.get(fields.id);
      if (pending === undefined) return;
      this.#inFlight.delete(fields.id);
      if (fields.ok === true) pending.resolve(fields.value);
      else pending.reject(new KioskCallError(toContractError(fields.error)));
    } else if (fields.t === 'event' && typeof fields.name === 'string') {
      this.#events.get(fields.name)?.emit(fields.payload);
    }
  }
}
