/** The adoption doors of a running kiosk: its checkout engine and its refund desk. */
import type { CheckoutEngine } from '../checkout/engine.ts';
import type { RefundDesk } from '../refunds/index.ts';
import type { AdoptionDoors } from './judge.ts';

export function doorsOf(engine: CheckoutEngine, refunds: RefundDesk): AdoptionDoors {
  return {
    adoptStatus: (orderId, status) => engine.adoptStatus(orderId, status),
    adoptRefunds: (orderId, status) => refunds.adoptFromStatus(orderId, status),
    knownRefunds: (orderId) => refunds.store.ofOrder(orderId),
  };
}
