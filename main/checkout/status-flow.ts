/**
 * The gateway's signed status, applied to a journaled order. Every path that needs to know where
 * an order stands ends here: a pending order's poll, a charge answer that was not pending, a
 * cancel that must be confirmed, recovery after a restart. Only a verified answer moves an order,
 * and an answer that changes nothing writes nothing.
 */
import type { OrderRow } from '../journal/types.ts';
import type { StatusResult } from '../midtrans/responses.ts';
import type { EngineContext } from './context.ts';
import { verdictOf } from './order-machine.ts';

/** Thrown when the order's fate is still unknown; the scheduler retries with backoff. */
export class StillUnknownError extends Error {
  override readonly name = 'StillUnknownError';
}

/** Asks for the signed status and applies it (used after any unsigned answer). */
export async function resolveByStatus(ctx: EngineContext, row: OrderRow): Promise<OrderRow> {
  const status = await ctx.call(
    row.orderId,
    'status',
    () => ctx.gateway.status(row.transactionId ?? row.orderId),
    (s) => ({ transactionStatus: s.transactionStatus, paid: s.paid }),
    (s) => s.transactionStatus === row.gatewayStatus && s.transactionStatus === 'pending',
  );
  return applyStatus(ctx, row, status);
}

/** Moves the order to what a verified status answer supports; open answers change nothing. */
export function applyStatus(ctx: EngineContext, row: OrderRow, status: StatusResult): OrderRow {
  const verdict = verdictOf(status);
  const fields = {
    transactionId: status.transactionId,
    gatewayStatus: status.transactionStatus,
    paidWith: status.paymentType,
    issuer: status.issuer ?? null,
    acquirer: status.acquirer ?? null,
    ...(status.expiryTime === undefined ? {} : { gatewayExpiryAt: status.expiryTime }),
  };
  if (verdict.state === undefined) {
    if (row.gatewayStatus === status.transactionStatus && verdict.detail === undefined) return row;
    return ctx.move(row, { ...fields, ...(verdict.detail === undefined ? {} : { detail: verdict.detail }) });
  }
  if (verdict.state === 'settlement') {
    return ctx.move(row, {
      ...fields,
      state: 'settlement',
      settledAt: status.settlementTime ?? ctx.clock.now(),
      // Paid while we were cancelling: the payment stands, the cancel reason does not.
      endReason: null,
      detail: row.cancelRequestedAt === undefined ? null : 'paid before the cancel reached the gateway',
    });
  }
  return ctx.move(row, {
    ...fields,
    state: verdict.state,
    ...(verdict.endReason === undefined ? {} : { endReason: verdict.endReason }),
    ...(verdict.detail === undefined ? {} : { detail: verdict.detail }),
  });
}
