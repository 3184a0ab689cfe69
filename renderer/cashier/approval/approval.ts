/**
 * Whether the manager's PIN must come with this sale, by the one rule the till also applies
 * (common/pricing/approval.ts). The main process decides again and refuses with
 * 'discount-needs-approval'; asking here first means the cashier is prompted before Charge, not
 * refused after it.
 */
import {
  discountsOverLimit,
  type DiscountApproval,
  type Discount,
  type PriceBreakdown,
} from '../../../common/pricing/index.ts';

export interface ApprovalInput {
  lines: readonly { discount?: Discount }[];
  orderDiscount: Discount | undefined;
  breakdown: PriceBreakdown;
  approval: DiscountApproval | null;
}

/** The discounts that need the PIN: 'order' and/or the lines' positions (from 0). */
export function discountsNeedingApproval(input: ApprovalInput): ('order' | number)[] {
  return discountsOverLimit(input, input.breakdown, input.approval).map((over) => over.where);
}
