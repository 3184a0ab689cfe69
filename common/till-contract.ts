/**
 * The till's slice of the contract: a sale is what the customer buys (its lines, discounts,
 * service, tax and total) and how it is paid — cash, QRIS/GoPay, or cash and the rest by
 * QRIS/GoPay. Each QRIS/GoPay payment is one gateway order (ScreenOrder), linked to its sale; a
 * sale may need more than one ("charge again" after an expired QR).
 */
import type { PaymentType } from './midtrans-limits.ts';
import type { OrderState } from './order.ts';
import type { CartLine, Discount, PriceBreakdown } from './pricing/types.ts';

/** How the cashier takes the money. */
export type TenderRequest =
  /** The whole total by QRIS or GoPay. */
  | { kind: 'gateway'; paymentType: PaymentType }
  /** Cash only: `received` is what the customer handed over (at least the cash total). */
  | { kind: 'cash'; received: number }
  /** `cash` now, the rest by QRIS or GoPay. */
  | { kind: 'split'; cash: number; paymentType: PaymentType };

export interface TillSaleRequest {
  lines: CartLine[];
  orderDiscount?: Discount;
  tender: TenderRequest;
  /** The manager's PIN, when a discount is above the threshold the manager set. */
  managerPin?: string;
}

export const SALE_STATES = ['open', 'paid', 'voided'] as const;
/**
 * open: money is still due (a charge at the gateway, or one that ended unpaid and the cashier has
 * not decided yet). paid: everything is paid. voided: abandoned, with any cash taken given back.
 */
export type SaleState = (typeof SALE_STATES)[number];

export interface SaleCashView {
  tenderId: number;
  /** What this cash pays of the sale. */
  amount: number;
  received: number;
  change: number;
  /** 'returned': given back to the customer when the sale was voided. */
  state: 'taken' | 'returned';
  at: number;
}

export interface SaleChargeView {
  orderId: string;
  paymentType: PaymentType;
  amount: number;
  state: OrderState;
  /** How the gateway says it was paid, and by whom (QRIS issuer), once settled. */
  paidWith: string | undefined;
  issuer: string | undefined;
  transactionId: string | undefined;
}

export interface SaleView {
  saleId: string;
  state: SaleState;
  createdAt: number;
  updatedAt: number;
  closedAt: number | undefined;
  /** The priced cart as it was sold: lines, discounts, service, tax, total, cash total. */
  breakdown: PriceBreakdown;
  cash: SaleCashView[];
  charges: SaleChargeView[];
  /** Cash taken plus charges settled. */
  paid: number;
  /** Still to pay: 0 once paid or voided. */
  due: number;
  /** The charge still open at the gateway, if any. */
  liveOrderId: string | undefined;
  /** Why a voided sale ended: nothing was paid, or the cash taken was given back. */
  voidReason: 'abandoned' | 'cash-returned' | undefined;
  /**
   * What has been given back of a paid sale (its own rows: `paid` and the rest never change), or
   * undefined while nothing has. `cash` is the part of `amount` handed back from the drawer.
   */
  refunded: { amount: number; cash: number; inDoubt: number } | undefined;
}

export interface TillCashierCommands {
  /** Prices the cart as main does, records the sale, takes the cash, starts the charge. */
  'sale.start': [TillSaleRequest, SaleView];
  /** The rest of an open sale, in cash. */
  'sale.payRestInCash': [{ saleId: string; received: number }, SaleView];
  /** A new QR for what is still due (a new order, linked to the same sale). */
  'sale.chargeAgain': [{ saleId: string; paymentType: PaymentType }, SaleView];
  /** Abandons an open sale with no live charge; cash taken is recorded as given back. */
  'sale.void': [{ saleId: string }, SaleView];
}

export type { DiscountApproval } from './pricing/approval.ts';

/**
 * The bill as the customer display shows it, beside the cart or the QR: the lines, what came off,
 * what was added, and — for cash — what was handed over and the change due.
 */
export interface DisplayBill {
  lines: { name: string; quantity: number; amount: number }[];
  subtotal: number;
  /** Line and order discounts together. */
  discounts: number;
  service: number;
  /** Absent when the bill carries no tax (a field set to undefined would not survive JSON). */
  tax?: { kind: 'pb1' | 'ppn'; ratePercent: number; amount: number; inclusive: boolean };
  total: number;
  cashPaid: number;
  change: number;
  /** What is still to pay (by the QR, when there is one): total − cash paid. */
  due: number;
}

/** The till's functions on the cashier screen's api. */
export interface TillCashierApi {
  startSale(request: TillSaleRequest): Promise<SaleView>;
  payRestInCash(saleId: string, received: number): Promise<SaleView>;
  chargeAgain(saleId: string, paymentType: PaymentType): Promise<SaleView>;
  voidSale(saleId: string): Promise<SaleView>;
  onSale(listener: (event: { sale: SaleView; at: number }) => void): () => void;
}
