/**
 * One error model for every way Midtrans can say no. The code may arrive in the HTTP status line
 * or inside an HTTP 200 body (§6.3 of the reference): both are read, and each failure says
 * whether a state-changing call may nevertheless have taken effect (`ambiguous`).
 */
import { RequestError, TimeoutError } from 'got';
import type { MidtransError } from './errors.ts';
import {
  MidtransApiError,
  MidtransRateLimitError,
  MidtransResponseError,
  MidtransTransportError,
  type MidtransErrorCode,
  type MidtransOperation,
} from './errors.ts';

/** Connection-stage failures: the request never reached the gateway. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
const NOT_SENT_TIMEOUTS = new Set(['lookup', 'connect', 'secureConnect']);

const CODE_BY_STATUS: Readonly<Record<number, MidtransErrorCode>> = {
  400: 'validation',
  401: 'unauthorized',
  402: 'payment-type-not-enabled',
  404: 'not-found',
  406: 'duplicate',
  410: 'account-blocked',
  412: 'invalid-state',
  413: 'malformed-request',
  414: 'refund-rejected',
  429: 'rate-limited',
};

const EXPLANATION: Partial<Record<MidtransErrorCode, string>> = {
  validation: 'Midtrans rejected the request as invalid',
  unauthorized:
    'Midtrans refused the server key: check that it is the server key of this environment (sandbox vs production)',
  'payment-type-not-enabled': 'this payment type is not enabled for the merchant account',
  'not-found': 'Midtrans has no such transaction',
  duplicate: 'the order_id (or refund key) is already in use',
  'account-blocked': 'the merchant account is deactivated or the GoPay user is blocked',
  'invalid-state': "the transaction's current status does not allow this action",
  'malformed-request': 'Midtrans could not read the request body',
  'refund-rejected': 'the refund amount was rejected',
  'server-error': 'Midtrans or the bank reported a server error',
  'unexpected-status': 'Midtrans answered with an unexpected status',
};

export function retryAfterMs(value: string | string[] | undefined, now: number): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (header === undefined) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface HttpAnswer {
  httpStatus: number;
  body: string;
  retryAfter: string | string[] | undefined;
}

/** An answer read as JSON, with the code Midtrans put in its body (if any). */
export interface ReadAnswer {
  json: Record<string, unknown>;
  bodyCode: string | undefined;
}

/**
 * Reads an answer: its JSON object, or the MidtransError it amounts to. `clean` takes the
 * server key (and its encodings) out of any text from the gateway before it enters a message.
 */
export function readAnswer(
  operation: MidtransOperation,
  method: 'GET' | 'POST',
  answer: HttpAnswer,
  clean: (text: string) => string,
): { ok: true; value: ReadAnswer } | { ok: false; error: MidtransError; bodyCode: string | undefined } {
  const { httpStatus } = answer;
  const changesState = method === 'POST';
  let json: unknown;
  try {
    json = answer.body.length === 0 ? undefined : JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  const obj = (isObject ? json : {}) as Record<string, unknown>;
  const bodyCode =
    typeof obj.status_code === 'string' || typeof obj.status_code === 'number'
      ? String(obj.status_code)
      : undefined;
  const bodyCodeNumber = bodyCode !== undefined && /^\d{3}$/.test(bodyCode) ? Number(bodyCode) : undefined;
  const statusMessage =
    typeof obj.status_message === 'string'
      ? clean(obj.status_message)
      : typeof obj.message === 'string'
        ? clean(obj.message)
        : undefined;
  const validationMessages = Array.isArray(obj.validation_messages)
    ? obj.validation_messages.filter((m): m is string => typeof m === 'string').map((m) => clean(m))
    : undefined;
  const fail = (error: MidtransError) => ({ ok: false as const, error, bodyCode });

  if (httpStatus === 429 || bodyCodeNumber === 429) {
    return fail(
      new MidtransRateLimitError(`Midtrans rate limit reached on ${operation}; wait before asking again`, {
        operation,
        ambiguous: false,
        httpStatus,
        statusCode: bodyCode,
        statusMessage,
        retryAfterMs: retryAfterMs(answer.retryAfter, Date.now()),
      }),
    );
  }
  // 407 is how Midtrans answers "this transaction is expired": a result, not a failure.
  const errorStatus =
    bodyCodeNumber !== undefined && bodyCodeNumber >= 400 && bodyCodeNumber !== 407
      ? bodyCodeNumber
      : httpStatus >= 400 && !(httpStatus === 407 && bodyCodeNumber === 407)
        ? httpStatus
        : undefined;
  if (errorStatus !== undefined) {
    const code: MidtransErrorCode =
      CODE_BY_STATUS[errorStatus] ?? (errorStatus >= 500 ? 'server-error' : 'unexpected-status');
    const where =
      bodyCodeNumber === errorStatus && httpStatus !== errorStatus
        ? ` (status_code ${errorStatus} in an HTTP ${httpStatus} answer)`
        : ` (HTTP ${httpStatus})`;
    const shape = !isObject && answer.body.length > 0 ? '; the body was not JSON' : '';
    const explanation = EXPLANATION[code] ?? 'Midtrans reported an error';
    const detail = statusMessage !== undefined ? `: ${statusMessage}` : '';
    const validation = validationMessages?.length ? ` [${validationMessages.join('; ')}]` : '';
    return fail(
      new MidtransApiError(
        code,
        `Midtrans ${operation} failed, ${explanation}${where}${detail}${validation}${shape}`,
        {
          operation,
          // A server error may come after the gateway already acted on the request.
          ambiguous: changesState && (code === 'server-error' || code === 'unexpected-status'),
          httpStatus,
          statusCode: bodyCode,
          statusMessage,
          validationMessages,
        },
      ),
    );
  }
  if (httpStatus === 202 && changesState && obj.transaction_status === undefined) {
    return fail(
      new MidtransApiError(
        'in-progress',
        `Midtrans is still processing an identical ${operation} request; its outcome is unknown until a status lookup`,
        { operation, ambiguous: true, httpStatus, statusCode: bodyCode, statusMessage },
      ),
    );
  }
  if (!isObject || httpStatus < 200 || httpStatus >= 300) {
    const what =
      answer.body.length === 0
        ? 'an empty body'
        : isObject
          ? `HTTP ${httpStatus}`
          : 'a body that is not a JSON object';
    return fail(
      new MidtransResponseError(
        'malformed-response',
        `Midtrans ${operation} answered with ${what} (HTTP ${httpStatus})`,
        {
          operation,
          ambiguous: changesState,
          httpStatus,
          statusCode: bodyCode,
        },
      ),
    );
  }
  return { ok: true, value: { json: obj, bodyCode } };
}

/**
 * A request that got no answer. Only our own words and the error code go into the message: got's
 * errors carry the request options, Authorization header included, so they are never attached or
 * inspected further.
 */
export function transportFailure(
  operation: MidtransOperation,
  method: string,
  error: unknown,
  elapsedMs: number,
): MidtransTransportError {
  const changesState = method === 'POST';
  if (error instanceof TimeoutError) {
    const notSent = NOT_SENT_TIMEOUTS.has(error.event);
    return new MidtransTransportError(
      notSent ? 'network' : 'timeout',
      notSent
        ? `Could not connect to Midtrans for ${operation} (timed out after ${elapsedMs} ms); nothing was sent`
        : `Midtrans did not answer ${operation} within ${elapsedMs} ms` +
            (changesState ? '; the outcome is unknown until a status lookup' : ''),
      { operation, ambiguous: changesState && !notSent },
    );
  }
  const code = error instanceof RequestError ? error.code : undefined;
  if (code !== undefined && NOT_SENT_CODES.has(code)) {
    return new MidtransTransportError(
      'network',
      `Could not connect to Midtrans for ${operation} (${code}); nothing was sent`,
      { operation, ambiguous: false },
    );
  }
  return new MidtransTransportError(
    'connection-lost',
    `The connection to Midtrans broke during ${operation} (${code ?? 'unknown error'})` +
      (changesState ? '; the outcome is unknown until a status lookup' : ''),
    { operation, ambiguous: changesState },
  );
}
