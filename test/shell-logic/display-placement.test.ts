import { describe, expect, it } from 'vitest';
import type { CustomerDisplayChoice } from '../../common/contract.ts';
import type { Rect, ScreenDisplay } from '../../main/shell-logic/display-choice.ts';
import {
  createDisplayPlacement,
  windowedBounds,
  type ScreenLike,
} from '../../main/shell-logic/display-placement.ts';
import { LEFT, PRIMARY, RIGHT } from './displays.ts';

type Call = ['kiosk', boolean] | ['fullscreen', boolean] | ['bounds', Rect] | ['top', boolean];

function fakeScreen(initial: ScreenDisplay[]) {
  let displays = [...initial];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  const screen: ScreenLike = {
    getAllDisplays: () => [...displays],
    getPrimaryDisplay: () => displays.find((d) => d.id === PRIMARY.id) ?? PRIMARY,
    on: (event, l) => {
      const set = listeners.get(event) ?? new Set();
      set.add(l);
      listeners.set(event, set);
    },
    removeListener: (event, l) => listeners.get(event)?.delete(l),
  };
  const emit = (event: string, display: ScreenDisplay) => {
    for (const l of listeners.get(event) ?? []) l({}, display);
  };
  return {
    screen,
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
    add(display: ScreenDisplay) {
      displays.push(display);
      emit('display-added', display);
    },
    remove(id: number) {
      const gone = displays.find((d) => d.id === id);
      displays = displays.filter((d) => d.id !== id);
      if (gone) emit('display-removed', gone);
    },
    resize(id: number, bounds: Rect) {
      displays = displays.map((d) => (d.id === id ? { ...d, bounds, workArea: bounds } : d));
      const changed = displays.find((d) => d.id === id);
      if (changed) emit('display-metrics-changed', changed);
    },
  };
}

function fakeWindow() {
  const calls: Call[] = [];
  const state = {
    kiosk: false,
    fullscreen: false,
    destroyed: false,
    bounds: undefined as Rect | undefined,
    top: false,
  };
  const window = {
    setKiosk: (f: boolean) => {
      calls.push(['kiosk', f]);
      state.kiosk = f;
      state.fullscreen = f;
    },
    isKiosk: () => state.kiosk,
    setFullScreen: (f: boolean) => {
      calls.push(['fullscreen', f]);
      state.fullscreen = f;
    },
    setBounds: (b: Rect) => {
      calls.push(['bounds', b]);
      state.bounds = b;
    },
    isDestroyed: () => state.destroyed,
    setAlwaysOnTop: (f: boolean) => {
      calls.push(['top', f]);
      state.top = f;
    },
  };
  return { window, calls, state };
}

function setup(displays: ScreenDisplay[], choice: CustomerDisplayChoice = { kind: 'auto' }) {
  const screen = fakeScreen(displays);
  const win = fakeWindow();
  const lines: string[] = [];
  let current = choice;
  const placement = createDisplayPlacement({
    screen: screen.screen,
    window: win.window,
    choice: () => current,
    log: (line) => lines.push(line),
  });
  return { ...screen, ...win, placement, lines, choose: (c: CustomerDisplayChoice) => (current = c) };
}

describe('display placement', () => {
  it('puts the window in kiosk mode on the other display, moving it there first', () => {
    const rig = setup([PRIMARY, RIGHT]);
    const placed = rig.placement.apply();
    expect(placed).toMatchObject({ kind: 'fullscreen', displayId: 2, bounds: RIGHT.bounds });
    // Leave nothing, move, then kiosk: entering kiosk before the move lands on the wrong monitor.
    expect(rig.calls).toEqual([
      ['bounds', RIGHT.bounds],
      ['kiosk', true],
      ['top', true],
    ]);
    expect(rig.lines).toHaveLength(1);
    expect(rig.lines[0]).toContain('fullscreen');
  });

  it('is a windowed window on the primary’s work area when there is one display', () => {
    const rig = setup([PRIMARY]);
    const placed = rig.placement.apply();
    expect(placed.kind).toBe('window');
    expect(rig.state.kiosk).toBe(false);
    const bounds = rig.state.bounds;
    expect(bounds).toEqual(windowedBounds(PRIMARY.workArea));
    if (bounds === undefined) throw new Error('no bounds');
    expect(bounds.x).toBeGreaterThanOrEqual(PRIMARY.workArea.x);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(PRIMARY.workArea.x + PRIMARY.workArea.width);
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(PRIMARY.workArea.y + PRIMARY.workArea.height);
    expect(rig.state.top).toBe(false);
  });

  it('follows a display being plugged in and unplugged', () => {
    const rig = setup([PRIMARY]);
    rig.placement.apply();
    rig.calls.length = 0;

    rig.add(RIGHT);
    expect(rig.state.kiosk).toBe(true);
    expect(rig.state.bounds).toEqual(RIGHT.bounds);

    rig.calls.length = 0;
    rig.remove(RIGHT.id);
    expect(rig.state.kiosk).toBe(false);
    expect(rig.state.fullscreen).toBe(false);
    expect(rig.state.bounds).toEqual(windowedBounds(PRIMARY.workArea));
    // Kiosk is left before the window is resized, or the resize is ignored.
    expect(rig.calls[0]).toEqual(['kiosk', false]);
    expect(rig.lines).toHaveLength(3);
  });

  it('moves from a chosen display that disappears and back when it returns', () => {
    const rig = setup([PRIMARY, RIGHT, LEFT], {
      kind: 'display',
      displayId: RIGHT.id,
      label: 'Customer LCD',
    });
    expect(rig.placement.apply()).toMatchObject({ kind: 'fullscreen', displayId: RIGHT.id });
    rig.remove(RIGHT.id);
    expect(rig.state.bounds).toEqual(LEFT.bounds);
    expect(rig.state.kiosk).toBe(true);
    rig.add(RIGHT);
    expect(rig.state.bounds).toEqual(RIGHT.bounds);
    // Out of kiosk on the old display, moved, into kiosk on the new one.
    expect(rig.calls.slice(-4)).toEqual([
      ['kiosk', false],
      ['bounds', RIGHT.bounds],
      ['kiosk', true],
      ['top', true],
    ]);
  });

  it('follows a change of resolution on its display', () => {
    const rig = setup([PRIMARY, RIGHT]);
    rig.placement.apply();
    const bigger = { x: 1920, y: 0, width: 1920, height: 1080 };
    rig.resize(RIGHT.id, bigger);
    expect(rig.state.bounds).toEqual(bigger);
    expect(rig.state.kiosk).toBe(true);
  });

  it('follows a change of settings when applied again', () => {
    const rig = setup([PRIMARY, RIGHT]);
    rig.placement.apply();
    rig.choose({ kind: 'window' });
    expect(rig.placement.apply().kind).toBe('window');
    expect(rig.state.kiosk).toBe(false);
    rig.choose({ kind: 'auto' });
    expect(rig.placement.apply().kind).toBe('fullscreen');
    expect(rig.state.kiosk).toBe(true);
  });

  it('does nothing when applied again with nothing changed', () => {
    const rig = setup([PRIMARY, RIGHT]);
    rig.placement.apply();
    const before = rig.calls.length;
    rig.placement.apply();
    rig.resize(PRIMARY.id, PRIMARY.bounds);
    expect(rig.calls.length).toBe(before);
    expect(rig.lines).toHaveLength(1);
  });

  it('leaves a window the person moved where they put it', () => {
    const rig = setup([PRIMARY], { kind: 'window' });
    rig.placement.apply();
    const before = rig.calls.length;
    rig.resize(PRIMARY.id, { x: 0, y: 0, width: 1920, height: 1000 });
    expect(rig.calls.length).toBe(before);
  });

  it('re-enters kiosk mode if something took the window out of it', () => {
    const rig = setup([PRIMARY, RIGHT]);
    rig.placement.apply();
    rig.state.kiosk = false;
    rig.placement.apply();
    expect(rig.state.kiosk).toBe(true);
  });

  it('stops following the screens after dispose', () => {
    const rig = setup([PRIMARY]);
    rig.placement.apply();
    expect(rig.count()).toBe(3);
    rig.placement.dispose();
    expect(rig.count()).toBe(0);
    const before = rig.calls.length;
    rig.add(RIGHT);
    rig.placement.apply();
    expect(rig.calls.length).toBe(before);
  });

  it('leaves a destroyed window alone and stops listening', () => {
    const rig = setup([PRIMARY]);
    rig.placement.apply();
    rig.state.destroyed = true;
    const before = rig.calls.length;
    rig.add(RIGHT);
    expect(rig.calls.length).toBe(before);
    expect(rig.count()).toBe(0);
    expect(rig.placement.apply().kind).toBe('window');
    expect(rig.calls.length).toBe(before);
  });

  it('survives a window that throws during a screen event', () => {
    const rig = setup([PRIMARY]);
    rig.placement.apply();
    rig.window.setKiosk = () => {
      throw new Error('window is closing');
    };
    expect(() => rig.add(RIGHT)).not.toThrow();
    expect(rig.lines.at(-1)).toContain('window is closing');
  });
});
