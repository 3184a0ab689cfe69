/**
 * How the customer pays the priced sale, checked as the cashier chooses and types, with the same
 * shared arithmetic the till uses (cashChange, splitTender): QRIS/GoPay for the exact total; cash
 * for the cash total (rounded to the shop's coin, cash only) with the change; or a cash part now
 * and the exact rest by QRIS/GoPay.
 */
import { MAX_AMOUNT, type PaymentType } from '../../../common/midtrans-limits.ts';
import { cashChange, splitTender, type PriceBreakdown } from '../../../common/pricing/index.ts';
import { formatRupiah } from '../../../common/rupiah.ts';
import type { TenderRequest } from '../../../common/till-contract.ts';
import { paymentTypeName } from '../../shared/format.ts';
import { entryAmount } from '../keypad/amount-entry.ts';
import { keyProblem, type ScreenProblem } from '../problems.ts';

export const TENDER_KINDS = ['gateway', 'cash', 'split'] as const;
export type TenderKind = (typeof TENDER_KINDS)[number];

export interface TenderInput {
  kind: TenderKind;
  /** The QRIS/GoPay choice, for the whole total or the rest of a split. */
  paymentType: PaymentType | undefined;
  enabled: readonly PaymentType[];
  /** Cash received (cash) or the cash part (split), as typed. */
  cashDigits: string;
}

export interface TenderCheck {
  request: TenderRequest | undefined;
  problems: ScreenProblem[];
  /** What the Charge button asks for now: the total, the cash total, or the QRIS/GoPay rest. */
  payable: number;
  /** Cash only: what to hand back. */
  change: number | undefined;
  /** Split: what QRIS/GoPay is charged. */
  remainder: number | undefined;
  /** Cash received or the cash part, once typed. */
  cash: number | undefined;
}

/** Notes the cashier can be handed: the exact amount and the common notes above it. */
export const QUICK_NOTES = [20_000, 50_000, 100_000] as const;

export function gatewayProblems(
  paymentType: PaymentType | undefined,
  amount: number,
  enabled: readonly PaymentType[],
): ScreenProblem[] {
  if (paymentType === undefined || !enabled.includes(paymentType)) {
    return [keyProblem('payment-type-missing', 'tender.paymentType', 'cashier.tender.choosePaymentType')];
  }
  if (amount > MAX_AMOUNT[paymentType]) {
    return [
      keyProblem('amount-too-large', 'tender.paymentType', 'cashier.tender.tooLarge', {
        type: paymentTypeName(paymentType),
        max: formatRupiah(MAX_AMOUNT[paymentType]),
      }),
    ];
  }
  return [];
}

export function checkTender(breakdown: PriceBreakdown, input: TenderInput): TenderCheck {
  const cash = entryAmount(input.cashDigits);
  const base = { problems: [], change: undefined, remainder: undefined, cash };
  if (input.kind === 'gateway') {
    const problems = gatewayProblems(input.paymentType, breakdown.total, input.enabled);
    const request: TenderRequest | undefined =
      problems.length === 0 && input.paymentType !== undefined
        ? { kind: 'gateway', paymentType: input.paymentType }
        : undefined;
    return { ...base, request, problems, payable: breakdown.total };
  }
  if (input.kind === 'cash') {
    const payable = breakdown.cashTotal;
    if (cash === undefined) {
      return {
        ...base,
        request: undefined,
        problems: [keyProblem('cash-missing', 'cashReceived', 'cashier.tender.cashMissing')],
        payable,
      };
    }
    const checked = cashChange(payable, cash);
    if (!checked.ok) return { ...base, request: undefined, problems: checked.problems, payable };
    return {
      ...base,
      request: { kind: 'cash', received: checked.value.received },
      payable,
      change: checked.value.change,
    };
  }
  if (cash === undefined) {
    return {
      ...base,
      request: undefined,
      problems: [keyProblem('split-cash-missing', 'cashReceived', 'cashier.tender.splitCashMissing')],
      payable: breakdown.total,
    };
  }
  const split = splitTender(breakdown.total, cash, input.paymentType);
  if (!split.ok) return { ...base, request: undefined, problems: split.problems, payable: breakdown.total };
  const { remainder } = split.value;
  const problems = gatewayProblems(input.paymentType, remainder, input.enabled);
  const request: TenderRequest | undefined =
    problems.length === 0 && input.paymentType !== undefined
      ? { kind: 'split', cash: split.value.cash, paymentType: input.paymentType }
      : undefined;
  return { ...base, request, problems, payable: remainder, remainder };
}

/**
 * The quick buttons: "exact" first (cash only), then each common note. Notes below the cash total
 * stay offered (a tap is refused with the shortfall, as a typed amount is); a split's cash part
 * must leave something to charge, so larger notes are left out there.
 */
export function quickCash(
  kind: TenderKind,
  payable: number,
  total: number,
): { amount: number; exact: boolean }[] {
  const notes = QUICK_NOTES.map((amount) => ({ amount, exact: false }));
  if (kind === 'cash')
    return [{ amount: payable, exact: true }, ...notes.filter((n) => n.amount !== payable)];
  return notes.filter((note) => note.amount < total);
}
