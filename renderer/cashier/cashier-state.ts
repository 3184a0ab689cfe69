/**
 * What the cashier screen knows (CashierState) and the facts derived from it that every part of
 * the screen agrees on: which stage the sale on screen is at, and what a fresh sale looks like.
 * The reducers that change it are state.ts, sale/tracking.ts and compose.ts.
 */
import type { CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import type { PublicSettings, ScreenOrder } from '../../common/contract.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { GatewayHealth } from '../../common/order.ts';
import { isFinalState } from '../../common/order.ts';
import type { Discount } from '../../common/pricing/index.ts';
import type { SaleView } from '../../common/till-contract.ts';
import type { Notice } from '../shared/errors.ts';
import type { CartLine } from './cart/cart.ts';
import type { TenderKind } from './tender/tender.ts';

export type KeypadTarget = 'amount' | 'cash';

export interface ScanNotice {
  kind: 'added' | 'unknown' | 'inactive' | 'locked';
  code: string;
  name: string | undefined;
  /** Grows with every scan, so the same message twice is announced twice. */
  seq: number;
}

export interface CashierState {
  settings: PublicSettings | undefined;
  health: { health: GatewayHealth; detail: string | undefined };
  /** Main-process clock minus this screen's, from the latest snapshot. */
  clockOffset: number;
  /** The gateway order on screen (live, or the result of the last one). */
  order: ScreenOrder | undefined;
  /** The till sale on screen. */
  saleId: string | undefined;
  /** The sale on screen and every open sale known, by id. */
  sales: Readonly<Record<string, SaleView>>;
  cart: CartLine[];
  /** The keypad's amount, sold as a free line. */
  digits: string;
  orderDiscount: Discount | undefined;
  tenderKind: TenderKind;
  paymentType: PaymentType | undefined;
  /** Cash received (cash, the rest in cash) or the cash part (split), as typed. */
  cashDigits: string;
  /** Which amount the keypad and the number keys type. */
  keypadTarget: KeypadTarget;
  history: ScreenOrder[];
  historyLoaded: boolean;
  /** The shop's catalogue, as main last sent it (inactive items flagged). */
  catalogue: CatalogueSnapshot | undefined;
  starting: boolean;
  /** A call on the sale on screen (the rest in cash, charge again, void) is on its way. */
  acting: boolean;
  /** The cashier tried to charge, so problems are shown even for an empty cart. */
  attempted: boolean;
  /** Why the last Charge was refused by the main process. */
  saleNotice: Notice | undefined;
  /** Why the last call on the sale or order on screen failed. */
  orderNotice: Notice | undefined;
  scanNotice: ScanNotice | undefined;
  /** The manager PIN prompt for a large discount, and why the last PIN was refused. */
  approval: { open: boolean; notice: Notice | undefined };
}

/**
 * none: ringing up. starting: Charge sent. live: a QR is up (or being made). decide: the sale's
 * charge ended unpaid and the cashier must charge again, take the rest in cash, or void it.
 * ended: a result is on screen (paid, voided, or an order with no sale behind it).
 */
export type SaleStage = 'none' | 'starting' | 'live' | 'decide' | 'ended';

export function initialCashierState(): CashierState {
  return {
    settings: undefined,
    health: { health: 'unknown', detail: undefined },
    clockOffset: 0,
    order: undefined,
    saleId: undefined,
    sales: {},
    cart: [],
    digits: '',
    orderDiscount: undefined,
    tenderKind: 'gateway',
    paymentType: undefined,
    cashDigits: '',
    keypadTarget: 'amount',
    history: [],
    historyLoaded: false,
    catalogue: undefined,
    starting: false,
    acting: false,
    attempted: false,
    saleNotice: undefined,
    orderNotice: undefined,
    scanNotice: undefined,
    approval: { open: false, notice: undefined },
  };
}

export function currentSale(state: CashierState): SaleView | undefined {
  return state.saleId === undefined ? undefined : state.sales[state.saleId];
}

export function saleStage(state: CashierState): SaleStage {
  if (state.starting) return 'starting';
  const { order } = state;
  if (order !== undefined && !isFinalState(order.state)) return 'live';
  const sale = currentSale(state);
  if (sale === undefined) return order === undefined ? 'none' : 'ended';
  if (sale.state !== 'open') return 'ended';
  // An older view of the sale than of its order: the order's settlement paid what was due.
  if (order?.state === 'settlement' && order.saleId === sale.saleId) return 'ended';
  // A new charge whose order has not reached this screen yet.
  if (sale.liveOrderId !== undefined && sale.liveOrderId !== order?.orderId) return 'live';
  return 'decide';
}

/** Nothing rung up and nothing typed. */
export function cartEmpty(state: CashierState): boolean {
  return state.cart.length === 0 && state.digits === '';
}

/** Whether ringing up may change now; after a result, a change starts the next sale. */
export function composing(stage: SaleStage): boolean {
  return stage === 'none' || stage === 'ended';
}

function choosePaymentType(
  current: PaymentType | undefined,
  enabled: readonly PaymentType[],
): PaymentType | undefined {
  return current !== undefined && enabled.includes(current) ? current : enabled[0];
}

export function withSettings(state: CashierState, settings: PublicSettings): CashierState {
  return { ...state, settings, paymentType: choosePaymentType(state.paymentType, settings.paymentTypes) };
}

/** The next sale starts empty, paid by QRIS/GoPay unless the cashier chooses otherwise. */
export function cleared(state: CashierState): CashierState {
  return {
    ...state,
    order: undefined,
    saleId: undefined,
    cart: [],
    digits: '',
    orderDiscount: undefined,
    tenderKind: 'gateway',
    cashDigits: '',
    keypadTarget: 'amount',
    attempted: false,
    saleNotice: undefined,
    orderNotice: undefined,
    approval: { open: false, notice: undefined },
  };
}
