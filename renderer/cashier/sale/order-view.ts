/** Derived facts about the order on screen, kept apart from the markup that shows them. */
import type { ScreenOrder } from '../../../common/contract.ts';
import { isFinalState } from '../../../common/order.ts';

/** When the customer can no longer pay: the kiosk's own deadline or the gateway's expiry, whichever is first. */
export function orderExpiresAt(order: ScreenOrder): number {
  return order.gatewayExpiryAt === undefined
    ? order.deadlineAt
    : Math.min(order.deadlineAt, order.gatewayExpiryAt);
}

/** The buttons the live order offers in its current state. */
export function orderActions(
  order: ScreenOrder,
  training: boolean,
): { cancel: boolean; checkNow: boolean; simulate: boolean; newSale: boolean } {
  const final = isFinalState(order.state);
  return {
    // A payment held for review is the gateway's (a manager's) to decide, not the till's to cancel.
    cancel: !final && order.state !== 'review',
    checkNow: !final && order.state !== 'created',
    // The emulator can only act as the customer's wallet once it holds a pending charge.
    simulate: training && order.state === 'pending',
    newSale: final,
  };
}

/**
 * What the cashier must be told beyond the state: a security alert on the order, or an Expire or
 * Cancel the gateway has not confirmed yet (until it does, the customer can still pay the QR).
 */
export function orderWarning(order: ScreenOrder): 'contradiction' | 'stop-unconfirmed' | undefined {
  if (order.alert === 'status-contradiction') return 'contradiction';
  if (order.state === 'pending' && order.cancelRequestedAt !== undefined) return 'stop-unconfirmed';
  return undefined;
}

/** The tone of the state banner: waiting, paid, or not paid. */
export function orderTone(order: ScreenOrder): 'waiting' | 'paid' | 'unpaid' | 'failed' {
  if (order.alert !== undefined) return 'failed';
  switch (order.state) {
    case 'settlement':
      return 'paid';
    case 'deny':
    case 'failed':
      return 'failed';
    case 'expire':
    case 'cancel':
      return 'unpaid';
    default:
      return 'waiting';
  }
}
