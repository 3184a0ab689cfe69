import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type MouseEvent } from 'react';
import type { CashierApi, CashierSnapshot, Language } from '../../common/contract.ts';
import { NoticeBox } from '../shared/Bilingual.tsx';
import { ConnectionLost } from '../shared/ConnectionLost.tsx';
import { coalesced } from '../shared/coalesce.ts';
import { noticeFromError } from '../shared/errors.ts';
import { LanguageContext, useBilingual, useT } from '../shared/language.ts';
import type { Session } from '../shared/session.ts';
import { useConnectionStatus } from '../shared/use-connection.ts';
import { AmountField } from './AmountField.tsx';
import { CartView } from './CartView.tsx';
import { ChargeButton } from './ChargeButton.tsx';
import { HistoryList } from './HistoryList.tsx';
import { Keypad } from './Keypad.tsx';
import { keyCommand, type KeyTarget } from './keyboard.ts';
import { LiveOrder, type OrderCommand } from './LiveOrder.tsx';
import { PaymentTypeChoice } from './PaymentTypeChoice.tsx';
import { desiredPreview, PreviewSender } from './preview.ts';
import { QuickItems } from './QuickItems.tsx';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import {
  cashierReducer,
  currentDraft,
  initialCashierState,
  modeChanged,
  saleStage,
  type CashierAction,
} from './state.ts';
import { TopBar } from './TopBar.tsx';

const HISTORY_PAGE = 20;

function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other';
  if (target.dataset.amountInput !== undefined) return 'amount';
  if (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target.isContentEditable
  ) {
    return 'text';
  }
  return target.closest('button, a[href], select, [role="button"]') === null ? 'other' : 'button';
}

/**
 * A tap or click on a button does not take focus from where the cashier is typing, so after
 * "tap Kopi, tap Kopi" Enter charges instead of adding a third Kopi. Buttons still take focus
 * from Tab, and then Enter presses them.
 */
function keepFocusOnPointer(event: MouseEvent<HTMLElement>): void {
  if (event.target instanceof Element && event.target.closest('button') !== null) event.preventDefault();
}

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
  const chargingRef = useRef(false);
  // The settings screen replaces the sale view; it is opened only while no sale is starting or live.
  const [view, setView] = useState<'sale' | 'settings'>('sale');
  const viewRef = useRef(view);
  viewRef.current = view;
  const settingsRef = useRef(state.settings);
  settingsRef.current = state.settings;

  const refreshHistory = useMemo(
    () =>
      coalesced(async () => {
        const page = await api.history({ limit: HISTORY_PAGE });
        dispatch({ type: 'history', orders: page.orders });
      }),
    [api, dispatch],
  );

  const sender = useMemo(
    () =>
      new PreviewSender((preview) => {
        api.showCart(preview).catch((error: unknown) => console.warn('showCart failed', error));
      }),
    [api],
  );
  useEffect(() => () => sender.cancel(), [sender]);

  const ready = state.settings !== undefined;
  // Nothing is sent before the first snapshot: the display may be showing a live order this
  // screen does not know about yet (a reload in the middle of a sale).
  const preview = ready ? desiredPreview(draft, stage) : undefined;
  const previewRef = useRef(preview);
  previewRef.current = preview;

  useEffect(() => {
    const unsubscribe = [
      connection.onSnapshot((snapshot) => {
        dispatch({ type: 'snapshot', snapshot, localNow: Date.now() });
        // The main process may have restarted and forgotten the cart: show it again.
        sender.forget();
        sender.update(previewRef.current);
        refreshHistory();
      }),
      api.onOrder((event) => {
        dispatch({ type: 'order', order: event.order });
        refreshHistory();
      }),
      api.onHealth((event) => dispatch({ type: 'health', health: event.health, detail: event.detail })),
      api.onSettings((settings) => {
        const changedMode = modeChanged(settingsRef.current, settings);
        dispatch({ type: 'settings', settings });
        if (!changedMode) return;
        api.snapshot().then(
          (snapshot) => {
            dispatch({ type: 'snapshot', snapshot, localNow: Date.now() });
            refreshHistory();
          },
          // A drop is followed by a reconnect, which brings a fresh snapshot by itself.
          (error: unknown) => console.warn('snapshot after a change of environment failed', error),
        );
      }),
    ];
    return () => unsubscribe.forEach((off) => off());
  }, [api, connection, dispatch, refreshHistory, sender]);

  const previewKey = preview === undefined ? 'hold' : JSON.stringify(preview);
  useEffect(() => {
    // Keyed by content: the preview object itself is new on every render.
    sender.update(preview);
  }, [sender, previewKey]);

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

  const unexpected = bilingual('common.unexpectedError');

  const charge = useCallback(() => {
    if (chargingRef.current || stage !== 'none' || status !== 'open') return;
    const request = draft.request;
    if (request === undefined) {
      dispatch({ type: 'chargeRefused' });
      return;
    }
    chargingRef.current = true;
    dispatch({ type: 'starting' });
    api
      .startSale(request)
      .then(
        (order) => dispatch({ type: 'started', order }),
        (error: unknown) => dispatch({ type: 'startFailed', notice: noticeFromError(error, unexpected) }),
      )
      .finally(() => {
        chargingRef.current = false;
      });
  }, [api, dispatch, draft.request, stage, status, unexpected]);

  const newSale = useCallback(() => dispatch({ type: 'newSale' }), [dispatch]);

  const orderId = state.order?.orderId;
  const onOrderCommand = useCallback(
    async (command: OrderCommand) => {
      if (orderId === undefined) return;
      try {
        const order =
          command.kind === 'cancel'
            ? await api.cancel(orderId)
            : command.kind === 'checkNow'
              ? await api.checkNow(orderId)
              : await api.simulate(orderId, command.outcome);
        dispatch({ type: 'order', order });
      } catch (error) {
        dispatch({ type: 'orderActionFailed', notice: noticeFromError(error, unexpected) });
      }
    },
    [api, dispatch, orderId, unexpected],
  );

  const previousSettings = state.settings;
  const setLanguage = useCallback(
    (next: Language) => {
      if (previousSettings === undefined || previousSettings.language === next) return;
      const before = previousSettings.language;
      dispatch({ type: 'language', language: next });
      api.setLanguage(next).then(
        (settings) => dispatch({ type: 'settings', settings }),
        () => dispatch({ type: 'language', language: before }),
      );
    },
    [api, dispatch, previousSettings],
  );

  // One window-wide handler, so the keyboard works wherever focus is (except other text fields).
  const onKeyRef = useRef<(event: KeyboardEvent) => void>(() => {});
  onKeyRef.current = (event: KeyboardEvent) => {
    if (!ready || viewRef.current === 'settings') return;
    const target = keyTarget(event.target);
    const command = keyCommand(event, target);
    if (command === undefined) return;
    if (target === 'amount' && command.kind !== 'enter' && event.target instanceof HTMLInputElement) {
      const input = event.target;
      const allSelected =
        input.value !== '' && input.selectionStart === 0 && input.selectionEnd === input.value.length;
      if (allSelected && stage === 'none') dispatch({ type: 'entry', action: { type: 'clear' } });
      if (allSelected && command.kind === 'back') {
        event.preventDefault();
        return;
      }
    }
    switch (command.kind) {
      case 'digits':
        dispatch({ type: 'entry', action: { type: 'digits', digits: command.digits } });
        break;
      case 'back':
        dispatch({ type: 'entry', action: { type: 'back' } });
        break;
      case 'clear':
        dispatch({ type: 'entry', action: { type: 'clear' } });
        break;
      case 'enter':
        if (stage === 'ended') newSale();
        else charge();
        break;
    }
    event.preventDefault();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyRef.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

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
        onLanguage={setLanguage}
        settingsOpen={view === 'settings'}
        settingsReason={settingsReason}
        onSettings={() => {
          if (settingsReason === undefined) setView('settings');
        }}
      />
      {status === 'lost' && <ConnectionLost />}
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
            onCharge={charge}
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
                onCommand={onOrderCommand}
                onNewSale={newSale}
              />
            )}
            <QuickItems
              items={settings.quickItems}
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
