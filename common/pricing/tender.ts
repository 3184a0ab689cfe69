/**
 * Cash arithmetic at the till: the change of a cash-only sale, and the QRIS/GoPay remainder of a
 * split sale. A cash-only sale is asked for the cash-rounded total (`cashTotal`); a split sale is
 * not rounded, because its QRIS part is charged to the rupiah and the cash part is what was typed.
 */
import { MAX_AMOUNT, type PaymentType } from '../midtrans-limits.ts';
import { isWhole, problem, rupiah } from './problems.ts';
import type { Checked, PricingProblem } from './problems.ts';

function cashProblem(received: unknown): PricingProblem | undefined {
  if (!isWhole(received) || received < 0) {
    return problem(
      'cash-not-whole',
      'cashReceived',
      'Uang tunai harus rupiah bulat, tanpa sen.',
      'Cash received must be whole rupiah, with no cents.',
    );
  }
  return undefined;
}

/** Change for a cash-only sale; `cashTotal` is the breakdown's cash-rounded total. */
export function cashChange(
  cashTotal: number,
  received: unknown,
): Checked<{ received: number; change: number }> {
  const bad = cashProblem(received);
  if (bad) return { ok: false, problems: [bad] };
  const cash = received as number;
  if (cash < cashTotal) {
    return {
      ok: false,
      problems: [
        problem(
          'cash-below-total',
          'cashReceived',
          `Uang diterima ${rupiah(cash)} kurang dari total ${rupiah(cashTotal)} (kurang ${rupiah(cashTotal - cash)}).`,
          `Cash received, ${rupiah(cash)}, is less than the total of ${rupiah(cashTotal)} (${rupiah(cashTotal - cash)} short).`,
        ),
      ],
    };
  }
  return { ok: true, value: { received: cash, change: cash - cashTotal } };
}

/**
 * Splits a sale into a cash part and the remainder for QRIS/GoPay. The cash part must leave
 * something to charge (else it is a cash sale, with change), and the remainder must be within
 * the payment type's limit when one is given.
 */
export function splitTender(
  total: number,
  cashPart: unknown,
  paymentType?: PaymentType,
): Checked<{ cash: number; remainder: number }> {
  const bad = cashProblem(cashPart);
  if (bad) return { ok: false, problems: [bad] };
  const cash = cashPart as number;
  if (cash === 0) {
    return {
      ok: false,
      problems: [
        problem(
          'split-cash-missing',
          'cashReceived',
          'Masukkan bagian yang dibayar tunai.',
          'Enter the part paid in cash.',
        ),
      ],
    };
  }
  if (cash >= total) {
    return {
      ok: false,
      problems: [
        problem(
          'split-cash-covers-total',
          'cashReceived',
          `Uang tunai ${rupiah(cash)} sudah menutup total ${rupiah(total)}: catat sebagai penjualan tunai dengan kembalian.`,
          `Cash of ${rupiah(cash)} already covers the total of ${rupiah(total)}: record it as a cash sale with change.`,
        ),
      ],
    };
  }
  const remainder = total - cash;
  if (paymentType !== undefined && remainder > MAX_AMOUNT[paymentType]) {
    const name = paymentType === 'gopay' ? 'GoPay' : 'QRIS';
    return {
      ok: false,
      problems: [
        problem(
          'split-remainder-too-large',
          'cashReceived',
          `Sisa ${rupiah(remainder)} melebihi batas ${name} ${rupiah(MAX_AMOUNT[paymentType])}; terima lebih banyak tunai.`,
          `The remainder of ${rupiah(remainder)} is above the ${name} limit of ${rupiah(MAX_AMOUNT[paymentType])}; take more in cash.`,
        ),
      ],
    };
  }
  return { ok: true, value: { cash, remainder } };
}
