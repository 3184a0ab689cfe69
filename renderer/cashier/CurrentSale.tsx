import type { SaleView } from '../../common/till-contract.ts';
import type { ConnectionStatus } from '../shared/session.ts';
import type { CashierState, SaleStage } from './cashier-state.ts';
import { entryAmount } from './keypad/amount-entry.ts';
import { SaleArea } from './sale/SaleArea.tsx';
import type { CashierAction } from './state.ts';
import type { SaleActions } from './use-sale-actions.ts';

interface CurrentSaleProps {
  state: CashierState;
  stage: SaleStage;
  sale: SaleView | undefined;
  status: ConnectionStatus;
  actions: SaleActions;
  dispatch(action: CashierAction): void;
}

/** The sale on screen, wired to the state and the actions: its QR, what it waits for, its end. */
export function CurrentSale({ state, stage, sale, status, actions, dispatch }: CurrentSaleProps) {
  const settings = state.settings;
  if (settings === undefined) return null;
  return (
    <SaleArea
      stage={stage}
      order={state.order}
      sale={sale}
      training={settings.mode === 'training'}
      clockOffset={state.clockOffset}
      orderNotice={state.orderNotice}
      enabled={settings.paymentTypes}
      paymentType={state.paymentType}
      cash={entryAmount(state.cashDigits)}
      acting={state.acting}
      online={status === 'open'}
      on={{
        command: actions.orderCommand,
        newSale: actions.newSale,
        paymentType: (paymentType) => dispatch({ type: 'paymentType', paymentType }),
        cashFocus: () => dispatch({ type: 'keypadTarget', target: 'cash' }),
        cashText: (text) => dispatch({ type: 'entry', target: 'cash', action: { type: 'set', text } }),
        chargeAgain: actions.chargeAgain,
        payRest: actions.payRestInCash,
        void: actions.voidSale,
        later: actions.keepOpen,
      }}
    />
  );
}
