import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PAYMENT_TYPES, QRIS_ACQUIRERS } from '../../common/midtrans-limits.ts';
import type { LedgerState, OrderRecord, RefundRecord } from './ledger.ts';
import type { TransactionStatus } from './types.ts';

/**
 * The on-disk form of the emulator's ledger (option `ledgerFile`): one JSON document holding
 * every stored row. It is read once at start and refused loudly when it is not exactly what
 * this code writes, because an emulator that silently started empty would answer 404 for
 * orders a trainee may already have "paid".
 */

export const LEDGER_FILE_FORMAT = 'midtrans-emulator-ledger';
/** Bump when the stored shape changes; a file of another version is refused, not guessed at. */
export const LEDGER_FILE_VERSION = 1;

export interface LedgerFileContents {
  ledger: LedgerState;
  /** How far the emulator's own clock had been moved ahead; null when the caller supplied the clock. */
  clockAdvancedMs: number | null;
}

export class LedgerFileError extends Error {
  readonly file: string;
  constructor(file: string, problem: string, options?: ErrorOptions) {
    super(`Emulator ledger file ${JSON.stringify(file)} ${problem}`, options);
    this.name = 'LedgerFileError';
    this.file = file;
  }
}

const LEFT_UNTOUCHED =
  'The emulator did not start and left the file as it is; move it aside to start with an empty ledger.';

/** An error for a ledger file whose content cannot be trusted. */
export function corruptLedgerFile(file: string, problem: string, cause?: unknown): LedgerFileError {
  return new LedgerFileError(
    file,
    `${problem}. ${LEFT_UNTOUCHED}`,
    cause === undefined ? undefined : { cause },
  );
}

// A Record forces this list to name every status, so a new one cannot be forgotten here.
const STATUS_NAMES: Record<TransactionStatus, true> = {
  pending: true,
  settlement: true,
  expire: true,
  cancel: true,
  deny: true,
  refund: true,
  partial_refund: true,
  chargeback: true,
  partial_chargeback: true,
};
const TRANSACTION_STATUSES = Object.keys(STATUS_NAMES) as [TransactionStatus, ...TransactionStatus[]];

// Times are not integers when the clock was advanced by a fractional amount.
const timeMs = z.number();
const rupiah = z.int().positive();
const jsonObject = z.record(z.string(), z.unknown());

const refundSchema = z.strictObject({
  // Files written before chargebacks existed hold refunds only.
  kind: z.enum(['refund', 'chargeback']).default('refund'),
  refundChargebackId: z.int().positive(),
  refundChargebackUuid: z.string().min(1),
  refundKey: z.string().min(1),
  amount: rupiah,
  reason: z.string().nullable(),
  createdAtMs: timeMs,
  answer: jsonObject.nullable(),
}) satisfies z.ZodType<RefundRecord>;

const orderSchema = z.strictObject({
  orderId: z.string().min(1),
  transactionId: z.string().min(1),
  paymentType: z.enum(PAYMENT_TYPES),
  reportedPaymentType: z.enum(PAYMENT_TYPES),
  status: z.enum(TRANSACTION_STATUSES),
  grossAmount: rupiah,
  transactionTimeMs: timeMs,
  expiryTimeMs: timeMs,
  settlementTimeMs: timeMs.nullable(),
  statusChangedAtMs: timeMs,
  acquirer: z.enum(QRIS_ACQUIRERS).nullable(),
  issuer: z.string().nullable(),
  transactionType: z.enum(['on-us', 'off-us']).nullable(),
  merchantCrossReferenceId: z.string().nullable(),
  paymentOptionType: z.string().nullable(),
  // Files written before held payments existed had none: accept.
  fraudStatus: z.enum(['accept', 'challenge', 'deny']).default('accept'),
  qrString: z.string().min(1),
  extras: jsonObject,
  refunds: z.array(refundSchema),
}) satisfies z.ZodType<OrderRecord>;

const fileSchema = z.strictObject({
  format: z.literal(LEDGER_FILE_FORMAT),
  version: z.literal(LEDGER_FILE_VERSION),
  /** Emulator-clock time of the write; for people reading the file. */
  savedAtMs: timeMs,
  clockAdvancedMs: z.number().nonnegative().nullable(),
  nextChargebackId: z.int().positive(),
  orders: z.array(orderSchema),
});

export function encodeLedgerFile(contents: LedgerFileContents, savedAtMs: number): string {
  const file: z.input<typeof fileSchema> = {
    format: LEDGER_FILE_FORMAT,
    version: LEDGER_FILE_VERSION,
    savedAtMs,
    clockAdvancedMs: contents.clockAdvancedMs,
    nextChargebackId: contents.ledger.nextChargebackId,
    orders: contents.ledger.orders,
  };
  return `${JSON.stringify(file)}\n`;
}

/** The stored ledger, or null when the file does not exist. Throws LedgerFileError otherwise. */
export function readLedgerFile(file: string): LedgerFileContents | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LedgerFileError(file, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
  return decodeLedgerFile(file, text);
}

export function decodeLedgerFile(file: string, text: string): LedgerFileContents {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corruptLedgerFile(file, `is not valid JSON (${(error as Error).message})`, error);
  }
  // Checked before the shape, so that a file from another version gets the error that explains it.
  if (
    typeof json !== 'object' ||
    json === null ||
    !('format' in json) ||
    json.format !== LEDGER_FILE_FORMAT
  ) {
    throw corruptLedgerFile(file, `is not an emulator ledger (it lacks "format": "${LEDGER_FILE_FORMAT}")`);
  }
  const version = 'version' in json ? json.version : undefined;
  if (version !== LEDGER_FILE_VERSION) {
    const found = version === undefined ? 'has no version' : `has version ${JSON.stringify(version)}`;
    throw corruptLedgerFile(file, `${found}; this emulator reads only version ${LEDGER_FILE_VERSION}`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw corruptLedgerFile(file, `is corrupt: ${describeIssues(parsed.error)}`);
  const { orders, nextChargebackId, clockAdvancedMs } = parsed.data;
  return { ledger: { orders, nextChargebackId }, clockAdvancedMs };
}

const ISSUES_SHOWN = 3;

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, ISSUES_SHOWN).map((issue) => {
    const where = issue.path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
      .join('');
    return `${where || '(top level)'}: ${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}
