/**
 * From a journaled sale to a pending transaction with its QR on disk, without ever having two
 * live charges for one sale:
 * - every attempt's Idempotency-Key is committed before the attempt is sent;
 * - an answer that never came (timeout, reset, 5xx, 202 in flight, 406, garbage) is settled by
 *   asking the gateway about the order_id, never by charging again blindly;
 * - only a 404 older than the settle window lets a new attempt go out (the order_id itself then
 *   guards against a late twin: the gateway answers 406 and we ask again).
 */
import { DEFAULT_EXPIRY_SECONDS, IDEMPOTENCY_TTL_MS } from '../../common/midtrans-limits.ts';
import type { EndReason } from '../../common/order.ts';
import type { OrderRow } from '../journal/types.ts';
import { chargeIdempotencyKey } from '../midtrans/client.ts';
import { MidtransError } from '../midtrans/errors.ts';
import type { ChargeResult, StatusResult } from '../midtrans/responses.ts';
import type { ChargeRequest } from '../midtrans/validate.ts';
import { cancelAtGateway, cancelReasonOf } from './cancel-flow.ts';
import type { EngineContext } from './context.ts';
import { verdictOf } from './order-machine.ts';
import { obtainQr } from './qr-flow.ts';
import { applyStatus, resolveByStatus, StillUnknownError } from './status-flow.ts';

function chargeRequest(ctx: EngineContext, row: OrderRow): ChargeRequest {
  // Midtrans' own expiry below 15 minutes is unreliable: it gets at least that, and a shorter
  // kiosk window is enforced by our own Expire call at the deadline.
  const seconds = Math.max(DEFAULT_EXPIRY_SECONDS, Math.ceil(ctx.settings.kioskTimeoutMs / 1000));
  const request: ChargeRequest = {
    paymentType: row.paymentType,
    orderId: row.orderId,
    grossAmount: row.grossAmount,
    // No order_time: the gateway counts from its own clock, so a re-sent attempt is never born stale.
    expiry: { duration: Math.ceil(seconds / 60), unit: 'minute' },
  };
  if (row.items.length > 0) request.items = row.items;
  if (row.paymentType === 'qris') request.qrisAcquirer = ctx.settings.qrisAcquirer;
  return request;
}

/** The gateway said no and created nothing: no lookup can change that. */
function refusedOutright(error: unknown): error is MidtransError {
  return (
    error instanceof MidtransError &&
    error.operation === 'charge' &&
    !error.ambiguous &&
    error.code !== 'duplicate'
  );
}

/** Journals the next attempt (its key first), so a crash after this line is resolved by lookup. */
function beginAttempt(ctx: EngineContext, row: OrderRow): OrderRow {
  const attempt = row.attempt + 1;
  return ctx.move(row, {
    state: 'charging',
    attempt,
    attemptKey: chargeIdempotencyKey(row.orderId, attempt),
    attemptSentAt: ctx.clock.now(),
  });
}

function fail(ctx: EngineContext, row: OrderRow, endReason: EndReason, detail: string): OrderRow {
  return ctx.move(row, { state: 'failed', endReason, detail });
}

async function send(ctx: EngineContext, row: OrderRow): Promise<ChargeResult> {
  const key = row.attemptKey;
  if (key === undefined) throw new Error(`order ${row.orderId} is charging without an attempt key`);
  return ctx.call(
    row.orderId,
    'charge',
    () => ctx.gateway.charge(chargeRequest(ctx, row), { idempotencyKey: key }),
    (r) => ({ attempt: row.attempt, transactionId: r.transactionId, transactionStatus: r.transactionStatus }),
  );
}

/** A charge answer (fresh or replayed) in hand: store the QR and go pending, or end. */
async function adoptCharge(ctx: EngineContext, row: OrderRow, result: ChargeResult): Promise<OrderRow> {
  const common = {
    transactionId: result.transactionId,
    gatewayStatus: result.transactionStatus,
    acquirer: result.acquirer ?? null,
    gatewayExpiryAt: result.expiryTime ?? null,
  };
  if (result.transactionStatus !== 'pending') {
    // A charge answered "deny" (202) or otherwise final: the status lookup has the signed truth.
    return resolveByStatus(ctx, ctx.move(row, common, { kind: 'note', detail: { charge: 'not pending' } }));
  }
  const qr = await obtainQr(ctx, row.orderId, result);
  if (qr === undefined) return pendingToCancel(ctx, row, common);
  const pendingRow = ctx.move(row, {
    ...common,
    state: 'pending',
    qrUrl: result.qrCodeUrl ?? null,
    qrString: result.qrString ?? null,
    deeplinkUrl: result.deeplinkUrl ?? null,
    qrPath: qr.path,
    qrSource: qr.source,
  });
  if (pendingRow.cancelRequestedAt !== undefined) {
    return cancelAtGateway(ctx, pendingRow, cancelReasonOf(pendingRow));
  }
  return pendingRow;
}

/**
 * A live transaction nobody can scan: journaled as pending *with* its cancel request in one
 * commit, so a crash right after still resumes the cancel rather than leaving it payable.
 */
function pendingToCancel(
  ctx: EngineContext,
  row: OrderRow,
  fields: { transactionId: string; gatewayStatus: string; gatewayExpiryAt: number | null },
): Promise<OrderRow> {
  const pending = ctx.move(
    row,
    { ...fields, state: 'pending', cancelRequestedAt: ctx.clock.now(), endReason: 'qr-unavailable' },
    { kind: 'cancel-requested', detail: { reason: 'qr-unavailable' } },
  );
  return cancelAtGateway(ctx, pending, 'qr-unavailable');
}

/** Errors that say nothing about the replay window: ask again later rather than give up. */
function transient(error: unknown): boolean {
  if (!(error instanceof MidtransError)) return true;
  if (error.ambiguous) return true;
  return [
    'network',
    'timeout',
    'connection-lost',
    'server-error',
    'rate-limited',
    'in-progress',
    'unauthorized',
  ].includes(error.code);
}

/** Sends the current attempt of a charging order and follows the answer to its end. */
export async function chargeAndFollow(ctx: EngineContext, row: OrderRow): Promise<OrderRow> {
  let current = row.state === 'created' ? beginAttempt(ctx, row) : row;
  try {
    return await adoptCharge(ctx, current, await send(ctx, current));
  } catch (error) {
    current = ctx.journal.get(row.orderId) ?? current;
    if (current.state !== 'charging') throw error;
    if (refusedOutright(error)) {
      const reason: EndReason = error.code === 'network' ? 'charge-not-received' : 'charge-refused';
      return fail(ctx, current, reason, error.message);
    }
    return resolveCharging(ctx, current);
  }
}

/**
 * A charging order whose last answer we do not have (lost in flight, or a crash): ask the
 * gateway. Found → adopt it; 404 → a new attempt once the old one can no longer arrive.
 * Throws StillUnknownError (or the gateway's error) when it must be asked again later.
 */
export async function resolveCharging(ctx: EngineContext, row: OrderRow): Promise<OrderRow> {
  const found = await ctx.call(
    row.orderId,
    'status',
    () => ctx.gateway.findStatus(row.orderId),
    (s) => ({ found: s !== null, transactionStatus: s?.transactionStatus }),
  );
  ctx.journal.appendEvent(row.orderId, {
    kind: 'recovery',
    at: ctx.clock.now(),
    detail: { attempt: row.attempt, found: found !== null, transactionStatus: found?.transactionStatus },
  });
  if (found !== null) return adoptFound(ctx, row, found);

  const now = ctx.clock.now();
  const sentAt = row.attemptSentAt ?? row.createdAt;
  if (row.attempt > 0 && now - sentAt < ctx.settings.chargeSettleMs) {
    throw new StillUnknownError(`charge attempt ${row.attempt} may still be on its way to the gateway`);
  }
  if (row.cancelRequestedAt !== undefined) {
    return fail(
      ctx,
      row,
      row.endReason ?? 'cashier-cancel',
      'cancelled before the gateway received the charge',
    );
  }
  if (row.attempt >= ctx.settings.maxChargeAttempts || now >= row.deadlineAt) {
    return fail(ctx, row, 'charge-not-received', `the gateway never received charge attempt ${row.attempt}`);
  }
  return chargeAndFollow(ctx, beginAttempt(ctx, row));
}

/** The gateway has the order; we may lack its QR (the charge answer was lost). */
async function adoptFound(ctx: EngineContext, row: OrderRow, status: StatusResult): Promise<OrderRow> {
  if (verdictOf(status).state !== undefined) return applyStatus(ctx, row, status);
  // Still pending: the QR lives only in the charge answer. A re-send with the same
  // Idempotency-Key makes the gateway replay that answer instead of charging again.
  let replay: ChargeResult | undefined;
  try {
    replay = await send(ctx, row);
  } catch (error) {
    // A passing failure says nothing about the replay window: stay charging and ask again, as
    // long as the window (5 minutes from the send) and the customer's patience last.
    const now = ctx.clock.now();
    const windowOpen =
      now < (row.attemptSentAt ?? row.createdAt) + IDEMPOTENCY_TTL_MS && now < row.deadlineAt;
    if (transient(error) && windowOpen) throw error;
    // Otherwise the window has passed (406) or the gateway refuses: the QR cannot be had.
  }
  if (replay?.transactionId === status.transactionId) return adoptCharge(ctx, row, replay);
  return pendingToCancel(ctx, row, {
    transactionId: status.transactionId,
    gatewayStatus: status.transactionStatus,
    gatewayExpiryAt: status.expiryTime ?? null,
  });
}
