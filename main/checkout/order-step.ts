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
    default:
      return row;
  }
}

/** One scheduled look at a pending order: status, and at the deadline a last check then Expire. */
async function followPending(ctx: EngineContext, row: OrderRow): Promise<OrderRow> {
  if (row.cancelRequestedAt !== undefined) return cancelAtGateway(ctx, row, cancelReasonOf(row));
  const checked = await resolveByStatus(ctx, row);
  if (checked.state !== 'pending' || ctx.clock.now() < checked.deadlineAt) return checked;
  return cancelAtGateway(ctx, checked, 'kiosk-timeout');
}
