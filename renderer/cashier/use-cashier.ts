/**
 * The cashier window's wiring in one place: the state, what is derived from it (the priced sale,
 * the catalogue's index), main's feed, the buttons' actions, the keyboard and scanner, and the
 * two views (sale or settings; catalogue, keypad or history on the left). App.tsx only lays out.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CashierApi, CashierSnapshot } from '../../common/contract.ts';
import { useBilingual, useT } from '../shared/language.ts';
import type { Session } from '../shared/session.ts';
import { useConnectionStatus } from '../shared/use-connection.ts';
import { catalogueView, lookupBarcode } from './catalogue/catalogue-view.ts';
import { composeSale } from './compose-sale.ts';
import { desiredPreview } from './preview.ts';
import { insertText } from './scanner/insert-text.ts';
import { currentSale, saleStage, type CashierAction, type CashierState } from './state.ts';
import { useCashierFeed } from './use-cashier-feed.ts';
import { useCashierKeyboard } from './use-cashier-keyboard.ts';
import { useSaleActions } from './use-sale-actions.ts';
import type { WorkView } from './WorkArea.tsx';

export function useCashier(
  session: Session<CashierApi, CashierSnapshot>,
  state: CashierState,
  dispatch: (action: CashierAction) => void,
) {
  const { api, connection } = session;
  const t = useT();
  const bilingual = useBilingual();
  const status = useConnectionStatus(connection);
  const stage = saleStage(state);
  const sale = currentSale(state);
  const ready = state.settings !== undefined;
  const [view, setView] = useState<'sale' | 'settings' | 'history'>('sale');
  const [work, setWork] = useState<WorkView>('items');
  const amountRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const freeName = t('cashier.amount.lineName');
  const composed = useMemo(
    () => composeSale(state, freeName),
    // Only what is rung up and the settings price a sale; the rest of the state does not.
    [
      state.cart,
      state.digits,
      state.orderDiscount,
      state.settings,
      state.tenderKind,
      state.paymentType,
      state.cashDigits,
      freeName,
    ],
  );
  const catalogue = useMemo(
    () => (state.catalogue === undefined ? undefined : catalogueView(state.catalogue)),
    [state.catalogue],
  );

  // Nothing is sent before the first snapshot: the display may be showing a live order this
  // screen does not know about yet (a reload in the middle of a sale).
  const preview = ready
    ? desiredPreview(composed.draft, { kind: state.tenderKind, check: composed.tender }, stage)
    : undefined;
  useCashierFeed(session, dispatch, state.settings, preview);

  const actions = useSaleActions({
    api,
    dispatch,
    stage,
    status,
    request: composed.request,
    needsApproval: composed.needsApproval,
    state,
    sale,
    settings: state.settings,
    unexpected: bilingual('common.unexpectedError'),
  });

  // A letter typed outside a field: the catalogue comes up with the letter in its search box.
  const pendingSearch = useRef<string | undefined>(undefined);
  const typeIntoSearch = useCallback(() => {
    const field = searchRef.current;
    const text = pendingSearch.current;
    if (field === null || text === undefined || field.offsetParent === null) return;
    pendingSearch.current = undefined;
    field.focus();
    insertText(field, text);
  }, []);
  useLayoutEffect(typeIntoSearch, [work, typeIntoSearch]);
  const search = useCallback(
    (text: string) => {
      pendingSearch.current = (pendingSearch.current ?? '') + text;
      setWork('items');
      typeIntoSearch();
    },
    [typeIntoSearch],
  );

  const scan = useCallback(
    (code: string) => dispatch({ type: 'scanned', lookup: lookupBarcode(catalogue, code) }),
    [dispatch, catalogue],
  );
  useCashierKeyboard({
    active: ready && view === 'sale',
    modal: state.approval.open,
    stage,
    keypadTarget: state.keypadTarget,
    dispatch,
    enter: actions.enter,
    scan,
    search,
  });

  // A shop without a catalogue works from the keypad.
  const noItems = catalogue !== undefined && catalogue.items.length === 0;
  useEffect(() => {
    if (noItems) setWork((current) => (current === 'items' ? 'keypad' : current));
  }, [noItems]);

  // A charged sale takes the work area (its QR, its choices, its result) until the next one.
  const saleShown = stage === 'live' || stage === 'decide' || stage === 'ended';
  useEffect(() => {
    if (saleShown) setWork('sale');
    else setWork((current) => (current === 'sale' ? (noItems ? 'keypad' : 'items') : current));
  }, [saleShown, noItems]);

  useEffect(() => {
    if (ready && stage === 'none' && view === 'sale') amountRef.current?.focus();
  }, [ready, stage, view]);

  return {
    t,
    status,
    stage,
    sale,
    saleShown,
    ready,
    view,
    setView,
    work,
    setWork,
    amountRef,
    searchRef,
    composed,
    catalogue,
    actions,
  };
}
