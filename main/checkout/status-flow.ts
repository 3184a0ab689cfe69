/**
 * The gateway's signed status, applied to a journaled order. Every path that needs to know where
 * an order stands ends here: a pending order's poll, a held order's slow look, a charge answer
 * that was not pending, a cancel that must be confirmed, recovery after a restart.
 *
 * Rules kept here, beyond the signature the client verified:
 * - the answer must be about this order: its order_id, its gross_amount, and the transaction
 *   asked about (a correctly signed answer for another order is not this one's payment);
 * - once the gateway has confirmed this attempt ended unpaid (our own cancel or expire, a deny),
 *   a later "settlement" contradicts it: a security event, the order keeps its unpaid end, and
 *   the alert tells the cashier and reconciliation;
 * - an answer that changes nothing writes nothing (it is counted, not journaled row by row).
 */
import type { OrderState } from '../../common/order.ts';
import type { NewEvent, OrderPatch, OrderRow } from '../journal/types.ts';
import type { StatusResult } from '../midtrans/responses.ts';
import type { EngineContext } from './context.ts';
import { verdictOf } from './order-machine.ts';

/** Thrown when the order's fate is still unknown; the scheduler retries with backoff. */
export class StillUnknownError extends Error {
  override readonly name = 'StillUnknownError';
}

/** A verified answer about another order, amount or transaction: never applied to this one. */
export class AnswerMismatchError extends Error {
  override readonly name = 'AnswerMismatchError';
  readonly code = 'answer-mismatch';
}

/** Refuses a status answer that is not about this order (finding 5 of the money-path audit). */
export function assertAnswerFor(row: OrderRow, status: StatusResult, askedBy: string): void {
  const problems: string[] = [];
  if (status.orderId !== row.orderId) problems.push(`order_id ${status.orderId}`);
  if (status.grossAmount !== row.grossAmount) problems.push(`gross_amount ${status.grossAmount}`);
  if (askedBy !== row.orderId && status.transactionId !== askedBy) {
    problems.push(`transaction ${status.transactionId}`);
  }
  if (problems.length > 0) {
    throw new AnswerMismatchError(
      `Security: a status answer for ${row.orderId} (Rp ${row.grossAmount}) names ${problems.join(', ')}; ` +
        'it is not this order and is not applied',
    );
  }
}

/** Asks for the signed status and applies it (used after any unsigned answer). */
export async function resolveByStatus(ctx: EngineContext, row: OrderRow): Promise<OrderRow> {
  const ref = row.transactionId ?? row.orderId;
  const status = await ctx.call(
    row.orderId,
    'status',
    async () => {
      const answer = await ctx.gateway.status(ref);
      assertAnswerFor(row, answer, ref);
      return answer;
    },
    (s) => ({ transactionStatus: s.transactionStatus, fraudStatus: s.fraudStatus, paid: s.paid }),
    (s) => planStatus(row, s, ctx.clock.now()) === undefined,
  );
  return applyStatus(ctx, row, status);
}

/** Moves the order to what a verified status answer supports; an answer that changes nothing writes nothing. */
export function applyStatus(ctx: EngineContext, row: OrderRow, status: StatusResult): OrderRow {
  const plan = planStatus(row, status, ctx.clock.now());
  if (plan === undefined) return row;
  if (plan.event.kind === 'security') ctx.securityNoted(String(plan.event.detail?.security ?? ''));
  return ctx.move(row, plan.patch, plan.event);
}

interface StatusPlan {
  patch: OrderPatch & { state?: OrderState };
  event: Omit<NewEvent, 'at'>;
}

/** What an answer would write, or undefined when the row already says all of it. */
export function planStatus(row: OrderRow, status: StatusResult, now: number): StatusPlan | undefined {
  const verdict = verdictOf(status);
  const fields: OrderPatch = {
    transactionId: status.transactionId,
    gatewayStatus: status.transactionStatus,
    fraudStatus: status.fraudStatus ?? null,
    paidWith: status.paymentType,
    issuer: status.issuer ?? null,
    acquirer: status.acquirer ?? null,
    ...(status.expiryTime === undefined ? {} : { gatewayExpiryAt: status.expiryTime }),
  };
  // Any "settlement" — releasable, held or doubtful — after the gateway confirmed this attempt
  // ended unpaid contradicts that confirmation.
  if (status.transactionStatus === 'settlement' && row.confirmedUnpaid !== undefined) {
    const security =
      `the gateway confirmed this attempt ended unpaid (${row.confirmedUnpaid}), then a status answer ` +
      `said ${status.transactionStatus}; not released: check the Midtrans dashboard`;
    return {
      patch: { ...fields, state: row.confirmedUnpaid, alert: 'status-contradiction', detail: security },
      event: {
        kind: 'security',
        detail: { security, confirmedUnpaid: row.confirmedUnpaid, answer: status.transactionStatus },
      },
    };
  }
  if (verdict.state === undefined || verdict.state === row.state) {
    // Still open (or still held): what the answer says about where the payment stands. How it
    // will be paid (paidWith, issuer) is recorded when it is.
    const patch: StatusPlan['patch'] = {
      transactionId: status.transactionId,
      gatewayStatus: status.transactionStatus,
      fraudStatus: status.fraudStatus ?? null,
      ...(verdict.detail === undefined ? {} : { detail: verdict.detail }),
    };
    if (unchanged(row, patch)) return undefined;
    return verdict.security === undefined
      ? { patch, event: { kind: 'transition' } }
      : { patch, event: { kind: 'security', detail: { security: verdict.security } } };
  }
  if (verdict.state === 'settlement') {
    return {
      patch: {
        ...fields,
        state: 'settlement',
        settledAt: status.settlementTime ?? now,
        // Paid while we were cancelling: the payment stands, the cancel reason does not.
        endReason: null,
        detail: row.cancelRequestedAt === undefined ? null : 'paid before the cancel reached the gateway',
      },
      event: { kind: 'transition' },
    };
  }
  return {
    patch: {
      ...fields,
      state: verdict.state,
      ...(verdict.endReason === undefined ? {} : { endReason: verdict.endReason }),
      ...(verdict.detail === undefined ? {} : { detail: verdict.detail }),
    },
    event: { kind: 'transition' },
  };
}

function unchanged(row: OrderRow, patch: OrderPatch): boolean {
  return Object.entries(patch).every(([key, value]) => {
    const current = (row as unknown as Record<string, unknown>)[key];
    return (value ?? undefined) === (current ?? undefined);
  });
}
