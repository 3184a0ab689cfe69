/**
 * The barcode scanner detector (shared/scan-detector.ts) wired to a screen's key events and a
 * timer: each keydown is fed in; keys that may belong to a scan are held back (the caller stops
 * them); a scan is reported as a code; held keys that turn out to be a person's typing are handed
 * back, in order, before the key that showed it (or after a short quiet, by the timer).
 */
import { ScanDetector, type ScanAction, type ScanDetectorOptions } from '../../shared/scan-detector.ts';

export interface ScanKeyHandlers {
  scan(code: string): void;
  /** Keys handed back as typing, to be applied where focus is now. */
  type(text: string): void;
}

export interface ScanKeyTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const browserTimers: ScanKeyTimers = {
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  now: () => performance.now(),
};

export interface KeyInput {
  key: string;
  timeStamp: number;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
}

export class ScanKeys {
  readonly #detector: ScanDetector;
  readonly #handlers: ScanKeyHandlers;
  readonly #timers: ScanKeyTimers;
  #timer: unknown;

  constructor(handlers: ScanKeyHandlers, options: Partial<ScanDetectorOptions> = {}, timers = browserTimers) {
    this.#detector = new ScanDetector(options);
    this.#handlers = handlers;
    this.#timers = timers;
  }

  /**
   * Feeds one keydown. Returns whether it was held (the caller must stop it) and whether typing
   * was handed back before it (a key acting on what was typed must wait for it to land).
   */
  key(event: KeyInput): { held: boolean; released: boolean } {
    const step = this.#detector.key({
      key: event.key,
      timeMs: event.timeStamp,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      repeat: event.repeat,
    });
    const released = this.#apply(step.actions);
    this.#schedule();
    return { held: step.held, released };
  }

  /** Hands back whatever is held now (the screen is going away or changing). */
  flush(): void {
    this.#apply(this.#detector.release());
    this.#schedule();
  }

  dispose(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #apply(actions: readonly ScanAction[]): boolean {
    let released = false;
    for (const action of actions) {
      if (action.type === 'scan') this.#handlers.scan(action.code);
      else {
        released = true;
        this.#handlers.type(action.text);
      }
    }
    return released;
  }

  #schedule(): void {
    this.dispose();
    const deadline = this.#detector.deadline();
    if (deadline === undefined) return;
    this.#timer = this.#timers.setTimeout(
      () => {
        this.#timer = undefined;
        this.#apply(this.#detector.tick(this.#timers.now()));
        this.#schedule();
      },
      Math.max(0, deadline - this.#timers.now()),
    );
  }
}
