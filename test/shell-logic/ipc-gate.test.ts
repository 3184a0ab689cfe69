import { afterEach, describe, expect, it } from 'vitest';
import { ALL_COMMANDS, commandChannel } from '../../common/ipc-channels.ts';
import type { AnyCommand, CashierSnapshot, Role } from '../../common/contract.ts';
import type { CallOutcome } from '../../main/screen-api/kiosk-api.ts';
import { createIpcGate, registerIpcHandlers, type IpcEventLike } from '../../main/shell-logic/ipc-gate.ts';
import { closeRigs, openRig } from '../screen-api/rig.ts';

afterEach(async () => {
  await closeRigs();
});

const CASHIER_WINDOW = 11;
const DISPLAY_WINDOW = 22;
const WINDOWS: Record<number, Role> = { [CASHIER_WINDOW]: 'cashier', [DISPLAY_WINDOW]: 'display' };

function event(senderId: number, url: string | null, parent: unknown = null): IpcEventLike {
  return { sender: { id: senderId }, senderFrame: url === null ? null : { url, parent } };
}

function recordingGate() {
  const calls: Array<{ role: Role; command: string; payload: unknown }> = [];
  const lines: string[] = [];
  const gate = createIpcGate({
    api: {
      async call(role, command, payload) {
        calls.push({ role, command, payload });
        return { ok: true, value: { echoed: command } };
      },
    },
    roleOf: (id) => WINDOWS[id],
    log: (line) => lines.push(line),
  });
  return { gate, calls, lines };
}

function expectRefused(outcome: CallOutcome, code = 'unknown-command'): void {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.error.code).toBe(code);
  expect(outcome.error.message.id.length).toBeGreaterThan(10);
  expect(outcome.error.message.en.length).toBeGreaterThan(10);
}

describe('the IPC gate', () => {
  it('passes a good call to the api as the window’s role, with its one payload', async () => {
    const { gate, calls } = recordingGate();
    const payload = { paymentType: 'qris', amount: 44000 };
    const outcome = await gate.handle('sale.start', event(CASHIER_WINDOW, 'app://kiosk/cashier/'), [payload]);
    expect(outcome).toEqual({ ok: true, value: { echoed: 'sale.start' } });
    expect(calls).toEqual([{ role: 'cashier', command: 'sale.start', payload }]);

    await gate.handle('display.snapshot', event(DISPLAY_WINDOW, 'app://kiosk/display/index.html'), [{}]);
    await gate.handle('manager.status', event(CASHIER_WINDOW, 'app://kiosk/cashier/?x=1'), [{}]);
    expect(calls.slice(1)).toEqual([
      { role: 'display', command: 'display.snapshot', payload: {} },
      { role: 'cashier', command: 'manager.status', payload: {} },
    ]);
  });

  const refusals: Array<[string, AnyCommand, IpcEventLike, unknown[], string?]> = [
    ['a null frame', 'kiosk.snapshot', event(CASHIER_WINDOW, null), [{}]],
    [
      'a sub-frame of the app',
      'kiosk.snapshot',
      event(CASHIER_WINDOW, 'app://kiosk/cashier/', { url: 'app://kiosk/cashier/' }),
      [{}],
    ],
    [
      'a foreign https origin',
      'kiosk.snapshot',
      event(CASHIER_WINDOW, 'https://evil.example/cashier/'),
      [{}],
    ],
    ['a file: page', 'kiosk.snapshot', event(CASHIER_WINDOW, 'file:///app/cashier/index.html'), [{}]],
    ['another app host', 'kiosk.snapshot', event(CASHIER_WINDOW, 'app://other/cashier/'), [{}]],
    ['a look-alike host', 'kiosk.snapshot', event(CASHIER_WINDOW, 'app://kiosk.evil/cashier/'), [{}]],
    ['an app asset, not a page', 'kiosk.snapshot', event(CASHIER_WINDOW, 'app://kiosk/assets/app.js'), [{}]],
    ['about:blank', 'kiosk.snapshot', event(CASHIER_WINDOW, 'about:blank'), [{}]],
    [
      'the display window sending sale.start',
      'sale.start',
      event(DISPLAY_WINDOW, 'app://kiosk/display/'),
      [{ paymentType: 'qris', amount: 1000 }],
    ],
    [
      'the display window sending a manager command',
      'manager.unlock',
      event(DISPLAY_WINDOW, 'app://kiosk/display/'),
      [{ pin: '1234' }],
    ],
    [
      'the cashier window sending display.snapshot',
      'display.snapshot',
      event(CASHIER_WINDOW, 'app://kiosk/cashier/'),
      [{}],
    ],
    [
      'a cashier page in the display window',
      'sale.start',
      event(DISPLAY_WINDOW, 'app://kiosk/cashier/'),
      [{ paymentType: 'qris', amount: 1000 }],
    ],
    [
      'a display page in the cashier window',
      'display.snapshot',
      event(CASHIER_WINDOW, 'app://kiosk/display/'),
      [{}],
    ],
    ['a window that is not the kiosk’s', 'kiosk.snapshot', event(99, 'app://kiosk/cashier/'), [{}]],
    [
      'two arguments',
      'sale.cancel',
      event(CASHIER_WINDOW, 'app://kiosk/cashier/'),
      [{ orderId: 'A' }, { orderId: 'B' }],
      'invalid-payload',
    ],
    ['no argument', 'kiosk.snapshot', event(CASHIER_WINDOW, 'app://kiosk/cashier/'), [], 'invalid-payload'],
  ];

  it.each(refusals)('refuses %s without calling the api', async (_name, command, ipcEvent, args, code) => {
    const { gate, calls, lines } = recordingGate();
    expectRefused(await gate.handle(command, ipcEvent, args), code);
    expect(calls).toEqual([]);
    expect(lines).toHaveLength(1);
  });

  it('refuses a name that is no command at all', async () => {
    const { gate, calls } = recordingGate();
    expectRefused(
      await gate.handle('sale.steal' as AnyCommand, event(CASHIER_WINDOW, 'app://kiosk/cashier/'), [{}]),
    );
    expect(calls).toEqual([]);
  });

  it('never throws, even when the sender cannot be read', async () => {
    const { gate, calls } = recordingGate();
    const disposed = {
      sender: { id: CASHIER_WINDOW },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expectRefused(await gate.handle('kiosk.snapshot', disposed, [{}]));
    expect(calls).toEqual([]);
  });

  it('answers internal when the api throws after all', async () => {
    const gate = createIpcGate({
      api: {
        call: () => Promise.reject(new Error('Mid-server-SECRET exploded')),
      },
      roleOf: () => 'cashier',
      log: () => {},
    });
    const outcome = await gate.handle('kiosk.snapshot', event(1, 'app://kiosk/cashier/'), [{}]);
    expectRefused(outcome, 'internal');
    expect(JSON.stringify(outcome)).not.toContain('SECRET');
  });

  it('logs each refusal once, with the origin only', async () => {
    const { gate, lines } = recordingGate();
    for (let i = 0; i < 10; i += 1) {
      await gate.handle('kiosk.snapshot', event(CASHIER_WINDOW, 'https://evil.example/steal?token=abc#x'), [
        {},
      ]);
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('https://evil.example');
    expect(lines[0]).toContain('kiosk.snapshot');
    expect(lines[0]).not.toMatch(/steal|token|abc/);
  });

  it('hands each refusal its own error object', async () => {
    const { gate } = recordingGate();
    const a = await gate.handle('sale.start', event(DISPLAY_WINDOW, 'app://kiosk/display/'), [{}]);
    if (a.ok) throw new Error('expected a refusal');
    a.error.message.en = 'changed by a caller';
    const b = await gate.handle('sale.start', event(DISPLAY_WINDOW, 'app://kiosk/display/'), [{}]);
    if (b.ok) throw new Error('expected a refusal');
    expect(b.error.message.en).not.toBe('changed by a caller');
  });
});

describe('the IPC gate over the real kiosk api', () => {
  it('lets a good call through and has a bad payload refused by the contract’s schemas', async () => {
    const rig = await openRig();
    const gate = createIpcGate({ api: rig.api, roleOf: (id) => WINDOWS[id], log: () => {} });
    const cashier = event(CASHIER_WINDOW, 'app://kiosk/cashier/');

    const snapshot = await gate.handle('kiosk.snapshot', cashier, [{}]);
    expect(snapshot.ok).toBe(true);
    expect((snapshot as { value: CashierSnapshot }).value.settings.mode).toBe('training');

    for (const [command, payload] of [
      ['sale.cancel', { orderId: 5 }],
      ['sale.cancel', { orderId: 'A', extra: true }],
      ['kiosk.snapshot', { unexpected: 1 }],
      ['history.page', { limit: 'all' }],
      ['sale.simulate', { orderId: 'A', outcome: 'steal' }],
      ['sale.start', null],
      ['sale.start', 'qris 44000'],
    ] as const) {
      const outcome = await gate.handle(command, cashier, [payload]);
      expectRefused(outcome, 'invalid-payload');
    }
    expect(rig.services.engine.history({ limit: 10 }).orders).toHaveLength(0);

    const display = event(DISPLAY_WINDOW, 'app://kiosk/display/');
    expect((await gate.handle('display.snapshot', display, [{}])).ok).toBe(true);
    expectRefused(await gate.handle('sale.start', display, [{ paymentType: 'qris', amount: 1000 }]));
    expect(rig.services.engine.history({ limit: 10 }).orders).toHaveLength(0);
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per command channel, each going through the gate', async () => {
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
    const seen: Array<{ command: AnyCommand; args: unknown[] }> = [];
    registerIpcHandlers(
      {
        handle(channel, fn) {
          expect(handlers.has(channel), channel).toBe(false);
          handlers.set(channel, fn);
        },
      },
      {
        async handle(command, _event, args) {
          seen.push({ command, args });
          return { ok: true, value: null };
        },
      },
    );
    expect([...handlers.keys()].sort()).toEqual(ALL_COMMANDS.map(commandChannel).sort());
    for (const command of ALL_COMMANDS) {
      const fn = handlers.get(commandChannel(command));
      await fn?.(event(CASHIER_WINDOW, 'app://kiosk/cashier/'), { n: command }, 'extra');
    }
    expect(seen).toEqual(ALL_COMMANDS.map((command) => ({ command, args: [{ n: command }, 'extra'] })));
  });
});
