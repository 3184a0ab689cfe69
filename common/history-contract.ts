/**
 * The history's slice of the contract: every sale of this till, searched and filtered, a page at
 * a time, and one sale's detail with everything the journal kept about it, for the cashier and
 * for support ("what exactly did the gateway say?").
 *
 * A row of the history is a till sale (its lines, its cash, its QRIS/GoPay charges), or a bare
 * gateway order that belongs to no sale (made before the till had sales, or by `kiosk charge`).
 * An order that pays a sale is shown inside its sale.
 */
import type { PaymentType } from './midtrans-limits.ts';
import type { EndReason, OrderAlert, OrderState, SaleItem } from './order.ts';
import type { PriceBreakdown } from './pricing/types.ts';

export const HISTORY_KINDS = ['sale', 'order'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/**
 * One word for where a sale stands. paid; open (money still due); review (the gateway holds the
 * payment); a sale given up is 'voided', or named after how its last QR ended: cancelled,
 * expired, denied, failed. A bare order reads the same way from its own state.
 */
export const HISTORY_STATES = [
  'paid',
  'open',
  'review',
  'cancelled',
  'expired',
  'denied',
  'failed',
  'voided',
] as const;
export type HistoryState = (typeof HISTORY_STATES)[number];

/** How the cashier took the money: cash, QRIS, GoPay, or cash and the rest by QRIS/GoPay. */
export const HISTORY_TENDERS = ['cash', 'qris', 'gopay', 'split'] as const;
export type HistoryTender = (typeof HISTORY_TENDERS)[number];

/** The gateway's payment_type of a payment: a GoPay charge paid by a QRIS scan reports "qris". */
export const HISTORY_PAYMENT_TYPES = ['qris', 'gopay'] as const;

export const HISTORY_PAGE_DEFAULT = 50;
export const HISTORY_PAGE_MAX = 100;

export interface HistoryQuery {
  /** An order id, sale id or transaction id: whole, or its beginning (at least 3 characters). */
  id?: string;
  /** Whole rupiah: a sale's total, or the rounded cash total a cash customer paid; a bare order's amount. */
  amount?: number;
  /** Business dates (YYYY-MM-DD, the shop's days as filed), inclusive; `from` must not be after `to`. */
  from?: string;
  to?: string;
  state?: HistoryState;
  tender?: HistoryTender;
  /** The gateway's payment type as paid ('qris' or 'gopay'). */
  paymentType?: string;
  /** The wallet or bank app the customer paid with, as the gateway names it ('gopay', 'ovo', 'dana' …). */
  issuer?: string;
  /** nextCursor of the previous page, with the same filters. */
  cursor?: string;
  /** 1..HISTORY_PAGE_MAX, default HISTORY_PAGE_DEFAULT. */
  limit?: number;
}

/** One way the sale was (or was to be) paid. */
export interface HistoryTenderView {
  kind: 'cash' | PaymentType;
  amount: number;
  /** Cash: 'taken' or 'returned'. QRIS/GoPay: the order's state. */
  state: 'taken' | 'returned' | OrderState;
  /** QRIS/GoPay: the gateway order. */
  orderId?: string;
  paidWith?: string;
  issuer?: string;
}

export interface HistoryRow {
  kind: HistoryKind;
  /** The sale id, or the bare order's order id. */
  id: string;
  createdAt: number;
  /** The business day it was filed under (YYYY-MM-DD). */
  businessDate: string;
  /** The sale's total (a bare order: its amount). */
  amount: number;
  state: HistoryState;
  /** Absent for a sale given up before any money was asked for. */
  tender: HistoryTender | undefined;
  tenders: HistoryTenderView[];
}

export interface HistoryPageView {
  rows: HistoryRow[];
  /** Pass back as `cursor` (with the same filters) for older rows; absent when there are none. */
  nextCursor: string | undefined;
  /**
   * The search read as many rows as one page may and stopped: it has looked at every business
   * day after this one (and part of it). Older matches may follow with nextCursor. Absent when
   * the page is short only because nothing older matches.
   */
  searchedBackTo: string | undefined;
}

/** A QRIS/GoPay payment of the sale (or the bare order itself), as the journal has it. */
export interface HistoryChargeView {
  orderId: string;
  paymentType: PaymentType;
  amount: number;
  state: OrderState;
  createdAt: number;
  transactionId: string | undefined;
  gatewayStatus: string | undefined;
  fraudStatus: string | undefined;
  paidWith: string | undefined;
  issuer: string | undefined;
  acquirer: string | undefined;
  settledAt: number | undefined;
  finalAt: number | undefined;
  endReason: EndReason | undefined;
  alert: OrderAlert | undefined;
  /** Plain words the engine wrote about how it ended (never a key, never a file path). */
  detail: string | undefined;
  /** Which gateway it lives at: training, sandbox, production, or custom:<origin>. */
  environment: string;
}

export interface HistoryCashView {
  amount: number;
  received: number;
  change: number;
  state: 'taken' | 'returned';
  at: number;
  returnedAt: number | undefined;
}

/** One call to the gateway, as journaled. */
export interface TimelineCall {
  operation: string;
  /** The Core API endpoint it went to ("POST /v2/charge", "GET /v2/{id}/status" …). */
  endpoint: string;
  /** 'ok', or the client's error code ('timeout', 'server-error', 'not-found' …). */
  outcome: string;
  httpStatus: number | undefined;
  statusCode: string | undefined;
  /** How long the call took. */
  ms: number | undefined;
  /** The call may have taken effect although its answer was lost or unreadable. */
  ambiguous: boolean | undefined;
  transactionStatus: string | undefined;
  /** "Still pending" answers counted in one entry: how many, from when to when. */
  repeated: { count: number; firstAt: number; lastAt: number } | undefined;
}

export const TIMELINE_KINDS = [
  // Gateway orders (the journal's events).
  'created',
  'state',
  'gateway',
  'qr',
  'cancel-requested',
  'security',
  'recovery',
  'note',
  // Till sales (the sale's own events).
  'sale-created',
  'cash-taken',
  'cash-returned',
  'sale-paid',
  'sale-voided',
  'approval',
  'sale-note',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One thing that happened to the sale or one of its orders, oldest first. Never a key or a path. */
export interface TimelineEntry {
  at: number;
  kind: TimelineKind;
  /** The gateway order it concerns (absent for the sale's own events). */
  orderId: string | undefined;
  /** State changes. */
  from: string | undefined;
  to: string | undefined;
  call: TimelineCall | undefined;
  /** Plain words journaled with it (a refusal's message, a security finding), cleaned of keys and paths. */
  text: string | undefined;
  /** Other facts journaled with it, by name: amounts, reasons, ids. */
  facts: Record<string, string | number | boolean>;
}

/**
 * A receipt printed for this sale. Filled by the printing module once it merges; until then the
 * list is empty and the screen shows nothing for it.
 */
export interface HistoryReceiptView {
  at: number;
  /** 'receipt', 'copy' … as the printing module names them. */
  kind: string;
  /** Where the print job stands ('printed', 'failed' …). */
  state: string;
  printer: string | undefined;
}

/**
 * A refund of this sale. Filled by the refunds module once it merges; empty until then.
 */
export interface HistoryRefundView {
  at: number;
  amount: number;
  /** 'cash', or the gateway order refunded. */
  method: string;
  state: string;
  reason: string | undefined;
}

export interface HistoryDetail {
  row: HistoryRow;
  /** A till sale: what was sold, as priced (lines, discounts, service, tax, rounding). */
  sale:
    | {
        breakdown: PriceBreakdown;
        closedAt: number | undefined;
        voidReason: 'abandoned' | 'cash-returned' | undefined;
      }
    | undefined;
  /** A bare order: the items it was charged for (often none: a typed amount). */
  items: SaleItem[];
  cash: HistoryCashView[];
  charges: HistoryChargeView[];
  receipts: HistoryReceiptView[];
  refunds: HistoryRefundView[];
  timeline: TimelineEntry[];
}

export interface HistoryCashierCommands {
  /** A page of the history, newest first, searched and filtered. */
  'history.search': [HistoryQuery, HistoryPageView];
  /** One row's detail: a sale by its sale id, or a bare order by its order id. */
  'history.detail': [{ kind: HistoryKind; id: string }, HistoryDetail];
}

/** The history's functions on the cashier screen's api. */
export interface HistoryCashierApi {
  searchHistory(query: HistoryQuery): Promise<HistoryPageView>;
  historyDetail(kind: HistoryKind, id: string): Promise<HistoryDetail>;
}
