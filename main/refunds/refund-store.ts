/**
 * The refunds in the journal's database (tables from main/journal/schema/v5-refunds.ts). Every
 * write is one IMMEDIATE transaction committed with fsync before it returns, like the journal's:
 * a refund's request, with its refund_key, is on disk before the gateway hears of it, and what is
 * left to refund is checked inside the same transaction that takes it, so two tills (or two
 * windows) on one journal cannot both take the last rupiah.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { RefundOrigin, RefundRefusal } from '../../common/refund-contract.ts';
import {
  COLUMNS,
  SELECT,
  toRecord,
  type RefundEventKind,
  type RefundEventRecord,
  type RefundRecord,
  type RefundSqlRow,
} from './refund-rows.ts';

export type { RefundEventKind, RefundEventRecord, RefundRecord } from './refund-rows.ts';

/** What a new refund is, before it is journaled. */
export interface NewRefund {
  refundKey: string;
  environment: string;
  saleId: string | undefined;
  amount: number;
  reason: string;
  requestedBy: string;
  at: number;
  businessDate: string;
}

/** A refund found at the gateway that this till did not make (the dashboard, a chargeback). */
export interface FoundRefund extends NewRefund {
  orderId: string;
  origin: Exclude<RefundOrigin, 'kiosk'>;
  gatewayRefundId: number | undefined;
  gatewayAt: number | undefined;
}

export type RefundResolution =
  | {
      state: 'refunded';
      gatewayRefundId?: number | undefined;
      gatewayAt?: number | undefined;
      detail?: string;
    }
  | { state: 'refused'; refusal: RefundRefusal; detail: string };

/** More than is left of the payment (or of the cash). Nothing was written. */
export class RefundExceedsError extends Error {
  readonly left: number;
  constructor(left: number, amount: number) {
    super(`only ${left} is left to refund, not ${amount}`);
    this.name = 'RefundExceedsError';
    this.left = left;
  }
}

/** Another refund of this payment is still being confirmed. Nothing was written. */
export class RefundBusyError extends Error {
  readonly refundKey: string;
  constructor(refundKey: string) {
    super(`refund ${refundKey} of this payment is still being confirmed with the gateway`);
    this.name = 'RefundBusyError';
    this.refundKey = refundKey;
  }
}

export class RefundStore {
  readonly #db: BetterSqlite3.Database;
  readonly #insert: BetterSqlite3.Statement<[Record<string, unknown>]>;
  readonly #event: BetterSqlite3.Statement<[string, number, string, string]>;
  readonly #byKey: BetterSqlite3.Statement<[string], RefundSqlRow>;
  readonly #ofOrder: BetterSqlite3.Statement<[string], RefundSqlRow>;
  readonly #ofSale: BetterSqlite3.Statement<[string], RefundSqlRow>;
  readonly #open: BetterSqlite3.Statement<[], RefundSqlRow>;
  readonly #taken: BetterSqlite3.Statement<[string], { taken: number; busy: string | null }>;
  readonly #cashTaken: BetterSqlite3.Statement<[string], { taken: number }>;
  readonly #resent: BetterSqlite3.Statement<[number, number, string]>;
  readonly #resolve: BetterSqlite3.Statement<[Record<string, unknown>]>;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    this.#insert = db.prepare(
      `INSERT INTO refunds (${COLUMNS}) VALUES (@refund_key, @environment, @order_id, @sale_id, @tender,
        @origin, @amount, @reason, @state, @requested_by, @created_at, @created_at, @business_date, @sends,
        @sent_at, @resolved_at, @gateway_refund_id, @gateway_at, NULL, @detail)`,
    );
    this.#event = db.prepare('INSERT INTO refund_events (refund_key, at, kind, detail) VALUES (?, ?, ?, ?)');
    this.#byKey = db.prepare(`${SELECT} WHERE refund_key = ?`);
    this.#ofOrder = db.prepare(`${SELECT} WHERE order_id = ? ORDER BY id`);
    this.#ofSale = db.prepare(`${SELECT} WHERE sale_id = ? ORDER BY id`);
    // Must repeat the refunds_open index's WHERE clause for SQLite to use it.
    this.#open = db.prepare(`${SELECT} WHERE state = 'requested' ORDER BY created_at, id`);
    this.#taken = db.prepare(
      `SELECT coalesce(sum(amount), 0) AS taken,
              max(CASE WHEN state = 'requested' THEN refund_key END) AS busy
         FROM refunds WHERE order_id = ? AND state IN ('refunded', 'requested')`,
    );
    this.#cashTaken = db.prepare(
      `SELECT coalesce(sum(amount), 0) AS taken FROM refunds WHERE sale_id = ? AND tender = 'cash'`,
    );
    this.#resent = db.prepare(
      `UPDATE refunds SET sends = sends + 1, sent_at = ?, updated_at = ? WHERE refund_key = ? AND state = 'requested'`,
    );
    this.#resolve = db.prepare(
      `UPDATE refunds SET state = @state, resolved_at = @at, updated_at = @at, refusal = @refusal,
         gateway_refund_id = coalesce(@gateway_refund_id, gateway_refund_id),
         gateway_at = coalesce(@gateway_at, gateway_at), detail = coalesce(@detail, detail)
       WHERE refund_key = @refund_key AND state = 'requested'`,
    );
  }

  get(refundKey: string): RefundRecord | undefined {
    const row = this.#byKey.get(refundKey);
    return row === undefined ? undefined : toRecord(row);
  }

  /** A QRIS/GoPay payment's refunds (and chargebacks), oldest first. */
  ofOrder(orderId: string): RefundRecord[] {
    return this.#ofOrder.all(orderId).map(toRecord);
  }

  /** A sale's refunds: its cash, and its QRIS/GoPay payments' refunds; oldest first. */
  ofSale(saleId: string): RefundRecord[] {
    return this.#ofSale.all(saleId).map(toRecord);
  }

  /** Refunds whose answer is not known yet (every environment), oldest first. */
  open(): RefundRecord[] {
    return this.#open.all().map(toRecord);
  }

  events(refundKey: string): RefundEventRecord[] {
    return this.#db
      .prepare<[string], { seq: number; at: number; kind: string; detail: string }>(
        'SELECT seq, at, kind, detail FROM refund_events WHERE refund_key = ? ORDER BY seq',
      )
      .all(refundKey)
      .map((r) => ({
        seq: r.seq,
        refundKey,
        at: r.at,
        kind: r.kind as RefundEventKind,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
  }

  /**
   * Journals a refund of a QRIS/GoPay payment as requested and about to be sent (sends = 1): the
   * call comes after this commit, so a crash between the two leaves a request that recovery looks
   * up by its key. Throws RefundBusyError or RefundExceedsError (writing nothing) when another
   * refund of the payment is in doubt or `gross` minus what was taken does not cover it.
   */
  request(refund: NewRefund & { orderId: string; gross: number }): RefundRecord {
    this.#db
      .transaction(() => {
        const { taken, busy } = this.#taken.get(refund.orderId) ?? { taken: 0, busy: null };
        if (busy !== null) throw new RefundBusyError(busy);
        const left = refund.gross - taken;
        if (refund.amount > left) throw new RefundExceedsError(Math.max(0, left), refund.amount);
        this.#insertRow(refund, {
          order_id: refund.orderId,
          tender: 'gateway',
          origin: 'kiosk',
          state: 'requested',
          sends: 1,
          sent_at: refund.at,
          resolved_at: null,
          gateway_refund_id: null,
          gateway_at: null,
        });
        this.#append(refund.refundKey, refund.at, 'requested', {
          orderId: refund.orderId,
          amount: refund.amount,
          by: refund.requestedBy,
        });
      })
      .immediate();
    return this.#mustGet(refund.refundKey);
  }

  /**
   * Cash handed back for a sale: journaled as made, with the drawer's pulse, in one commit.
   * `cash` is what the sale took in cash; more than is left of it is RefundExceedsError.
   */
  cashOut(refund: NewRefund & { saleId: string; cash: number }): RefundRecord {
    this.#db
      .transaction(() => {
        const { taken } = this.#cashTaken.get(refund.saleId) ?? { taken: 0 };
        const left = refund.cash - taken;
        if (refund.amount > left) throw new RefundExceedsError(Math.max(0, left), refund.amount);
        this.#insertRow(refund, {
          order_id: null,
          tender: 'cash',
          origin: 'kiosk',
          state: 'refunded',
          sends: 0,
          sent_at: null,
          resolved_at: refund.at,
          gateway_refund_id: null,
          gateway_at: null,
        });
        this.#append(refund.refundKey, refund.at, 'refunded', {
          tender: 'cash',
          amount: refund.amount,
          by: refund.requestedBy,
        });
        this.#append(refund.refundKey, refund.at, 'drawer', { saleId: refund.saleId });
      })
      .immediate();
    return this.#mustGet(refund.refundKey);
  }

  /** The same request goes out again, with the same refund_key: counted before it is sent. */
  resent(refundKey: string, at: number, why: string): RefundRecord {
    this.#db
      .transaction(() => {
        if (this.#resent.run(at, at, refundKey).changes !== 1) return;
        this.#append(refundKey, at, 'sent', { why });
      })
      .immediate();
    return this.#mustGet(refundKey);
  }

  /**
   * Writes a requested refund's outcome, once. Returns the refund as it now stands (already
   * resolved by another path: as it was; this outcome is not written).
   */
  resolve(refundKey: string, outcome: RefundResolution, at: number): RefundRecord {
    this.#db
      .transaction(() => {
        const changed = this.#resolve.run({
          refund_key: refundKey,
          state: outcome.state,
          at,
          refusal: outcome.state === 'refused' ? outcome.refusal : null,
          gateway_refund_id: outcome.state === 'refunded' ? (outcome.gatewayRefundId ?? null) : null,
          gateway_at: outcome.state === 'refunded' ? (outcome.gatewayAt ?? null) : null,
          detail: outcome.detail ?? null,
        }).changes;
        if (changed !== 1) return;
        const { state, ...detail } = outcome;
        this.#append(refundKey, at, state, detail);
      })
      .immediate();
    return this.#mustGet(refundKey);
  }

  /**
   * Refunds found at the gateway that this till did not make, each journaled once (a key already
   * known is skipped). Returns the ones written now.
   */
  adopt(found: readonly FoundRefund[]): RefundRecord[] {
    const written: string[] = [];
    this.#db
      .transaction(() => {
        for (const refund of found) {
          if (this.#byKey.get(refund.refundKey) !== undefined) continue;
          this.#insertRow(refund, {
            order_id: refund.orderId,
            tender: 'gateway',
            origin: refund.origin,
            state: 'refunded',
            sends: 0,
            sent_at: null,
            resolved_at: refund.at,
            gateway_refund_id: refund.gatewayRefundId ?? null,
            gateway_at: refund.gatewayAt ?? null,
          });
          this.#append(refund.refundKey, refund.at, 'adopted', {
            orderId: refund.orderId,
            origin: refund.origin,
            amount: refund.amount,
          });
          written.push(refund.refundKey);
        }
      })
      .immediate();
    return written.map((key) => this.#mustGet(key));
  }

  /** Something worth keeping about a refund that changes nothing (recovery looked, an odd answer). */
  note(refundKey: string, at: number, kind: 'recovery' | 'note', detail: Record<string, unknown>): void {
    this.#append(refundKey, at, kind, detail);
  }

  #insertRow(refund: NewRefund, fields: Record<string, unknown>): void {
    this.#insert.run({
      refund_key: refund.refundKey,
      environment: refund.environment,
      sale_id: refund.saleId ?? null,
      amount: refund.amount,
      reason: refund.reason,
      requested_by: refund.requestedBy,
      created_at: refund.at,
      business_date: refund.businessDate,
      detail: null,
      ...fields,
    });
  }

  #append(refundKey: string, at: number, kind: RefundEventKind, detail: Record<string, unknown>): void {
    this.#event.run(refundKey, at, kind, JSON.stringify(detail));
  }

  #mustGet(refundKey: string): RefundRecord {
    const record = this.get(refundKey);
    if (record === undefined) throw new Error(`refund ${refundKey} is not in the journal`);
    return record;
  }
}
