/**
 * Tells a USB barcode scanner from a person at the keyboard. A keyboard-wedge scanner "types"
 * the code faster than anyone can (a few ms a key) and ends with Enter; a browser cannot tell
 * which device sent a key, so the rhythm decides (shop-operations.md §5: a 30–50 ms gap and a
 * minimum length of 6 are the common middle ground; both are options here).
 *
 * Pure and clock-free: the screen feeds each keydown with its event time and does what the step
 * says. Keys that might be a scan are held (the screen calls preventDefault) until it is clear:
 * - a burst of accepted keys, each within `maxGapMs` of the last, of at least `minLength`,
 *   then a terminator within `maxGapMs` → { type: 'scan', code } (the terminator is held too);
 * - anything else → the held keys come back as { type: 'type', text } for the screen to apply
 *   as ordinary typing, before the key that broke the burst (which passes through).
 * Held keys also come back after `releaseAfterMs` of quiet: the screen sets a timer for
 * `deadline()` and calls `tick(now)`. A person's key is thus delayed by at most that long.
 */

export interface ScanDetectorOptions {
  /** Longest pause between two keys of a scan, and before its terminator. */
  maxGapMs: number;
  /** Shortest code that counts as a scan (EAN-8 is 8, EAN-13 is 13). */
  minLength: number;
  /** Longest code; a longer burst is typing (or a stuck key). */
  maxLength: number;
  /** A held key is handed back as typing after this much quiet. */
  releaseAfterMs: number;
  /** Keys that end a scan (KeyboardEvent.key). Scanners end with Enter unless programmed otherwise. */
  terminators: readonly string[];
  /** Single characters a code is made of. */
  accept: RegExp;
}

export const DEFAULT_SCAN_OPTIONS: ScanDetectorOptions = {
  maxGapMs: 35,
  minLength: 6,
  maxLength: 64,
  releaseAfterMs: 80,
  terminators: ['Enter'],
  accept: /^[0-9]$/,
};

/** What the screen knows from a keydown event. */
export interface ScanKey {
  key: string;
  /** KeyboardEvent.timeStamp (ms); any monotonic clock will do. */
  timeMs: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** A held-down key auto-repeating: never a scanner. */
  repeat?: boolean;
}

export type ScanAction = { type: 'type'; text: string } | { type: 'scan'; code: string };

export interface ScanStep {
  /** true: the screen must preventDefault this key (it is held, or it ended a scan). */
  held: boolean;
  /** Apply in order, before the key's own default action when `held` is false. */
  actions: ScanAction[];
}

/** Keys that are only modifiers: they neither join nor break a burst (scanners send Shift for letters). */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

export class ScanDetector {
  private readonly options: ScanDetectorOptions;
  private buffer = '';
  private lastMs = 0;
  /** A burst that grew past maxLength: the rest of it is typing too, until a pause. */
  private overlong = false;

  constructor(options: Partial<ScanDetectorOptions> = {}) {
    this.options = { ...DEFAULT_SCAN_OPTIONS, ...options };
  }

  key(event: ScanKey): ScanStep {
    const o = this.options;
    if (MODIFIERS.has(event.key)) return { held: false, actions: [] };
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) {
      return { held: false, actions: this.release() };
    }
    const gap = event.timeMs - this.lastMs;
    if (this.overlong && gap > o.maxGapMs) this.overlong = false;
    if (o.accept.test(event.key) && event.key.length === 1) {
      this.lastMs = event.timeMs;
      if (this.overlong) return { held: false, actions: [] };
      if (this.buffer.length >= o.maxLength && gap <= o.maxGapMs) {
        this.overlong = true;
        return { held: false, actions: this.release() };
      }
      const actions = this.buffer !== '' && gap > o.maxGapMs ? this.release() : [];
      this.buffer += event.key;
      return { held: true, actions };
    }
    if (o.terminators.includes(event.key) && this.buffer.length >= o.minLength && gap <= o.maxGapMs) {
      const code = this.buffer;
      this.buffer = '';
      return { held: true, actions: [{ type: 'scan', code }] };
    }
    return { held: false, actions: this.release() };
  }

  /** Hands held keys back as typing once `releaseAfterMs` has passed since the last one. */
  tick(nowMs: number): ScanAction[] {
    return this.buffer !== '' && nowMs - this.lastMs >= this.options.releaseAfterMs ? this.release() : [];
  }

  /** When the screen should call tick(), or undefined when nothing is held. */
  deadline(): number | undefined {
    return this.buffer === '' ? undefined : this.lastMs + this.options.releaseAfterMs;
  }

  /** Hands back whatever is held (focus moved, the screen changed). */
  release(): ScanAction[] {
    if (this.buffer === '') return [];
    const text = this.buffer;
    this.buffer = '';
    return [{ type: 'type', text }];
  }
}
