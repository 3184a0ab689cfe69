/**
 * Midtrans Core API client (GoPay and dynamic QRIS): Charge, Get Status, Cancel, Expire, Refund
 * and the QR image. It runs only in the main process, the sole holder of the server key.
 *
 * Rules it keeps for the money path:
 * - no request is ever retried here; a charge in particular is sent once per call, with an
 *   Idempotency-Key, and any ambiguous failure is reported as such for a status lookup to settle;
 * - a status answer is returned only after its signature_key has been verified;
 * - nothing it throws or reports contains the server key.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import got, { RequestError, TimeoutError, type Response } from 'got';
import {
  MidtransApiError,
  MidtransError,
  MidtransRateLimitError,
  MidtransRequestError,
  MidtransResponseError,
  MidtransSignatureError,
  MidtransTransportError,
  type MidtransErrorCode,
  type MidtransOperation,
} from './errors.ts';
import { parseEmvco } from './emvco.ts';
import { MAX_REQUEST_BYTES } from '../../common/midtrans-limits.ts';
import { formatWibOrderTime } from './wib-time.ts';
import { redact, secretForms } from './redact.ts';
import {
  ResponseShapeError,
  parseActions,
  parseRefundBody,
  parseRefunds,
  parseTransactionBody,
  amountOf,
  type ChargeResult,
  type RefundResult,
  type StatusResult,
  type TransactionSnapshot,
} from './responses.ts';
import { isValidSignatureKey } from './signature.ts';
import {
  validateChargeRequest,
  validateIdempotencyKey,
  validateRefundRequest,
  validateTransactionRef,
  type ChargeRequest,
  type RefundRequest,
} from './validate.ts';

export type MidtransEnvironment = 'sandbox' | 'production';

export const MIDTRANS_BASE_URLS: Readonly<Record<MidtransEnvironment, string>> = {
  sandbox: 'https://api.sandbox.midtrans.com',
  production: 'https://api.midtrans.com',
};

export interface MidtransTimeouts {
  /** Establishing the TCP/TLS connection. */
  connectMs: number;
  /** Whole charge call. Long enough for a slow bank, short enough for a customer at the counter. */
  chargeMs: number;
  /** Whole status call; the poller asks again soon anyway. */
  statusMs: number;
  /** Cancel, expire and refund. */
  actionMs: number;
  /** Downloading the QR PNG. */
  qrCodeMs: number;
}

export const DEFAULT_TIMEOUTS: Readonly<MidtransTimeouts> = {
  connectMs: 3_000,
  chargeMs: 15_000,
  statusMs: 5_000,
  actionMs: 10_000,
  qrCodeMs: 5_000,
};

/** Something that looks like tampering: the caller should journal and surface it. */
export interface SecurityEvent {
  type: 'signature-mismatch' | 'signature-missing';
  operation: MidtransOperation;
  orderId: string;
  transactionId: string;
  statusCode: string;
  transactionStatus: string;
}

/** One request/answer pair, for the journal's gateway log. Never contains credentials. */
export interface GatewayExchange {
  operation: MidtransOperation;
  method: 'GET' | 'POST';
  path: string;
  idempotencyKey: string | undefined;
  startedAt: number;
  durationMs: number;
  httpStatus: number | undefined;
  statusCode: string | undefined;
  errorCode: MidtransErrorCode | undefined;
}

export interface MidtransClientOptions {
  serverKey: string;
  /** Which Midtrans host to use; ignored when baseUrl is given. Default sandbox. */
  environment?: MidtransEnvironment;
  /** A custom base URL: the built-in emulator or a test server. */
  baseUrl?: string;
  timeouts?: Partial<MidtransTimeouts>;
  onSecurityEvent?: (event: SecurityEvent) => void;
  onExchange?: (exchange: GatewayExchange) => void;
  userAgent?: string;
}

export interface CallOptions {
  /** Overrides the derived Idempotency-Key (≤ 46 characters). */
  idempotencyKey?: string;
}

export interface QrImage {
  png: Buffer;
  contentType: string | undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const DEFAULT_MAX_QR_BYTES = 512 * 1024;

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

/**
 * The Idempotency-Key for one charge attempt of an order: stable across re-sends of that attempt
 * (a restart after a crash re-sends with the same key), different for the next attempt.
 */
export function chargeIdempotencyKey(orderId: string, attempt: number): string {
  if (!Number.isSafeInteger(attempt) || attempt < 1)
    throw new RangeError('attempt must be a positive integer');
  return sha256Key('charge', orderId, String(attempt));
}

function sha256Key(...parts: string[]): string {
  // base64url of SHA-256 is 43 characters, inside Midtrans' 46-character limit.
  return createHash('sha256').update(parts.join('\n'), 'utf8').digest('base64url');
}

function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new MidtransRequestError(
      'configure',
      'baseUrl',
      'wrong-type',
      `Invalid baseUrl: "${input}" is not a URL`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MidtransRequestError(
      'configure',
      'baseUrl',
      'not-allowed',
      'Invalid baseUrl: only http and https are allowed',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new MidtransRequestError(
      'configure',
      'baseUrl',
      'not-allowed',
      'Invalid baseUrl: no credentials, query or fragment allowed',
    );
  }
  return url.toString().replace(/\/+$/, '');
}

function retryAfterMs(value: string | string[] | undefined, now: number): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (header === undefined) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

interface RawAnswer {
  httpStatus: number;
  json: Record<string, unknown>;
}

export class MidtransClient {
  readonly baseUrl: string;
  readonly #serverKey: string;
  readonly #secrets: string[];
  readonly #timeouts: MidtransTimeouts;
  readonly #options: MidtransClientOptions;
  readonly #agent = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };

  constructor(options: MidtransClientOptions) {
    const key = options.serverKey;
    if (typeof key !== 'string' || key.trim().length === 0) {
      throw new MidtransRequestError(
        'configure',
        'serverKey',
        'required',
        'A Midtrans server key is required',
      );
    }
    // Whitespace, colons and control characters would corrupt the Basic credentials.
    if (/[\s:]/.test(key) || [...key].some((ch) => ch.charCodeAt(0) < 0x20) || key.length > 200) {
      throw new MidtransRequestError(
        'configure',
        'serverKey',
        'forbidden-characters',
        'The server key contains spaces, colons or control characters: paste it again from the Midtrans dashboard',
      );
    }
    this.#serverKey = key;
    this.#secrets = secretForms(key);
    this.#options = options;
    this.#timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.baseUrl =
      options.baseUrl !== undefined
        ? normalizeBaseUrl(options.baseUrl)
        : MIDTRANS_BASE_URLS[options.environment ?? 'sandbox'];
  }

  /** Closes kept-alive connections (at shutdown, or when the key or environment changes). */
  close(): void {
    this.#agent.http.destroy();
    this.#agent.https.destroy();
  }

  /**
   * Creates a GoPay or QRIS transaction. Sent exactly once. When it fails with
   * `error.ambiguous`, the charge may exist: look it up by order_id before anything else.
   *
   * The Idempotency-Key is required and belongs to one charge attempt (see
   * chargeIdempotencyKey): journal it with the order before calling. It cannot be derived from
   * the payload, because Midtrans replays a cached success for 5 minutes, and a new attempt for
   * an order_id freed by cancel/expire would then get the old, cancelled transaction's answer.
   */
  async charge(input: ChargeRequest, call: { idempotencyKey: string }): Promise<ChargeResult> {
    const req = validateChargeRequest(input);
    const key = validateIdempotencyKey('charge', call?.idempotencyKey ?? '');
    const bodyText = JSON.stringify(chargeBody(req));
    const answer = await this.#send('charge', 'POST', '/v2/charge', bodyText, key);
    return this.#parse('charge', answer, true, () => {
      const { body: b, snapshot } = parseTransactionBody(answer.json);
      if (snapshot.orderId !== req.orderId)
        throw new ResponseShapeError(`answer is for order ${snapshot.orderId}, not ${req.orderId}`);
      if (snapshot.grossAmount !== req.grossAmount) {
        throw new ResponseShapeError(
          `answer has gross_amount ${snapshot.grossAmount}, not ${req.grossAmount}`,
        );
      }
      const actions = parseActions(b.actions);
      const result: ChargeResult = {
        ...snapshot,
        actions,
        qrCodeUrl: actions.find((a) => a.name === 'generate-qr-code')?.url,
        deeplinkUrl: actions.find((a) => a.name === 'deeplink-redirect')?.url,
        qrString: b.qr_string,
      };
      if (result.qrString !== undefined) checkQrString(result.qrString, req.grossAmount);
      if (
        result.transactionStatus === 'pending' &&
        result.qrCodeUrl === undefined &&
        result.qrString === undefined
      ) {
        throw new ResponseShapeError('a pending charge came back with neither a QR code URL nor a qr_string');
      }
      return result;
    });
  }

  /**
   * The transaction's status, by order_id or transaction_id, with its signature_key verified.
   * A mismatch is reported as a security event and thrown; it is never returned as paid.
   */
  async status(id: string): Promise<StatusResult> {
    const ref = validateTransactionRef('status', id);
    const answer = await this.#send(
      'status',
      'GET',
      `/v2/${encodeURIComponent(ref)}/status`,
      undefined,
      undefined,
    );
    const parsed = this.#parse('status', answer, false, () => {
      const { body, snapshot } = parseTransactionBody(answer.json);
      if (snapshot.orderId !== ref && snapshot.transactionId !== ref) {
        throw new ResponseShapeError(`answer is for order ${snapshot.orderId}, not ${ref}`);
      }
      return { body, snapshot };
    });
    const { body, snapshot } = parsed;
    this.#verifySignature('status', snapshot, body.signature_key);
    return this.#parse('status', answer, false, () => ({
      ...snapshot,
      // signature_key covers status_code but not transaction_status, so a settlement must also
      // carry settlement's own code ("200"); a "201" (pending) relabelled settlement is not paid.
      paid:
        snapshot.transactionStatus === 'settlement' &&
        snapshot.statusCode === '200' &&
        (snapshot.fraudStatus === undefined || snapshot.fraudStatus === 'accept'),
      refundAmount: body.refund_amount === undefined ? 0 : amountOf(body.refund_amount, 'refund_amount'),
      refunds: parseRefunds(body.refunds),
    }));
  }

  /** Like status(), but a 404 ("no such transaction") is the answer null instead of an error. */
  async findStatus(id: string): Promise<StatusResult | null> {
    try {
      return await this.status(id);
    } catch (error) {
      if (error instanceof MidtransApiError && error.code === 'not-found') return null;
      throw error;
    }
  }

  /** Cancels a pending transaction (the kiosk's own timeout, or the cashier's Cancel). */
  async cancel(id: string, call: CallOptions = {}): Promise<TransactionSnapshot> {
    return this.#transition('cancel', id, call);
  }

  /** Expires a pending transaction now, freeing its order_id for reuse. */
  async expire(id: string, call: CallOptions = {}): Promise<TransactionSnapshot> {
    return this.#transition('expire', id, call);
  }

  /**
   * Refunds a settled transaction, fully or partly. Pass the same refundKey to retry a refund
   * whose answer was lost; without one a fresh key is generated and returned in the result.
   */
  async refund(
    id: string,
    input: RefundRequest = {},
    call: CallOptions & { direct?: boolean } = {},
  ): Promise<RefundResult> {
    const ref = validateTransactionRef('refund', id);
    const req = validateRefundRequest(input);
    const refundKey = req.refundKey ?? randomUUID();
    const body: Record<string, unknown> = { refund_key: refundKey };
    if (req.amount !== undefined) body.amount = req.amount;
    if (req.reason !== undefined) body.reason = req.reason;
    const bodyText = JSON.stringify(body);
    const key =
      call.idempotencyKey !== undefined
        ? validateIdempotencyKey('refund', call.idempotencyKey)
        : sha256Key('refund', ref, bodyText);
    const path = `/v2/${encodeURIComponent(ref)}/refund${call.direct ? '/online/direct' : ''}`;
    const answer = await this.#send('refund', 'POST', path, bodyText, key);
    return this.#parse('refund', answer, true, () => {
      const result = parseRefundBody(answer.json);
      return { ...result, refundKey: result.refundKey ?? refundKey };
    });
  }

  /**
   * Downloads the QR PNG from a charge's generate-qr-code URL. No credentials are sent: the
   * image is meant to be hotlinked, and the URL may point at a host other than the API's.
   */
  async fetchQrCode(url: string, maxBytes = DEFAULT_MAX_QR_BYTES): Promise<QrImage> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new MidtransRequestError('qr-code', 'url', 'wrong-type', 'Invalid QR code URL');
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      throw new MidtransRequestError('qr-code', 'url', 'not-allowed', 'QR code URL must be http or https');
    }
    const started = Date.now();
    const abort = new AbortController();
    let response: Response<Uint8Array>;
    try {
      const request = got(target, {
        method: 'GET',
        headers: { accept: 'image/png', 'user-agent': this.#userAgent() },
        timeout: { connect: this.#timeouts.connectMs, request: this.#timeouts.qrCodeMs },
        retry: { limit: 0 },
        throwHttpErrors: false,
        followRedirect: false,
        responseType: 'buffer',
        agent: this.#agent,
        signal: abort.signal,
      });
      // Stop reading as soon as the image is too big, rather than buffering whatever arrives.
      request.on('downloadProgress', (progress: { transferred: number; total?: number }) => {
        if (progress.transferred > maxBytes || (progress.total ?? 0) > maxBytes) abort.abort();
      });
      response = await request;
    } catch (error) {
      if (abort.signal.aborted) {
        throw new MidtransResponseError('malformed-response', `QR image is larger than ${maxBytes} bytes`, {
          operation: 'qr-code',
          ambiguous: false,
        });
      }
      throw this.#transportError('qr-code', 'GET', error, started);
    }
    const png = Buffer.from(response.body);
    if (response.statusCode !== 200) {
      throw new MidtransApiError(
        response.statusCode === 404 ? 'not-found' : 'unexpected-status',
        `QR image download answered HTTP ${response.statusCode}`,
        { operation: 'qr-code', ambiguous: false, httpStatus: response.statusCode },
      );
    }
    if (png.length > maxBytes) {
      throw new MidtransResponseError('malformed-response', `QR image is larger than ${maxBytes} bytes`, {
        operation: 'qr-code',
        ambiguous: false,
        httpStatus: 200,
      });
    }
    if (png.length < PNG_SIGNATURE.length || !png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
      throw new MidtransResponseError('malformed-response', 'QR image download did not return a PNG', {
        operation: 'qr-code',
        ambiguous: false,
        httpStatus: 200,
      });
    }
    return { png, contentType: response.headers['content-type'] };
  }

  async #transition(
    operation: 'cancel' | 'expire',
    id: string,
    call: CallOptions,
  ): Promise<TransactionSnapshot> {
    const ref = validateTransactionRef(operation, id);
    const key =
      call.idempotencyKey !== undefined
        ? validateIdempotencyKey(operation, call.idempotencyKey)
        : // A fresh key per call: a key derived from an order_id would replay the answer for an
          // earlier transaction that used the same order_id.
          randomUUID();
    const answer = await this.#send(
      operation,
      'POST',
      `/v2/${encodeURIComponent(ref)}/${operation}`,
      undefined,
      key,
    );
    return this.#parse(operation, answer, true, () => {
      const { snapshot } = parseTransactionBody(answer.json);
      if (snapshot.orderId !== ref && snapshot.transactionId !== ref) {
        throw new ResponseShapeError(`answer is for order ${snapshot.orderId}, not ${ref}`);
      }
      return snapshot;
    });
  }

  #verifySignature(
    operation: MidtransOperation,
    s: TransactionSnapshot,
    signature: string | undefined,
  ): void {
    const valid =
      signature !== undefined &&
      isValidSignatureKey(signature, s.orderId, s.statusCode, s.grossAmountText, this.#serverKey);
    if (valid) return;
    const event: SecurityEvent = {
      type: signature === undefined ? 'signature-missing' : 'signature-mismatch',
      operation,
      orderId: s.orderId,
      transactionId: s.transactionId,
      statusCode: s.statusCode,
      transactionStatus: s.transactionStatus,
    };
    try {
      this.#options.onSecurityEvent?.(event);
    } catch {
      // A faulty listener must not turn a forged answer into an accepted one.
    }
    throw new MidtransSignatureError(
      `Security: the status answer for order ${s.orderId} ` +
        (signature === undefined ? 'has no signature_key' : 'has a signature_key that does not match') +
        '; it is not trusted and the order is not treated as paid',
      { operation, ambiguous: false, httpStatus: 200, statusCode: s.statusCode, orderId: s.orderId },
    );
  }

  #parse<T>(operation: MidtransOperation, answer: RawAnswer, changesState: boolean, read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (error instanceof MidtransError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new MidtransResponseError(
        'malformed-response',
        this.#clean(`Midtrans ${operation} answer could not be understood: ${detail}`),
        {
          operation,
          ambiguous: changesState,
          httpStatus: answer.httpStatus,
          statusCode: typeof answer.json.status_code === 'string' ? answer.json.status_code : undefined,
        },
      );
    }
  }

  #userAgent(): string {
    return this.#options.userAgent ?? 'gopay-qris-kiosk/0.1';
  }

  async #send(
    operation: MidtransOperation,
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    idempotencyKey: string | undefined,
  ): Promise<RawAnswer> {
    if (body !== undefined && Buffer.byteLength(body, 'utf8') > MAX_REQUEST_BYTES) {
      throw new MidtransRequestError(
        operation,
        'request',
        'too-large',
        `Invalid request: larger than Midtrans' ${MAX_REQUEST_BYTES / 1024} KB limit`,
      );
    }
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Basic ${Buffer.from(`${this.#serverKey}:`, 'utf8').toString('base64')}`,
      'user-agent': this.#userAgent(),
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const timeout =
      { charge: this.#timeouts.chargeMs, status: this.#timeouts.statusMs }[
        operation as 'charge' | 'status'
      ] ?? this.#timeouts.actionMs;
    const started = Date.now();
    const report = (
      httpStatus: number | undefined,
      statusCode: string | undefined,
      errorCode: MidtransErrorCode | undefined,
    ) => {
      try {
        this.#options.onExchange?.({
          operation,
          method,
          path,
          idempotencyKey,
          startedAt: started,
          durationMs: Date.now() - started,
          httpStatus,
          statusCode,
          errorCode,
        });
      } catch {
        // Journaling problems are the listener's to report; they must not change the call's outcome.
      }
    };

    let response: Response<string>;
    try {
      response = await got(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        timeout: { connect: this.#timeouts.connectMs, request: timeout },
        // Retrying belongs to callers that can first ask the gateway what happened.
        retry: { limit: 0 },
        throwHttpErrors: false,
        // A redirect would carry our credentials somewhere we did not choose.
        followRedirect: false,
        responseType: 'text',
        agent: this.#agent,
      });
    } catch (error) {
      const failure = this.#transportError(operation, method, error, started);
      report(undefined, undefined, failure.code);
      throw failure;
    }

    const httpStatus = response.statusCode;
    const changesState = method === 'POST';
    let json: unknown;
    try {
      json = response.body.length === 0 ? undefined : JSON.parse(response.body);
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
        ? this.#clean(obj.status_message)
        : typeof obj.message === 'string'
          ? this.#clean(obj.message)
          : undefined;
    const validationMessages = Array.isArray(obj.validation_messages)
      ? obj.validation_messages.filter((m): m is string => typeof m === 'string').map((m) => this.#clean(m))
      : undefined;

    const fail = (error: MidtransError): never => {
      report(httpStatus, bodyCode, error.code);
      throw error;
    };

    if (httpStatus === 429 || bodyCodeNumber === 429) {
      fail(
        new MidtransRateLimitError(`Midtrans rate limit reached on ${operation}; wait before asking again`, {
          operation,
          ambiguous: false,
          httpStatus,
          statusCode: bodyCode,
          statusMessage,
          retryAfterMs: retryAfterMs(response.headers['retry-after'], Date.now()),
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
      const shape = !isObject && response.body.length > 0 ? '; the body was not JSON' : '';
      const explanation = EXPLANATION[code] ?? 'Midtrans reported an error';
      const detail = statusMessage !== undefined ? `: ${statusMessage}` : '';
      const validation = validationMessages?.length ? ` [${validationMessages.join('; ')}]` : '';
      fail(
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
      fail(
        new MidtransApiError(
          'in-progress',
          `Midtrans is still processing an identical ${operation} request; its outcome is unknown until a status lookup`,
          {
            operation,
            ambiguous: true,
            httpStatus,
            statusCode: bodyCode,
            statusMessage,
          },
        ),
      );
    }
    if (!isObject || httpStatus < 200 || httpStatus >= 300) {
      const what =
        response.body.length === 0
          ? 'an empty body'
          : isObject
            ? `HTTP ${httpStatus}`
            : 'a body that is not a JSON object';
      fail(
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
    report(httpStatus, bodyCode, undefined);
    return { httpStatus, json: obj };
  }

  #transportError(
    operation: MidtransOperation,
    method: string,
    error: unknown,
    started: number,
  ): MidtransTransportError {
    const changesState = method === 'POST';
    const elapsed = Date.now() - started;
    // Only our own words and the error code go into the message: got's errors carry the request
    // options, Authorization header included, so they are never attached or inspected further.
    if (error instanceof TimeoutError) {
      const notSent = NOT_SENT_TIMEOUTS.has(error.event);
      return new MidtransTransportError(
        notSent ? 'network' : 'timeout',
        notSent
          ? `Could not connect to Midtrans for ${operation} (timed out after ${elapsed} ms); nothing was sent`
          : `Midtrans did not answer ${operation} within ${elapsed} ms` +
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

  #clean(text: string): string {
    return redact(text, this.#secrets).slice(0, 500);
  }
}

function chargeBody(req: ChargeRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    payment_type: req.paymentType,
    transaction_details: { order_id: req.orderId, gross_amount: req.grossAmount },
  };
  if (req.items) {
    body.item_details = req.items.map((item) => ({
      ...(item.id !== undefined ? { id: item.id } : {}),
      price: item.price,
      quantity: item.quantity,
      name: item.name,
    }));
  }
  if (req.customer) {
    const c = req.customer;
    body.customer_details = {
      ...(c.firstName !== undefined ? { first_name: c.firstName } : {}),
      ...(c.lastName !== undefined ? { last_name: c.lastName } : {}),
      ...(c.email !== undefined ? { email: c.email } : {}),
      ...(c.phone !== undefined ? { phone: c.phone } : {}),
    };
  }
  if (req.expiry) {
    body.custom_expiry = {
      ...(req.expiry.orderTime !== undefined ? { order_time: formatWibOrderTime(req.expiry.orderTime) } : {}),
      expiry_duration: req.expiry.duration,
      unit: req.expiry.unit ?? 'minute',
    };
  }
  if (req.paymentType === 'qris' && req.qrisAcquirer !== undefined)
    body.qris = { acquirer: req.qrisAcquirer };
  return body;
}

/** A qr_string we would show must be intact (CRC) and ask for the amount we charged. */
function checkQrString(qr: string, grossAmount: number): void {
  const parsed = parseEmvco(qr);
  if (parsed === null || !parsed.crcValid)
    throw new ResponseShapeError('qr_string is not a valid EMVCo payload (CRC check failed)');
  const amountTag = parsed.tags['54'];
  if (amountTag !== undefined && Number(amountTag) !== grossAmount) {
    throw new ResponseShapeError(`qr_string asks for ${amountTag}, not ${grossAmount}`);
  }
}
