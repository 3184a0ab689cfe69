/** The client's configuration and the records it hands its owner (exchanges, security events). */
import type { MidtransErrorCode, MidtransOperation } from './errors.ts';
import type { MidtransEnvironment } from './hosts.ts';

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

export const DEFAULT_MAX_QR_BYTES = 512 * 1024;
