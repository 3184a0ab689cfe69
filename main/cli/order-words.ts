/** One line for support staff about where an order stands (stderr; stdout has the JSON). */
import type { OrderView } from '../../common/order.ts';
import { rupiah } from './format.ts';

export function describeOrder(order: OrderView): string {
  const head = `order ${order.orderId} (${order.paymentType} ${rupiah(order.grossAmount)})`;
  switch (order.state) {
    case 'settlement': {
      const via = order.paidWith === undefined ? '' : ` with ${order.paidWith}`;
      const issuer = order.issuer === undefined ? '' : ` (${order.issuer})`;
      return `${head} is PAID${via}${issuer}${order.detail === undefined ? '' : `; ${order.detail}`}`;
    }
    case 'pending':
      if (order.cancelRequestedAt !== undefined) {
        return `${head}: the kiosk asked the gateway to end this QR and is waiting for it to confirm; until then the QR may still be paid`;
      }
      return `${head} is waiting for payment${order.qr === undefined ? '' : `; QR: ${order.qr.path}`}`;
    case 'review':
      return `${head}: payment held for review — do not hand over goods yet; a manager decides (fraud_status ${order.fraudStatus ?? '?'})`;
    case 'created':
    case 'charging':
      return `${head} is ${order.state}: whether the gateway has it is not known yet`;
    default: {
      const reason = order.endReason === undefined ? '' : `, ${order.endReason}`;
      return `${head} ended unpaid: ${order.state}${reason}${order.detail === undefined ? '' : `; ${order.detail}`}`;
    }
  }
}

export function stillOpenAdvice(orderId: string): string {
  return `the journal keeps it: "kiosk status ${orderId}" asks again, "kiosk recover" follows it to its end`;
}
