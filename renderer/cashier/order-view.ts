/** Derived facts about the order on screen, kept apart from the markup that shows them. */
import type { ScreenOrder } from '../../common/contract.ts';
import { isFinalState } from '../../common/order.ts';

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
    cancel: !final,
    checkNow: !final && order.state !== 'created',
    // The emulator can only act as the customer's wallet once it holds a pending charge.
    simulate: training && order.state === 'pending',
    newSale: final,
  };
}

/** The tone of the state banner: waiting, paid, or not paid. */
export function orderTone(order: ScreenOrder): 'waiting' | 'paid' | 'unpaid' | 'failed' {
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
