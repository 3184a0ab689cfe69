/**
 * Keeps the customer display's window where the settings and the connected monitors say: a
 * kiosk window covering the chosen monitor, or an ordinary window on the cashier's monitor when
 * there is no other. Re-applied whenever a monitor is plugged in, unplugged or changes
 * resolution, and whenever the caller says the settings changed.
 *
 * Going fullscreen on a monitor other than the primary is done in the order that works on
 * Windows and X11: leave kiosk mode, move the window onto the target's bounds, then enter kiosk
 * mode there. Entering kiosk first would make the window fullscreen on whichever monitor it was
 * on, or crop it to the primary monitor's size.
 */
import type { CustomerDisplayChoice } from '../../common/contract.ts';
import { chooseCustomerDisplay, type Rect, type ScreenDisplay } from './display-choice.ts';

type ScreenEvent = 'display-added' | 'display-removed' | 'display-metrics-changed';
const SCREEN_EVENTS: readonly ScreenEvent[] = ['display-added', 'display-removed', 'display-metrics-changed'];

/** The part of Electron's `screen` used here; the real module satisfies it. */
export interface ScreenLike {
  getAllDisplays(): ScreenDisplay[];
  getPrimaryDisplay(): ScreenDisplay;
  on(event: ScreenEvent, l: (...a: unknown[]) => void): unknown;
  removeListener(event: string, l: (...a: unknown[]) => void): unknown;
}

/** The part of a BrowserWindow used here; a real BrowserWindow satisfies it. */
export interface PlaceableWindow {
  setKiosk(f: boolean): void;
  isKiosk(): boolean;
  setFullScreen(f: boolean): void;
  setBounds(b: Rect): void;
  isDestroyed(): boolean;
  setAlwaysOnTop?(f: boolean): void;
}

export type Placement =
  | { kind: 'fullscreen'; displayId: number; bounds: Rect; reason: string }
  | { kind: 'window'; bounds: Rect; reason: string };

export interface DisplayPlacement {
  /** Places the window now (a no-op when it is already where it belongs) and says where. */
  apply(): Placement;
  /** Stops following the screens; later `apply` calls leave the window alone. */
  dispose(): void;
}

const WINDOW_SIZE = { width: 1024, height: 768 };

/** A window on the right of the cashier's monitor, so it covers as little of the cashier's screen as it can. */
export function windowedBounds(workArea: Rect): Rect {
  const width = Math.min(WINDOW_SIZE.width, workArea.width);
  const height = Math.min(WINDOW_SIZE.height, workArea.height);
  return {
    x: workArea.x + workArea.width - width,
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

export function createDisplayPlacement(deps: {
  screen: ScreenLike;
  window: PlaceableWindow;
  choice: () => CustomerDisplayChoice;
  log: (line: string) => void;
}): DisplayPlacement {
  const { screen, window, log } = deps;
  let current: Placement | undefined;
  let disposed = false;

  function decide(): Placement {
    const primary = screen.getPrimaryDisplay();
    const decision = chooseCustomerDisplay(screen.getAllDisplays(), primary.id, deps.choice());
    if (decision.kind === 'fullscreen') {
      const { display, reason } = decision;
      return { kind: 'fullscreen', displayId: display.id, bounds: { ...display.bounds }, reason };
    }
    return { kind: 'window', bounds: windowedBounds(primary.workArea), reason: decision.reason };
  }

  function alreadyThere(next: Placement): boolean {
    if (current === undefined || current.kind !== next.kind) return false;
    // A window the person moved or resized stays where they put it.
    if (next.kind === 'window') return !window.isKiosk();
    return (
      current.kind === 'fullscreen' &&
      current.displayId === next.displayId &&
      sameRect(current.bounds, next.bounds) &&
      window.isKiosk()
    );
  }

  function place(next: Placement): void {
    if (next.kind === 'fullscreen') {
      if (window.isKiosk()) window.setKiosk(false);
      window.setBounds(next.bounds);
      window.setKiosk(true);
      // Nothing the cashier opens may cover what the customer is paying with.
      window.setAlwaysOnTop?.(true);
    } else {
      if (window.isKiosk()) window.setKiosk(false);
      window.setFullScreen(false);
      // On the cashier's own monitor it must not sit on top of the cashier's window.
      window.setAlwaysOnTop?.(false);
      window.setBounds(next.bounds);
    }
  }

  function apply(): Placement {
    if (disposed || window.isDestroyed()) return current ?? decide();
    const next = decide();
    if (alreadyThere(next)) return current ?? next;
    place(next);
    if (current?.reason !== next.reason || current.kind !== next.kind) {
      log(`customer display: ${next.kind === 'fullscreen' ? 'fullscreen' : 'window'}: ${next.reason}`);
    }
    current = next;
    return next;
  }

  const onScreenChange = () => {
    if (disposed) return;
    if (window.isDestroyed()) {
      dispose();
      return;
    }
    try {
      apply();
    } catch (error) {
      // A monitor event must never bring the kiosk down; the next event tries again.
      log(
        `customer display: could not place the window: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    for (const event of SCREEN_EVENTS) screen.removeListener(event, onScreenChange);
  }

  for (const event of SCREEN_EVENTS) screen.on(event, onScreenChange);
  return { apply, dispose };
}
