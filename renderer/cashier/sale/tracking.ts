/**
 * The sale on screen kept in step with main:
 * - its gateway order follows events, snapshots and the history: newest `updatedAt` wins, and a
 *   final state never goes back;
 * - an order this screen did not start is shown only when nothing else needs the cashier (a reload
 *   or a restart in the middle of a sale brings the QR back);
 * - till sales follow 'sale' events and the calls' answers (a paid or voided sale never reopens);
 *   open ones stay known so the cashier can settle them, also after a restart (the snapshot);
 * - a sale waiting for the cashier's decision (its charge ended unpaid) is left only by a decision
 *   or by keeping it open for later.
 */
import type { CashierSnapshot, ScreenOrder } from '../../../common/contract.ts';
import { isFinalState } from '../../../common/order.ts';
import type { SaleView } from '../../../common/till-contract.ts';
import { clockOffset } from '../../shared/clock.ts';
import type { Notice } from '../../shared/errors.ts';
import {
  cartEmpty,
  cleared,
  composing,
  currentSale,
  saleStage,
  withSettings,
  type CashierState,
} from '../cashier-state.ts';
import { newerSale, saleMoney } from './sale-money.ts';

export type TrackingAction =
  | { type: 'snapshot'; snapshot: CashierSnapshot; localNow: number }
  | { type: 'order'; order: ScreenOrder }
  | { type: 'sale'; sale: SaleView }
  | { type: 'history'; orders: ScreenOrder[] }
  | { type: 'orderActionFailed'; notice: Notice }
  /** The rest in cash, charge again or void: sent, answered, or refused. */
  | { type: 'acting' }
  | { type: 'acted'; sale: SaleView }
  | { type: 'actFailed'; notice: Notice }
  /** An open sale from the list, brought on screen to be settled (only with an empty cart). */
  | { type: 'openSale'; saleId: string }
  /** Leave the sale on screen open (in the list) and ring up the next one. */
  | { type: 'keepOpen' }
  | { type: 'newSale' };

/** The later of two views of one order; a final state is never replaced by an open one. */
export function newerOrder(current: ScreenOrder, incoming: ScreenOrder): ScreenOrder {
  if (isFinalState(current.state) && !isFinalState(incoming.state)) return current;
  if (!isFinalState(current.state) && isFinalState(incoming.state)) return incoming;
  return incoming.updatedAt >= current.updatedAt ? incoming : current;
}

/** Keeps open sales and the one on screen; a closed sale nobody is looking at is forgotten. */
function withSale(state: CashierState, sale: SaleView): CashierState {
  const known = state.sales[sale.saleId];
  const next = known === undefined ? sale : newerSale(known, sale);
  const sales = { ...state.sales };
  if (next.state === 'open' || sale.saleId === state.saleId) sales[sale.saleId] = next;
  else delete sales[sale.saleId];
  return { ...state, sales };
}

function adoptOrder(state: CashierState, incoming: ScreenOrder): CashierState {
  const { order } = state;
  if (order !== undefined && order.orderId === incoming.orderId) {
    return { ...state, order: newerOrder(order, incoming) };
  }
  if (isFinalState(incoming.state)) return state;
  // A new charge of the sale on screen (Charge again, or the charge of a sale being started).
  const ours = state.saleId !== undefined && incoming.saleId === state.saleId;
  const stage = saleStage(state);
  const free = order === undefined ? stage !== 'decide' : isFinalState(order.state) && stage !== 'decide';
  if (!ours && !free) return state;
  if (!ours && order !== undefined && incoming.createdAt < order.createdAt) return state;
  const saleId = incoming.saleId ?? (ours ? state.saleId : undefined);
  return { ...state, order: incoming, saleId, orderNotice: undefined };
}

function takeSnapshot(state: CashierState, snapshot: CashierSnapshot, localNow: number): CashierState {
  let next: CashierState = {
    ...withSettings(state, snapshot.settings),
    health: { health: snapshot.health.health, detail: snapshot.health.detail },
    clockOffset: clockOffset(snapshot.serverNow, localNow),
  };
  // Open sales no longer listed have closed meanwhile (their events were missed): only the one
  // on screen is kept, and the history read after every snapshot tells how its order ended.
  const sales: Record<string, SaleView> = {};
  for (const sale of Object.values(next.sales)) {
    if (sale.saleId === next.saleId) sales[sale.saleId] = sale;
  }
  next = { ...next, sales };
  for (const sale of snapshot.openSales) next = withSale(next, sale);

  const { order } = next;
  const open = order === undefined ? undefined : snapshot.openOrders.find((o) => o.orderId === order.orderId);
  if (order !== undefined && open !== undefined) return { ...next, order: newerOrder(order, open) };
  // A live order missing from the snapshot has ended meanwhile: the history brings its end.
  if (order !== undefined && !isFinalState(order.state)) return next;
  const first = snapshot.openOrders[0];
  return first === undefined ? next : adoptOrder(next, first);
}

export function trackingReducer(state: CashierState, action: TrackingAction): CashierState {
  switch (action.type) {
    case 'snapshot':
      return takeSnapshot(state, action.snapshot, action.localNow);
    case 'order':
      return adoptOrder(state, action.order);
    case 'sale':
      return withSale(state, action.sale);
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
    case 'orderActionFailed':
      return { ...state, orderNotice: action.notice };
    case 'acting':
      return { ...state, acting: true, orderNotice: undefined };
    case 'acted':
      return { ...withSale(state, action.sale), acting: false, cashDigits: '' };
    case 'actFailed':
      return { ...state, acting: false, orderNotice: action.notice };
    case 'openSale': {
      const stage = saleStage(state);
      const sale = state.sales[action.saleId];
      if (sale === undefined || sale.state !== 'open' || !composing(stage) || !cartEmpty(state)) return state;
      return { ...cleared(state), saleId: sale.saleId, keypadTarget: 'cash' };
    }
    case 'keepOpen':
      return saleStage(state) === 'decide' ? cleared(state) : state;
    case 'newSale': {
      const stage = saleStage(state);
      if (stage === 'starting' || stage === 'live') return state;
      // Cash taken for a sale still open is given back or kept by a decision, never dropped.
      const sale = currentSale(state);
      if (stage === 'decide' && sale !== undefined && saleMoney(sale).cashTaken > 0) return state;
      return cleared(state);
    }
  }
}
