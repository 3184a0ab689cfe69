/**
 * Errors a screen shows. A refusal from the main process arrives as a KioskCallError with words in
 * both languages; a lost connection is one too, so every caller handles a single error type.
 */
import {
  ERROR_CODES,
  KioskCallError,
  type ContractError,
  type ErrorCode,
  type FieldProblem,
} from '../../common/contract.ts';

export interface Bilingual {
  id: string;
  en: string;
}

/**
 * A call whose answer never came. `sent` false: it never left this screen, so trying again is
 * safe. `sent` true: the main process may have acted on it (a sale may have started), so the
 * screen must look before acting again; the snapshot after reconnecting shows what happened.
 */
export class KioskConnectionError extends KioskCallError {
  readonly sent: boolean;
  constructor(sent: boolean) {
    super({
      code: 'internal',
      message: sent
        ? {
            id: 'Koneksi ke kiosk terputus sebelum ada jawaban. Periksa daftar transaksi sebelum mencoba lagi.',
            en: 'The connection to the kiosk was lost before it answered. Check the transactions before trying again.',
          }
        : {
            id: 'Tidak terhubung ke kiosk. Perintah tidak dikirim.',
            en: 'Not connected to the kiosk. Nothing was sent.',
          },
    });
    this.name = 'KioskConnectionError';
    this.sent = sent;
  }
}

function isBilingual(value: unknown): value is Bilingual {
  if (typeof value !== 'object' || value === null) return false;
  const { id, en } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof en === 'string';
}

// The code and field are kept as sent: the screen matches them against the ones it knows and
// shows any other problem by its words alone.
function isProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { code, field, message } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof field === 'string' && isBilingual(message);
}

/** A ContractError from the wire, trusted only as far as its shape goes. */
export function toContractError(value: unknown): ContractError {
  if (typeof value === 'object' && value !== null) {
    const { code, message, problems } = value as Record<string, unknown>;
    if (
      typeof code === 'string' &&
      (ERROR_CODES as readonly string[]).includes(code) &&
      isBilingual(message)
    ) {
      const error: ContractError = { code: code as ErrorCode, message: { id: message.id, en: message.en } };
      if (Array.isArray(problems)) error.problems = problems.filter(isProblem);
      return error;
    }
  }
  return {
    code: 'internal',
    message: {
      id: 'Kiosk memberi jawaban yang tidak dapat dibaca.',
      en: 'The kiosk gave an answer this screen cannot read.',
    },
  };
}

/** What an error box shows: a message and, for refused input, one line per problem. */
export interface Notice {
  message: Bilingual | undefined;
  problems: FieldProblem[];
}

/**
 * Electron's contextBridge copies only an Error's message across worlds, so a preload may hand
 * over a plain object with the same fields: the shape is what counts, not the class.
 */
export function noticeFromError(error: unknown, fallback: Bilingual): Notice {
  if (error instanceof KioskCallError) return { message: error.bilingual, problems: error.problems };
  if (typeof error === 'object' && error !== null) {
    const { bilingual, problems } = error as Record<string, unknown>;
    if (isBilingual(bilingual)) {
      return { message: bilingual, problems: Array.isArray(problems) ? problems.filter(isProblem) : [] };
    }
  }
  return { message: fallback, problems: [] };
}
