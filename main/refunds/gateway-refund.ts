/**
 * A refund through the gateway, from its journaled request to its outcome. The rules it keeps:
 *
 * - the request, with its refund_key, is journaled (as sent) before the call: a crash between the
 *   two leaves a request that is looked up by its key, never one the till forgot;
 * - an answer in doubt (timeout, broken connection, 5xx, an answer that is not this refund's) is
 *   settled by a status lookup that reads refunds[] for this refund_key — never by asking again
 *   under a new key. Only once the settle window has passed without the gateway listing it is the
 *   request sent again, with the same refund_key (Midtrans: "reuse the same key to retry a failed
 *   refund", for 7 days), so the gateway can never make it twice;
 * - a definite no is still checked against refunds[] when an earlier send of the key may have
 *   landed, so a refund that did happen is never recorded as refused;
 * - refunds the gateway lists that this till did not make (the dashboard, a chargeback) are
 *   journaled as found, once.
 */
import { MidtransError } from '../midtrans/errors.ts';
import type { RefundRecord as GatewayRefund, StatusResult } from '../midtrans/responses.ts';
import type { OrderRow } from '../journal/types.ts';
import { businessDateOf } from '../journal/business-date.ts';
import { assertAnswerFor } from '../checkout/status-flow.ts';
import type { RefundRefusal } from '../../common/refund-contract.ts';
import type { RefundContext } from './refund-context.ts';
import type { FoundRefund, RefundRecord } from './refund-store.ts';

/** The refund's outcome is not known yet; look again at `retryAt` at the earliest. */
export class RefundStillUnknown extends Error {
  override readonly name = 'RefundStillUnknown';
  readonly retryAt: number | undefined;
  constructor(message: string, retryAt?: number) {
    super(message);
    this.retryAt = retryAt;
  }
}

const REFUNDABLE_AT_GATEWAY = new Set(['settlement', 'partial_refund']);
const CHARGED_BACK = new Set(['chargeback', 'partial_chargeback']);

export function refOf(order: OrderRow): string {
  // The transaction_id names this very transaction even if its order_id was ever reused.
  return order.transactionId ?? order.orderId;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A definite no to one send, or undefined when the send may have taken effect. */
export function refusalOf(error: unknown): RefundRefusal | undefined {
  if (!(error instanceof MidtransError) || error.ambiguous) return undefined;
  switch (error.code) {
    case 'refund-denied':
      return 'issuer-declined';
    case 'invalid-state':
      return 'not-refundable';
    case 'refund-rejected':
      return 'amount-rejected';
    case 'not-found':
      return 'unknown-at-gateway';
    case 'network':
    case 'rate-limited':
    case 'invalid-request':
      return 'not-sent';
    case 'validation':
    case 'unauthorized':
    case 'payment-type-not-enabled':
    case 'account-blocked':
    case 'malformed-request':
      return 'rejected';
    default:
      // 406 "Duplicate refund ID" says the key is known there: the lookup tells what became of it.
      return undefined;
  }
}

/** The order's signed status, about this very order, journaled as a refund lookup. */
export async function statusOf(
  ctx: RefundContext,
  order: OrderRow,
  refundKey?: string,
): Promise<StatusResult> {
  const ref = refOf(order);
  return ctx.exchange(
    order.orderId,
    'status',
    refundKey,
    async () => {
      const status = await ctx.gateway.status(ref);
      assertAnswerFor(order, status, ref);
      return status;
    },
    (s) => ({
      transactionStatus: s.transactionStatus,
      refundAmount: s.refundAmount,
      refunds: s.refunds.length,
    }),
  );
}

function keyOf(order: OrderRow, entry: GatewayRefund, index: number): string {
  const key = entry.refundKey;
  if (key !== undefined && key.length >= 1 && key.length <= 64) return key;
  return `gw-${order.orderId}-${entry.refundChargebackId ?? `n${index}`}`.slice(0, 64);
}

/**
 * Journals the refunds the gateway lists that this till does not know (made on the dashboard, or
 * a chargeback), except `mine`. Returns the ones written now.
 */
export function adoptFound(
  ctx: RefundContext,
  order: OrderRow,
  status: StatusResult,
  mine?: string,
): RefundRecord[] {
  const known = new Map(ctx.store.ofOrder(order.orderId).map((r) => [r.refundKey, r]));
  const now = ctx.clock.now();
  const found: FoundRefund[] = [];
  status.refunds.forEach((entry, index) => {
    const refundKey = keyOf(order, entry, index);
    if (refundKey === mine) return;
    const knownAs = known.get(refundKey);
    if (knownAs !== undefined) {
      if (knownAs.state === 'refused') {
        // The gateway lists a refund this till recorded as refused: keep the contradiction on record.
        ctx.store.note(refundKey, now, 'note', {
          contradiction: 'the gateway lists this refund as made, the journal has it refused',
          amount: entry.amount,
        });
      }
      return;
    }
    const chargeback =
      entry.method === 'chargeback' ||
      (CHARGED_BACK.has(status.transactionStatus) && entry.refundKey === undefined);
    const reason = entry.reason?.trim() || (chargeback ? 'chargeback' : 'refund on the Midtrans dashboard');
    found.push({
      refundKey,
      orderId: order.orderId,
      saleId: order.saleId,
      environment: order.environment,
      origin: chargeback ? 'chargeback' : 'gateway',
      amount: entry.amount,
      reason: reason.slice(0, 255),
      requestedBy: chargeback ? 'chargeback' : 'midtrans-dashboard',
      at: now,
      businessDate: businessDateOf(now, ctx.utcOffsetMinutes, ctx.cutoffHour),
      gatewayRefundId: entry.refundChargebackId,
      gatewayAt: entry.createdAt,
    });
  });
  if (found.length === 0) return [];
  const written = ctx.store.adopt(found);
  for (const record of written) ctx.changed(record);
  return written;
}

function resolved(
  ctx: RefundContext,
  record: RefundRecord,
  outcome: Parameters<RefundContext['store']['resolve']>[1],
) {
  const after = ctx.store.resolve(record.refundKey, outcome, ctx.clock.now());
  if (after.state !== record.state) ctx.changed(after);
  return after;
}

function refundedBy(
  ctx: RefundContext,
  record: RefundRecord,
  entry: GatewayRefund,
  how: string,
): RefundRecord {
  const detail =
    entry.amount === record.amount
      ? how
      : `${how}; the gateway lists Rp ${entry.amount} for this refund_key, not Rp ${record.amount}`;
  return resolved(ctx, record, {
    state: 'refunded',
    gatewayRefundId: entry.refundChargebackId,
    gatewayAt: entry.createdAt,
    detail,
  });
}

/** Sends the journaled request (its send already counted) and settles what the gateway says. */
export async function sendRefund(
  ctx: RefundContext,
  record: RefundRecord,
  order: OrderRow,
): Promise<RefundRecord> {
  let answer;
  try {
    answer = await ctx.exchange(
      order.orderId,
      'refund',
      record.refundKey,
      () =>
        ctx.gateway.refund(refOf(order), {
          refundKey: record.refundKey,
          amount: record.amount,
          reason: record.reason,
        }),
      (r) => ({ refundAmount: r.refundAmount, transactionStatus: r.transactionStatus, send: record.sends }),
    );
  } catch (error) {
    return afterFailedSend(ctx, record, order, error);
  }
  return resolved(ctx, record, { state: 'refunded', gatewayRefundId: answer.refundChargebackId });
}

async function afterFailedSend(
  ctx: RefundContext,
  record: RefundRecord,
  order: OrderRow,
  error: unknown,
): Promise<RefundRecord> {
  const refusal = refusalOf(error);
  if (refusal === undefined) return settleByLookup(ctx, record, order);
  // Nothing reached the gateway with this first send: there is nothing to look for.
  if (refusal === 'not-sent' && record.sends <= 1) {
    return resolved(ctx, record, { state: 'refused', refusal, detail: message(error) });
  }
  let status: StatusResult | undefined;
  try {
    status = await statusOf(ctx, order, record.refundKey);
  } catch {
    status = undefined;
  }
  if (status !== undefined) {
    adoptFound(ctx, order, status, record.refundKey);
    const mine = status.refunds.find((r) => r.refundKey === record.refundKey);
    if (mine !== undefined)
      return refundedBy(ctx, record, mine, 'an earlier send of this refund_key was made');
  } else if (record.sends > 1) {
    // An earlier send may have landed, and the gateway cannot be asked: not a refusal yet.
    throw new RefundStillUnknown(`refused (${message(error)}), and the lookup failed`);
  }
  return resolved(ctx, record, { state: 'refused', refusal, detail: message(error) });
}

/**
 * The status lookup that settles a refund in doubt: listed under its refund_key → refunded; not
 * listed once the settle window has passed → sent again with the same key, or refused when the
 * gateway could no longer make it anyway. Throws RefundStillUnknown otherwise.
 */
export async function settleByLookup(
  ctx: RefundContext,
  record: RefundRecord,
  order: OrderRow,
): Promise<RefundRecord> {
  let status: StatusResult;
  try {
    status = await statusOf(ctx, order, record.refundKey);
  } catch (error) {
    throw new RefundStillUnknown(`the status lookup failed: ${message(error)}`);
  }
  adoptFound(ctx, order, status, record.refundKey);
  const mine = status.refunds.find((r) => r.refundKey === record.refundKey);
  if (mine !== undefined) return refundedBy(ctx, record, mine, 'found at the gateway by its refund_key');

  const now = ctx.clock.now();
  const { settleMs, maxSends, resendWithinMs } = ctx.settings;
  const sentAt = record.sentAt ?? record.createdAt;
  if (now - sentAt < settleMs) {
    throw new RefundStillUnknown(
      'not listed at the gateway yet; it may still be on its way',
      sentAt + settleMs,
    );
  }
  const left = order.grossAmount - status.refundAmount;
  if (!REFUNDABLE_AT_GATEWAY.has(status.transactionStatus) || left < record.amount) {
    // The gateway never made it, and could not make it now: what the request asked for is gone.
    const refusal: RefundRefusal = REFUNDABLE_AT_GATEWAY.has(status.transactionStatus)
      ? 'amount-rejected'
      : 'not-refundable';
    return resolved(ctx, record, {
      state: 'refused',
      refusal,
      detail: `never listed at the gateway, which now says ${status.transactionStatus} with Rp ${Math.max(0, left)} left`,
    });
  }
  if (record.sends >= maxSends || now - record.createdAt > resendWithinMs) {
    throw new RefundStillUnknown(
      `sent ${record.sends} time(s) and never listed at the gateway: check the Midtrans dashboard`,
      now + ctx.settings.retryCapMs,
    );
  }
  const again = ctx.store.resent(record.refundKey, now, 'not listed at the gateway after the settle window');
  return sendRefund(ctx, again, order);
}
