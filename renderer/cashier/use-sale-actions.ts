/**
 * What the cashier's buttons do: Charge (with the manager's PIN when a discount needs it), New
 * sale, the live order's commands (Cancel, Check now, the training payment), what an open sale
 * offers (charge the rest again, take it in cash, void it), and the language switch. Each sends
 * one command and folds the answer, or a plain-words refusal, back into the screen's state.
 */
import { useCallback, useRef } from 'react';
import type { CashierApi, Language, PublicSettings } from '../../common/contract.ts';
import type { SaleView, TillSaleRequest } from '../../common/till-contract.ts';
import { noticeFromError, type Bilingual } from '../shared/errors.ts';
import type { ConnectionStatus } from '../shared/session.ts';
import { entryAmount } from './keypad/amount-entry.ts';
import { saleMoney } from './sale/sale-money.ts';
import type { OrderCommand } from './sale/LiveOrder.tsx';
import type { CashierAction, CashierState, SaleStage } from './state.ts';

export interface SaleActions {
  /** Charge; `managerPin` when the PIN prompt sends it. */
  charge(managerPin?: string): void;
  /** Enter outside a field: charge, or move on from a result. */
  enter(): void;
  newSale(): void;
  keepOpen(): void;
  openSale(saleId: string): void;
  orderCommand(command: OrderCommand): Promise<void>;
  chargeAgain(): void;
  payRestInCash(): void;
  voidSale(): void;
  setLanguage(language: Language): void;
}

export interface SaleActionInput {
  api: CashierApi;
  dispatch: (action: CashierAction) => void;
  stage: SaleStage;
  status: ConnectionStatus;
  request: TillSaleRequest | undefined;
  needsApproval: boolean;
  state: Pick<CashierState, 'order' | 'paymentType' | 'cashDigits' | 'acting'>;
  sale: SaleView | undefined;
  settings: PublicSettings | undefined;
  unexpected: Bilingual;
}

function isApprovalRefusal(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'discount-needs-approval'
  );
}

export function useSaleActions(input: SaleActionInput): SaleActions {
  const { api, dispatch, stage, status, request, needsApproval, state, sale, settings, unexpected } = input;
  const chargingRef = useRef(false);
  const orderId = state.order?.orderId;
  const saleId = sale?.saleId;
  const cashTaken = sale === undefined ? 0 : saleMoney(sale).cashTaken;

  const charge = useCallback(
    (managerPin?: string) => {
      if (chargingRef.current || stage !== 'none' || status !== 'open') return;
      if (request === undefined) {
        dispatch({ type: 'chargeRefused' });
        return;
      }
      if (needsApproval && managerPin === undefined) {
        dispatch({ type: 'approvalOpen' });
        return;
      }
      chargingRef.current = true;
      dispatch({ type: 'starting' });
      api
        .startSale(managerPin === undefined ? request : { ...request, managerPin })
        .then(
          (started) => dispatch({ type: 'started', sale: started }),
          (error: unknown) => {
            const notice = noticeFromError(error, unexpected);
            // The PIN (missing, wrong, or locked out): asked again, with the reason, in the prompt.
            dispatch(
              isApprovalRefusal(error)
                ? { type: 'approvalRefused', notice }
                : { type: 'startFailed', notice },
            );
          },
        )
        .finally(() => {
          chargingRef.current = false;
        });
    },
    [api, dispatch, request, needsApproval, stage, status, unexpected],
  );

  const newSale = useCallback(() => {
    if (stage === 'decide') {
      // Only a sale that took no cash is dropped this way: it is voided as abandoned. Should the
      // void fail, the sale stays open and is listed for the cashier.
      if (saleId === undefined || cashTaken > 0) return;
      api.voidSale(saleId).then(
        (voided) => dispatch({ type: 'sale', sale: voided }),
        (error: unknown) => console.warn('voiding an abandoned sale failed', error),
      );
    }
    dispatch({ type: 'newSale' });
  }, [api, dispatch, stage, saleId, cashTaken]);

  const enter = useCallback(() => {
    if (stage === 'none') charge();
    else if (stage === 'ended' || (stage === 'decide' && cashTaken === 0)) newSale();
  }, [stage, charge, newSale, cashTaken]);

  const act = useCallback(
    (call: () => Promise<SaleView>) => {
      if (state.acting || status !== 'open') return;
      dispatch({ type: 'acting' });
      call().then(
        (after) => dispatch({ type: 'acted', sale: after }),
        (error: unknown) => dispatch({ type: 'actFailed', notice: noticeFromError(error, unexpected) }),
      );
    },
    [dispatch, state.acting, status, unexpected],
  );

  const { paymentType, cashDigits } = state;
  const chargeAgain = useCallback(() => {
    if (saleId !== undefined && paymentType !== undefined) act(() => api.chargeAgain(saleId, paymentType));
  }, [act, api, saleId, paymentType]);

  const payRestInCash = useCallback(() => {
    const received = entryAmount(cashDigits);
    if (saleId !== undefined && received !== undefined) act(() => api.payRestInCash(saleId, received));
  }, [act, api, saleId, cashDigits]);

  const voidSale = useCallback(() => {
    if (saleId !== undefined) act(() => api.voidSale(saleId));
  }, [act, api, saleId]);

  const orderCommand = useCallback(
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

  const setLanguage = useCallback(
    (next: Language) => {
      if (settings === undefined || settings.language === next) return;
      const before = settings.language;
      dispatch({ type: 'language', language: next });
      api.setLanguage(next).then(
        (updated) => dispatch({ type: 'settings', settings: updated }),
        () => dispatch({ type: 'language', language: before }),
      );
    },
    [api, dispatch, settings],
  );

  return {
    charge,
    enter,
    newSale,
    keepOpen: useCallback(() => dispatch({ type: 'keepOpen' }), [dispatch]),
    openSale: useCallback((id: string) => dispatch({ type: 'openSale', saleId: id }), [dispatch]),
    orderCommand,
    chargeAgain,
    payRestInCash,
    voidSale,
    setLanguage,
  };
}
