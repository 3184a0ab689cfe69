/**
 * A network printer: raw ESC/POS to host:9100 (the "JetDirect"/"RAW" port every LAN thermal
 * printer opens). One connection per job: connect, ask for status (DLE EOT) when the printer is
 * known to answer, send the job, half-close, and wait for the printer to close its side, which is
 * the only sign that it took every byte.
 *
 * TCP cannot always tell a printer that stopped mid-job from one that finished: a printer that
 * closes with our bytes unread resets the connection (detected: connection-lost), but one that
 * closes cleanly after the kernel has taken all our bytes looks like success. Anything that fails
 * after the first job byte left is reported with `maybePrinted`, so the queue reprints as COPY.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { statusRequest } from '../receipts/escpos-commands.ts';
import { PrinterError } from './errors.ts';
import { blockingProblem, decodeStatus, STATUS_REQUESTS } from './status.ts';
import type { PrinterStatus, StatusReplies } from './status.ts';
import type { PrinterTransport, SendResult } from './transport.ts';

export const DEFAULT_RAW_PORT = 9100;

export interface TcpPrinterOptions {
  host: string;
  port?: number;
  /** Give up connecting after this long (default 3 s). */
  connectTimeoutMs?: number;
  /** Give up when the printer takes no byte for this long while a job is being written (10 s). */
  writeIdleTimeoutMs?: number;
  /** Wait this long for each status answer (default 400 ms); many cheap printers never answer. */
  statusTimeoutMs?: number;
  /** Wait this long for the printer to close after the job (default 3 s); then count it sent. */
  closeTimeoutMs?: number;
  /**
   * Ask for status before each job: 'auto' (default) until the printer is seen not to answer,
   * then only when `status()` is called; 'always'; 'never'.
   */
  checkStatus?: 'auto' | 'always' | 'never';
}

/** One open connection: the bytes the printer sent back, and how the connection ended. */
class Link {
  readonly socket: Socket;
  readonly #incoming: number[] = [];
  #waiters: (() => void)[] = [];
  error: NodeJS.ErrnoException | undefined;
  closed = false;
  peerEnded = false;

  constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => {
      for (const byte of chunk) this.#incoming.push(byte);
      this.#wake();
    });
    socket.on('end', () => {
      this.peerEnded = true;
      this.#wake();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error ??= error;
      this.#wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.#wake();
    });
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves on the next change (data, end, error, close) or after `ms`. */
  #changeOrTimeout(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.#waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** The next byte the printer sends, or undefined if none comes within `ms`. */
  async readByte(ms: number): Promise<number | undefined> {
    const deadline = performance.now() + ms;
    for (;;) {
      const byte = this.#incoming.shift();
      if (byte !== undefined) return byte;
      if (this.closed || this.error !== undefined || this.peerEnded) return undefined;
      const left = deadline - performance.now();
      if (left <= 0 || !(await this.#changeOrTimeout(left))) return undefined;
    }
  }

  /** Resolves true once the connection is closed, false if it is still open after `ms`. */
  async waitClosed(ms: number): Promise<boolean> {
    const deadline = performance.now() + ms;
    while (!this.closed) {
      const left = deadline - performance.now();
      if (left <= 0 || !(await this.#changeOrTimeout(left))) return this.closed;
    }
    return true;
  }
}

export class TcpPrinter implements PrinterTransport {
  readonly target: string;
  readonly #host: string;
  readonly #port: number;
  readonly #connectTimeoutMs: number;
  readonly #writeIdleTimeoutMs: number;
  readonly #statusTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  readonly #checkStatus: 'auto' | 'always' | 'never';
  /** Learnt in 'auto' mode: false once the printer has let a status request go unanswered. */
  #answersStatus: boolean | undefined;

  constructor(options: TcpPrinterOptions) {
    this.#host = options.host;
    this.#port = options.port ?? DEFAULT_RAW_PORT;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.#writeIdleTimeoutMs = options.writeIdleTimeoutMs ?? 10_000;
    this.#statusTimeoutMs = options.statusTimeoutMs ?? 400;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 3000;
    this.#checkStatus = options.checkStatus ?? 'auto';
    const host = this.#host.includes(':') ? `[${this.#host}]` : this.#host;
    this.target = `tcp://${host}:${this.#port}`;
  }

  async status(): Promise<PrinterStatus> {
    const link = await this.#open();
    try {
      return await this.#ask(link);
    } finally {
      link.socket.destroy();
    }
  }

  async send(bytes: Uint8Array): Promise<SendResult> {
    const link = await this.#open();
    try {
      let status: PrinterStatus = { kind: 'unknown', reason: 'no-answer' };
      if (this.#checkStatus === 'always' || (this.#checkStatus === 'auto' && this.#answersStatus !== false)) {
        status = await this.#ask(link);
        const problem = blockingProblem(status);
        if (problem !== null) throw new PrinterError(problem, { target: this.target });
      }
      await this.#write(link, bytes);
      await this.#finish(link, bytes.length);
      return { bytes: bytes.length, status };
    } finally {
      link.socket.destroy();
    }
  }

  #open(): Promise<Link> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.#host, port: this.#port });
      const fail = (cause: unknown) => {
        clearTimeout(timer);
        socket.destroy();
        reject(new PrinterError('unreachable', { target: this.target, cause }));
      };
      const timer = setTimeout(
        () => fail(new Error(`connect timed out after ${this.#connectTimeoutMs} ms`)),
        this.#connectTimeoutMs,
      );
      socket.once('error', fail);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', fail);
        socket.setNoDelay(true);
        resolve(new Link(socket));
      });
    });
  }

  /** DLE EOT 1..4, one at a time, each answer awaited: the answers carry no request number. */
  async #ask(link: Link): Promise<PrinterStatus> {
    const replies: StatusReplies = {};
    for (const n of STATUS_REQUESTS) {
      if (link.closed || link.error !== undefined) break;
      link.socket.write(statusRequest(n));
      const reply = await link.readByte(this.#statusTimeoutMs);
      if (reply === undefined) break;
      replies[n] = reply;
    }
    if (replies[1] === undefined && (link.closed || link.peerEnded || link.error !== undefined)) {
      // It hung up on a status request: no job byte was sent, so nothing printed.
      throw new PrinterError('connection-lost', { target: this.target, cause: link.error });
    }
    const status = decodeStatus(replies);
    this.#answersStatus = status.kind === 'known';
    return status;
  }

  #write(link: Link, bytes: Uint8Array): Promise<void> {
    const lost = (cause: unknown) =>
      new PrinterError('connection-lost', { target: this.target, maybePrinted: true, cause });
    if (link.closed || link.peerEnded || link.error !== undefined) {
      // Closed before any job byte: nothing can have printed.
      return Promise.reject(new PrinterError('connection-lost', { target: this.target, cause: link.error }));
    }
    return new Promise((resolve, reject) => {
      const socket = link.socket;
      let settled = false;
      const settle = (error?: PrinterError) => {
        if (settled) return;
        settled = true;
        socket.setTimeout(0);
        socket.off('timeout', onTimeout);
        socket.off('close', onClose);
        if (error === undefined) resolve();
        else reject(error);
      };
      const onTimeout = () => {
        settle(new PrinterError('write-timeout', { target: this.target, maybePrinted: true }));
        socket.destroy();
      };
      const onClose = () => settle(lost(link.error));
      socket.setTimeout(this.#writeIdleTimeoutMs);
      socket.on('timeout', onTimeout);
      socket.on('close', onClose);
      socket.write(bytes, (error) => settle(error === undefined || error === null ? undefined : lost(error)));
    });
  }

  /** Half-closes and waits for the printer to close: a reset on the way means it stopped mid-job. */
  async #finish(link: Link, length: number): Promise<void> {
    link.socket.end();
    await link.waitClosed(this.#closeTimeoutMs);
    if (link.error !== undefined) {
      throw new PrinterError('connection-lost', {
        target: this.target,
        maybePrinted: true,
        bytesWritten: length,
        cause: link.error,
      });
    }
  }
}
