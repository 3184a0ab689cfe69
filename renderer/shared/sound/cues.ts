/**
 * When each screen makes a sound: on the news, never on a state read again (a reconnect, a
 * snapshot, the same event twice). Pure, so the rules are tested without a browser.
 */
import type { CashierEvents, DisplayScene } from '../../../common/contract.ts';
import { isFinalState } from '../../../common/order.ts';
import type { SaleView } from '../../../common/till-contract.ts';
import type { Tone } from './tones.ts';

const FAILED_ENDS = new Set(['deny', 'expire', 'failed']);

/** The customer display: a new paid, expired or failed scene (not one it already showed). */
export function displayCue(previous: DisplayScene | undefined, next: DisplayScene): Tone | undefined {
  if (previous === undefined) return undefined;
  const key = (scene: DisplayScene) => `${scene.kind}:${'orderId' in scene ? scene.orderId : ''}`;
  if (key(previous) === key(next)) return undefined;
  if (next.kind === 'paid') return 'paid';
  if (next.kind === 'expired' || next.kind === 'failed') return 'failed';
  return undefined;
}

/** The cashier: a sale paid for the first time this screen hears of it. */
export function saleCue(sale: SaleView, paidHeard: Set<string>): Tone | undefined {
  if (sale.state !== 'paid' || paidHeard.has(sale.saleId)) return undefined;
  paidHeard.add(sale.saleId);
  return 'paid';
}

/** The cashier: a QR declined, expired or failed just now (the cashier's own Cancel makes no sound). */
export function orderCue(event: CashierEvents['order']): Tone | undefined {
  const { order, previousState } = event;
  if (!FAILED_ENDS.has(order.state)) return undefined;
  if (previousState !== null && isFinalState(previousState)) return undefined;
  return 'failed';
}
