/**
 * Quitting closes the kiosk host (engine stopped, journal closed) before the process ends:
 * Electron would otherwise exit with a status poll or a journal write half done. `will-quit` is
 * held with preventDefault until the close settles, then app.exit() ends the process without
 * emitting will-quit again; a close that hangs is abandoned after a limit, since the journal is
 * crash-safe and a till that cannot be closed is worse.
 */
import type { Log } from './log.ts';
import { describe } from './log.ts';

interface QuitEvent {
  preventDefault(): void;
}

/** The part of Electron's `app` used here; the real `app` satisfies it. */
export interface QuittableApp {
  on(event: 'before-quit', listener: (event: QuitEvent) => void): unknown;
  on(event: 'will-quit', listener: (event: QuitEvent) => void): unknown;
  exit(code?: number): void;
}

export interface QuitGuard {
  /** True from the moment a quit begins: the customer display may close only then. */
  readonly quitting: boolean;
}

export function holdQuitUntilClosed(
  app: QuittableApp,
  close: () => Promise<void>,
  log: Log,
  limitMs = 15_000,
): QuitGuard {
  let quitting = false;
  let phase: 'running' | 'closing' | 'done' = 'running';
  const finish = (code: number) => {
    phase = 'done';
    app.exit(code);
  };

  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    // A second quit request (another Ctrl+Q, the OS logging out) while closing changes nothing.
    if (phase === 'closing') return;
    phase = 'closing';
    quitting = true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), limitMs);
    });
    Promise.race([close().then(() => 'closed' as const), late])
      .then(
        (how) => {
          if (how === 'late') log(`closing took longer than ${limitMs} ms; exiting anyway`);
          finish(how === 'closed' ? 0 : 1);
        },
        (error: unknown) => {
          log(`closing failed: ${describe(error)}`);
          finish(1);
        },
      )
      .finally(() => clearTimeout(timer));
  });
  return {
    get quitting() {
      return quitting;
    },
  };
}
