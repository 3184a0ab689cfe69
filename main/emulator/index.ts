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
 * - A refund the issuer will not take is "202 Refund denied by the bank" (the direct refund's
 *   documented rejection) on both refund endpoints; one past its window is 412.
 * - A chargeback is listed in refunds[] (refund_method "chargeback") and counted in the cumulative
 *   refund_amount; the transaction becomes partial_chargeback or chargeback, with status_code 200.
 * - A retry while the first request with its Idempotency-Key is running gets HTTP 202 and
 *   IN_FLIGHT_BODY ({"message": ...}, deliberately without a status_code, which would read as
 *   "denied"). The expire action's "407" answer counts as successful and is cached.
 * - QR images need no auth; an unknown one is HTTP 404 with a JSON body in both modes.
 * - gross_amount must be a JSON integer (a numeric string is refused); a custom_expiry that
 *   already lies in the past is refused with 400.
 * - Bodies over 16 KB get HTTP 413 {"message": ...} in both modes.
 * - Faults only hit requests that pass auth, and fire before the idempotency cache.
 * - With a ledgerFile, orders and refunds (with each refund's first answer, so a refund_key retry
 *   replays across a restart) survive a restart; the Idempotency-Key cache does not, so a charge
 *   retried with its key after a restart is answered afresh (406 while its order_id is held).
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { OffsetClock } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { PAYMENT_TYPES } from '../../common/midtrans-limits.ts';
import type { ApiContext } from './api-handlers.ts';
import { createControl, refundRulesOf } from './control.ts';
import type { LiveSettings } from './control.ts';
import { FaultQueue } from './faults.ts';
import { IdempotencyCache } from './idempotency.ts';
import { removeStaleTempFiles } from '../fs/atomic-file.ts';
import { Ledger } from './ledger.ts';
import { LedgerFileError, corruptLedgerFile, encodeLedgerFile, readLedgerFile } from './ledger-file.ts';
import type { LedgerFileContents } from './ledger-file.ts';
import { DebouncedFileWriter } from './persister.ts';
import { QrPngCache } from './qr-png.ts';
import { RequestLog } from './request-log.ts';
import { createRequestHandler } from './server.ts';
import { defaultServerKey, serverKeyProblem } from './server-key.ts';
import type { EmulatorOptions, ErrorTransport, RunningEmulator } from './types.ts';

export type {
  DashboardRefund,
  EmulatorControl,
  EmulatorOptions,
  ErrorTransport,
  Fault,
  FaultRule,
  FaultTarget,
  OrderSnapshot,
  PaidVia,
  PayOptions,
  RefundRules,
  RefundSnapshot,
  RequestLogEntry,
  RequestTarget,
  RunningEmulator,
  TransactionStatus,
} from './types.ts';
export { EmulatorControlError } from './control.ts';
export { basicAuthHeader } from './auth.ts';
export { IN_FLIGHT_BODY } from './server.ts';
export { LedgerFileError } from './ledger-file.ts';
export { defaultServerKey, loadOrCreateTrainingKey } from './server-key.ts';

export const DEFAULT_MERCHANT_ID = 'G123456789';
const DEFAULT_MERCHANT_NAME = 'KIOSK TRAINING';
const DEFAULT_CITY = 'JAKARTA';
const POSTAL_CODE = '10110';
/** 5814: fast-food restaurants, a typical kiosk merchant. */
const MCC = '5814';
/** Real clocks do not move expiry by themselves; a sweep catches orders nobody asks about. */
const SWEEP_INTERVAL_MS = 1000;

/** The emulator's own clock; it counts how far it was moved so that a restart can resume there. */
class EmulatorClock extends OffsetClock {
  advancedMs = 0;
  onAdvance: () => void = () => undefined;
  override advance(ms: number): void {
    super.advance(ms);
    this.advancedMs += ms;
    this.onAdvance();
  }
}

/**
 * The ledger kept in `file` (a new one when the file does not exist), with a writer that keeps
 * the file in step. The file is written once before this returns, so an unwritable location
 * fails the start rather than the first sale.
 */
function openLedgerFile(
  file: string,
  clock: Clock,
  ownClock: EmulatorClock | undefined,
): { ledger: Ledger; writer: DebouncedFileWriter } {
  try {
    mkdirSync(dirname(file), { recursive: true });
    removeStaleTempFiles(file);
  } catch (error) {
    throw new LedgerFileError(file, `cannot be used: ${(error as Error).message}`, { cause: error });
  }
  const stored = readLedgerFile(file);
  // Resume where the trainer had moved time to, or orders made "later" would predate the restart.
  if (ownClock && stored?.clockAdvancedMs) ownClock.advance(stored.clockAdvancedMs);
  // The writer renders lazily, so it can exist before the ledger it will render.
  const writer = new DebouncedFileWriter(file, () =>
    encodeLedgerFile({ ledger: ledger.state(), clockAdvancedMs: ownClock?.advancedMs ?? null }, clock.now()),
  );
  const ledger = restoreLedger(file, clock, stored, () => writer.changed());
  try {
    writer.writeNowSync();
  } catch (error) {
    throw new LedgerFileError(file, `cannot be written: ${(error as Error).message}`, { cause: error });
  }
  if (ownClock) ownClock.onAdvance = () => writer.changed();
  return { ledger, writer };
}

function restoreLedger(
  file: string,
  clock: Clock,
  stored: LedgerFileContents | null,
  onChange: () => void,
): Ledger {
  try {
    return new Ledger(clock, { ...(stored ? { state: stored.ledger } : {}), onChange });
  } catch (error) {
    throw corruptLedgerFile(file, `is corrupt: ${(error as Error).message}`, error);
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const serverKey = options.serverKey ?? defaultServerKey();
  let ownClock: EmulatorClock | undefined;
  const clock = options.clock ?? (ownClock = new EmulatorClock());
  const errorTransport: ErrorTransport = options.errorTransport ?? 'openapi';
  if (errorTransport !== 'openapi' && errorTransport !== 'mirror') {
    throw new TypeError(`errorTransport must be 'openapi' or 'mirror', got ${String(errorTransport)}`);
  }
  const keyProblem = serverKeyProblem(serverKey);
  if (keyProblem !== null) throw new TypeError(keyProblem);
  if (
    options.ledgerFile !== undefined &&
    (typeof options.ledgerFile !== 'string' || options.ledgerFile === '')
  )
    throw new TypeError('ledgerFile must be a non-empty path');
  const enabled = new Set(options.enabledPaymentTypes ?? PAYMENT_TYPES);
  for (const type of enabled) {
    if (!PAYMENT_TYPES.includes(type)) throw new TypeError(`unknown payment type: ${String(type)}`);
  }

  const settings: LiveSettings = {
    latencyMs: 0,
    gopayPaidVia: options.gopayPaidVia ?? 'qris',
    refundRules: refundRulesOf(options.refundRules),
  };
  const ledgerFile = options.ledgerFile === undefined ? undefined : resolve(options.ledgerFile);
  // Opened before listening, so a refused file leaves no server behind.
  const { ledger, writer } =
    ledgerFile === undefined
      ? { ledger: new Ledger(clock), writer: undefined }
      : openLedgerFile(ledgerFile, clock, ownClock);
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
    refundRules: () => settings.refundRules,
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

  const saveFailed = (error: unknown) =>
    new LedgerFileError(ledgerFile ?? '', `could not be saved: ${(error as Error).message}`, {
      cause: error,
    });

  let closing: Promise<void> | undefined;
  return {
    url,
    serverKey,
    control,
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        abort.abort();
        let saveError: LedgerFileError | undefined;
        try {
          // Before the first await: the ledger is on disk even when the caller does not await close().
          writer?.flushSync();
        } catch (error) {
          saveError = saveFailed(error);
        }
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive sockets and hung requests would otherwise hold close() open indefinitely.
          server.closeAllConnections();
        });
        try {
          // A request whose body had already arrived may still have been handled meanwhile.
          await writer?.close();
        } catch (error) {
          saveError ??= saveFailed(error);
        }
        if (saveError) throw saveError;
      })();
      return closing;
    },
  };
}
