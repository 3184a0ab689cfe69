import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { CashierApi, CashierSnapshot, Language } from '../../common/contract.ts';
import { NoticeBox } from '../shared/Bilingual.tsx';
import { ConnectionLost } from '../shared/ConnectionLost.tsx';
import { LanguageContext, useBilingual, useT } from '../shared/language.ts';
import type { Session } from '../shared/session.ts';
import { useConnectionStatus } from '../shared/use-connection.ts';
import { AmountField } from './AmountField.tsx';
import { CartView } from './CartView.tsx';
import { ChargeButton } from './ChargeButton.tsx';
import { keepFocusOnPointer } from './focus.ts';
import { HistoryList } from './HistoryList.tsx';
import { Keypad } from './Keypad.tsx';
import { LiveOrder } from './LiveOrder.tsx';
import { PaymentTypeChoice } from './PaymentTypeChoice.tsx';
import { desiredPreview } from './preview.ts';
import { PrintingBar } from './printing/PrintingBar.tsx';
import { QuickItems } from './QuickItems.tsx';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import { cashierReducer, currentDraft, initialCashierState, saleStage, type CashierAction } from './state.ts';
import { TopBar } from './TopBar.tsx';
import { quickItemsOf } from './quick-items.ts';
import { isFinalState } from '../../common/order.ts';
import { useCashierFeed } from './use-cashier-feed.ts';
import { useCashierKeyboard } from './use-cashier-keyboard.ts';
import { useSaleActions } from './use-sale-actions.ts';

/**
 * The cashier window: lays out the sale (amount, keypad, payment type, Charge), the live order,
 * quick items, cart and recent sales, or the settings screen. What the buttons do lives in
 * use-sale-actions, how the state follows main in use-cashier-feed, the keyboard in
 * use-cashier-keyboard, and every rule about the state in state.ts.
 */
export function CashierApp({ session }: { session: Session<CashierApi, CashierSnapshot> }) {
  const [state, dispatch] = useReducer(cashierReducer, undefined, initialCashierState);
  const language: Language = state.settings?.language ?? 'id';
  return (
    <LanguageContext value={language}>
      <CashierScreen session={session} state={state} dispatch={dispatch} />
    </LanguageContext>
  );
}

interface ScreenProps {
  session: Session<CashierApi, CashierSnapshot>;
  state: ReturnType<typeof initialCashierState>;
  dispatch(action: CashierAction): void;
}

function CashierScreen({ session, state, dispatch }: ScreenProps) {
  const { api, connection } = session;
  const t = useT();
  const bilingual = useBilingual();
  const status = useConnectionStatus(connection);
  const stage = saleStage(state);
  const draft = currentDraft(state);
  const inputRef = useRef<HTMLInputElement>(null);
  // The settings screen replaces the sale view; it is opened only while no sale is starting or live.
  const [view, setView] = useState<'sale' | 'settings'>('sale');

  const ready = state.settings !== undefined;
  // Nothing is sent before the first snapshot: the display may be showing a live order this
  // screen does not know about yet (a reload in the middle of a sale).
  useCashierFeed(session, dispatch, state.settings, ready ? desiredPreview(draft, stage) : undefined);
  const actions = useSaleActions({
    api,
    dispatch,
    stage,
    status,
    draft,
    orderId: state.order?.orderId,
    saleId: state.order?.saleId,
    unpaidEnd:
      state.order !== undefined && isFinalState(state.order.state) && state.order.state !== 'settlement',
    settings: state.settings,
    unexpected: bilingual('common.unexpectedError'),
  });
  useCashierKeyboard({
    active: ready && view === 'sale',
    stage,
    dispatch,
    charge: actions.charge,
    newSale: actions.newSale,
  });

  const settingsLanguage = state.settings?.language;
  useEffect(() => {
    document.documentElement.lang = settingsLanguage ?? 'id';
    document.title = t('cashier.title');
  }, [settingsLanguage, t]);

  useEffect(() => {
    if (ready && stage === 'none' && view === 'sale') inputRef.current?.focus();
  }, [ready, stage, view]);

  const closeSettings = useCallback(() => {
    // Leaving the settings ends the manager's session, so the next visit asks for the PIN again.
    api.manager.lock().catch(() => undefined);
    setView('sale');
  }, [api]);

  const saleBusy = stage === 'starting' || stage === 'live';
  let settingsReason: string | undefined;
  if (status !== 'open') settingsReason = t('settings.openReason.offline');
  else if (saleBusy) settingsReason = t('settings.openReason.live');
  // An order that starts meanwhile (another cashier window, recovery after a reconnect) needs the
  // cashier: the sale view comes back.
  useEffect(() => {
    if (view === 'settings' && saleBusy) closeSettings();
  }, [view, saleBusy, closeSettings]);

  if (state.settings === undefined) {
    return (
      <div className="cashier cashier-loading">
        {status === 'lost' && <ConnectionLost />}
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      </div>
    );
  }

  const { settings } = state;
  const locked = stage === 'starting' || stage === 'live';
  let reason: string | undefined;
  if (status !== 'open')
    reason = t(status === 'lost' ? 'cashier.charge.reasonOffline' : 'cashier.charge.reasonConnecting');
  else if (stage === 'starting') reason = t('cashier.charge.reasonStarting');
  else if (stage === 'live') reason = t('cashier.charge.reasonLive');
  else if (stage === 'ended') reason = t('cashier.charge.reasonEnded');
  else if (draft.problems[0] !== undefined) reason = draft.problems[0].message[settings.language];

  const showProblems = draft.problems.length > 0 && (!draft.untouched || state.attempted);
  const saleNotice =
    state.saleNotice ?? (showProblems ? { message: undefined, problems: draft.problems } : undefined);

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
      {status === 'lost' && <ConnectionLost />}
      <PrintingBar session={session} settings={settings} />
      {view === 'settings' && (
        <SettingsScreen
          manager={api.manager}
          announced={settings}
          online={status === 'open'}
          onClose={closeSettings}
        />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {state.order === undefined ? '' : t(`cashier.order.state.${state.order.state}`)}
      </p>
      <main className="cashier-main" hidden={view === 'settings'}>
        <section className="panel entry" aria-label={t('cashier.amount.label')}>
          <AmountField
            amount={draft.amount}
            fromItems={draft.fromItems}
            locked={locked}
            inputRef={inputRef}
            describedBy="charge-reason"
            onText={(text) => dispatch({ type: 'entry', action: { type: 'set', text } })}
          />
          <div className="sale-error-region" aria-live="assertive">
            {saleNotice !== undefined && <NoticeBox notice={saleNotice} testId="sale-error" />}
          </div>
          <Keypad
            disabled={locked || draft.fromItems}
            onDigits={(digits) => dispatch({ type: 'entry', action: { type: 'digits', digits } })}
            onBack={() => dispatch({ type: 'entry', action: { type: 'back' } })}
            onClear={() => dispatch({ type: 'entry', action: { type: 'clear' } })}
          />
          <PaymentTypeChoice
            enabled={settings.paymentTypes}
            value={state.paymentType}
            disabled={locked}
            onChange={(paymentType) => dispatch({ type: 'paymentType', paymentType })}
          />
          <ChargeButton
            amount={draft.amount}
            reason={reason}
            starting={stage === 'starting'}
            reasonId="charge-reason"
            onCharge={actions.charge}
          />
        </section>
        <div className="side">
          <div className="side-sale">
            {state.order !== undefined && (
              <LiveOrder
                order={state.order}
                training={settings.mode === 'training'}
                clockOffset={state.clockOffset}
                notice={state.orderNotice}
                onCommand={actions.orderCommand}
                onNewSale={actions.newSale}
              />
            )}
            <QuickItems
              items={quickItemsOf(state.catalogue)}
              disabled={locked}
              onAdd={(item) => dispatch({ type: 'cart', action: { type: 'add', item } })}
            />
            <CartView
              lines={state.cart}
              disabled={locked}
              onInc={(id) => dispatch({ type: 'cart', action: { type: 'inc', id } })}
              onDec={(id) => dispatch({ type: 'cart', action: { type: 'dec', id } })}
              onClear={() => dispatch({ type: 'cart', action: { type: 'clear' } })}
            />
          </div>
          <HistoryList orders={state.history} loaded={state.historyLoaded} />
        </div>
      </main>
    </div>
  );
}
