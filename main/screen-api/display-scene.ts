/** What the customer display shows for one order, given whether its QR image is loaded yet. */
import type { DisplayScene } from '../../common/contract.ts';
import type { OrderView } from '../../common/order.ts';

export interface LoadedQr {
  image: string;
  source: 'gateway' | 'local';
}

/** The customer can no longer pay at the kiosk's deadline or the gateway's expiry, whichever is first. */
export function expiresAtOf(order: OrderView): number {
  return order.gatewayExpiryAt === undefined
    ? order.deadlineAt
    : Math.min(order.deadlineAt, order.gatewayExpiryAt);
}

export function sceneOf(order: OrderView, qr: LoadedQr | undefined): DisplayScene {
  const { orderId, grossAmount: amount } = order;
  switch (order.state) {
    case 'created':
    case 'charging':
      return { kind: 'preparing', orderId, amount, items: order.items };
    case 'pending':
      // Until the image is in hand the customer is still waiting for the QR, not for the payment.
      if (qr === undefined) return { kind: 'preparing', orderId, amount, items: order.items };
      return {
        kind: 'qr',
        orderId,
        amount,
        items: order.items,
        paymentType: order.paymentType,
        qr: { image: qr.image, source: qr.source },
        expiresAt: expiresAtOf(order),
      };
    case 'settlement':
      return { kind: 'paid', orderId, amount, paidWith: order.paidWith };
    case 'expire':
      return { kind: 'expired', orderId, amount };
    case 'cancel':
      return { kind: 'cancelled', orderId, amount };
    case 'deny':
    case 'failed':
      return { kind: 'failed', orderId, amount };
  }
}
