/**
 * What the cashier's buttons do: Charge, New sale, the live order's commands (Cancel, Check now,
 * the training payment) and the language switch. Each sends one command and folds the answer, or
 * a plain-words refusal, back into the screen's state.
 */
import { useCallback, useRef } from 'react';
import type { CashierApi, Language, PublicSettings } from '../../common/contract.ts';
import type { ConnectionStatus } from '../shared/session.ts';
import { noticeFromError, type Bilingual } from '../shared/errors.ts';
import type { SaleDraft } from './draft.ts';
import type { OrderCommand } from './LiveOrder.tsx';
import type { CashierAction, SaleStage } from './state.ts';

export interface SaleActions {
  charge(): void;
  newSale(): void;
  orderCommand(command: OrderCommand): Promise<void>;
  setLanguage(language: Language): void;
}

export function useSaleActions(input: {
  api: CashierApi;
  dispatch: (action: CashierAction) => void;
  stage: SaleStage;
  status: ConnectionStatus;
  draft: SaleDraft;
  orderId: string | undefined;
  settings: PublicSettings | undefined;
  unexpected: Bilingual;
}): SaleActions {
  const { api, dispatch, stage, status, draft, orderId, settings, unexpected } = input;
  const chargingRef = useRef(false);

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

  return { charge, newSale, orderCommand, setLanguage };
}
