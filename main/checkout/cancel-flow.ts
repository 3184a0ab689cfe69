/**
 * Ending a pending order ourselves: the cashier's Cancel, the kiosk's own timeout, or a charge
 * whose QR could not be stored. The request is journaled first so a crash resumes it, and the
 * result is always taken from a signed status lookup afterwards, because the customer may have
 * paid a moment before the cancel arrived (the gateway then answers 412 and the status says
 * settlement, and the payment stands).
 */
import type { EndReason } from '../../common/order.ts';
import type { OrderRow } from '../journal/types.ts';
import type { EngineContext } from './context.ts';
import { resolveByStatus, StillUnknownError } from './status-flow.ts';

export type CancelReason = Extract<EndReason, 'cashier-cancel' | 'kiosk-timeout' | 'qr-unavailable'>;

/** The reason journaled with an order's cancel request (the cashier's, unless it says otherwise). */
export function cancelReasonOf(row: OrderRow): CancelReason {
  return (row.endReason as CancelReason | undefined) ?? 'cashier-cancel';
}

export async function cancelAtGateway(
  ctx: EngineContext,
  row: OrderRow,
  reason: CancelReason,
): Promise<OrderRow> {
  let current = row;
  if (current.cancelRequestedAt === undefined) {
    current = ctx.move(
      current,
      { cancelRequestedAt: ctx.clock.now(), endReason: reason },
      { kind: 'cancel-requested', detail: { reason } },
    );
  }
  if (current.state !== 'pending') return current;
  // Expire reads as "Expired" on the customer display, which is what a timeout is.
  const operation = current.endReason === 'kiosk-timeout' ? 'expire' : 'cancel';
  const ref = current.transactionId ?? current.orderId;
  try {
    await ctx.call(
      current.orderId,
      operation,
      () => (operation === 'expire' ? ctx.gateway.expire(ref) : ctx.gateway.cancel(ref)),
      (s) => ({ transactionStatus: s.transactionStatus }),
    );
  } catch {
    // 412 (already paid or expired), a lost answer, or no network: the status lookup decides.
  }
  const after = await resolveByStatus(ctx, current);
  if (after.state === 'pending') {
    throw new StillUnknownError(`the ${operation} of ${after.orderId} has not taken effect yet`);
  }
  return after;
}
