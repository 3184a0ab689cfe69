/**
 * Midtrans Core API client (GoPay and dynamic QRIS): Charge, Get Status, Cancel, Expire, Refund
 * and the QR image. It runs only in the main process, the sole holder of the server key.
 *
 * Rules it keeps for the money path:
 * - no request is ever retried here; a charge in particular is sent once per call, with an
 *   Idempotency-Key, and any ambiguous failure is reported as such for a status lookup to settle;
 * - a status answer is returned only after its signature_key has been verified;
 * - nothing it throws or reports contains the server key.
 *
 * Its parts: requests.ts builds bodies and keys, transport.ts sends them (answer-errors.ts maps
 * every failure), responses.ts parses answers, signature.ts checks signature_key.
 */
import { randomUUID } from 'node:crypto';
import {
  MidtransApiError,
  MidtransError,
  MidtransRequestError,
  MidtransResponseError,
  MidtransSignatureError,
  type MidtransOperation,
} from './errors.ts';
import { chargeAnswer, refundAnswer, statusResult, transactionAnswer } from './answers.ts';
import { gatewayBaseUrl, qrImageUrlAllowed, type MidtransEnvironment } from './hosts.ts';
import {
  DEFAULT_MAX_QR_BYTES,
  DEFAULT_TIMEOUTS,
  type CallOptions,
  type MidtransClientOptions,
  type QrImage,
  type SecurityEvent,
} from './options.ts';
import { chargeBody, derivedKey, pathSegment, refundBody } from './requests.ts';
import {
  type ChargeResult,
  type RefundResult,
  type StatusResult,
  type TransactionSnapshot,
} from './responses.ts';
import { isValidSignatureKey } from './signature.ts';
import { GatewayTransport, type RawAnswer } from './transport.ts';
import {
  validateChargeRequest,
  validateIdempotencyKey,
  validateRefundRequest,
  validateTransactionRef,
  type ChargeRequest,
  type RefundRequest,
} from './validate.ts';

export { gatewayBaseUrl, MIDTRANS_BASE_URLS, type MidtransEnvironment } from './hosts.ts';
export { chargeIdempotencyKey } from './requests.ts';
export {
  DEFAULT_MAX_QR_BYTES,
  DEFAULT_TIMEOUTS,
  type CallOptions,
  type GatewayExchange,
  type MidtransClientOptions,
  type MidtransTimeouts,
  type QrImage,
  type SecurityEvent,
} from './options.ts';

export class MidtransClient {
  readonly baseUrl: string;
  readonly environment: MidtransEnvironment;
  readonly #serverKey: string;
  readonly #transport: GatewayTransport;
  readonly #onSecurityEvent: ((event: SecurityEvent) => void) | undefined;

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
    this.#onSecurityEvent = options.onSecurityEvent;
    this.environment = options.environment ?? 'sandbox';
    // Production: Midtrans's production host only. Sandbox: its host, or loopback (the emulator).
    this.baseUrl = gatewayBaseUrl(this.environment, options.baseUrl);
    this.#transport = new GatewayTransport({
      serverKey: key,
      baseUrl: this.baseUrl,
      timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
      userAgent: options.userAgent ?? 'gopay-qris-kiosk/0.1',
      onExchange: options.onExchange,
    });
  }

  /** Closes kept-alive connections (at shutdown, or when the key or environment changes). */
  close(): void {
    this.#transport.close();
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
    const answer = await this.#transport.send('charge', 'POST', '/v2/charge', bodyText, key);
    return this.#parse('charge', answer, true, () => ({
      ...chargeAnswer(answer.json, req),
      httpStatus: answer.httpStatus,
    }));
  }

  /**
   * The transaction's status, by order_id or transaction_id, with its signature_key verified.
   * A mismatch is reported as a security event and thrown; it is never returned as paid.
   */
  async status(id: string): Promise<StatusResult> {
    const ref = validateTransactionRef('status', id);
    const answer = await this.#transport.send(
      'status',
      'GET',
      `/v2/${pathSegment(ref)}/status`,
      undefined,
      undefined,
    );
    const { body, snapshot } = this.#parse('status', answer, false, () =>
      transactionAnswer(answer.json, ref),
    );
    this.#verifySignature('status', snapshot, body.signature_key);
    return this.#parse('status', answer, false, () => ({
      ...statusResult(body, snapshot),
      httpStatus: answer.httpStatus,
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
   * whose answer was lost (Midtrans allows that for 7 days); without one a fresh key is generated
   * and returned in the result. The answer must be this refund's approval (this order, this key,
   * this amount, a refund state): anything else is 'malformed-response', ambiguous, to be
   * settled by a status lookup; "Refund denied by the bank" is 'refund-denied'.
   */
  async refund(
    id: string,
    input: RefundRequest = {},
    call: CallOptions & { direct?: boolean } = {},
  ): Promise<RefundResult> {
    const ref = validateTransactionRef('refund', id);
    const req = validateRefundRequest(input);
    const refundKey = req.refundKey ?? randomUUID();
    const bodyText = JSON.stringify(refundBody(req, refundKey));
    const key =
      call.idempotencyKey !== undefined
        ? validateIdempotencyKey('refund', call.idempotencyKey)
        : derivedKey('refund', ref, bodyText);
    const path = `/v2/${pathSegment(ref)}/refund${call.direct ? '/online/direct' : ''}`;
    const answer = await this.#transport.send('refund', 'POST', path, bodyText, key);
    const result = this.#parse('refund', answer, true, () =>
      refundAnswer(answer.json, { ref, refundKey, amount: req.amount }),
    );
    if ('denied' in result) {
      const { denied } = result;
      const words =
        denied.statusMessage === undefined ? '' : `: ${this.#transport.clean(denied.statusMessage)}`;
      throw new MidtransApiError('refund-denied', `Midtrans refund of ${ref} was denied${words}`, {
        operation: 'refund',
        ambiguous: false,
        httpStatus: answer.httpStatus,
        statusCode: denied.statusCode,
        statusMessage: denied.statusMessage,
      });
    }
    return { ...result, refundKey: result.refundKey ?? refundKey };
  }

  /**
   * Downloads the QR PNG from a charge's generate-qr-code URL (no credentials sent). Only https
   * on Midtrans's hosts, or the loopback gateway of a training or test client.
   */
  async fetchQrCode(url: string, maxBytes = DEFAULT_MAX_QR_BYTES): Promise<QrImage> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new MidtransRequestError('qr-code', 'url', 'wrong-type', 'Invalid QR code URL');
    }
    // The URL comes from a gateway answer: a tampered one must not make the kiosk fetch (and show)
    // an image from anywhere else, or over plain http.
    if (!qrImageUrlAllowed(target, this.baseUrl, this.environment)) {
      throw new MidtransRequestError(
        'qr-code',
        'url',
        'not-allowed',
        `QR image URL refused: only https on Midtrans's ${this.environment} hosts (or the loopback gateway this client uses), not ${target.protocol}//${target.host}`,
      );
    }
    return this.#transport.fetchPng(target, maxBytes);
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
    const answer = await this.#transport.send(
      operation,
      'POST',
      `/v2/${pathSegment(ref)}/${operation}`,
      undefined,
      key,
    );
    return this.#parse(operation, answer, true, () => ({
      ...transactionAnswer(answer.json, ref).snapshot,
      httpStatus: answer.httpStatus,
    }));
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
      this.#onSecurityEvent?.(event);
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
        this.#transport.clean(`Midtrans ${operation} answer could not be understood: ${detail}`),
        {
          operation,
          ambiguous: changesState,
          httpStatus: answer.httpStatus,
          statusCode: typeof answer.json.status_code === 'string' ? answer.json.status_code : undefined,
        },
      );
    }
  }
}
