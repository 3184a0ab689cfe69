/**
 * Ringing up: the cart, the keypad's amount, the order discount, how the customer pays and the
 * cash typed. All of it is locked while a sale starts or is live; after a result, the first change
 * starts the next sale. The cash typed is also what the rest of an open sale is paid with, so it
 * stays editable while such a sale waits for the cashier's decision.
 */
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { Discount } from '../../common/pricing/index.ts';
import {
  cleared,
  composing,
  saleStage,
  type CashierState,
  type KeypadTarget,
  type ScanNotice,
} from './cashier-state.ts';
import { cartReducer, type CartAction } from './cart/cart.ts';
import type { BarcodeLookup } from './catalogue/catalogue-view.ts';
import { entryAmount, entryReducer, type EntryAction } from './keypad/amount-entry.ts';
import type { TenderKind } from './tender/tender.ts';

export type ComposeAction =
  | { type: 'entry'; target: KeypadTarget; action: EntryAction }
  | { type: 'cart'; action: CartAction }
  /** The keypad's amount becomes a line of the cart, and the keypad is free for the next one. */
  | { type: 'addTyped'; name: string }
  | { type: 'orderDiscount'; discount: Discount | undefined }
  | { type: 'tender'; kind: TenderKind; paymentType?: PaymentType }
  /** The QRIS/GoPay choice alone: the rest of a split sale, or charging an open sale again. */
  | { type: 'paymentType'; paymentType: PaymentType }
  | { type: 'keypadTarget'; target: KeypadTarget }
  | { type: 'scanned'; lookup: BarcodeLookup };

const COMPOSE_TYPES: ReadonlySet<string> = new Set<ComposeAction['type']>([
  'entry',
  'cart',
  'addTyped',
  'orderDiscount',
  'tender',
  'paymentType',
  'keypadTarget',
  'scanned',
]);

export function isComposeAction(action: { type: string }): action is ComposeAction {
  return COMPOSE_TYPES.has(action.type);
}

/** The state to edit, with a finished sale cleared away first; undefined while editing is locked. */
function editable(state: CashierState): CashierState | undefined {
  const stage = saleStage(state);
  if (!composing(stage)) return undefined;
  return stage === 'ended' ? cleared(state) : state;
}

/** An edit to what is rung up: any refusal shown for the previous cart no longer applies. */
const edited = (state: CashierState): CashierState => ({ ...state, attempted: false, saleNotice: undefined });

function scanNotice(state: CashierState, kind: ScanNotice['kind'], code: string, name?: string): ScanNotice {
  return { kind, code, name, seq: (state.scanNotice?.seq ?? 0) + 1 };
}

function enabled(state: CashierState, type: PaymentType): boolean {
  return (state.settings?.paymentTypes ?? []).includes(type);
}

export function composeReducer(state: CashierState, action: ComposeAction): CashierState {
  switch (action.type) {
    case 'entry': {
      if (action.target === 'cash') {
        const base = saleStage(state) === 'decide' ? state : editable(state);
        if (base === undefined) return state;
        return { ...edited(base), cashDigits: entryReducer(base.cashDigits, action.action) };
      }
      const base = editable(state);
      if (base === undefined) return state;
      return { ...edited(base), digits: entryReducer(base.digits, action.action) };
    }
    case 'cart': {
      const base = editable(state);
      if (base === undefined) return state;
      return { ...edited(base), cart: cartReducer(base.cart, action.action), scanNotice: undefined };
    }
    case 'addTyped': {
      const base = editable(state);
      const amount = base === undefined ? undefined : entryAmount(base.digits);
      if (base === undefined || amount === undefined) return state;
      const cart = cartReducer(base.cart, { type: 'addFree', name: action.name, amount });
      return { ...edited(base), cart, digits: '' };
    }
    case 'orderDiscount': {
      const base = editable(state);
      return base === undefined ? state : { ...edited(base), orderDiscount: action.discount };
    }
    case 'tender': {
      const base = editable(state);
      if (base === undefined) return state;
      const { paymentType } = action;
      if (paymentType !== undefined && !enabled(base, paymentType)) return state;
      const changed = base.tenderKind !== action.kind;
      return {
        ...edited(base),
        tenderKind: action.kind,
        paymentType: paymentType ?? base.paymentType,
        // Cash received and a split's cash part are different amounts: a new choice starts empty.
        cashDigits: changed ? '' : base.cashDigits,
        keypadTarget: action.kind === 'gateway' ? 'amount' : 'cash',
      };
    }
    case 'paymentType': {
      const stage = saleStage(state);
      if (!composing(stage) && stage !== 'decide') return state;
      if (!enabled(state, action.paymentType)) return state;
      return { ...state, paymentType: action.paymentType, saleNotice: undefined };
    }
    case 'keypadTarget': {
      const stage = saleStage(state);
      if (stage === 'decide') return { ...state, keypadTarget: 'cash' };
      if (!composing(stage)) return state;
      return { ...state, keypadTarget: action.target };
    }
    case 'scanned': {
      const { lookup } = action;
      if (lookup.kind === 'unknown')
        return { ...state, scanNotice: scanNotice(state, 'unknown', lookup.code) };
      if (lookup.kind === 'inactive') {
        return {
          ...state,
          scanNotice: scanNotice(state, 'inactive', lookup.item.barcode ?? '', lookup.item.name),
        };
      }
      const code = lookup.item.barcode ?? '';
      const base = editable(state);
      if (base === undefined)
        return { ...state, scanNotice: scanNotice(state, 'locked', code, lookup.item.name) };
      return {
        ...edited(base),
        cart: cartReducer(base.cart, { type: 'addItem', item: lookup.item }),
        scanNotice: scanNotice(state, 'added', code, lookup.item.name),
      };
    }
  }
}
