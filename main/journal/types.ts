/**
 * What the checkout engine writes to and reads from the journal. The journal is the source of
 * truth about every sale on this till: an order row is committed before its charge is sent, and
 * every gateway call and state change is appended to an event log that is never rewritten.
 */
import type { OrderState, OrderView, QrReady, SaleItem } from '../../common/order.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';

/**
 * One sale as the journal keeps it. The fields the screens see are defined once, by OrderView
 * (common/order.ts); the row adds what only the engine needs, and keeps the QR as columns. The
 * one mapping between the two is viewOf() in main/checkout/views.ts.
 */
export interface OrderRow extends Omit<OrderView, 'qr'> {
  /** Which gateway the order lives at: 'training', 'sandbox', 'production' or 'custom:<base URL>'. */
  environment: string;
  /** Shop-local date of createdAt, YYYY-MM-DD: the day the sale belongs to in reports. */
  businessDate: string;
  /** Idempotency-Key of the latest attempt; committed before that attempt is sent. */
  attemptKey: string | undefined;
  attemptSentAt: number | undefined;
  qrPath: string | undefined;
  qrSource: QrReady['source'] | undefined;
  qrString: string | undefined;
  qrUrl: string | undefined;
  /**
   * The gateway confirmed this attempt ended unpaid: its answer to our own Cancel or Expire, or
   * a charge answered deny. A later "settlement" for it contradicts that and is not released.
   */
  confirmedUnpaid: 'cancel' | 'expire' | 'deny' | undefined;
}

export interface NewOrderRecord {
  orderId: string;
  saleId?: string;
  environment: string;
  paymentType: PaymentType;
  grossAmount: number;
  items: SaleItem[];
  createdAt: number;
  deadlineAt: number;
  businessDate: string;
}

/** Fields an update may change; `undefined` leaves a field alone, `null` clears it. */
export type OrderPatch = {
  [
    K in Exclude<
      keyof OrderRow,
      | 'orderId'
      | 'saleId'
      | 'environment'
      | 'paymentType'
      | 'grossAmount'
      | 'items'
      | 'createdAt'
      | 'businessDate'
      | 'updatedAt'
      | 'refunded'
    >
  ]?: Exclude<OrderRow[K], undefined> | null;
};

export const EVENT_KINDS = [
  /** The order row was written (state created). */
  'created',
  /** A state change; fromState/toState set. */
  'transition',
  /** A request to the gateway and its outcome (operation, duration, code; never credentials). */
  'gateway',
  /** The QR image was stored on disk. */
  'qr',
  /** The cashier or the kiosk timer asked to cancel. */
  'cancel-requested',
  /** A gateway answer failed its signature check. */
  'security',
  /** Recovery at start-up looked at this order. */
  'recovery',
  /** Anything worth keeping that is none of the above. */
  'note',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface JournalEvent {
  seq: number;
  orderId: string;
  at: number;
  kind: EventKind;
  fromState: OrderState | undefined;
  toState: OrderState | undefined;
  detail: Record<string, unknown>;
}

export interface NewEvent {
  kind: EventKind;
  at: number;
  detail?: Record<string, unknown>;
}
