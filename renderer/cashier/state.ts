/**
 * The cashier screen's one reducer, so the rules are in one place and testable without a browser.
 * Two halves:
 * - the sale on screen (sale/tracking.ts): the till sale this screen started or opened, and its
 *   gateway order, kept in step with main's events and snapshots (newest wins, a final state never
 *   goes back); open sales with money still due are kept for the cashier to settle;
 * - the sale being rung up (compose.ts): cart, keypad amount, discounts and tender, editable only
 *   while no sale is starting, live or waiting for the cashier's decision.
 * Starting a sale and the manager's approval sit between them, here.
 */
import type { CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import type { PublicSettings } from '../../common/contract.ts';
import type { GatewayHealth } from '../../common/order.ts';
import type { SaleView } from '../../common/till-contract.ts';
import type { Notice } from '../shared/errors.ts';
import { cleared, withSettings, type CashierState } from './cashier-state.ts';
import { composeReducer, isComposeAction, type ComposeAction } from './compose.ts';
import { newerSale } from './sale/sale-money.ts';
import { trackingReducer, type TrackingAction } from './sale/tracking.ts';

export {
  cleared,
  composing,
  currentSale,
  initialCashierState,
  saleStage,
  type CashierState,
  type KeypadTarget,
  type SaleStage,
  type ScanNotice,
} from './cashier-state.ts';
export { newerOrder } from './sale/tracking.ts';

export type CashierAction =
  | TrackingAction
  | ComposeAction
  | { type: 'settings'; settings: PublicSettings }
  | { type: 'language'; language: PublicSettings['language'] }
  | { type: 'health'; health: GatewayHealth; detail: string | undefined }
  | { type: 'catalogue'; catalogue: CatalogueSnapshot }
  | { type: 'chargeRefused' }
  | { type: 'starting' }
  | { type: 'started'; sale: SaleView }
  | { type: 'startFailed'; notice: Notice }
  | { type: 'approvalOpen' }
  | { type: 'approvalRefused'; notice: Notice }
  | { type: 'approvalClose' };

export function cashierReducer(state: CashierState, action: CashierAction): CashierState {
  switch (action.type) {
    case 'settings':
      return withSettings(state, action.settings);
    case 'language':
      return state.settings === undefined
        ? state
        : { ...state, settings: { ...state.settings, language: action.language } };
    case 'health':
      return { ...state, health: { health: action.health, detail: action.detail } };
    case 'catalogue':
      return state.catalogue !== undefined && state.catalogue.revision > action.catalogue.revision
        ? state
        : { ...state, catalogue: action.catalogue };
    case 'chargeRefused':
      return { ...state, attempted: true };
    case 'starting':
      // The PIN prompt stays up while its PIN is checked: a refusal is shown in it.
      return { ...state, starting: true, saleNotice: undefined, orderNotice: undefined };
    case 'started': {
      // The sale now holds what was rung up; the cart is empty for the next one. Its order's
      // events came before this answer and are already on screen.
      const { sale } = action;
      const known = state.sales[sale.saleId];
      return {
        ...cleared(state),
        order: state.order?.saleId === sale.saleId ? state.order : undefined,
        starting: false,
        saleId: sale.saleId,
        sales: { ...state.sales, [sale.saleId]: known === undefined ? sale : newerSale(known, sale) },
      };
    }
    case 'startFailed':
      return {
        ...state,
        starting: false,
        saleNotice: action.notice,
        approval: { open: false, notice: undefined },
      };
    case 'approvalOpen':
      return { ...state, approval: { open: true, notice: undefined } };
    case 'approvalRefused':
      return { ...state, starting: false, approval: { open: true, notice: action.notice } };
    case 'approvalClose':
      return { ...state, approval: { open: false, notice: undefined } };
    default:
      return isComposeAction(action) ? composeReducer(state, action) : trackingReducer(state, action);
  }
}

/**
 * After the manager switched environment the main process runs a new engine: health and open
 * orders belong to it, so the screen reads a fresh snapshot instead of trusting what it holds.
 */
export function modeChanged(previous: PublicSettings | undefined, next: PublicSettings): boolean {
  return previous !== undefined && previous.mode !== next.mode;
}
