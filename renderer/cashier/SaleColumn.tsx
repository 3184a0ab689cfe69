import { useCallback, type Ref } from 'react';
import type { Language } from '../../common/contract.ts';
import { NoticeBox } from '../shared/Bilingual.tsx';
import type { Notice } from '../shared/errors.ts';
import { useBilingual, useT } from '../shared/language.ts';
import type { ConnectionStatus } from '../shared/session.ts';
import { AmountField } from './AmountField.tsx';
import { cartEmpty, composing, type CashierState, type SaleStage } from './cashier-state.ts';
import type { CartAction } from './cart/cart.ts';
import { CartPanel } from './cart/CartPanel.tsx';
import { ChargeButton } from './ChargeButton.tsx';
import type { ComposedSale } from './compose-sale.ts';
import { entryAmount } from './keypad/amount-entry.ts';
import { problemWords } from './problems.ts';
import { OpenSalesList } from './sale/OpenSalesList.tsx';
import { SaleBill } from './sale/SaleBill.tsx';
import type { CashierAction } from './state.ts';
import { TenderPanel } from './tender/TenderPanel.tsx';
import type { SaleActions } from './use-sale-actions.ts';
import type { SaleView } from '../../common/till-contract.ts';

/** Problems that only say what is still to type: a reason on Charge, not an error, until Charge is pressed. */
const PROMPTS = new Set(['cart-empty', 'cash-missing', 'split-cash-missing', 'payment-type-missing']);

interface SaleColumnProps {
  state: CashierState;
  stage: SaleStage;
  sale: SaleView | undefined;
  status: ConnectionStatus;
  composed: ComposedSale;
  actions: SaleActions;
  amountRef: Ref<HTMLInputElement>;
  dispatch(action: CashierAction): void;
}

/**
 * The right of the screen: what is being rung up (the keypad's amount, the cart, the tender and
 * Charge), or, once charged, the sale's bill with how it has been paid. Sales left open are
 * listed above either.
 */
export function SaleColumn({
  state,
  stage,
  sale,
  status,
  composed,
  actions,
  amountRef,
  dispatch,
}: SaleColumnProps) {
  const t = useT();
  const bilingual = useBilingual();
  const onCart = useCallback((action: CartAction) => dispatch({ type: 'cart', action }), [dispatch]);
  const settings = state.settings;
  if (settings === undefined) return null;
  const language: Language = settings.language;
  const others = Object.values(state.sales)
    .filter((s) => s.state === 'open' && s.saleId !== state.saleId && s.liveOrderId === undefined)
    .sort((a, b) => b.createdAt - a.createdAt);
  const openBlocked =
    !composing(stage) || !cartEmpty(state) || status !== 'open' ? t('cashier.open.listBlocked') : undefined;
  const list = <OpenSalesList sales={others} blocked={openBlocked} onOpen={actions.openSale} />;

  if (stage !== 'none' && stage !== 'starting') {
    // The sale itself is in the work area, where there is room for its QR and its choices.
    return (
      <div className="sale-column" data-stage={stage}>
        {list}
        {sale !== undefined && <SaleBill sale={sale} />}
      </div>
    );
  }

  const locked = stage === 'starting';
  const { draft, tender, problems } = composed;
  const shown = problems.filter((p) => !PROMPTS.has(p.code) || state.attempted);
  const showProblems = shown.length > 0 && (!draft.empty || state.attempted);
  const notice: Notice | undefined =
    state.saleNotice ??
    (showProblems
      ? { message: undefined, problems: shown.map((p) => problemWords(p, bilingual)) }
      : undefined);

  let reason: string | undefined;
  if (status !== 'open')
    reason = t(status === 'lost' ? 'cashier.charge.reasonOffline' : 'cashier.charge.reasonConnecting');
  else if (locked) reason = t('cashier.charge.reasonStarting');
  else if (problems[0] !== undefined) reason = problemWords(problems[0], bilingual).message[language];

  return (
    <div className="sale-column" data-stage={stage}>
      {list}
      <AmountField
        amount={entryAmount(state.digits)}
        locked={locked}
        inputRef={amountRef}
        describedBy="charge-reason"
        onText={(text) => dispatch({ type: 'entry', target: 'amount', action: { type: 'set', text } })}
        onFocus={() => dispatch({ type: 'keypadTarget', target: 'amount' })}
        onAdd={() => dispatch({ type: 'addTyped', name: t('cashier.amount.lineName') })}
      />
      <CartPanel
        draft={draft}
        orderDiscount={state.orderDiscount}
        disabled={locked}
        cash={state.tenderKind === 'cash'}
        onCart={onCart}
        onOrderDiscount={(discount) => dispatch({ type: 'orderDiscount', discount })}
      />
      <div className="sale-error-region" aria-live="assertive">
        {notice !== undefined && <NoticeBox notice={notice} testId="sale-error" />}
      </div>
      <TenderPanel
        enabled={settings.paymentTypes}
        kind={state.tenderKind}
        paymentType={state.paymentType}
        cashDigits={state.cashDigits}
        breakdown={draft.breakdown}
        check={tender}
        disabled={locked}
        onChange={(kind, paymentType) =>
          dispatch(
            paymentType === undefined ? { type: 'tender', kind } : { type: 'tender', kind, paymentType },
          )
        }
        onPaymentType={(paymentType) => dispatch({ type: 'paymentType', paymentType })}
        onCashFocus={() => dispatch({ type: 'keypadTarget', target: 'cash' })}
        onCashText={(text) => dispatch({ type: 'entry', target: 'cash', action: { type: 'set', text } })}
      />
      <ChargeButton
        kind={state.tenderKind}
        paymentType={state.paymentType}
        payable={tender?.payable}
        cash={tender?.cash}
        reason={reason}
        starting={locked}
        reasonId="charge-reason"
        onCharge={() => actions.charge()}
      />
    </div>
  );
}
