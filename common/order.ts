/**
 * The kiosk's own view of a sale, as the checkout engine journals it and the screens show it.
 * One sale is one Midtrans order_id; it may take more than one charge attempt (a lost answer
 * followed by a 404 on lookup), but it is never live at the gateway twice.
 */
import type { PaymentType } from './midtrans-limits.ts';
import type { RefundReportLine } from './refund-contract.ts';

/**
 * created: the sale is journaled, nothing sent yet.
 * charging: the attempt's Idempotency-Key is journaled and the charge may be on the wire.
 * pending: the gateway holds a pending transaction and its QR is on disk (QR ready).
 * review: the gateway says settled but the payment is held (fraud_status challenge, or an answer
 *   the kiosk cannot release): do not hand over goods yet; the gateway (a manager there) decides,
 *   and the kiosk keeps asking, slowly.
 * The rest are final.
 */
export const ORDER_STATES = [
  'created',
  'charging',
  'pending',
  'review',
  'settlement',
  'expire',
  'cancel',
  'deny',
  'failed',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const FINAL_ORDER_STATES = ['settlement', 'expire', 'cancel', 'deny', 'failed'] as const;
export type FinalOrderState = (typeof FINAL_ORDER_STATES)[number];

export function isFinalState(state: OrderState): state is FinalOrderState {
  return (FINAL_ORDER_STATES as readonly string[]).includes(state);
}

/** Why an order ended as it did, when the gateway's status alone does not say. */
export const END_REASONS = [
  /** The cashier pressed Cancel. */
  'cashier-cancel',
  /** The kiosk's own payment window ran out; the engine cancelled at the gateway. */
  'kiosk-timeout',
  /** The gateway refused the charge outright (400, 401, 402, 410 ...): nothing was created. */
  'charge-refused',
  /** Every charge attempt was lost and the gateway never received one. */
  'charge-not-received',
  /** The gateway created the charge but its QR could not be obtained; it was cancelled. */
  'qr-unavailable',
  /** The gateway reported failure, or a refund/chargeback before we ever saw the payment. */
  'gateway-failure',
  /** The journal was opened by a kiosk pointed at another gateway environment. */
  'environment-mismatch',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * Something support and the manager must look at, beyond the state. 'status-contradiction': the
 * gateway confirmed this attempt ended unpaid (our own cancel or expire, or a deny), then a status
 * answer said settled. Not released; reconciliation asks the gateway again.
 */
export const ORDER_ALERTS = ['status-contradiction'] as const;
export type OrderAlert = (typeof ORDER_ALERTS)[number];

export interface SaleItem {
  /** Stable item code, for reports. */
  id: string;
  name: string;
  /** Whole rupiah per unit. */
  price: number;
  quantity: number;
}

/** Where the customer display gets its QR from; never a remote URL. */
export interface QrReady {
  /** Absolute path of the PNG on disk (downloaded from generate-qr-code, or drawn locally). */
  path: string;
  /** 'gateway' = downloaded from Midtrans; 'local' = drawn from qr_string. */
  source: 'gateway' | 'local';
  /** EMVCo payload (QRIS), for a renderer that draws the code itself. */
  qrString: string | undefined;
}

/** What has been returned of a paid order (refunds and chargebacks), never a change to the order. */
export interface OrderRefunds {
  /** Refunds and chargebacks that count: made, or still being confirmed with the gateway. */
  count: number;
  /** Returned, in rupiah. */
  amount: number;
  /** Asked for, the gateway's answer not known yet: counted as gone until it is. */
  inDoubt: number;
}

export interface OrderView {
  orderId: string;
  /** The till's sale this order is a QRIS/GoPay payment of (absent for orders made before sales). */
  saleId: string | undefined;
  state: OrderState;
  paymentType: PaymentType;
  grossAmount: number;
  items: SaleItem[];
  createdAt: number;
  updatedAt: number;
  /** When the kiosk stops waiting and cancels at the gateway (ms since epoch). */
  deadlineAt: number;
  /** Charge attempts sent for this sale (only >1 after a lost charge the gateway never saw). */
  attempt: number;
  transactionId: string | undefined;
  /** Last transaction_status the gateway reported. */
  gatewayStatus: string | undefined;
  /** fraud_status of that answer ('accept', 'challenge', 'deny'), when the gateway gave one. */
  fraudStatus: string | undefined;
  /** payment_type as reported by the gateway: a GoPay charge paid by a QRIS scan says "qris". */
  paidWith: string | undefined;
  /** Issuer of the paying wallet or bank app, when the gateway says. */
  issuer: string | undefined;
  acquirer: string | undefined;
  qr: QrReady | undefined;
  /** GoPay deeplink, for a customer paying on the same phone. */
  deeplinkUrl: string | undefined;
  gatewayExpiryAt: number | undefined;
  settledAt: number | undefined;
  finalAt: number | undefined;
  endReason: EndReason | undefined;
  /** Plain-words detail for the screens and support staff (never secrets). */
  detail: string | undefined;
  /**
   * When the cashier or the kiosk's timeout asked the gateway to end this QR. While the order is
   * still pending after that, the gateway has not confirmed it: the QR may still be paid.
   */
  cancelRequestedAt: number | undefined;
  alert: OrderAlert | undefined;
  /** Undefined while nothing has been refunded (or asked to be). */
  refunded: OrderRefunds | undefined;
}

export type GatewayHealth =
  | 'unknown'
  | 'ok'
  /** No connection, timeouts or 5xx. */
  | 'unreachable'
  /** 401: the key is wrong or belongs to the other environment. */
  | 'unauthorized'
  | 'rate-limited'
  /** An answer failed its signature check. */
  | 'untrusted';

export type KioskEvent =
  | { type: 'order'; order: OrderView; previousState: OrderState | null; at: number }
  | { type: 'health'; health: GatewayHealth; detail: string | undefined; at: number };

export interface ReportLine {
  state: FinalOrderState | 'open';
  paymentType: string;
  issuer: string;
  count: number;
  amount: number;
}

export interface DayReport {
  /** Shop-local date, YYYY-MM-DD. */
  date: string;
  lines: ReportLine[];
  settledCount: number;
  settledAmount: number;
  openCount: number;
  /**
   * What went back that day (refunds made or found that day, whatever day the sale was paid): a
   * refund never changes the day its sale was paid, so no day counts it twice.
   */
  refunds: RefundReportLine[];
  /** Refunded and charged back, every tender. */
  refundedCount: number;
  refundedAmount: number;
  /** Asked for, the gateway's answer not known yet (not in refundedAmount). */
  refundsInDoubt: number;
  /** settledAmount less that day's QRIS/GoPay refunds and chargebacks. */
  settledNetAmount: number;
}

export interface HistoryPage {
  orders: OrderView[];
  /** Pass back as `before` to get the next (older) page; undefined on the last page. */
  nextCursor: number | undefined;
}
