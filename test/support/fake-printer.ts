/**
 * A fake ESC/POS network printer on 127.0.0.1: records every byte each connection sends, answers
 * real-time status requests (DLE EOT 1–4) from its state, and misbehaves on request — offline,
 * cover open, out of paper, refusing connections, resetting the connection part-way through a
 * job, or never answering status (as many cheap printers do).
 */
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

export interface FakePrinterState {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  error: boolean;
}

export interface ReceivedJob {
  /** Connection number, from 1. */
  id: number;
  /** Every byte received, status requests included. */
  raw: Buffer;
  /** The bytes received minus the status requests it answered: what the paper gets. */
  bytes: Buffer;
  statusRequests: number[];
  /** performance.now() when the last byte arrived (NaN before any). */
  lastByteAt: number;
  /** How it ended: the client closed it, or the fake reset it mid-job. */
  ended: 'open' | 'client' | 'reset';
}

/** Where start() looks for a port: 20000–32767, clear of the kernel's ephemeral ports. */
const FIXED_PORTS_FROM = 20_000;
const FIXED_PORTS_COUNT = 12_768;

const READY: FakePrinterState = {
  online: true,
  coverOpen: false,
  paperOut: false,
  paperNearEnd: false,
  error: false,
};

export class FakePrinter {
  readonly host = '127.0.0.1';
  port = 0;
  readonly jobs: ReceivedJob[] = [];
  state: FakePrinterState = { ...READY };
  /** False: status requests go unanswered. */
  answerStatus = true;
  /** Reset the connection once a job has sent this many (non-status) bytes; null never. */
  resetAfterBytes: number | null = null;
  #server: Server;
  readonly #sockets = new Set<Socket>();
  #changed: (() => void)[] = [];

  private constructor() {
    this.#server = this.#newServer();
  }

  /**
   * Listens on a free port below Linux's ephemeral range (32768–60999). A port picked by the
   * kernel (listen on 0) can be handed to any other socket while refuseConnections() has it
   * closed — another test's server, an outgoing connection, even the kiosk's own connect to it
   * (a TCP self-connect) — and then "the printer is back" fails or talks to a stranger. Ports
   * below the range are only ever taken by asking for them.
   */
  static async start(): Promise<FakePrinter> {
    const printer = new FakePrinter();
    for (let tries = 1; ; tries++) {
      const port = FIXED_PORTS_FROM + Math.floor(Math.random() * FIXED_PORTS_COUNT);
      try {
        await printer.#listen(port);
        return printer;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || tries >= 50) throw error;
        printer.#server = printer.#newServer();
      }
    }
  }

  get url(): string {
    return `tcp://${this.host}:${this.port}`;
  }

  setState(change: Partial<FakePrinterState>): void {
    this.state = { ...this.state, ...change };
  }

  /** Jobs that carried printable bytes, finished or not. */
  get printJobs(): ReceivedJob[] {
    return this.jobs.filter((job) => job.bytes.length > 0);
  }

  /** Stops listening: new connections are refused (ECONNREFUSED), as with a printer switched off. */
  async refuseConnections(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Listens again on the same port (the printer is back). */
  async acceptConnections(): Promise<void> {
    this.#server = this.#newServer();
    await this.#listen(this.port);
  }

  /** Resolves once `count` connections carrying print bytes have ended (or rejects after `timeoutMs`). */
  async waitForPrintJobs(count: number, timeoutMs = 10_000): Promise<ReceivedJob[]> {
    const done = () => this.printJobs.filter((job) => job.ended !== 'open');
    const deadline = Date.now() + timeoutMs;
    while (done().length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`fake printer: ${done().length} of ${count} print job(s) after ${timeoutMs} ms`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#changed.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return done();
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    if (this.#server.listening) await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #notify(): void {
    const waiters = this.#changed;
    this.#changed = [];
    for (const wake of waiters) wake();
  }

  #listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, this.host, () => {
        this.#server.off('error', reject);
        this.port = (this.#server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  #reply(n: number): number {
    const s = this.state;
    const offline = !s.online || s.coverOpen || s.paperOut || s.error;
    switch (n) {
      case 1:
        return 0x12 | (offline ? 0x08 : 0);
      case 2:
        return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0) | (s.error ? 0x40 : 0);
      case 3:
        return 0x12 | (s.error ? 0x40 : 0);
      default:
        return 0x12 | (s.paperNearEnd || s.paperOut ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
    }
  }

  #newServer(): Server {
    return createServer((socket) => {
      this.#sockets.add(socket);
      const job: ReceivedJob = {
        id: this.jobs.length + 1,
        raw: Buffer.alloc(0),
        bytes: Buffer.alloc(0),
        statusRequests: [],
        lastByteAt: Number.NaN,
        ended: 'open',
      };
      this.jobs.push(job);
      const raw: number[] = [];
      const printed: number[] = [];
      // Where we are in a DLE EOT n sequence: 0 outside, 1 after DLE, 2 after DLE EOT.
      let step = 0;
      socket.on('data', (chunk: Buffer) => {
        job.lastByteAt = performance.now();
        for (const byte of chunk) {
          raw.push(byte);
          if (step === 0 && byte === 0x10) step = 1;
          else if (step === 1 && byte === 0x04) step = 2;
          else if (step === 2 && byte >= 1 && byte <= 4) {
            step = 0;
            job.statusRequests.push(byte);
            if (this.answerStatus) socket.write(Uint8Array.of(this.#reply(byte)));
          } else {
            if (step === 1) printed.push(0x10);
            if (step === 2) printed.push(0x10, 0x04);
            step = 0;
            printed.push(byte);
          }
        }
        job.raw = Buffer.from(raw);
        job.bytes = Buffer.from(printed);
        if (this.resetAfterBytes !== null && printed.length >= this.resetAfterBytes) {
          job.ended = 'reset';
          socket.resetAndDestroy();
          this.#notify();
        }
      });
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.#sockets.delete(socket);
        if (job.ended === 'open') job.ended = 'client';
        this.#notify();
      });
      this.#notify();
    });
  }
}
