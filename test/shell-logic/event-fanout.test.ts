import { describe, expect, it } from 'vitest';
import type { Role } from '../../common/contract.ts';
import { createEventFanout } from '../../main/shell-logic/ipc-gate.ts';

function fakeApi() {
  const listeners = new Map<Role, Set<(name: string, payload: unknown) => void>>();
  return {
    api: {
      subscribe(role: Role, listener: (name: string, payload: unknown) => void) {
        const set = listeners.get(role) ?? new Set();
        set.add(listener);
        listeners.set(role, set);
        return () => set.delete(listener);
      },
    },
    publish(role: Role, name: string, payload: unknown) {
      for (const listener of listeners.get(role) ?? []) listener(name, payload);
    },
    count: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
}

function fakeWindow() {
  const sent: Array<[string, unknown]> = [];
  const state = { destroyed: false, throws: false };
  return {
    sent,
    state,
    target: {
      isDestroyed: () => state.destroyed,
      send(channel: string, payload: unknown) {
        if (state.throws) throw new Error('Object has been destroyed');
        sent.push([channel, payload]);
      },
    },
  };
}

describe('event fan-out', () => {
  it('sends each role’s events only to that role’s windows', () => {
    const api = fakeApi();
    const cashier = fakeWindow();
    const display = fakeWindow();
    createEventFanout({
      api: api.api,
      targets: (role) => (role === 'cashier' ? [cashier.target] : [display.target]),
    });
    api.publish('cashier', 'order', { order: 1 });
    api.publish('cashier', 'health', { health: 'ok' });
    api.publish('display', 'display', { seq: 1 });
    expect(cashier.sent).toEqual([
      ['kiosk-event:order', { order: 1 }],
      ['kiosk-event:health', { health: 'ok' }],
    ]);
    expect(display.sent).toEqual([['kiosk-event:display', { seq: 1 }]]);
  });

  it('drops an event that is not the role’s, should the api ever send one', () => {
    const api = fakeApi();
    const display = fakeWindow();
    createEventFanout({ api: api.api, targets: () => [display.target] });
    api.publish('display', 'order', { secret: true });
    api.publish('display', 'settings', {});
    expect(display.sent).toEqual([]);
  });

  it('skips destroyed windows and survives one that throws', () => {
    const api = fakeApi();
    const gone = fakeWindow();
    const closing = fakeWindow();
    const alive = fakeWindow();
    gone.state.destroyed = true;
    closing.state.throws = true;
    createEventFanout({ api: api.api, targets: () => [gone.target, closing.target, alive.target] });
    expect(() => api.publish('cashier', 'settings', { language: 'en' })).not.toThrow();
    expect(gone.sent).toEqual([]);
    expect(alive.sent).toEqual([['kiosk-event:settings', { language: 'en' }]]);
  });

  it('asks for the windows at each event, so new windows get the next one', () => {
    const api = fakeApi();
    const windows: ReturnType<typeof fakeWindow>[] = [];
    createEventFanout({ api: api.api, targets: () => windows.map((w) => w.target) });
    api.publish('display', 'display', { seq: 1 });
    windows.push(fakeWindow());
    api.publish('display', 'display', { seq: 2 });
    expect(windows[0]?.sent).toEqual([['kiosk-event:display', { seq: 2 }]]);
  });

  it('unsubscribes from both roles', () => {
    const api = fakeApi();
    const win = fakeWindow();
    const off = createEventFanout({ api: api.api, targets: () => [win.target] });
    expect(api.count()).toBe(2);
    off();
    off();
    expect(api.count()).toBe(0);
    api.publish('cashier', 'order', {});
    expect(win.sent).toEqual([]);
  });
});
