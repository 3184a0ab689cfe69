/**
 * Public types of the Midtrans emulator. Everything a test or the training-mode shell needs is
 * declared here so the implementation files can change without touching their callers.
 */
import type { Clock } from '../clock.ts';
import type { PaymentType, QrisAcquirer } from '../../common/midtrans-limits.ts';

export type ErrorTransport = 'openapi' | 'mirror';
export type PaidVia = 'qris' | 'gopay';

export interface EmulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default 'SB-Mid-server-EMU' followed by random base64url. */
  serverKey?: string;
  /** Default 'G123456789'. */
  merchantId?: string;
  merchantName?: string;
  city?: string;
  /** Default a fresh OffsetClock, so time can be advanced while the emulator runs. */
  clock?: Clock;
  /** Where error codes travel (reference §6.3); default 'openapi'. */
  errorTransport?: ErrorTransport;
  /** payment_type reported after a gopay order is paid without an explicit `via`; default 'qris'. */
  gopayPaidVia?: PaidVia;
  /** Added before every /v2 answer; default 0. */
  latencyMs?: number;
  /** A disabled type answers 402; default both. */
  enabledPaymentTypes?: PaymentType[];
  /** Which refunds the gateway turns down (issuers, windows); see RefundRules. */
  refundRules?: Partial<RefundRules>;
  /**
   * Keeps the ledger (every order, attempt and refund, with each refund's first answer) in this
   * JSON file so that a restarted emulator still knows them: training mode restarts with the
   * kiosk, which then asks for the status of its unfinished orders. Loaded at start (a missing
   * file is an empty ledger; a corrupt one or one of an unknown version makes startEmulator
   * reject with a LedgerFileError and is left untouched); saved atomically within a few
   * milliseconds of every change (a crash loses at most those last milliseconds, which is
   * acceptable for training mode only) and synchronously by close(). Missing directories are created.
   * One running emulator per file. Not kept: the Idempotency-Key cache, faults, the request log
   * and latency. With the default clock, how far it was advanced is kept too; a supplied clock
   * is the caller's to restore.
   */
  ledgerFile?: string;
}

export interface RunningEmulator {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43117 */
  url: string;
  serverKey: string;
  control: EmulatorControl;
  /** Stops listening and destroys every open socket, hung requests included. */
  close(): Promise<void>;
}

export type TransactionStatus =
  | 'pending'
  | 'settlement'
  | 'expire'
  | 'cancel'
  | 'deny'
  | 'refund'
  | 'partial_refund'
  | 'chargeback'
  | 'partial_chargeback';

/**
 * Refunds the gateway refuses (reference §4.4, shop-operations §4.1). Windows are counted from
 * settlement, per how the customer paid: QRIS on-us (GoPay acquirer, GoPay issuer) 45 days, off-us
 * 7, the GoPay app (deeplink) 45, the ShopeePay acquirer 365. An issuer in `deniedIssuers` gets
 * "202 Refund denied by the bank" (which off-us issuers accept refunds is UNCONFIRMED: a setting).
 */
export interface RefundRules {
  deniedIssuers: string[];
  /** false: no window is enforced (the clock can be moved far ahead without losing refunds). */
  enforceWindows: boolean;
}

export interface RefundSnapshot {
  /** A chargeback (the customer's bank took the money back) shares the refunds' list and ids. */
  kind: 'refund' | 'chargeback';
  refundChargebackId: number;
  refundChargebackUuid: string;
  refundKey: string;
  amount: number;
  reason: string | null;
  createdAtMs: number;
}

/** The emulator's truth about one charge attempt (one transaction_id). */
export interface OrderSnapshot {
  orderId: string;
  transactionId: string;
  /** payment_type the charge was made with. */
  paymentType: PaymentType;
  /** payment_type that status answers report (a gopay order paid by scanning reports 'qris'). */
  reportedPaymentType: PaymentType;
  transactionStatus: TransactionStatus;
  grossAmount: number;
  transactionTimeMs: number;
  expiryTimeMs: number;
  settlementTimeMs: number | null;
  /** When the order last changed status (charge time while pending). */
  statusChangedAtMs: number;
  acquirer: QrisAcquirer | null;
  issuer: string | null;
  transactionType: 'on-us' | 'off-us' | null;
  merchantCrossReferenceId: string | null;
  paymentOptionType: string | null;
  /** 'accept', or 'challenge' while a settled payment is held for review, or 'deny'. */
  fraudStatus: 'accept' | 'challenge' | 'deny';
  /** The payload behind the QR image (also for gopay orders, whose charge answer omits it). */
  qrString: string;
  refunds: RefundSnapshot[];
  refundedAmount: number;
}

export interface PayOptions {
  /** Only meaningful for gopay orders; defaults to the emulator's gopayPaidVia. */
  via?: PaidVia;
  /** The payer's provider; default 'gopay'. */
  issuer?: string;
  /** 'challenge': settled but held for review by the fraud check, until review() decides. */
  fraudStatus?: 'accept' | 'challenge';
  /**
   * A late payment: settles an order that already expired or was cancelled at the gateway
   * (reconciliation's "paid there, not here"). Real Midtrans treats expire as final; this hook
   * plays the rare GoPay case of a deduction recorded after the order ended.
   */
  late?: boolean;
}

export type ReviewDecision = 'accept' | 'deny';

/** A refund made outside the kiosk (the merchant's dashboard): Midtrans makes up the key. */
export interface DashboardRefund {
  /** Default: all that is left. */
  amount?: number;
  reason?: string;
}

export type FaultTarget = 'charge' | 'status' | 'cancel' | 'expire' | 'refund' | 'qr-code' | 'any';

export type Fault =
  | { kind: 'delay'; ms: number }
  /** `processed`: the gateway acted on the request, then a proxy in front of it failed the answer. */
  | { kind: 'http-error'; httpStatus: number; body?: string | Record<string, unknown>; processed?: boolean }
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'body-error'; statusCode: string | number; statusMessage?: string }
  | { kind: 'reset' }
  | { kind: 'drop-response' }
  | { kind: 'malformed'; body: 'html' | 'truncated-json' | 'empty' | 'not-json-object' }
  | { kind: 'hang' };

export interface FaultRule {
  target: FaultTarget;
  /** How many matching requests it hits; default 1, Infinity for all of them. */
  times?: number;
  fault: Fault;
}

export type RequestTarget =
  'charge' | 'status' | 'cancel' | 'expire' | 'refund' | 'qr-code' | 'simulator' | 'control' | 'unknown';

export interface RequestLogEntry {
  /** 1-based, in arrival order. */
  seq: number;
  method: string;
  /** Path and query as received. */
  path: string;
  target: RequestTarget;
  idempotencyKey: string | null;
  /** Whether the Authorization header carried the server key (also reported where auth is not needed). */
  authValid: boolean;
  /** Emulator-clock time of arrival, epoch ms. */
  timeMs: number;
}

export interface EmulatorControl {
  pay(id: string, opts?: PayOptions): OrderSnapshot;
  deny(id: string): OrderSnapshot;
  /** Decides a payment held for review (settled with fraud_status challenge): accept, or deny it. */
  review(id: string, decision: ReviewDecision): OrderSnapshot;
  expire(id: string): OrderSnapshot;
  /** A refund from the Midtrans dashboard, which the kiosk did not make. */
  refund(id: string, refund?: DashboardRefund): OrderSnapshot;
  /** The customer's bank takes (part of) a settled payment back. Default: all that is left. */
  chargeback(id: string, amount?: number): OrderSnapshot;
  /** Changes which refunds are turned down from now on. */
  setRefundRules(rules: Partial<RefundRules>): void;
  /** Latest attempt for an order_id, or the transaction with that transaction_id. */
  get(id: string): OrderSnapshot | undefined;
  list(): OrderSnapshot[];
  injectFault(rule: FaultRule): void;
  clearFaults(): void;
  setLatency(ms: number): void;
  /** Moves an OffsetClock or ManualClock forward; throws for any other clock. */
  advanceClock(ms: number): void;
  /** The most recent requests (up to 20,000), oldest first. */
  requests(): RequestLogEntry[];
  clearRequests(): void;
}
