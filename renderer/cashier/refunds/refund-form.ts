/**
 * The refund form's rules, without React: what a sale's detail says was paid, what is left, the
 * amount as a person types it, and every refusal the screen can make before anything is sent
 * (the reason by the same check main applies, common/refund-input.ts). Main judges again; its
 * refusals are placed at the field they concern (refundFailure).
 */
import { readAmountText } from '../../../common/history-input.ts';
import type { HistoryDetail } from '../../../common/history-contract.ts';
import { REFUND_REASON_MAX_LENGTH } from '../../../common/midtrans-limits.ts';
import type { RefundRequest, RefundSummary, RefundTarget } from '../../../common/refund-contract.ts';
import { refundInputProblems, refundReason } from '../../../common/refund-input.ts';
import { errorCode } from '../settings/manager-failure.ts';
import { noticeFromError, type Bilingual, type Notice } from '../../shared/errors.ts';

export type RefundField = 'amount' | 'reason' | 'pin' | 'form';

/** A refusal in the screen's words: an i18n key under `refunds.` and its values. */
export interface RefundFormProblem {
  field: 'amount' | 'reason';
  key: string;
  values: Record<string, string | number>;
}

export interface RefundForm {
  mode: 'full' | 'partial';
  amountText: string;
  reason: string;
}

export const EMPTY_REFUND_FORM: RefundForm = { mode: 'full', amountText: '', reason: '' };

/** Which refund target a history row is: a till sale by its sale id, a bare order by its order id. */
export function refundTargetOf(detail: HistoryDetail): RefundTarget {
  return detail.row.kind === 'sale' ? { saleId: detail.row.id } : { orderId: detail.row.id };
}

/** Whether a refund event or summary is about this target. */
export function sameTarget(target: RefundTarget, summary: RefundSummary): boolean {
  return 'saleId' in target ? summary.saleId === target.saleId : summary.orderId === target.orderId;
}

/**
 * What the detail itself says was paid (before main's summary is known): the cash taken and the
 * settled QRIS/GoPay payments of a paid row, as the refund desk counts them.
 */
export function paidOfDetail(detail: HistoryDetail): { paid: number; cash: number } {
  if (detail.row.state !== 'paid') return { paid: 0, cash: 0 };
  const cash = detail.cash.filter((c) => c.state === 'taken').reduce((sum, c) => sum + c.amount, 0);
  const settled = detail.charges
    .filter((c) => c.state === 'settlement')
    .reduce((sum, c) => sum + c.amount, 0);
  return { paid: cash + settled, cash };
}

/** Why the Refund button is disabled (an i18n key), or undefined when it may be pressed. */
export function refundBlocked(input: {
  paid: boolean;
  online: boolean;
  pinSet: boolean | undefined;
  summary: RefundSummary | undefined;
}): string | undefined {
  if (!input.paid) return 'refunds.blocked.notPaid';
  if (!input.online) return 'refunds.blocked.offline';
  if (input.pinSet === false) return 'refunds.blocked.noPin';
  const { summary } = input;
  if (summary !== undefined && summary.left <= 0) {
    return summary.inDoubt > 0 ? 'refunds.blocked.inDoubt' : 'refunds.blocked.nothingLeft';
  }
  return undefined;
}

/** The amount as typed: whole rupiah ("15000", "15.000", "Rp 15.000"), or why it is not one. */
export function readRefundAmount(text: string): { amount: number } | { key: string } {
  const read = readAmountText(text);
  if ('amount' in read) return { amount: read.amount };
  // "0", "0.000", "Rp 0": a number, but nothing to give back.
  if (/^\s*(?:rp\.?\s*)?0+(?:[.,]0+)*\s*$/i.test(text)) return { key: 'refunds.problems.amountZero' };
  return { key: 'refunds.problems.amountNotNumber' };
}

export interface RefundFormCheck {
  /** The request to send (without the target and PIN), when nothing was refused. */
  request: Pick<RefundRequest, 'amount' | 'reason'> | undefined;
  problems: RefundFormProblem[];
  /** What this refund would return (the amount, or everything left), whether or not the reason is there yet. */
  amount: number | undefined;
}

const REASON_KEYS: Record<string, string> = {
  'reason-missing': 'refunds.problems.reasonMissing',
  'reason-too-long': 'refunds.problems.reasonTooLong',
  'reason-unprintable': 'refunds.problems.reasonUnprintable',
};

/**
 * Every refusal of the form against what is left (`left` undefined: not known here, main judges).
 * A full refund sends no amount: main gives back everything left at that moment.
 */
export function checkRefundForm(
  form: RefundForm,
  left: number | undefined,
  formatAmount: (amount: number) => string,
): RefundFormCheck {
  const problems: RefundFormProblem[] = [];
  let amount: number | undefined = form.mode === 'full' ? left : undefined;
  if (form.mode === 'partial') {
    const read = readRefundAmount(form.amountText);
    if ('key' in read) problems.push({ field: 'amount', key: read.key, values: {} });
    else if (left !== undefined && read.amount > left) {
      problems.push({
        field: 'amount',
        key: 'refunds.problems.amountTooLarge',
        values: { left: formatAmount(left) },
      });
    } else amount = read.amount;
  }
  for (const p of refundInputProblems({ orderId: '-', reason: form.reason })) {
    const key = REASON_KEYS[p.code];
    if (key !== undefined) {
      problems.push({ field: 'reason', key, values: { max: REFUND_REASON_MAX_LENGTH } });
    }
  }
  if (problems.length > 0) {
    const amountRefused = problems.some((p) => p.field === 'amount');
    return { request: undefined, problems, amount: amountRefused ? undefined : amount };
  }
  const reason = refundReason(form.reason);
  const request = form.mode === 'partial' && amount !== undefined ? { amount, reason } : { reason };
  return { request, problems, amount };
}

/** How a refund splits: the sale's cash first (from the drawer), the rest through the gateway. */
export function refundSplit(amount: number, cashLeft: number): { cash: number; gateway: number } {
  const cash = Math.min(amount, Math.max(0, cashLeft));
  return { cash, gateway: amount - cash };
}

/** The cash of the refunds just made: what the manager hands over from the drawer. */
export function cashHandedOver(
  refunds: readonly { tender: string; state: string; amount: number }[],
): number {
  return refunds
    .filter((r) => r.tender === 'cash' && r.state === 'refunded')
    .reduce((sum, r) => sum + r.amount, 0);
}

/** Where main's refusal is shown: beside the field it concerns, or over the form. Main's words. */
export function refundFailure(error: unknown, fallback: Bilingual): { field: RefundField; notice: Notice } {
  const notice = noticeFromError(error, fallback);
  switch (errorCode(error)) {
    case 'pin-wrong':
    case 'pin-locked-out':
    case 'manager-locked':
      return { field: 'pin', notice };
    case 'refund-too-large':
      return { field: 'amount', notice };
    case 'refund-invalid': {
      const fields = new Set(notice.problems.map((p) => p.field));
      if (fields.has('amount')) return { field: 'amount', notice };
      if (fields.has('reason')) return { field: 'reason', notice };
      return { field: 'form', notice };
    }
    default:
      // refund-not-allowed, refund-pending, refund-refused (the gateway's words), unreachable …
      return { field: 'form', notice };
  }
}
