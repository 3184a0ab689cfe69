/**
 * What every part of the stand-in shares: Electron's event objects, its own log lines, and the
 * type helper that holds each stand-in object to the real Electron 45 type it replaces.
 */
import type { EventEmitter } from 'node:events';
import type { Event as ElectronEvent } from 'electron';

/**
 * The members a stand-in has must have exactly the real member's type (they may be fewer).
 * `Deep` names members whose value is itself a stand-in (a window's webContents, a session),
 * checked against its own type separately. EventEmitter's methods are Node's on both sides;
 * Electron only narrows their overloads per event name.
 */
export type Shape<T, Deep extends keyof T = never> = Partial<Omit<T, keyof EventEmitter | Deep>>;

/** Electron's Event: preventDefault and defaultPrevented, plus the event's own fields. */
export function electronEvent<Params extends object = object>(
  params: Params = {} as Params,
): ElectronEvent<Params> {
  let prevented = false;
  const event = {
    preventDefault() {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
  return Object.defineProperties(event, Object.getOwnPropertyDescriptors(params)) as ElectronEvent<Params>;
}

/** The stand-in's own lines, on stderr so the shell's stdout stays its own. */
export function standInLog(line: string): void {
  process.stderr.write(`[electron-standin] ${line}\n`);
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
