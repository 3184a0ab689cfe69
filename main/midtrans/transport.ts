/**
 * The wire: one HTTP exchange with the Core API, authenticated with the server key, never
 * retried, never redirected, every exchange reported (without credentials) for the journal. The
 * QR image download shares the connection pool but sends no credentials at all.
 */
import http from 'node:http';
import https from 'node:https';
import got, { type Response } from 'got';
import { MAX_REQUEST_BYTES } from '../../common/midtrans-limits.ts';
import { readAnswer, transportFailure, type ReadAnswer } from './answer-errors.ts';
import {
  MidtransApiError,
  MidtransRequestError,
  MidtransResponseError,
  type MidtransErrorCode,
  type MidtransOperation,
} from './errors.ts';
import type { GatewayExchange, MidtransTimeouts, QrImage } from './options.ts';
import { redact, secretForms } from './redact.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a call got back: the HTTP status and the body's JSON object. */
export interface RawAnswer extends ReadAnswer {
  httpStatus: number;
}

export interface TransportOptions {
  serverKey: string;
  baseUrl: string;
  timeouts: MidtransTimeouts;
  userAgent: string;
  onExchange: ((exchange: GatewayExchange) => void) | undefined;
}

export class GatewayTransport {
  readonly baseUrl: string;
  readonly #serverKey: string;
  readonly #secrets: string[];
  readonly #timeouts: MidtransTimeouts;
  readonly #userAgent: string;
  readonly #onExchange: ((exchange: GatewayExchange) => void) | undefined;
  readonly #agent = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };

  constructor(options: TransportOptions) {
    this.baseUrl = options.baseUrl;
    this.#serverKey = options.serverKey;
    this.#secrets = secretForms(options.serverKey);
    this.#timeouts = options.timeouts;
    this.#userAgent = options.userAgent;
    this.#onExchange = options.onExchange;
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.#agent.http.destroy();
    this.#agent.https.destroy();
  }

  /** Gateway text with the key (in any encoding) taken out, cut to a readable length. */
  clean(text: string): string {
    return redact(text, this.#secrets).slice(0, 500);
  }

  async send(
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
      'user-agent': this.#userAgent,
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
        this.#onExchange?.({
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
      const failure = transportFailure(operation, method, error, Date.now() - started);
      report(undefined, undefined, failure.code);
      throw failure;
    }

    const httpStatus = response.statusCode;
    const read = readAnswer(
      operation,
      method,
      { httpStatus, body: response.body, retryAfter: response.headers['retry-after'] },
      (text) => this.clean(text),
    );
    if (!read.ok) {
      report(httpStatus, read.bodyCode, read.error.code);
      throw read.error;
    }
    report(httpStatus, read.value.bodyCode, undefined);
    return { httpStatus, ...read.value };
  }

  /**
   * Downloads a QR PNG. No credentials are sent: the image is meant to be hotlinked, and the URL
   * may point at a host other than the API's.
   */
  async fetchPng(target: URL, maxBytes: number): Promise<QrImage> {
    const started = Date.now();
    const abort = new AbortController();
    let response: Response<Uint8Array>;
    try {
      const request = got(target, {
        method: 'GET',
        headers: { accept: 'image/png', 'user-agent': this.#userAgent },
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
      throw transportFailure('qr-code', 'GET', error, Date.now() - started);
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
}
