/**
 * One look at an unfinished order, whatever state it is in: the single place that decides which
 * flow moves it along. Polls, recovery after a restart and the cashier's "Check now" all come
 * through here, so they can never disagree about what an order needs next.
 */
import type { OrderRow } from '../journal/types.ts';
import { cancelAtGateway, cancelReasonOf } from './cancel-flow.ts';
import { chargeAndFollow, resolveCharging } from './charge-flow.ts';
import type { EngineContext } from './context.ts';
import { resolveByStatus } from './status-flow.ts';

export async function stepOrder(ctx: EngineContext, row: OrderRow): Promise<OrderRow> {
  switch (row.state) {
    case 'created':
      // Journaled but never sent (a crash in between): only worth charging while the customer
      // can still be waiting.
      if (ctx.clock.now() >= row.deadlineAt) {
        return ctx.move(row, {
          state: 'failed',
          endReason: 'charge-not-received',
          detail: 'the kiosk stopped before the charge was sent',
        });
      }
      return chargeAndFollow(ctx, row);
    case 'charging':
      return resolveCharging(ctx, row);
    case 'pending':
      return followPending(ctx, row);
    case 'review':
      // Held at the gateway: no kiosk deadline applies (the customer has paid); the gateway's
      // decision is what ends it.
      return resolveByStatus(ctx, row);
    default:
      return row;
  }
}

/**
 * One scheduled look at a pending order: its status; at the deadline a last look and then the
 * kiosk's own Expire. The Expire goes out even when that last look fails (a 412 then means paid,
 * and the lookup after it says so), and it is sent again until the gateway confirms: until then
 * the QR may still be paid, and the cashier is told.
 */
async function followPending(ctx: EngineContext, row: OrderRow): Promise<OrderRow> {
  if (row.cancelRequestedAt !== undefined) return cancelAtGateway(ctx, row, cancelReasonOf(row));
  if (ctx.clock.now() < row.deadlineAt) return resolveByStatus(ctx, row);
  let checked: OrderRow;
  try {
    checked = await resolveByStatus(ctx, row);
  } catch {
    // The look failed; the Expire must not wait for the gateway to answer lookups again.
    checked = ctx.journal.get(row.orderId) ?? row;
  }
  if (checked.state !== 'pending') return checked;
  return cancelAtGateway(ctx, checked, 'kiosk-timeout');
}
