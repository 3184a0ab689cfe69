/**
 * What the settings screen does with a refused manager command. The main process's words are
 * shown as they come (they carry details this screen cannot know: attempts left, the time a
 * lock-out ends); the code decides where they go and what happens next.
 */
import { ERROR_CODES, KioskCallError, type ErrorCode } from '../../../common/contract.ts';
import { noticeFromError, type Bilingual, type Notice } from '../../shared/errors.ts';
import { problemsBySlot, type ProblemsBySlot } from './settings-draft.ts';

export type ManagerFailure =
  /** The session ended (idle timeout, or locked elsewhere): back to the PIN, edits kept. */
  | { kind: 'locked'; notice: Notice }
  /** A PIN already exists (made meanwhile in another window): ask for it instead. */
  | { kind: 'pin-exists'; notice: Notice }
  /** Wrong PIN (the message says how many tries are left) or locked out for a while. */
  | { kind: 'pin'; code: 'pin-wrong' | 'pin-locked-out'; notice: Notice }
  /** Refused fields, to be shown next to each field. */
  | { kind: 'fields'; notice: Notice; bySlot: ProblemsBySlot }
  /** Anything else, shown where the command was given. */
  | { kind: 'notice'; code: ErrorCode | undefined; notice: Notice };

/** The code of a refusal, whether it crossed a WebSocket (a class) or Electron's bridge (a plain object). */
export function errorCode(error: unknown): ErrorCode | undefined {
  if (error instanceof KioskCallError) return error.code;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code } = error as Record<string, unknown>;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
    ? (code as ErrorCode)
    : undefined;
}

export function managerFailure(error: unknown, fallback: Bilingual): ManagerFailure {
  const notice = noticeFromError(error, fallback);
  const code = errorCode(error);
  switch (code) {
    case 'manager-locked':
      return { kind: 'locked', notice };
    case 'pin-exists':
      return { kind: 'pin-exists', notice };
    case 'pin-wrong':
    case 'pin-locked-out':
      return { kind: 'pin', code, notice };
    case 'settings-invalid':
      return { kind: 'fields', notice, bySlot: problemsBySlot(notice.problems) };
    default:
      return { kind: 'notice', code, notice };
  }
}
