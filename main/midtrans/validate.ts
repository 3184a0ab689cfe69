/**
 * Checks every request before it leaves the till. A bad amount or order_id must fail here, with a
 * specific reason, rather than as a gateway 400 (or worse, a half-journaled order).
 */
import { z } from 'zod';
import { MidtransRequestError, type InvalidInputReason, type MidtransOperation } from './errors.ts';
import {
  EXPIRY_UNIT_SECONDS,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  ITEM_NAME_MAX_LENGTH,
  MAX_AMOUNT,
  MAX_EXPIRY_SECONDS,
  MAX_EXPIRY_SECONDS_SHOPEE,
  MIN_AMOUNT,
  MIN_EXPIRY_SECONDS,
  ORDER_ID_MAX_LENGTH,
  ORDER_ID_PATTERN,
  PAYMENT_TYPES,
  QRIS_ACQUIRERS,
  REFUND_KEY_MAX_LENGTH,
  REFUND_KEY_PATTERN,
  REFUND_REASON_MAX_LENGTH,
  type ExpiryUnit,
  type PaymentType,
  type QrisAcquirer,
} from '../../common/midtrans-limits.ts';

export interface ChargeItem {
  id?: string;
  name: string;
  /** Whole rupiah; negative for a discount line. */
  price: number;
  quantity: number;
}

export interface ChargeRequest {
  paymentType: PaymentType;
  orderId: string;
  /** Whole rupiah. */
  grossAmount: number;
  items?: readonly ChargeItem[];
  customer?: { firstName?: string; lastName?: string; email?: string; phone?: string };
  /** Gateway-side expiry; the kiosk's own shorter timeout is enforced with Cancel/Expire. */
  expiry?: { duration: number; unit?: ExpiryUnit; orderTime?: number };
  qrisAcquirer?: QrisAcquirer;
}

export interface RefundRequest {
  refundKey?: string;
  /** Whole rupiah; absent means the full remaining amount. */
  amount?: number;
  reason?: string;
}

type Issue = { field: string; reason: InvalidInputReason; message: string };
const REASON = Symbol('reason');

function fail(
  ctx: z.RefinementCtx,
  reason: InvalidInputReason,
  message: string,
  path: PropertyKey[] = [],
): void {
  ctx.addIssue({ code: 'custom', message, params: { [REASON]: reason }, path });
}

/**
 * Classifies a would-be whole number: rupiah amounts (gross, item prices, refunds) and counts
 * (item quantity, expiry duration). `unit` only shapes the message.
 */
export function amountProblem(
  value: unknown,
  bounds: { min: number; max: number; label: string; unit?: 'rupiah' | 'count' },
): { reason: InvalidInputReason; message: string } | null {
  const { min, max, label, unit = 'rupiah' } = bounds;
  const noun = unit === 'rupiah' ? 'a number of rupiah' : 'a whole number';
  const suffix = unit === 'rupiah' ? ' rupiah' : '';
  if (value === undefined || value === null) return { reason: 'required', message: `${label} is required` };
  if (typeof value === 'string') {
    return {
      reason: 'wrong-type',
      message: `${label} must be ${noun}, not text ("${value.slice(0, 20)}")`,
    };
  }
  if (typeof value !== 'number') return { reason: 'wrong-type', message: `${label} must be ${noun}` };
  if (!Number.isFinite(value)) return { reason: 'not-a-number', message: `${label} is not a valid number` };
  if (!Number.isInteger(value)) {
    return {
      reason: 'not-integer',
      message:
        unit === 'rupiah'
          ? `${label} must be whole rupiah; Midtrans refuses decimals (${value})`
          : `${label} must be a whole number (${value})`,
    };
  }
  if (value < min)
    return { reason: 'too-small', message: `${label} must be at least ${min}${suffix} (got ${value})` };
  if (value > max)
    return { reason: 'too-large', message: `${label} must be at most ${max}${suffix} (got ${value})` };
  return null;
}

function amountField(bounds: { min: number; max: number; label: string; unit?: 'rupiah' | 'count' }) {
  return z.unknown().superRefine((value, ctx) => {
    const problem = amountProblem(value, bounds);
    if (problem) fail(ctx, problem.reason, problem.message);
  }) as unknown as z.ZodType<number>;
}

function textField(label: string, max: number, opts: { pattern?: RegExp; patternText?: string } = {}) {
  return z.unknown().superRefine((value, ctx) => {
    if (value === undefined || value === null || value === '')
      return fail(ctx, 'required', `${label} is required`);
    if (typeof value !== 'string') return fail(ctx, 'wrong-type', `${label} must be text`);
    if (value.length > max)
      return fail(ctx, 'too-long', `${label} must be at most ${max} characters (got ${value.length})`);
    if (opts.pattern && /^\.+$/.test(value)) {
      return fail(ctx, 'forbidden-characters', `${label} cannot be only dots (a path step, not an id)`);
    }
    if (opts.pattern && !opts.pattern.test(value)) {
      fail(ctx, 'forbidden-characters', `${label} may only contain ${opts.patternText}`);
    }
  }) as unknown as z.ZodType<string>;
}

const orderIdField = textField('order_id', ORDER_ID_MAX_LENGTH, {
  pattern: ORDER_ID_PATTERN,
  patternText: 'letters, digits and - _ ~ .',
});

function oneOf<T extends string>(label: string, allowed: readonly T[]) {
  return z.unknown().superRefine((value, ctx) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      fail(ctx, 'not-allowed', `${label} must be one of: ${allowed.join(', ')}`);
    }
  }) as unknown as z.ZodType<T>;
}

const itemSchema = z.strictObject({
  id: textField('item id', 50).optional(),
  name: textField('item name', ITEM_NAME_MAX_LENGTH),
  // A discount line may be negative, so only the magnitude is bounded.
  price: amountField({ min: -MAX_AMOUNT.gopay, max: MAX_AMOUNT.gopay, label: 'item price' }),
  quantity: amountField({ min: 1, max: 10_000, label: 'item quantity', unit: 'count' }),
});

const chargeSchema = z
  .strictObject({
    paymentType: oneOf('payment type', PAYMENT_TYPES),
    orderId: orderIdField,
    grossAmount: z.unknown(),
    items: z.array(itemSchema).min(1).max(100).optional(),
    customer: z
      .strictObject({
        firstName: textField('first name', 255).optional(),
        lastName: textField('last name', 255).optional(),
        email: textField('email', 255).optional(),
        phone: textField('phone', 255).optional(),
      })
      .optional(),
    expiry: z
      .strictObject({
        duration: amountField({ min: 1, max: MAX_EXPIRY_SECONDS, label: 'expiry duration', unit: 'count' }),
        unit: oneOf('expiry unit', Object.keys(EXPIRY_UNIT_SECONDS) as ExpiryUnit[]).optional(),
        orderTime: z.number().finite().optional(),
      })
      .optional(),
    qrisAcquirer: oneOf('QRIS acquirer', QRIS_ACQUIRERS).optional(),
  })
  .superRefine((req, ctx) => {
    const type = req.paymentType as string;
    const max = type === 'qris' ? MAX_AMOUNT.qris : MAX_AMOUNT.gopay;
    const label = `gross_amount (${type === 'qris' ? 'QRIS' : 'GoPay'} maximum ${max})`;
    const problem = amountProblem(req.grossAmount, { min: MIN_AMOUNT, max, label: 'gross_amount' });
    if (problem)
      return fail(
        ctx,
        problem.reason,
        problem.reason === 'too-large' ? `${label}: ${problem.message}` : problem.message,
        ['grossAmount'],
      );
    if (req.items) {
      const sum = req.items.reduce((total, item) => total + item.price * item.quantity, 0);
      if (sum !== req.grossAmount) {
        fail(
          ctx,
          'items-sum-mismatch',
          `item_details add up to ${sum} but gross_amount is ${String(req.grossAmount)}`,
          ['items'],
        );
      }
    }
    if (req.qrisAcquirer !== undefined && type !== 'qris') {
      fail(ctx, 'not-allowed', 'a QRIS acquirer can only be chosen for payment type qris', ['qrisAcquirer']);
    }
    if (req.expiry) {
      const seconds = req.expiry.duration * EXPIRY_UNIT_SECONDS[req.expiry.unit ?? 'minute'];
      const maxSeconds =
        req.qrisAcquirer === 'airpay shopee' ? MAX_EXPIRY_SECONDS_SHOPEE : MAX_EXPIRY_SECONDS;
      if (seconds < MIN_EXPIRY_SECONDS)
        fail(ctx, 'too-small', `expiry must be at least ${MIN_EXPIRY_SECONDS} seconds`, ['expiry']);
      if (seconds > maxSeconds)
        fail(ctx, 'too-large', `expiry must be at most ${maxSeconds / 86_400} days`, ['expiry']);
    }
  });

const refundSchema = z.strictObject({
  refundKey: textField('refund_key', REFUND_KEY_MAX_LENGTH, {
    pattern: REFUND_KEY_PATTERN,
    patternText: 'letters, digits, - and _',
  }).optional(),
  amount: amountField({ min: 1, max: MAX_AMOUNT.gopay, label: 'refund amount' }).optional(),
  reason: textField('refund reason', REFUND_REASON_MAX_LENGTH).optional(),
});

function firstIssue(error: z.ZodError, rootField: string): Issue {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || rootField;
  const reason =
    (issue && 'params' in issue
      ? (issue.params as Record<symbol, InvalidInputReason> | undefined)?.[REASON]
      : undefined) ?? inferReason(issue);
  return { field, reason, message: issue?.message ?? 'invalid request' };
}

function inferReason(issue: z.core.$ZodIssue | undefined): InvalidInputReason {
  if (!issue) return 'wrong-type';
  if (issue.code === 'unrecognized_keys') return 'not-allowed';
  if (issue.code === 'too_small') return 'too-small';
  if (issue.code === 'too_big') return 'too-large';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return 'wrong-type';
}

function parseOrThrow<T>(
  operation: MidtransOperation,
  schema: z.ZodType<T>,
  input: unknown,
  rootField = 'request',
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { field, reason, message } = firstIssue(result.error, rootField);
  throw new MidtransRequestError(operation, field, reason, `Invalid ${field}: ${message}`);
}

export function validateChargeRequest(input: unknown): ChargeRequest {
  return parseOrThrow('charge', chargeSchema as unknown as z.ZodType<ChargeRequest>, input);
}

export function validateRefundRequest(input: unknown): RefundRequest {
  return parseOrThrow('refund', refundSchema as unknown as z.ZodType<RefundRequest>, input ?? {});
}

/** An order_id or a Midtrans transaction_id (a UUID), as used in /v2/{id}/… paths. */
export function validateTransactionRef(operation: MidtransOperation, input: unknown): string {
  return parseOrThrow(operation, orderIdField, input, 'id');
}

const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9\-_.:]+$/;

/** Midtrans silently ignores keys over 46 characters, which would quietly disable the protection. */
export function validateIdempotencyKey(operation: MidtransOperation, key: string): string {
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new MidtransRequestError(
      operation,
      'idempotencyKey',
      key.length === 0 ? 'required' : 'too-long',
      `Invalid idempotencyKey: must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
    );
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new MidtransRequestError(
      operation,
      'idempotencyKey',
      'forbidden-characters',
      'Invalid idempotencyKey: only letters, digits and - _ . : are allowed',
    );
  }
  return key;
}
