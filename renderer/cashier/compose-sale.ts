/**
 * What the screen derives from what is rung up, on every render: the priced draft, the tender
 * checked against it, the request Charge would send, everything that stops it (in the order the
 * cashier would fix them), and whether the manager's PIN must come along.
 */
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/index.ts';
import type { TillSaleRequest } from '../../common/till-contract.ts';
import { discountsNeedingApproval } from './approval/approval.ts';
import type { CashierState } from './cashier-state.ts';
import { draftSale, type SaleDraft } from './cart/draft.ts';
import type { ScreenProblem } from './problems.ts';
import { checkTender, type TenderCheck } from './tender/tender.ts';

export interface ComposedSale {
  draft: SaleDraft;
  tender: TenderCheck | undefined;
  request: TillSaleRequest | undefined;
  problems: ScreenProblem[];
  needsApproval: boolean;
}

export function composeSale(state: CashierState, freeName: string): ComposedSale {
  const settings = state.settings;
  const draft = draftSale({
    lines: state.cart,
    freeDigits: state.digits,
    freeName,
    orderDiscount: state.orderDiscount,
    pricing: settings?.pricing ?? DEFAULT_PRICING_SETTINGS,
  });
  const { breakdown } = draft;
  if (breakdown === undefined || settings === undefined) {
    return { draft, tender: undefined, request: undefined, problems: draft.problems, needsApproval: false };
  }
  const tender = checkTender(breakdown, {
    kind: state.tenderKind,
    paymentType: state.paymentType,
    enabled: settings.paymentTypes,
    cashDigits: state.cashDigits,
  });
  const request: TillSaleRequest | undefined =
    tender.request === undefined
      ? undefined
      : {
          lines: draft.lines,
          ...(state.orderDiscount === undefined ? {} : { orderDiscount: state.orderDiscount }),
          tender: tender.request,
        };
  const needsApproval =
    discountsNeedingApproval({
      lines: draft.lines,
      orderDiscount: state.orderDiscount,
      breakdown,
      approval: settings.discountApproval,
    }).length > 0;
  return { draft, tender, request, problems: tender.problems, needsApproval };
}
