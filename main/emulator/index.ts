/**
 * Built-in Midtrans Core API emulator (GoPay and dynamic QRIS), behaving as
 * shared/reference/midtrans-core-api.md §11 describes. It powers the kiosk's training mode and
 * every test that needs a gateway: real HTTP on loopback, state the test can drive and inspect,
 * and scriptable failures.
 *
 * Choices on points the reference leaves open ([UNCONFIRMED] there):
 * - Error transport 'openapi' puts only 400/401/429/5xx on the status line; every other body
 *   code (402, 404, 406, 412, 413, 414) rides in HTTP 200. 407 is HTTP 200 in both modes.
 * - Status of a denied order answers "202"; reuse of an order_id is allowed after deny.
 * - GET /v2/{order_id}/status after a reuse follows the latest attempt.
 * - A refund_key is emulator-wide: the same key with the same (or no) amount replays the first
 *   answer verbatim; with another amount, or on another transaction, it is 406 "Duplicate refund ID".
 * - A retry while the first request with its Idempotency-Key is running gets HTTP 202 and
 *   IN_FLIGHT_BODY ({"message": ...}, deliberately without a status_code, which would read as
 *   "denied"). The expire action's "407" answer counts as successful and is cached.
 * - QR images need no auth; an unknown one is HTTP 404 with a JSON body in both modes.
 * - gross_amount must be a JSON integer (a numeric string is refused); a custom_expiry that
 *   already lies in the past is refused with 400.
 * - Bodies over 16 KB get HTTP 413 {"message": ...} in both modes.
 * - Faults only hit requests that pass auth, and fire before the idempotency cache.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OffsetClock } from '../clock.ts';
import { PAYMENT_TYPES } from '../../common/midtrans-limits.ts';
import type { ApiContext } from './api-handlers.ts';
import { createControl } from './control.ts';
import type { LiveSettings } from './control.ts';
import { FaultQueue } from './faults.ts';
import { IdempotencyCache } from './idempotency.ts';
import { Ledger } from './ledger.ts';
import { QrPngCache } from './qr-png.ts';
import { RequestLog } from './request-log.ts';
import { createRequestHandler } from './server.ts';
import type { EmulatorOptions, ErrorTransport, RunningEmulator } from './types.ts';

export type {
  EmulatorControl,
  EmulatorOptions,
  ErrorTransport,
  Fault,
  FaultRule,
  FaultTarget,
  OrderSnapshot,
  PaidVia,
  PayOptions,
  RefundSnapshot,
  RequestLogEntry,
  RequestTarget,
  RunningEmulator,
  TransactionStatus,
} from './types.ts';
export { EmulatorControlError } from './control.ts';
export { basicAuthHeader } from './auth.ts';
export { IN_FLIGHT_BODY } from './server.ts';

export const DEFAULT_MERCHANT_ID = 'G123456789';
const DEFAULT_MERCHANT_NAME = 'KIOSK TRAINING';
const DEFAULT_CITY = 'JAKARTA';
const POSTAL_CODE = '10110';
/** 5814: fast-food restaurants, a typical kiosk merchant. */
const MCC = '5814';
/** Real clocks do not move expiry by themselves; a sweep catches orders nobody asks about. */
const SWEEP_INTERVAL_MS = 1000;

export function defaultServerKey(): string {
  return `SB-Mid-server-EMU${randomBytes(12).toString('base64url')}`;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const serverKey = options.serverKey ?? defaultServerKey();
  const clock = options.clock ?? new OffsetClock();
  const errorTransport: ErrorTransport = options.errorTransport ?? 'openapi';
  if (errorTransport !== 'openapi' && errorTransport !== 'mirror') {
    throw new TypeError(`errorTransport must be 'openapi' or 'mirror', got ${String(errorTransport)}`);
  }
  if (serverKey === '' || serverKey.includes(':'))
    throw new TypeError('serverKey must be non-empty and contain no ":"');
  const enabled = new Set(options.enabledPaymentTypes ?? PAYMENT_TYPES);
  for (const type of enabled) {
    if (!PAYMENT_TYPES.includes(type)) throw new TypeError(`unknown payment type: ${String(type)}`);
  }

  const settings: LiveSettings = { latencyMs: 0, gopayPaidVia: options.gopayPaidVia ?? 'qris' };
  const ledger = new Ledger(clock);
  const faults = new FaultQueue();
  const log = new RequestLog();
  const control = createControl({ ledger, faults, log, clock, settings });
  control.setLatency(options.latencyMs ?? 0);

  const abort = new AbortController();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}`;

  const merchantId = options.merchantId ?? DEFAULT_MERCHANT_ID;
  const api: ApiContext = {
    ledger,
    qrPngs: new QrPngCache(),
    merchant: {
      merchantId,
      merchantName: options.merchantName ?? DEFAULT_MERCHANT_NAME,
      city: options.city ?? DEFAULT_CITY,
      postalCode: POSTAL_CODE,
      mcc: MCC,
    },
    response: { baseUrl: url, merchantId, serverKey },
    transport: () => errorTransport,
    enabled,
  };
  server.on(
    'request',
    createRequestHandler({
      serverKey,
      clock,
      log,
      faults,
      idempotency: new IdempotencyCache(clock),
      control,
      settings,
      api,
      signal: abort.signal,
    }),
  );

  const sweep = setInterval(() => ledger.sweep(), SWEEP_INTERVAL_MS);
  sweep.unref();

  let closing: Promise<void> | undefined;
  return {
    url,
    serverKey,
    control,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(sweep);
        abort.abort();
        server.close(() => resolve());
        // Keep-alive sockets and hung requests would otherwise hold close() open indefinitely.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
