/**
 * The refunds' slice of the contract. A manager gives money back for a paid order (a QRIS/GoPay
 * payment) or a paid sale (its cash, and its QRIS/GoPay payments), in full or in part, up to what
 * is left, with a reason; behind the manager's session or PIN. A refund never changes the order
 * or the sale it returns money from: it is a row of its own, counted on the day it is made.
 */

export const REFUND_STATES = ['requested', 'refunded', 'refused'] as const;
/**
 * requested: journaled with its refund_key, the gateway's answer not known yet (a lost answer is
 * looked up by that key; it counts as gone until then). refunded: done. refused: nothing returned.
 */
export type RefundState = (typeof REFUND_STATES)[number];

/** How the money goes back: to the customer's wallet or bank through the gateway, or cash from the drawer. */
export const REFUND_TENDERS = ['gateway', 'cash'] as const;
export type RefundTender = (typeof REFUND_TENDERS)[number];

/**
 * kiosk: asked for at this till. gateway: found at the gateway, made there (the Midtrans
 * dashboard). chargeback: the customer's bank took the money back.
 */
export const REFUND_ORIGINS = ['kiosk', 'gateway', 'chargeback'] as const;
export type RefundOrigin = (typeof REFUND_ORIGINS)[number];

/** Why nothing was returned, when the gateway said no (or never heard the request). */
export const REFUND_REFUSALS = [
  /** The customer's wallet or bank would not take the money back ("Refund denied by the bank"). */
  'issuer-declined',
  /** The gateway will not change this payment now (412): window passed, refunds not enabled, already refunded. */
  'not-refundable',
  /** The gateway refused the amount (414): more than is left there, or the merchant balance is too low. */
  'amount-rejected',
  /** The gateway does not know the payment (404). */
  'unknown-at-gateway',
  /** Any other definite no (a refused key, a request the gateway could not read). */
  'rejected',
  /** The request never reached the gateway (no connection, rate limited). */
  'not-sent',
] as const;
export type RefundRefusal = (typeof REFUND_REFUSALS)[number];

/** How a refund command can be refused, beyond the contract's general codes. */
export const REFUND_ERROR_CODES = [
  /** The request's own values (amount, reason, target); see `problems`. */
  'refund-invalid',
  /** Nothing to refund: not paid (yet), ended unpaid, voided, or charged back. */
  'refund-not-allowed',
  /** More than is left to refund. */
  'refund-too-large',
  /** The shop's rules or the gateway said no (issuer, window, amount); nothing was refunded. */
  'refund-refused',
  /** An earlier refund of the same payment is still being confirmed with the gateway. */
  'refund-pending',
] as const;
export type RefundErrorCode = (typeof REFUND_ERROR_CODES)[number];

export interface RefundView {
  refundKey: string;
  /** The QRIS/GoPay payment refunded; absent for cash. */
  orderId: string | undefined;
  saleId: string | undefined;
  tender: RefundTender;
  origin: RefundOrigin;
  amount: number;
  reason: string;
  state: RefundState;
  /** Who asked: 'manager' (the unlocked settings), 'manager-pin', 'cli', 'midtrans-dashboard', 'chargeback'. */
  requestedBy: string;
  createdAt: number;
  resolvedAt: number | undefined;
  /** Shop-local day the refund counts on (the day it was made, or found). */
  businessDate: string;
  refusal: { code: RefundRefusal; message: { id: string; en: string } } | undefined;
}

/** What one order or sale has been paid and given back, and what may still be refunded. */
export interface RefundSummary {
  orderId: string | undefined;
  saleId: string | undefined;
  /** Paid and not voided: the settled payment, or the sale's settled payments and cash taken. */
  paid: number;
  refunded: number;
  /** Asked for, the gateway's answer not known yet: neither refundable again nor counted as refunded. */
  inDoubt: number;
  /** What a new refund may return now: paid − refunded − in doubt. */
  left: number;
  /** Of `left`, what would go back in cash (the sale's cash). */
  cashLeft: number;
  refunds: RefundView[];
}

export interface RefundRequest {
  /** Exactly one of orderId (a QRIS/GoPay payment) and saleId (a whole sale: cash first). */
  orderId?: string;
  saleId?: string;
  /** Whole rupiah; absent: everything that is left. */
  amount?: number;
  /** Shown to the customer (in the GoPay history) and in the journal. */
  reason: string;
  /** The manager's PIN for this one act, when the settings are not unlocked. */
  managerPin?: string;
}

export interface RefundOutcome {
  /** The refunds this request made, in the order they were made (one per tender). */
  refunds: RefundView[];
  /** False while a QRIS/GoPay part is still being confirmed with the gateway (a 'refund' event follows). */
  complete: boolean;
  /** What the manager should know beyond the figures (a part still in doubt, cash to hand over). */
  message: { id: string; en: string } | undefined;
  summary: RefundSummary;
}

export type RefundTarget = { orderId: string } | { saleId: string };

/** Behind the manager's unlocked session, or the manager PIN given with the command. */
export interface RefundManagerCommands {
  'refund.create': [RefundRequest, RefundOutcome];
  'refund.list': [{ orderId?: string; saleId?: string; managerPin?: string }, RefundSummary];
}

/** To the cashier whenever a refund is made, refused or found at the gateway. */
export interface RefundEvent {
  refund: RefundView;
  summary: RefundSummary;
  /** A cash refund: the drawer should open (the printing side pulses it). */
  drawer: boolean;
  at: number;
}

/** A refund line of the day report: what went back that day, by tender and how it was paid. */
export interface RefundReportLine {
  state: Exclude<RefundState, 'refused'>;
  tender: RefundTender;
  origin: RefundOrigin;
  /** How the refunded payment was made (qris, gopay), or 'cash'. */
  paymentType: string;
  issuer: string;
  count: number;
  amount: number;
}

/** The settings screen's refund functions (part of ManagerApi). */
export interface RefundManagerApi {
  create(request: RefundRequest): Promise<RefundOutcome>;
  list(target: RefundTarget & { managerPin?: string }): Promise<RefundSummary>;
}
