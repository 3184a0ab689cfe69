/**
 * A printer behind a device file: a USB printer on Linux (/dev/usb/lp0), a serial or
 * Bluetooth-serial port (/dev/ttyUSB0, /dev/rfcomm0, already set to the printer's baud rate), or a
 * plain file (to capture a job). Write-only: these give no status here, so status() says 'unknown'.
 *
 * The path is opened without O_CREAT: a missing device must be an error, not a new regular file
 * in /dev that swallows every receipt. O_NOCTTY keeps a serial port from becoming the kiosk's
 * controlling terminal.
 */
import { constants } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { PrinterError } from './errors.ts';
import type { PrinterErrorCode } from './errors.ts';
import type { PrinterStatus } from './status.ts';
import type { PrinterTransport, SendResult } from './transport.ts';

/** The file operations used, so tests can make them fail as a device would (tests run as root). */
export type DeviceFs = Pick<typeof fsPromises, 'open' | 'stat'>;

export interface DevicePrinterOptions {
  path: string;
  /** Give up when one write has not finished after this long (default 15 s). */
  writeTimeoutMs?: number;
  fs?: DeviceFs;
}

const OPEN_FLAGS = constants.O_WRONLY | constants.O_APPEND | (constants.O_NOCTTY ?? 0);

function openProblem(error: NodeJS.ErrnoException): PrinterErrorCode {
  switch (error.code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
    case 'ENOTDIR':
      return 'device-missing';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'device-not-writable';
    case 'EBUSY':
      return 'device-busy';
    case 'EISDIR':
      return 'device-not-a-printer';
    default:
      return 'device-write-failed';
  }
}

export class DevicePrinter implements PrinterTransport {
  readonly target: string;
  readonly #writeTimeoutMs: number;
  readonly #fs: DeviceFs;

  constructor(options: DevicePrinterOptions) {
    this.target = options.path;
    this.#writeTimeoutMs = options.writeTimeoutMs ?? 15_000;
    this.#fs = options.fs ?? fsPromises;
  }

  async status(): Promise<PrinterStatus> {
    await this.#check();
    return { kind: 'unknown', reason: 'not-supported' };
  }

  async send(bytes: Uint8Array): Promise<SendResult> {
    await this.#check();
    let handle: FileHandle;
    try {
      handle = await this.#fs.open(this.target, OPEN_FLAGS);
    } catch (error) {
      throw new PrinterError(openProblem(error as NodeJS.ErrnoException), {
        target: this.target,
        cause: error,
      });
    }
    let written = 0;
    let stuck = false;
    try {
      while (written < bytes.length) {
        const { bytesWritten } = await this.#withTimeout(
          handle.write(bytes, written, bytes.length - written),
          () => {
            stuck = true;
          },
        );
        written += bytesWritten;
      }
      return { bytes: written, status: { kind: 'unknown', reason: 'not-supported' } };
    } catch (error) {
      if (error instanceof PrinterError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new PrinterError(
        code === 'ENODEV' || code === 'ENXIO' ? 'device-missing' : 'device-write-failed',
        {
          target: this.target,
          maybePrinted: written > 0,
          bytesWritten: written,
          cause: error,
        },
      );
    } finally {
      // A write stuck in the kernel (a USB printer out of paper blocks) also blocks close();
      // it is left to finish on its own rather than hang the job.
      if (stuck) handle.close().catch(() => undefined);
      else await handle.close().catch(() => undefined);
    }
  }

  /** The path exists and is not a directory; anything else is found out by open(). */
  async #check(): Promise<void> {
    try {
      const stat = await this.#fs.stat(this.target);
      if (stat.isDirectory()) throw new PrinterError('device-not-a-printer', { target: this.target });
    } catch (error) {
      if (error instanceof PrinterError) throw error;
      throw new PrinterError(openProblem(error as NodeJS.ErrnoException), {
        target: this.target,
        cause: error,
      });
    }
  }

  #withTimeout<T>(work: Promise<T>, onTimeout: () => void): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout();
        reject(new PrinterError('write-timeout', { target: this.target, maybePrinted: true }));
      }, this.#writeTimeoutMs);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
