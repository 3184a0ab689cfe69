/**
 * The one wrapper every IPC command passes through. Before the api sees a call it checks who sent
 * it: a live main frame (not an iframe), showing one of the app's own pages, in a window that was
 * opened as that page's role, asking for a command that role has. Only then is the single payload
 * handed to the api, which checks it against the contract's schemas.
 *
 * A refusal is an answer, never an exception: Electron would pass only an exception's message to
 * the page, and the screens read a code.
 */
import { COMMANDS_BY_ROLE, type AnyCommand, type ContractError, type Role } from '../../common/contract.ts';
import { ALL_COMMANDS, commandChannel } from '../../common/ipc-channels.ts';
import type { CallOutcome, KioskApi } from '../screen-api/kiosk-api.ts';
import { logOrigin, roleOfPageUrl } from './app-origin.ts';
import { onceLog } from './log-once.ts';

export { createEventFanout, type EventTarget } from './event-fanout.ts';

/** The part of Electron's IpcMainInvokeEvent checked here; a real event satisfies it. */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown | null } | null;
}

export interface IpcGate {
  handle(command: AnyCommand, event: IpcEventLike, args: unknown[]): Promise<CallOutcome>;
}

const NOT_THIS_WINDOW: ContractError = {
  code: 'unknown-command',
  message: {
    id: 'Jendela ini tidak boleh mengirim perintah ini.',
    en: 'This window may not send this command.',
  },
};

const ONE_PAYLOAD: ContractError = {
  code: 'invalid-payload',
  message: {
    id: 'Perintah harus membawa tepat satu data.',
    en: 'A command must carry exactly one payload.',
  },
};

const INTERNAL: ContractError = {
  code: 'internal',
  message: {
    id: 'Terjadi kesalahan di kiosk. Coba lagi.',
    en: 'Something went wrong in the kiosk. Try again.',
  },
};

type Verdict = { role: Role } | { reason: string; url: string | undefined; error: ContractError };

function copy(error: ContractError): ContractError {
  return { code: error.code, message: { ...error.message } };
}

function check(
  command: AnyCommand,
  event: IpcEventLike,
  args: readonly unknown[],
  roleOf: (id: number) => Role | undefined,
): Verdict {
  const frame = event.senderFrame;
  // Null when the frame navigated away or was destroyed while the call was in flight.
  if (frame === null) return { reason: 'no sending frame', url: undefined, error: NOT_THIS_WINDOW };
  const url = frame.url;
  if (frame.parent !== null) return { reason: 'sent from a sub-frame', url, error: NOT_THIS_WINDOW };
  const pageRole = roleOfPageUrl(url);
  if (pageRole === undefined) return { reason: 'not an app page', url, error: NOT_THIS_WINDOW };
  const windowRole = roleOf(event.sender.id);
  if (windowRole === undefined) return { reason: 'not a kiosk window', url, error: NOT_THIS_WINDOW };
  if (windowRole !== pageRole) {
    return { reason: `a ${pageRole} page in the ${windowRole} window`, url, error: NOT_THIS_WINDOW };
  }
  if (!COMMANDS_BY_ROLE[windowRole].includes(command)) {
    return { reason: `not a ${windowRole} command`, url, error: NOT_THIS_WINDOW };
  }
  if (args.length !== 1)
    return { reason: `${args.length} arguments instead of one`, url, error: ONE_PAYLOAD };
  return { role: windowRole };
}

export function createIpcGate(deps: {
  api: Pick<KioskApi, 'call'>;
  roleOf(webContentsId: number): Role | undefined;
  log(line: string): void;
}): IpcGate {
  const note = onceLog(deps.log);
  const refuse = (command: string, reason: string, url: string | undefined, error: ContractError) => {
    const from = url === undefined ? '(no frame)' : logOrigin(url);
    // Only the origin: a page's path or query could carry anything.
    note(`${reason}|${command}|${from}`, `ipc: refused ${command} from ${from}: ${reason}`);
    return { ok: false as const, error: copy(error) };
  };

  return {
    async handle(command, event, args) {
      const name = String(command).slice(0, 100);
      let verdict: Verdict;
      try {
        verdict = check(command, event, args, deps.roleOf);
      } catch {
        // Reading a disposed frame throws in Electron: the sender is gone, nothing to answer.
        return refuse(name, 'the sender could not be read', undefined, NOT_THIS_WINDOW);
      }
      if (!('role' in verdict)) return refuse(name, verdict.reason, verdict.url, verdict.error);
      try {
        return await deps.api.call(verdict.role, command, args[0]);
      } catch {
        // The api promises never to throw; should it, the page still gets an answer it can read.
        return { ok: false, error: copy(INTERNAL) };
      }
    },
  };
}

/** The part of Electron's ipcMain used here; the real ipcMain satisfies it. */
export interface IpcMainLike {
  handle(channel: string, fn: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/** One handler per command channel of every role; the gate decides who may use which. */
export function registerIpcHandlers(ipcMain: IpcMainLike, gate: IpcGate): void {
  for (const command of ALL_COMMANDS) {
    ipcMain.handle(commandChannel(command), (event, ...args) => gate.handle(command, event, args));
  }
}
