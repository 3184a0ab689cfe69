/**
 * The parts of one refund request: what is left of a payment (the gateway asked first), the
 * shop's rules for it, a QRIS/GoPay leg journaled and sent, and a cash leg journaled as handed
 * over. Each throws RefundError, having written nothing but refunds found at the gateway, for a
 * refund it refuses.
 */
import { newOrderId } from '../checkout/order-id.ts';
import { businessDateOf } from '../journal/business-date.ts';
import type { OrderRow } from '../journal/types.ts';
import { MidtransError } from '../midtrans/errors.ts';
import type { SaleRecord } from '../sales/sales-book.ts';
import { adoptFound, RefundStillUnknown, sendRefund, statusOf } from './gateway-refund.ts';
import type { RefundContext } from './refund-context.ts';
import { RefundError } from './refund-errors.ts';
import { policyRefusal } from './refund-policy.ts';
import { RefundBusyError, RefundExceedsError, type RefundRecord } from './refund-store.ts';
import { cashTaken } from './refund-views.ts';
import {
  BUSY_WORDS,
  CHARGED_BACK_WORDS,
  REFUSAL_WORDS,
  tooLargeWords,
  UNREACHABLE_WORDS,
} from './refund-words.ts';

/** One gateway leg of a request: the order and how much of it. */
export interface Leg {
  order: OrderRow;
  amount: number;
}

const REFUNDABLE_AT_GATEWAY = new Set(['settlement', 'partial_refund']);

/** The gateway could not be asked before anything was written: nothing was refunded. */
export function unreachable(error: unknown): RefundError {
  if (error instanceof MidtransError) {
    if (error.code === 'unauthorized') {
      return new RefundError('gateway-unauthorized', {
        id: 'Midtrans menolak server key kasir ini. Tidak ada uang yang dikembalikan.',
        en: "Midtrans refused this till's server key. Nothing was refunded.",
      });
    }
    if (error.code === 'not-found')
      return new RefundError('refund-refused', REFUSAL_WORDS['unknown-at-gateway']);
    if (['network', 'timeout', 'connection-lost', 'server-error', 'rate-limited'].includes(error.code)) {
      return new RefundError('gateway-unreachable', UNREACHABLE_WORDS);
    }
  }
  return new RefundError('gateway-error', {
    id: 'Jawaban Midtrans tentang pembayaran ini tidak dapat dipakai. Tidak ada uang yang dikembalikan.',
    en: "Midtrans's answer about this payment could not be used. Nothing was refunded.",
  });
}

/** What is left of a paid order, the gateway asked first (its dashboard refunds journaled as found). */
export async function leftOf(
  ctx: RefundContext,
  order: OrderRow,
): Promise<{ left: number; elsewhere: number }> {
  if (ctx.store.ofOrder(order.orderId).some((r) => r.state === 'requested')) {
    throw new RefundError('refund-pending', BUSY_WORDS);
  }
  let status;
  try {
    status = await statusOf(ctx, order);
  } catch (error) {
    throw unreachable(error);
  }
  adoptFound(ctx, order, status);
  if (status.transactionStatus === 'chargeback' || status.transactionStatus === 'partial_chargeback') {
    throw new RefundError('refund-not-allowed', CHARGED_BACK_WORDS);
  }
  const refunds = ctx.store.ofOrder(order.orderId);
  const taken = refunds.filter((r) => r.state !== 'refused').reduce((s, r) => s + r.amount, 0);
  const gatewayLeft = REFUNDABLE_AT_GATEWAY.has(status.transactionStatus)
    ? order.grossAmount - status.refundAmount
    : 0;
  const elsewhere = refunds.filter((r) => r.origin !== 'kiosk').reduce((s, r) => s + r.amount, 0);
  return { left: Math.max(0, Math.min(order.grossAmount - taken, gatewayLeft)), elsewhere };
}

export function assertPolicy(ctx: RefundContext, order: OrderRow, amount: number, left: number): void {
  const refusal = policyRefusal(ctx.policy, order, amount, left, ctx.clock.now());
  if (refusal !== null) throw new RefundError('refund-refused', refusal);
}

/** One order's refund, checked: all that is left when no amount is given. */
export async function prepareLeg(
  ctx: RefundContext,
  order: OrderRow,
  amount: number | undefined,
): Promise<Leg> {
  const { left, elsewhere } = await leftOf(ctx, order);
  const want = amount ?? left;
  if (left === 0 || want > left)
    throw new RefundError('refund-too-large', tooLargeWords(left, want, elsewhere));
  assertPolicy(ctx, order, want, left);
  return { order, amount: want };
}

/**
 * Journals one gateway leg with its refund_key, then asks. In doubt, `follow` is told when to look
 * again, and the leg is returned still requested.
 */
export async function sendLeg(
  ctx: RefundContext,
  leg: Leg,
  reason: string,
  by: string,
  follow: (refundKey: string, at: number) => void,
): Promise<RefundRecord> {
  const { clock, store, utcOffsetMinutes, cutoffHour, settings } = ctx;
  const now = clock.now();
  let record: RefundRecord;
  try {
    record = store.request({
      refundKey: newOrderId('R', now, utcOffsetMinutes),
      environment: leg.order.environment,
      orderId: leg.order.orderId,
      saleId: leg.order.saleId,
      gross: leg.order.grossAmount,
      amount: leg.amount,
      reason,
      requestedBy: by,
      at: now,
      businessDate: businessDateOf(now, utcOffsetMinutes, cutoffHour),
    });
  } catch (error) {
    if (error instanceof RefundBusyError) throw new RefundError('refund-pending', BUSY_WORDS);
    if (error instanceof RefundExceedsError)
      throw new RefundError('refund-too-large', tooLargeWords(error.left, leg.amount, 0));
    throw error;
  }
  ctx.changed(record);
  try {
    return await sendRefund(ctx, record, leg.order);
  } catch (error) {
    // In doubt: the journal has it as requested, and it is looked up until the gateway tells.
    const retryAt = error instanceof RefundStillUnknown ? error.retryAt : undefined;
    follow(record.refundKey, retryAt ?? clock.now() + settings.retryBaseMs);
    if (!(error instanceof RefundStillUnknown)) throw error;
    return store.get(record.refundKey) ?? record;
  }
}

/** Cash handed back for a sale, journaled as made (no gateway involved). */
export function cashLeg(
  ctx: RefundContext,
  sale: SaleRecord,
  amount: number,
  reason: string,
  by: string,
): RefundRecord {
  const { clock, store, utcOffsetMinutes, cutoffHour } = ctx;
  const now = clock.now();
  try {
    return store.cashOut({
      refundKey: newOrderId('R', now, utcOffsetMinutes),
      environment: sale.environment,
      saleId: sale.saleId,
      cash: cashTaken(sale),
      amount,
      reason,
      requestedBy: by,
      at: now,
      businessDate: businessDateOf(now, utcOffsetMinutes, cutoffHour),
    });
  } catch (error) {
    if (error instanceof RefundExceedsError)
      throw new RefundError('refund-too-large', tooLargeWords(error.left, amount, 0));
    throw error;
  }
}
