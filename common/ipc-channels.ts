/**
 * Electron IPC channel names for the contract's commands and events. Main registers one handler
 * per command channel and the preloads invoke exactly these, so both sides take the names from
 * here. Commands and events get distinct prefixes: a listener can never be mistaken for a
 * handler, whatever names the contract adds later.
 */
import { CASHIER_COMMANDS, DISPLAY_COMMANDS, MANAGER_COMMANDS, type AnyCommand } from './contract.ts';

const COMMAND_PREFIX = 'kiosk:';
const EVENT_PREFIX = 'kiosk-event:';

export function commandChannel(command: AnyCommand): string {
  return `${COMMAND_PREFIX}${command}`;
}

export function eventChannel(event: string): string {
  return `${EVENT_PREFIX}${event}`;
}

/** Every command of every role, each once: the channels main answers on. */
export const ALL_COMMANDS: readonly AnyCommand[] = Object.freeze([
  ...new Set<AnyCommand>([...CASHIER_COMMANDS, ...MANAGER_COMMANDS, ...DISPLAY_COMMANDS]),
]);
