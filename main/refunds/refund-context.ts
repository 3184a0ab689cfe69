/**
 * What the refund flows share: the journal and the refunds' store, the gateway, the clock, the
 * shop's rules, and the one way they ask the gateway (`exchange`), which journals every call in the
 * order's own event log — so the order's timeline shows what the gateway was asked and said about
 * its refunds, with the refund_key, never a credential.
 */
import type { Clock } from '../clock.ts';
import type { Journal } from '../journal/journal.ts';
import { MidtransError } from '../midtrans/errors.ts';
import type { RefundResult, StatusResult } from '../midtrans/responses.ts';
import type { RefundRequest as GatewayRefundRequest } from '../midtrans/validate.ts';
import type { SalesBook } from '../sales/sales-book.ts';
import type { RefundPolicy } from './refund-policy.ts';
import type { RefundRecord, RefundStore } from './refund-store.ts';

/** The part of the Midtrans client refunds use (the real client, or a test's stand-in). */
export interface RefundGateway {
  refund(id: string, input: GatewayRefundRequest, call?: { direct?: boolean }): Promise<RefundResult>;
  status(id: string): Promise<StatusResult>;
}

export interface RefundSettings {
  /**
   * After a send, how long the request may still be crossing the gateway: before then a lookup
   * that does not list the refund proves nothing (Midtrans' 15 s timeout plus a margin).
   */
  settleMs: number;
  /** How many times one refund_key goes out at most (always the same key). */
  maxSends: number;
  /** A refund still unconfirmed after this long is not sent again (Midtrans takes a key's retry for 7 days). */
  resendWithinMs: number;
  /** Backoff between lookups of a refund in doubt. */
  retryBaseMs: number;
  retryCapMs: number;
}

export const DEFAULT_REFUND_SETTINGS: Readonly<RefundSettings> = {
  settleMs: 20_000,
  maxSends: 5,
  resendWithinMs: 6 * 86_400_000,
  retryBaseMs: 1000,
  retryCapMs: 30_000,
};

export class RefundContext {
  readonly journal: Journal;
  readonly book: SalesBook;
  readonly store: RefundStore;
  readonly gateway: RefundGateway;
  readonly clock: Clock;
  readonly environment: string;
  readonly utcOffsetMinutes: number;
  /** The shop's business day turns at this hour (0-6): a refund after midnight may count on yesterday. */
  readonly cutoffHour: number;
  readonly policy: RefundPolicy;
  readonly settings: RefundSettings;
  readonly random: () => number;
  /** Called after every committed change of a refund, for the desk's listeners. */
  readonly changed: (record: RefundRecord) => void;

  constructor(init: {
    journal: Journal;
    book: SalesBook;
    store: RefundStore;
    gateway: RefundGateway;
    clock: Clock;
    environment: string;
    utcOffsetMinutes: number;
    cutoffHour: number;
    policy: RefundPolicy;
    settings: RefundSettings;
    random: () => number;
    changed: (record: RefundRecord) => void;
  }) {
    this.journal = init.journal;
    this.book = init.book;
    this.store = init.store;
    this.gateway = init.gateway;
    this.clock = init.clock;
    this.environment = init.environment;
    this.utcOffsetMinutes = init.utcOffsetMinutes;
    this.cutoffHour = init.cutoffHour;
    this.policy = init.policy;
    this.settings = init.settings;
    this.random = init.random;
    this.changed = init.changed;
  }

  /** Asks the gateway, journaling the call in the order's event log whatever comes of it. */
  async exchange<T>(
    orderId: string,
    operation: 'refund' | 'status',
    refundKey: string | undefined,
    call: () => Promise<T>,
    describe: (result: T) => Record<string, unknown>,
  ): Promise<T> {
    const started = this.clock.now();
    const base = { operation, purpose: 'refund', ...(refundKey === undefined ? {} : { refundKey }) };
    try {
      const result = await call();
      this.journal.appendEvent(orderId, {
        kind: 'gateway',
        at: this.clock.now(),
        detail: { ...base, outcome: 'ok', ms: this.clock.now() - started, ...describe(result) },
      });
      return result;
    } catch (error) {
      const detail: Record<string, unknown> = { ...base, ms: this.clock.now() - started };
      if (error instanceof MidtransError) {
        detail.outcome = error.code;
        detail.ambiguous = error.ambiguous;
        if (error.httpStatus !== undefined) detail.httpStatus = error.httpStatus;
        if (error.statusCode !== undefined) detail.statusCode = error.statusCode;
        // The client's messages are its own words and the gateway's status_message only.
        detail.message = error.message;
      } else {
        detail.outcome = error instanceof Error && 'code' in error ? String(error.code) : 'internal-error';
        detail.message = error instanceof Error ? error.message : String(error);
      }
      const security = detail.outcome === 'signature-mismatch' || detail.outcome === 'answer-mismatch';
      this.journal.appendEvent(orderId, {
        kind: security ? 'security' : 'gateway',
        at: this.clock.now(),
        detail,
      });
      throw error;
    }
  }
}
