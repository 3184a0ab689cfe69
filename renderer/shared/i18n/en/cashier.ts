import type { cashier as id } from '../id/cashier.ts';
import type { SameKeys } from '../shape.ts';

export const cashier: SameKeys<typeof id> = {
  title: 'Cashier',
  mode: {
    training: 'TRAINING — no real money',
    sandbox: 'SANDBOX — Midtrans test environment, no real money',
    production: 'PRODUCTION — real money',
  },
  health: {
    label: 'Gateway',
    ok: 'Connected',
    unreachable: 'Unreachable',
    unauthorized: 'Server key refused',
    'rate-limited': 'Too many requests, waiting',
    untrusted: 'Answer not trusted',
    unknown: 'Not known yet',
  },
  language: {
    label: 'Language',
    id: 'Bahasa Indonesia',
    en: 'English',
  },
  amount: {
    label: 'Amount',
    fromItems: 'Amount = the cart total. The keypad is not used while the cart has items.',
  },
  keypad: {
    label: 'Amount keypad',
    back: 'Delete one digit',
    clear: 'Clear the amount',
  },
  items: {
    title: 'Items',
    add: 'Add {{name}}, {{price}}',
  },
  cart: {
    title: 'Cart',
    empty: 'The cart is empty. Tap an item to add it.',
    total: 'Total',
    inc: 'One more {{name}}',
    dec: 'One fewer {{name}}',
    quantity: 'Quantity of {{name}}',
    clear: 'Clear the cart',
  },
  paymentType: {
    label: 'Payment type',
  },
  charge: {
    button: 'Charge {{amount}}',
    buttonEmpty: 'Charge',
    starting: 'Starting…',
    reasonConnecting: 'Connecting to the kiosk…',
    reasonOffline: 'The connection to the kiosk is lost.',
    reasonLive: 'Finish the sale in progress first.',
    reasonEnded: 'Press "New sale" to start again.',
    reasonStarting: 'The sale is starting.',
  },
  order: {
    title: 'Sale',
    state: {
      created: 'Creating the order…',
      charging: 'Requesting the QR code…',
      pending: 'Waiting for the customer to pay',
      review: 'Payment held for review — do not hand over goods yet; a manager decides',
      settlement: 'Paid',
      expire: 'Expired',
      cancel: 'Cancelled',
      deny: 'Declined',
      failed: 'Failed',
    },
    warning: {
      contradiction:
        'Security alert: the gateway\'s answers contradict each other (ended unpaid, then "paid"). Do not hand over goods; check the Midtrans dashboard.',
      'stop-unconfirmed':
        'The kiosk has asked the gateway to stop this QR, but it has not confirmed yet: until it does, the QR may still be paid.',
    },
    reason: {
      'cashier-cancel': 'Cancelled by the cashier.',
      'kiosk-timeout': 'The payment time ran out.',
      'charge-refused': 'The gateway refused the charge.',
      'charge-not-received': 'The charge never reached the gateway.',
      'qr-unavailable': 'The QR code could not be fetched; the charge was cancelled.',
      'gateway-failure': 'The gateway reported a failure.',
      'environment-mismatch': 'This order belongs to another gateway environment.',
    },
    timeLeft: 'Time left',
    paidWith: 'Paid with {{method}}',
    cancel: 'Cancel',
    checkNow: 'Check now',
    simulatePay: 'Simulate customer payment',
    simulateDeny: 'Simulate decline',
    simulateExpire: 'Simulate expiry',
    trainingTools: 'Training tools',
    newSale: 'New sale',
    newSaleHint: 'or press Enter',
  },
  history: {
    title: 'Recent transactions',
    empty: 'No transactions yet.',
    time: 'Time',
    amount: 'Amount',
    type: 'Type',
    state: 'Status',
  },
};
