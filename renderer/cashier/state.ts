/**
 * Everything the cashier screen knows, changed only by this reducer so the rules are in one
 * place and testable without a browser:
 * - the order on screen is the one this screen started or found open, updated by events and
 *   snapshots, newest `updatedAt` wins, and a final state never goes back;
 * - a finished order stays on screen (the result) until "New sale", or until the cashier starts
 *   typing the next one;
 * - amount and cart are locked while a sale starts or is live.
 */
import type { CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import type { CashierSnapshot, PublicSettings, ScreenOrder } from '../../common/contract.ts';
import type { SaleView } from '../../common/till-contract.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import { isFinalState, type GatewayHealth } from '../../common/order.ts';
import { clockOffset } from '../shared/clock.ts';
import type { Notice } from '../shared/errors.ts';
import { entryReducer, type EntryAction } from './amount-entry.ts';
import { cartReducer, type CartAction, type CartLine } from './cart.ts';
import { draftSale, type SaleDraft } from './draft.ts';

export interface CashierState {
  settings: PublicSettings | undefined;
  health: { health: GatewayHealth; detail: string | undefined };
  /** Main-process clock minus this screen's, from the latest snapshot. */
  clockOffset: number;
  order: ScreenOrder | undefined;
  digits: string;
  cart: CartLine[];
  paymentType: PaymentType | undefined;
  history: ScreenOrder[];
  historyLoaded: boolean;
  /** The shop's catalogue, as main last sent it (inactive items flagged). */
  catalogue: CatalogueSnapshot | undefined;
  starting: boolean;
  /** The cashier tried to charge, so problems are shown even for an empty amount. */
  attempted: boolean;
  /** Why the last Charge was refused by the main process. */
  saleNotice: Notice | undefined;
  /** Why the last Cancel / Check now / Simulate failed. */
  orderNotice: Notice | undefined;
}

export type CashierAction =
  | { type: 'snapshot'; snapshot: CashierSnapshot; localNow: number }
  | { type: 'settings'; settings: PublicSettings }
  | { type: 'language'; language: PublicSettings['language'] }
  | { type: 'health'; health: GatewayHealth; detail: string | undefined }
  | { type: 'order'; order: ScreenOrder }
  | { type: 'history'; orders: ScreenOrder[] }
  | { type: 'catalogue'; catalogue: CatalogueSnapshot }
  | { type: 'entry'; action: EntryAction }
  | { type: 'cart'; action: CartAction }
  | { type: 'paymentType'; paymentType: PaymentType }
  | { type: 'chargeRefused' }
  | { type: 'starting' }
  | { type: 'started'; sale: SaleView }
  | { type: 'startFailed'; notice: Notice }
  | { type: 'orderActionFailed'; notice: Notice }
  | { type: 'newSale' };

export type SaleStage = 'none' | 'starting' | 'live' | 'ended';

export function initialCashierState(): CashierState {
  return {
    settings: undefined,
    health: { health: 'unknown', detail: undefined },
    clockOffset: 0,
    order: undefined,
    digits: '',
    cart: [],
    paymentType: undefined,
    history: [],
    historyLoaded: false,
    catalogue: undefined,
    starting: false,
    attempted: false,
    saleNotice: undefined,
    orderNotice: undefined,
  };
}

export function saleStage(state: CashierState): SaleStage {
  if (state.order !== undefined) return isFinalState(state.order.state) ? 'ended' : 'live';
  return state.starting ? 'starting' : 'none';
}

export function currentDraft(state: CashierState): SaleDraft {
  return draftSale(state.paymentType, state.settings?.paymentTypes ?? [], state.digits, state.cart);
}

/** The later of two views of one order; a final state is never replaced by an open one. */
export function newerOrder(current: ScreenOrder, incoming: ScreenOrder): ScreenOrder {
  if (isFinalState(current.state) && !isFinalState(incoming.state)) return current;
  if (!isFinalState(current.state) && isFinalState(incoming.state)) return incoming;
  return incoming.updatedAt >= current.updatedAt ? incoming : current;
}

function choosePaymentType(
  current: PaymentType | undefined,
  enabled: readonly PaymentType[],
): PaymentType | undefined {
  return current !== undefined && enabled.includes(current) ? current : enabled[0];
}

function withSettings(state: CashierState, settings: PublicSettings): CashierState {
  return { ...state, settings, paymentType: choosePaymentType(state.paymentType, settings.paymentTypes) };
}

function cleared(state: CashierState): CashierState {
  return {
    ...state,
    order: undefined,
    digits: '',
    cart: [],
    attempted: false,
    saleNotice: undefined,
    orderNotice: undefined,
  };
}

/** An order this screen did not start is shown only if nothing else is going on. */
function adoptOrder(state: CashierState, incoming: ScreenOrder): CashierState {
  const { order } = state;
  if (order !== undefined && order.orderId === incoming.orderId) {
    return { ...state, order: newerOrder(order, incoming) };
  }
  if (isFinalState(incoming.state)) return state;
  if (order === undefined || (isFinalState(order.state) && incoming.createdAt >= order.createdAt)) {
    return { ...state, order: incoming, orderNotice: undefined };
  }
  return state;
}

/** Typing or tapping an item after a result has been seen starts the next sale. */
function editable(state: CashierState): CashierState | undefined {
  const stage = saleStage(state);
  if (stage === 'starting' || stage === 'live') return undefined;
  return stage === 'ended' ? cleared(state) : state;
}

export function cashierReducer(state: CashierState, action: CashierAction): CashierState {
  switch (action.type) {
    case 'snapshot': {
      const { snapshot } = action;
      let next = withSettings(state, snapshot.settings);
      next = {
        ...next,
        health: { health: snapshot.health.health, detail: snapshot.health.detail },
        clockOffset: clockOffset(snapshot.serverNow, action.localNow),
      };
      const { order } = next;
      const open =
        order === undefined ? undefined : snapshot.openOrders.find((o) => o.orderId === order.orderId);
      if (order !== undefined && open !== undefined) return { ...next, order: newerOrder(order, open) };
      // A live order missing from the snapshot has ended meanwhile; the history read that
      // follows every snapshot brings its final state.
      if (order !== undefined && !isFinalState(order.state)) return next;
      const first = snapshot.openOrders[0];
      return first === undefined ? next : adoptOrder(next, first);
    }
    case 'settings':
      return withSettings(state, action.settings);
    case 'language':
      return state.settings === undefined
        ? state
        : { ...state, settings: { ...state.settings, language: action.language } };
    case 'health':
      return { ...state, health: { health: action.health, detail: action.detail } };
    case 'order':
      return adoptOrder(state, action.order);
    case 'history': {
      const { order } = state;
      const listed = order === undefined ? undefined : action.orders.find((o) => o.orderId === order.orderId);
      return {
        ...state,
        history: action.orders,
        historyLoaded: true,
        order: order !== undefined && listed !== undefined ? newerOrder(order, listed) : order,
      };
    }
    case 'entry': {
      const base = editable(state);
      if (base === undefined || base.cart.length > 0) return state;
      const digits = entryReducer(base.digits, action.action);
      return { ...base, digits, attempted: false, saleNotice: undefined };
    }
    case 'cart': {
      const base = editable(state);
      if (base === undefined) return state;
      return {
        ...base,
        cart: cartReducer(base.cart, action.action),
        attempted: false,
        saleNotice: undefined,
      };
    }
    case 'paymentType': {
      const stage = saleStage(state);
      if (stage === 'starting' || stage === 'live') return state;
      if (!(state.settings?.paymentTypes ?? []).includes(action.paymentType)) return state;
      return { ...state, paymentType: action.paymentType, saleNotice: undefined };
    }
    case 'chargeRefused':
      return { ...state, attempted: true };
    case 'starting':
      return { ...state, starting: true, saleNotice: undefined, orderNotice: undefined };
    case 'started':
      // The sale's charge was announced by its order events, which came before this answer.
      return { ...state, starting: false };
    case 'catalogue':
      return state.catalogue !== undefined && state.catalogue.revision > action.catalogue.revision
        ? state
        : { ...state, catalogue: action.catalogue };
    case 'startFailed':
      return { ...state, starting: false, saleNotice: action.notice };
    case 'orderActionFailed':
      return { ...state, orderNotice: action.notice };
    case 'newSale': {
      const stage = saleStage(state);
      return stage === 'starting' || stage === 'live' ? state : cleared(state);
    }
  }
}

/**
 * After the manager switched environment the main process runs a new engine: health and open
 * orders belong to it, so the screen reads a fresh snapshot instead of trusting what it holds.
 */
export function modeChanged(previous: PublicSettings | undefined, next: PublicSettings): boolean {
  return previous !== undefined && previous.mode !== next.mode;
}
