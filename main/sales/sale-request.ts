/**
 * A sale request judged before anything is written: the cart priced by the same code the screen
 * uses (common/pricing), the tender checked against the total, the payment type against the
 * till's settings and Midtrans's limits, and a discount above the manager's threshold flagged.
 */
import { MAX_AMOUNT, type PaymentType } from '../../common/midtrans-limits.ts';
import {
  cashChange,
  discountsOverLimit,
  priceCart,
  splitTender,
  type Discount,
  type PriceBreakdown,
  type PricingProblem,
  type PricingSettings,
} from '../../common/pricing/index.ts';
import { formatRupiah } from '../../common/rupiah.ts';
import type { DiscountApproval, TillSaleRequest } from '../../common/till-contract.ts';

/** Bad input for a sale: nothing was journaled, charged or opened. */
export class TillInputError extends Error {
  readonly code = 'sale-invalid';
  readonly problems: PricingProblem[];
  constructor(problems: PricingProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message.en}`).join('; '));
    this.name = 'TillInputError';
    this.problems = problems;
  }
}

export type TenderPlan =
  | { kind: 'cash'; received: number; change: number }
  | { kind: 'gateway'; paymentType: PaymentType; amount: number }
  | { kind: 'split'; cash: number; paymentType: PaymentType; amount: number };

export interface PlannedSale {
  breakdown: PriceBreakdown;
  tender: TenderPlan;
  /** Discounts above the manager's threshold, described for the journal and the refusal. */
  discountsNeedingApproval: string[];
}

function problem(code: string, field: string, id: string, en: string): PricingProblem {
  return { code: code as PricingProblem['code'], field, message: { id, en } };
}

export function paymentTypeProblems(
  type: PaymentType,
  amount: number,
  enabled: readonly PaymentType[],
): PricingProblem[] {
  const name = type === 'gopay' ? 'GoPay' : 'QRIS';
  if (!enabled.includes(type)) {
    return [
      problem(
        'payment-type-disabled',
        'tender.paymentType',
        `${name} tidak diaktifkan di kasir ini.`,
        `${name} is not enabled on this till.`,
      ),
    ];
  }
  if (amount > MAX_AMOUNT[type]) {
    return [
      problem(
        'amount-too-large',
        'tender.paymentType',
        `Jumlah maksimal untuk ${name} adalah ${formatRupiah(MAX_AMOUNT[type])}.`,
        `The most ${name} accepts is ${formatRupiah(MAX_AMOUNT[type])}.`,
      ),
    ];
  }
  return [];
}

function describeDiscount(discount: Discount, where: string): string {
  return discount.kind === 'percent' ? `${where} ${discount.value}%` : `${where} Rp ${discount.value}`;
}

/** Discounts whose percentage or rupiah value is above the manager's threshold, for the log. */
function needingApproval(
  request: TillSaleRequest,
  breakdown: PriceBreakdown,
  approval: DiscountApproval | null,
): string[] {
  return discountsOverLimit(request, breakdown, approval).map(({ where, discount }) =>
    describeDiscount(discount, where === 'order' ? 'order' : `line ${where + 1}`),
  );
}

export function planSale(
  request: TillSaleRequest,
  settings: {
    pricing: PricingSettings;
    approval: DiscountApproval | null;
    paymentTypes: readonly PaymentType[];
  },
): PlannedSale {
  const priced = priceCart({
    lines: request.lines,
    ...(request.orderDiscount === undefined ? {} : { orderDiscount: request.orderDiscount }),
    settings: settings.pricing,
  });
  if (!priced.ok) throw new TillInputError(priced.problems);
  const breakdown = priced.value;
  // Discounts may take a cart down to nothing; a sale of nothing cannot be charged (Midtrans
  // refuses 0) nor journaled (the sales table holds a positive total).
  if (breakdown.total < 1) {
    throw new TillInputError([
      problem(
        'nothing-to-pay',
        'total',
        'Total setelah diskon Rp 0: tidak ada yang perlu dibayar. Kurangi diskonnya.',
        'The total after discounts is Rp 0: there is nothing to pay. Lower the discount.',
      ),
    ]);
  }
  const { tender } = request;
  let plan: TenderPlan;
  if (tender.kind === 'cash') {
    const change = cashChange(breakdown.cashTotal, tender.received);
    if (!change.ok) throw new TillInputError(change.problems);
    plan = { kind: 'cash', received: change.value.received, change: change.value.change };
  } else if (tender.kind === 'gateway') {
    const problems = paymentTypeProblems(tender.paymentType, breakdown.total, settings.paymentTypes);
    if (problems.length > 0) throw new TillInputError(problems);
    plan = { kind: 'gateway', paymentType: tender.paymentType, amount: breakdown.total };
  } else {
    const split = splitTender(breakdown.total, tender.cash, tender.paymentType);
    if (!split.ok) throw new TillInputError(split.problems);
    const problems = paymentTypeProblems(tender.paymentType, split.value.remainder, settings.paymentTypes);
    if (problems.length > 0) throw new TillInputError(problems);
    plan = {
      kind: 'split',
      cash: split.value.cash,
      paymentType: tender.paymentType,
      amount: split.value.remainder,
    };
  }
  return {
    breakdown,
    tender: plan,
    discountsNeedingApproval: needingApproval(request, breakdown, settings.approval),
  };
}
