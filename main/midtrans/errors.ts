/**
 * One error model for every Midtrans call. Callers branch on `code`, and on `ambiguous`: when
 * true, the gateway may have acted on a state-changing request even though we got no usable
 * answer, so the only safe next step is a status lookup, never a blind retry.
 */
/** 'configure' is the client's own construction (key, base URL); the rest are gateway calls. */
export type MidtransOperation =
  'configure' | 'charge' | 'status' | 'cancel' | 'expire' | 'refund' | 'qr-code';

export type MidtransErrorCode =
  /** Refused by the client before anything was sent. */
  | 'invalid-request'
  /** Could not connect; nothing reached the gateway. */
  | 'network'
  /** The connection broke after the request may have been sent. */
  | 'connection-lost'
  | 'timeout'
  /** 400: the gateway rejected the payload. */
  | 'validation'
  /** 401: wrong key or key of the other environment. */
  | 'unauthorized'
  /** 402: the merchant account has no access to this payment type. */
  | 'payment-type-not-enabled'
  /** 404: no such transaction. */
  | 'not-found'
  /** 406: order_id already used by a pending/settled transaction (or a duplicate refund key). */
  | 'duplicate'
  /** 410: merchant deactivated or GoPay user blocked. */
  | 'account-blocked'
  /** 412: the transaction's state does not allow this action. */
  | 'invalid-state'
  /** 413: the gateway could not read the request body. */
  | 'malformed-request'
  /** 414: refund amount rejected. */
  | 'refund-rejected'
  /** "202 Refund denied by the bank": the issuer (wallet or bank) would not take the refund back. */
  | 'refund-denied'
  /** 429: rate limited; see retryAfterMs. */
  | 'rate-limited'
  /** 5xx (HTTP or body): the gateway or a bank failed. */
  | 'server-error'
  /** HTTP 202 on a POST: an identical idempotent request is still being processed. */
  | 'in-progress'
  /** An error status_code this client does not know. */
  | 'unexpected-status'
  /** The answer could not be understood (not JSON, missing fields, inconsistent values). */
  | 'malformed-response'
  /** A status answer's signature_key does not match: treated as forged, never as paid. */
  | 'signature-mismatch';

export interface MidtransErrorInit {
  operation: MidtransOperation;
  ambiguous: boolean;
  httpStatus?: number | undefined;
  statusCode?: string | undefined;
  statusMessage?: string | undefined;
  validationMessages?: readonly string[] | undefined;
}

export class MidtransError extends Error {
  readonly code: MidtransErrorCode;
  readonly operation: MidtransOperation;
  readonly ambiguous: boolean;
  readonly httpStatus: number | undefined;
  /** The body's own status_code, when the gateway sent one. */
  readonly statusCode: string | undefined;
  readonly statusMessage: string | undefined;
  readonly validationMessages: readonly string[];

  constructor(code: MidtransErrorCode, message: string, init: MidtransErrorInit) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.operation = init.operation;
    this.ambiguous = init.ambiguous;
    this.httpStatus = init.httpStatus;
    this.statusCode = init.statusCode;
    this.statusMessage = init.statusMessage;
    this.validationMessages = init.validationMessages ?? [];
  }
}

/** Why a value was refused before sending; stable so screens can word it in each language. */
export type InvalidInputReason =
  | 'required'
  | 'wrong-type'
  | 'not-a-number'
  | 'not-integer'
  | 'too-small'
  | 'too-large'
  | 'too-long'
  | 'forbidden-characters'
  | 'not-allowed'
  | 'items-sum-mismatch';

export class MidtransRequestError extends MidtransError {
  readonly field: string;
  readonly reason: InvalidInputReason;
  constructor(operation: MidtransOperation, field: string, reason: InvalidInputReason, message: string) {
    super('invalid-request', message, { operation, ambiguous: false });
    this.field = field;
    this.reason = reason;
  }
}

export class MidtransTransportError extends MidtransError {}

export class MidtransApiError extends MidtransError {}

export class MidtransRateLimitError extends MidtransApiError {
  /** How long the gateway asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, init: MidtransErrorInit & { retryAfterMs: number | undefined }) {
    super('rate-limited', message, init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

export class MidtransResponseError extends MidtransError {}

/** A forged or corrupted status answer. Reported as a security event by the client. */
export class MidtransSignatureError extends MidtransError {
  readonly orderId: string;
  constructor(message: string, init: MidtransErrorInit & { orderId: string }) {
    super('signature-mismatch', message, init);
    this.orderId = init.orderId;
  }
}

export function isMidtransError(value: unknown): value is MidtransError {
  return value instanceof MidtransError;
}
