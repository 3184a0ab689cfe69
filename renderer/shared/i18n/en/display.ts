import type { display as id } from '../id/display.ts';
import type { SameKeys } from '../shape.ts';

export const display: SameKeys<typeof id> = {
  welcome: 'Welcome',
  total: 'Total',
  preparing: 'Preparing the QR…',
  review: 'The payment provider is checking the payment…',
  scanHint: 'Scan with GoPay or any QRIS app',
  timeLeft: 'Valid for',
  qrAlt: 'Payment QR code',
  qrUnavailable: 'The QR code is not ready. Please ask the cashier.',
  moreItems: '+{{count}} more',
  paid: 'Paid — thank you',
  expired: 'Payment time ran out',
  cancelled: 'Payment cancelled',
  failed: 'Payment was not successful',
  askCashier: 'Please ask the cashier.',
  training: 'TRAINING — not a real payment',
  restByQr: 'Left to pay by QR',
  change: 'Change',
  bill: {
    subtotal: 'Subtotal',
    discounts: 'Discounts',
    service: 'Service charge',
    tax: '{{tax}} {{rate}}',
    taxIncluded: '{{tax}} {{rate}} (included)',
    cash: 'Cash',
    change: 'Change',
  },
};
