/** Quitting waits for the kiosk host to close, once, and never hangs the till (main/shell/quit.ts). */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { holdQuitUntilClosed, type QuittableApp } from '../../main/shell/quit.ts';

class FakeApp extends EventEmitter implements QuittableApp {
  exits: number[] = [];
  exit(code = 0): void {
    this.exits.push(code);
  }
  /** Emits will-quit as Electron does; true when a listener held the quit. */
  willQuit(): boolean {
    let held = false;
    this.emit('will-quit', { preventDefault: () => (held = true) });
    return held;
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('holdQuitUntilClosed', () => {
  it('holds will-quit until the close settles, then exits 0; a second quit does not close twice', async () => {
    const app = new FakeApp();
    let finish!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const guard = holdQuitUntilClosed(app, close, () => undefined);
    expect(guard.quitting).toBe(false);
    app.emit('before-quit', { preventDefault: () => undefined });
    expect(guard.quitting).toBe(true);

    expect(app.willQuit()).toBe(true);
    expect(app.willQuit()).toBe(true);
    await settle();
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.exits).toEqual([]);
    finish();
    await settle();
    expect(app.exits).toEqual([0]);
    // After the exit call nothing holds Electron back any more.
    expect(app.willQuit()).toBe(false);
  });

  it('exits 1 and says why when the close fails', async () => {
    const app = new FakeApp();
    const lines: string[] = [];
    holdQuitUntilClosed(
      app,
      () => Promise.reject(new Error('journal busy')),
      (l) => lines.push(l),
    );
    app.willQuit();
    await settle();
    expect(app.exits).toEqual([1]);
    expect(lines.join('\n')).toMatch(/closing failed: Error: journal busy/);
  });

  it('gives up on a close that hangs after the limit', async () => {
    vi.useFakeTimers();
    try {
      const app = new FakeApp();
      const lines: string[] = [];
      holdQuitUntilClosed(
        app,
        () => new Promise<void>(() => undefined),
        (l) => lines.push(l),
        5000,
      );
      app.willQuit();
      await vi.advanceTimersByTimeAsync(4999);
      expect(app.exits).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(app.exits).toEqual([1]);
      expect(lines.join('\n')).toMatch(/longer than 5000 ms/);
    } finally {
      vi.useRealTimers();
    }
  });
});
