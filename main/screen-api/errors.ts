/**
 * Every failure a command can meet, turned into the contract's ContractError: a stable code the
 * screens choose their words by, and plain words in both languages for when they do not.
 */
import type { ZodError } from 'zod';
import type { ContractError, ErrorCode, FieldProblem } from '../../common/contract.ts';
import { CatalogueInputError } from '../catalogue/catalogue-service.ts';
import { EngineError, SaleInputError, type EngineErrorCode } from '../checkout/engine.ts';
import { ApprovalError, SaleBusyError, SaleNotOpenError, TillInputError } from '../sales/till.ts';
import { RefundError } from '../refunds/index.ts';
import { ReconcileError } from '../reconcile/index.ts';
import { DayError } from '../shifts/errors.ts';
import { EmulatorControlError } from '../emulator/index.ts';
import { HistoryNotFoundError, HistoryQueryError } from '../history/history-errors.ts';
import { MidtransError, type MidtransErrorCode } from '../midtrans/errors.ts';
import { PrintingRefusal } from '../printing/refusal.ts';
import { ERROR_WORDS, type Bilingual } from './error-words.ts';

export function contractError(
  code: ErrorCode,
  extra: { message?: Bilingual; problems?: FieldProblem[] } = {},
): ContractError {
  const error: ContractError = { code, message: extra.message ?? { ...ERROR_WORDS[code] } };
  if (extra.problems !== undefined) error.problems = extra.problems;
  return error;
}

/** Thrown by a command that refuses on its own terms; carried to the caller as it is. */
export class CommandRefusal extends Error {
  readonly error: ContractError;
  constructor(error: ContractError) {
    super(error.message.en);
    this.name = 'CommandRefusal';
    this.error = error;
  }
}

type Issue = ZodError['issues'][number];

function fieldsOf(issue: Issue): string[] {
  const base = issue.path.map(String);
  // A strict object reports stray keys on the object itself; the key is what the caller must fix.
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [...base, key].join('.'));
  return [base.length === 0 ? '(payload)' : base.join('.')];
}

/** Names the offending fields, so whoever wrote the screen sees at once what to fix. */
export function payloadError(issues: readonly Issue[]): ContractError {
  const fields = [...new Set(issues.flatMap(fieldsOf))].slice(0, 5);
  const details = issues
    .slice(0, 5)
    .map((issue) => `${fieldsOf(issue).join(', ')}: ${issue.message}`)
    .join('; ');
  return contractError('invalid-payload', {
    message: {
      id: `Data perintah tidak valid pada: ${fields.join(', ')}.`,
      en: `The command data is invalid (${details}).`,
    },
  });
}

/** A value the schema let through but the command still cannot use (an impossible date). */
export function fieldError(field: string, why: Bilingual): ContractError {
  return contractError('invalid-payload', {
    message: { id: `${field}: ${why.id}`, en: `${field}: ${why.en}` },
  });
}

const APPROVAL_WORDS = {
  wrong: {
    id: 'PIN manajer salah: diskon sebesar ini perlu PIN manajer yang benar.',
    en: 'Wrong manager PIN: a discount this large needs the right manager PIN.',
  },
  locked: {
    id: 'Terlalu banyak PIN salah: PIN manajer dikunci sementara. Coba lagi nanti.',
    en: 'Too many wrong PINs: the manager PIN is locked for a while. Try again later.',
  },
  'no-pin': {
    id: 'Belum ada PIN manajer: buat PIN di Pengaturan dulu untuk menyetujui diskon besar.',
    en: 'No manager PIN yet: create one in Settings first to approve large discounts.',
  },
} as const;

// One code for both; the words tell the cashier whether to wait for the QR or that it is over.
const SALE_BUSY_WORDS = {
  id: 'Pembayaran QR penjualan ini masih berjalan: tunggu sampai selesai, atau batalkan dulu.',
  en: "This sale's QR payment is still under way: wait for it to end, or cancel it first.",
} as const;
const SALE_ENDED_WORDS = {
  id: 'Penjualan ini sudah selesai (lunas atau dibatalkan), atau tidak ada di kasir ini.',
  en: 'This sale has already ended (paid or voided), or is not on this till.',
} as const;

const ENGINE_CODES: Record<EngineErrorCode, ErrorCode> = {
  'unknown-order': 'unknown-order',
  'order-final': 'order-final',
  'order-held': 'order-held',
  'other-environment': 'other-environment',
  'engine-stopped': 'kiosk-stopping',
  'invalid-order-id': 'invalid-payload',
};

function gatewayCode(code: MidtransErrorCode): ErrorCode {
  switch (code) {
    case 'network':
    case 'timeout':
    case 'connection-lost':
    case 'server-error':
    case 'in-progress':
      return 'gateway-unreachable';
    case 'unauthorized':
      return 'gateway-unauthorized';
    case 'rate-limited':
      return 'gateway-rate-limited';
    default:
      return 'gateway-error';
  }
}

// Midtrans server keys and the Basic credentials built from them, wherever an error quoted them.
const SECRET_PATTERNS = [/\b(?:SB-)?Mid-server-[A-Za-z0-9_-]+/g, /\bBasic\s+[A-Za-z0-9+/=]{8,}/gi];

function scrub(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, '[redacted]'), text);
}

/**
 * Only the name, message and stack are logged: an error object's other properties (an HTTP
 * library's request options, say) can carry headers with credentials.
 */
function logUnexpected(command: string, error: unknown): void {
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}\n${error.stack ?? ''}`
      : `non-error value of type ${typeof error}`;
  console.error(`kiosk api: ${command} failed unexpectedly: ${scrub(text)}`);
}

export function toContractError(error: unknown, command: string): ContractError {
  if (error instanceof CommandRefusal) return error.error;
  if (error instanceof SaleInputError) return contractError('sale-invalid', { problems: error.problems });
  if (error instanceof TillInputError) return contractError('sale-invalid', { problems: error.problems });
  if (error instanceof DayError) {
    return contractError(error.code, {
      message: error.words,
      ...(error.problems.length > 0 ? { problems: error.problems } : {}),
    });
  }
  if (error instanceof HistoryQueryError) {
    return contractError('history-query-invalid', { problems: error.problems });
  }
  if (error instanceof HistoryNotFoundError) return contractError('history-not-found');
  if (error instanceof CatalogueInputError) {
    return contractError('catalogue-invalid', { problems: error.problems });
  }
  if (error instanceof ApprovalError) {
    return contractError('discount-needs-approval', {
      ...(error.outcome === 'missing' ? {} : { message: APPROVAL_WORDS[error.outcome] }),
    });
  }
  if (error instanceof RefundError) {
    return contractError(error.code, {
      message: { ...error.words },
      ...(error.problems.length > 0 ? { problems: error.problems } : {}),
    });
  }
  if (error instanceof ReconcileError) return contractError(error.code, { message: { ...error.words } });
  if (error instanceof SaleBusyError) return contractError('sale-not-open', { message: SALE_BUSY_WORDS });
  if (error instanceof SaleNotOpenError) return contractError('sale-not-open', { message: SALE_ENDED_WORDS });
  if (error instanceof EngineError) {
    if (error.code === 'invalid-order-id') {
      return contractError('invalid-payload', {
        message: {
          id: 'Data perintah tidak valid pada: orderId.',
          en: 'The command data is invalid (orderId: not an order id).',
        },
      });
    }
    return contractError(ENGINE_CODES[error.code]);
  }
  if (error instanceof EmulatorControlError) {
    if (error.reason === 'not-found') return contractError('unknown-order');
    if (error.reason === 'invalid-state') return contractError('order-final');
    return contractError('invalid-payload');
  }
  if (error instanceof MidtransError) return contractError(gatewayCode(error.code));
  if (error instanceof PrintingRefusal)
    return contractError('printing-refused', { message: error.bilingual });
  logUnexpected(command, error);
  return contractError('internal');
}
