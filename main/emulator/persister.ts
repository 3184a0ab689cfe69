import { renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDirectory, writeFileAtomicSync, writeSyncedTempFile } from '../fs/atomic-file.ts';

/**
 * Mirrors in-memory state that changes on the request path into a file, without doing the
 * I/O on that path: a change only arms a short timer, every change that arrives before it fires
 * goes into one write, and the write (render, write, fsync) runs off the event loop. close()
 * writes synchronously, so the last changes are on disk before the emulator reports closed.
 *
 * What a crash (kill -9, power cut) can lose: the changes of the last WRITE_DELAY_MS plus the
 * duration of at most two writes, i.e. a few tens of milliseconds of activity. The file itself is
 * never torn (temp file, fsync, rename). That window is acceptable because this persists the
 * training-mode emulator only: no real money depends on it, and a lost change looks to the kiosk
 * like a gateway that never received the request. It is not a design for a real ledger.
 */

/** Short enough that a change is on disk well within 100 ms; long enough to batch a burst. */
const WRITE_DELAY_MS = 10;
const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5000;
/** Training data of one user account; nobody else needs to read it. */
const FILE_MODE = 0o600;

export class DebouncedFileWriter {
  readonly #file: string;
  readonly #render: () => string;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;
  #dirty = false;
  #closed = false;
  /** Every rendering gets the next number; the file may only ever move to a higher one. */
  #rendered = 0;
  #committed = 0;
  /** 0 while writes succeed; otherwise the delay before the next attempt. */
  #retryMs = 0;

  constructor(file: string, render: () => string) {
    this.#file = file;
    this.#render = render;
  }

  /** Notes that the state changed. Cheap: safe to call on every mutation. */
  changed(): void {
    if (this.#closed) return;
    this.#dirty = true;
    this.#schedule(WRITE_DELAY_MS);
  }

  /**
   * Writes the current state now, whether or not it changed, and returns once it is on disk.
   * When it throws, whatever was pending stays pending (and its timer armed).
   */
  writeNowSync(): void {
    const generation = ++this.#rendered;
    writeFileAtomicSync(this.#file, this.#render(), FILE_MODE);
    this.#committed = generation;
    this.#dirty = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Like writeNowSync, but only when something is not yet on disk. */
  flushSync(): void {
    // A background write that has rendered but not yet renamed is not on disk either.
    if (this.#dirty || this.#committed < this.#rendered) this.writeNowSync();
  }

  /**
   * Writes what is unwritten and stops: changes after this are not saved. Rejects when the last
   * write failed, so the owner learns that the file is behind.
   */
  async close(): Promise<void> {
    let failure: unknown;
    try {
      if (!this.#closed) this.flushSync();
    } catch (error) {
      failure = error;
    }
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // A background write still running finds the synchronous one above newer and discards itself.
    await this.#writing;
    if (failure !== undefined) throw failure;
  }

  #schedule(delayMs: number): void {
    // One timer and one write at a time; a write that ends with changes pending schedules the next.
    if (this.#closed || this.#timer !== undefined || this.#writing !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#writing = this.#writeInBackground().finally(() => {
        this.#writing = undefined;
        if (this.#dirty) this.#schedule(this.#retryMs || WRITE_DELAY_MS);
      });
    }, delayMs);
  }

  async #writeInBackground(): Promise<void> {
    this.#dirty = false;
    const generation = ++this.#rendered;
    try {
      // Rendered now, synchronously, so the generation number describes exactly this content.
      const temp = await writeSyncedTempFile(this.#file, this.#render(), { mode: FILE_MODE });
      if (generation < this.#committed) {
        await rm(temp, { force: true });
        return;
      }
      try {
        // Synchronous on purpose: all renames then happen on this thread in generation order, so a
        // background rename can never land after a newer synchronous one.
        renameSync(temp, this.#file);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw error;
      }
      this.#committed = generation;
      await syncDirectory(dirname(this.#file));
      if (this.#retryMs !== 0) console.error(`[midtrans-emulator] ${this.#file} is being saved again.`);
      this.#retryMs = 0;
    } catch (error) {
      // A synchronous write has already saved something newer; this failure cost nothing.
      if (this.#committed > generation) return;
      this.#dirty = true;
      if (this.#retryMs === 0) {
        console.error(
          `[midtrans-emulator] cannot save ${this.#file}; retrying until it works:`,
          (error as Error).message,
        );
      }
      this.#retryMs = Math.min(Math.max(this.#retryMs * 2, RETRY_MIN_MS), RETRY_MAX_MS);
    }
  }
}
