import { describe, expect, it } from 'vitest';
import {
  CASHIER_COMMANDS,
  CASHIER_EVENTS,
  COMMANDS_BY_ROLE,
  DISPLAY_COMMANDS,
  DISPLAY_EVENTS,
  MANAGER_COMMANDS,
} from '../../common/contract.ts';
import { COMMAND_SCHEMAS } from '../../common/contract-schemas.ts';
import { ALL_COMMANDS, commandChannel, eventChannel } from '../../common/ipc-channels.ts';

describe('IPC channel names', () => {
  it('lists every command of every role exactly once', () => {
    expect(new Set(ALL_COMMANDS).size).toBe(ALL_COMMANDS.length);
    expect([...ALL_COMMANDS].sort()).toEqual(
      [...CASHIER_COMMANDS, ...MANAGER_COMMANDS, ...DISPLAY_COMMANDS].sort(),
    );
    const byRole = new Set([...COMMANDS_BY_ROLE.cashier, ...COMMANDS_BY_ROLE.display]);
    expect(new Set(ALL_COMMANDS)).toEqual(byRole);
    // Every command has a schema, so the api can check what arrives on its channel.
    expect(Object.keys(COMMAND_SCHEMAS).sort()).toEqual([...ALL_COMMANDS].sort());
  });

  it('names command and event channels distinctly and one-to-one', () => {
    expect(commandChannel('sale.start')).toBe('kiosk:sale.start');
    expect(eventChannel('order')).toBe('kiosk-event:order');
    const commands = ALL_COMMANDS.map(commandChannel);
    const events = [...CASHIER_EVENTS, ...DISPLAY_EVENTS].map(eventChannel);
    expect(new Set(commands).size).toBe(commands.length);
    for (const channel of events) expect(commands).not.toContain(channel);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ALL_COMMANDS)).toBe(true);
  });
});
