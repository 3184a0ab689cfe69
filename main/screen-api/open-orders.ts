/**
 * The orders still open on this till, newest first, for the cashier's snapshot and for the
 * display to pick up after a restart. The journal's open-order index answers this without
 * reading history; without a journal, the newest page of history stands in, since a till runs
 * one sale at a time and an open order is, in practice, among the newest.
 */
import type { OrderView } from '../../common/order.ts';
import { isFinalState } from '../../common/order.ts';
import type { CheckoutEngine } from '../checkout/engine.ts';
import { viewOf } from '../checkout/views.ts';
import type { Journal } from '../journal/journal.ts';

export type OpenOrderJournal = Pick<Journal, 'openOrders'>;

const FALLBACK_PAGE = 50;

export function openOrdersNewestFirst(engine: CheckoutEngine, journal?: OpenOrderJournal): OrderView[] {
  if (journal === undefined) {
    return engine.history({ limit: FALLBACK_PAGE }).orders.filter((order) => !isFinalState(order.state));
  }
  // Orders of another gateway are left alone by the engine; the cashier can do nothing with them.
  const environment = engine.settings.environment;
  return journal
    .openOrders()
    .filter((row) => row.environment === environment)
    .map(viewOf)
    .reverse();
}
