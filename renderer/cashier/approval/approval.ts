/**
 * Whether the manager's PIN must come with this sale: a line or order discount above the threshold
 * the manager set (a percentage above `percent`, or rupiah off above `amount`). The main process
 * decides again and refuses with 'discount-needs-approval'; asking here first means the cashier
 * is prompted before Charge, not refused after it.
 */
import type { Discount, PriceBreakdown } from '../../../common/pricing/index.ts';
import type { DiscountApproval } from '../../../common/till-contract.ts';

export interface ApprovalInput {
  lines: readonly { discount?: Discount }[];
  orderDiscount: Discount | undefined;
  breakdown: PriceBreakdown;
  approval: DiscountApproval | null;
}

function above(discount: Discount | undefined, rupiahOff: number, approval: DiscountApproval): boolean {
  if (discount === undefined) return false;
  if (discount.kind === 'percent' && discount.value > approval.percent) return true;
  return rupiahOff > approval.amount;
}

/** The discounts that need the PIN: 'order' and/or the lines' positions (from 0). */
export function discountsNeedingApproval(input: ApprovalInput): ('order' | number)[] {
  const { approval, breakdown } = input;
  if (approval === null) return [];
  const over: ('order' | number)[] = [];
  input.lines.forEach((line, index) => {
    if (above(line.discount, breakdown.lines[index]?.lineDiscount ?? 0, approval)) over.push(index);
  });
  if (above(input.orderDiscount, breakdown.orderDiscount, approval)) over.push('order');
  return over;
}
