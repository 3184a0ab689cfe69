/**
 * What the cashier's buttons do: Charge, New sale, the live order's commands (Cancel, Check now,
 * the training payment) and the language switch. Each sends one command and folds the answer, or
 * a plain-words refusal, back into the screen's state.
 */
import { useCallback, useRef } from 'react';
import type { CashierApi, Language, PublicSettings } from '../../common/contract.ts';
import type { SaleRequest } from '../../common/sale-input.ts';
import type { TillSaleRequest } from '../../common/till-contract.ts';
import type { ConnectionStatus } from '../shared/session.ts';
import { noticeFromError, type Bilingual } from '../shared/errors.ts';
import type { SaleDraft } from './draft.ts';
import type { OrderCommand } from './LiveOrder.tsx';
import type { CashierAction, SaleStage } from './state.ts';

/** The typed amount or the quick-item cart as a till sale, paid whole by QRIS or GoPay. */
function tillRequest(request: SaleRequest): TillSaleRequest {
  const lines =
    request.items !== undefined && request.items.length > 0
      ? request.items.map((item) => ({
          sku: item.id,
          name: item.name,
          unitPrice: item.price,
          quantity: item.quantity,
        }))
      : [{ name: 'Jumlah', unitPrice: request.amount ?? 0, quantity: 1 }];
  return { lines, tender: { kind: 'gateway', paymentType: request.paymentType } };
}

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
  /** The till sale of the order on screen, and whether that order ended unpaid. */
  saleId: string | undefined;
  unpaidEnd: boolean;
  settings: PublicSettings | undefined;
  unexpected: Bilingual;
}): SaleActions {
  const { api, dispatch, stage, status, draft, orderId, saleId, unpaidEnd, settings, unexpected } = input;
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
      .startSale(tillRequest(request))
      .then(
        (sale) => dispatch({ type: 'started', sale }),
        (error: unknown) => dispatch({ type: 'startFailed', notice: noticeFromError(error, unexpected) }),
      )
      .finally(() => {
        chargingRef.current = false;
      });
  }, [api, dispatch, draft.request, stage, status, unexpected]);

  const newSale = useCallback(() => {
    // A sale whose QR ended unpaid is abandoned when the cashier moves on (nothing was taken).
    if (saleId !== undefined && unpaidEnd) api.voidSale(saleId).catch(() => undefined);
    dispatch({ type: 'newSale' });
  }, [api, dispatch, saleId, unpaidEnd]);

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
