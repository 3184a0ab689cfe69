import { useCallback, useEffect, useMemo, useReducer } from 'react';
import type { CatalogueItemView } from '../../common/catalogue-contract.ts';
import type { CashierApi, CashierSnapshot, Language } from '../../common/contract.ts';
import { ConnectionLost } from '../shared/ConnectionLost.tsx';
import { LanguageContext } from '../shared/language.ts';
import type { Session } from '../shared/session.ts';
import { ApprovalPrompt } from './approval/ApprovalPrompt.tsx';
import { CataloguePanel } from './catalogue/CataloguePanel.tsx';
import { composing } from './cashier-state.ts';
import { CurrentSale } from './CurrentSale.tsx';
import { DayPanel } from './day/DayPanel.tsx';
import { keepFocusOnPointer } from './focus.ts';
import { HistoryScreen } from './history/HistoryScreen.tsx';
import { RecentSales } from './history/RecentSales.tsx';
import { entryAmount } from './keypad/amount-entry.ts';
import { KeypadPanel } from './keypad/KeypadPanel.tsx';
import { SaleColumn } from './SaleColumn.tsx';
import { ShopTimeContext } from '../shared/shop-clock.ts';
import { DEFAULT_SHOP_TIME } from '../../common/shop-time.ts';
import { PrintingBar } from './printing/PrintingBar.tsx';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import { cashierReducer, initialCashierState, type CashierAction, type CashierState } from './state.ts';
import { TopBar } from './TopBar.tsx';
import { useCashier } from './use-cashier.ts';
import { WorkArea } from './WorkArea.tsx';

/**
 * The cashier window: the catalogue (or keypad, or recent sales) on the left, the cart and the
 * tender (or the sale once charged) on the right, or the settings screen. The wiring lives in
 * use-cashier.ts, every rule about the state in state.ts and its two halves.
 */
export function CashierApp({ session }: { session: Session<CashierApi, CashierSnapshot> }) {
  const [state, dispatch] = useReducer(cashierReducer, undefined, initialCashierState);
  const language: Language = state.settings?.language ?? 'id';
  return (
    <LanguageContext value={language}>
      <ShopTimeContext value={state.settings?.shopTime ?? DEFAULT_SHOP_TIME}>
        <CashierScreen session={session} state={state} dispatch={dispatch} />
      </ShopTimeContext>
    </LanguageContext>
  );
}

interface ScreenProps {
  session: Session<CashierApi, CashierSnapshot>;
  state: CashierState;
  dispatch(action: CashierAction): void;
}

function CashierScreen({ session, state, dispatch }: ScreenProps) {
  const cashier = useCashier(session, state, dispatch);
  const { t, status, stage, view, setView, actions } = cashier;
  const { api } = session;
  // One link per api, so the reconciliation panel subscribes once, not on every render.
  const reconcile = useMemo(() => ({ api: api.reconcile, onEvent: api.onReconcile }), [api]);

  useEffect(() => {
    document.documentElement.lang = state.settings?.language ?? 'id';
    document.title = t('cashier.title');
  }, [state.settings?.language, t]);

  const closeSettings = useCallback(() => {
    // Leaving the settings ends the manager's session, so the next visit asks for the PIN again.
    api.manager.lock().catch(() => undefined);
    setView('sale');
  }, [api, setView]);

  const saleBusy = stage === 'starting' || stage === 'live';
  let settingsReason: string | undefined;
  if (status !== 'open') settingsReason = t('settings.openReason.offline');
  else if (saleBusy) settingsReason = t('settings.openReason.live');
  // An order that starts meanwhile (another cashier window, recovery after a reconnect) needs the
  // cashier: the sale view comes back.
  useEffect(() => {
    if (view === 'settings' && saleBusy) closeSettings();
    if (view === 'history' && saleBusy) setView('sale');
  }, [view, saleBusy, closeSettings]);

  const openHistory = useCallback(() => setView('history'), [setView]);
  // Stable across renders, so the memoised item grid is not redrawn by every cart change.
  const addItem = useCallback(
    (item: CatalogueItemView) => dispatch({ type: 'cart', action: { type: 'addItem', item } }),
    [dispatch],
  );
  const { amountRef } = cashier;
  const backToAmount = useCallback(() => amountRef.current?.focus(), [amountRef]);

  const { settings } = state;
  if (settings === undefined) {
    return (
      <div className="cashier cashier-loading">
        {status === 'lost' && <ConnectionLost />}
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      </div>
    );
  }

  const editable = composing(stage);
  const cashOffered = state.tenderKind !== 'gateway' || stage === 'decide';
  const keypadField = stage === 'decide' ? 'cash' : state.keypadTarget;
  return (
    <div className="cashier" onMouseDown={keepFocusOnPointer}>
      <TopBar
        settings={settings}
        health={state.health}
        onLanguage={actions.setLanguage}
        settingsOpen={view === 'settings'}
        settingsReason={settingsReason}
        onSettings={() => {
          if (settingsReason === undefined) setView('settings');
        }}
      />
      <DayPanel api={api.day} reconcile={reconcile} online={status === 'open'} saleBusy={saleBusy} />
      {status === 'lost' && <ConnectionLost />}
      <PrintingBar session={session} settings={settings} />
      {view === 'settings' && (
        <SettingsScreen
          manager={api.manager}
          announced={settings}
          online={status === 'open'}
          catalogue={state.catalogue}
          onClose={closeSettings}
        />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {state.order === undefined ? '' : t(`cashier.order.state.${state.order.state}`)}
      </p>
      {view === 'history' && (
        <HistoryScreen api={api} online={status === 'open'} onClose={() => setView('sale')} />
      )}
      <main className="cashier-main" hidden={view !== 'sale'}>
        <WorkArea
          view={cashier.work}
          onView={cashier.setWork}
          sale={
            !cashier.saleShown ? null : (
              <div className="current-sale" data-testid="current-sale">
                <CurrentSale
                  state={state}
                  stage={stage}
                  sale={cashier.sale}
                  status={status}
                  actions={actions}
                  dispatch={dispatch}
                />
              </div>
            )
          }
          items={
            <CataloguePanel
              view={cashier.catalogue}
              disabled={!editable}
              scanNotice={state.scanNotice}
              searchRef={cashier.searchRef}
              onAdd={addItem}
              onEnter={actions.enter}
              onLeave={backToAmount}
            />
          }
          keypad={
            <KeypadPanel
              target={state.keypadTarget}
              cashOffered={cashOffered}
              cashOnly={stage === 'decide'}
              amount={entryAmount(state.digits)}
              cash={entryAmount(state.cashDigits)}
              disabled={!editable && stage !== 'decide'}
              onTarget={(target) => dispatch({ type: 'keypadTarget', target })}
              onDigits={(digits) =>
                dispatch({ type: 'entry', target: keypadField, action: { type: 'digits', digits } })
              }
              onBack={() => dispatch({ type: 'entry', target: keypadField, action: { type: 'back' } })}
              onClear={() => dispatch({ type: 'entry', target: keypadField, action: { type: 'clear' } })}
              onAddTyped={() => dispatch({ type: 'addTyped', name: t('cashier.amount.lineName') })}
            />
          }
          history={
            <RecentSales
              orders={state.history}
              loaded={state.historyLoaded}
              openReason={saleBusy ? t('history.openReason') : undefined}
              onOpenHistory={openHistory}
            />
          }
        />
        <SaleColumn
          state={state}
          stage={stage}
          sale={cashier.sale}
          status={status}
          composed={cashier.composed}
          actions={actions}
          amountRef={cashier.amountRef}
          dispatch={dispatch}
        />
      </main>
      {state.approval.open && view === 'sale' && (
        <ApprovalPrompt
          notice={state.approval.notice}
          busy={stage === 'starting'}
          onPin={(pin) => actions.charge(pin)}
          onCancel={() => dispatch({ type: 'approvalClose' })}
        />
      )}
    </div>
  );
}
