/**
 * A refund request's own values, checked the same way on the manager's screen as it is typed and
 * in main before anything is journaled: whole rupiah, a reason the customer will read (it shows in
 * the GoPay history), one target. What is left to refund is main's to judge.
 */
import { REFUND_REASON_MAX_LENGTH } from './midtrans-limits.ts';
import { formatRupiah } from './rupiah.ts';

export type RefundProblemCode =
  | 'target-missing'
  | 'target-ambiguous'
  | 'amount-not-whole'
  | 'amount-too-small'
  | 'reason-missing'
  | 'reason-too-long'
  | 'reason-unprintable';

export interface RefundProblem {
  code: RefundProblemCode;
  field: string;
  message: { id: string; en: string };
}

export interface RefundInput {
  orderId?: unknown;
  saleId?: unknown;
  amount?: unknown;
  reason?: unknown;
}

function problem(code: RefundProblemCode, field: string, id: string, en: string): RefundProblem {
  return { code, field, message: { id, en } };
}

// Control characters would garble a receipt line or the customer's wallet history.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f]/;

/** The reason as it will be stored: trimmed. */
export function refundReason(reason: unknown): string {
  return typeof reason === 'string' ? reason.trim() : '';
}

export function refundInputProblems(input: RefundInput): RefundProblem[] {
  const problems: RefundProblem[] = [];
  const hasOrder = input.orderId !== undefined;
  const hasSale = input.saleId !== undefined;
  if (!hasOrder && !hasSale) {
    problems.push(
      problem(
        'target-missing',
        'orderId',
        'Pilih pesanan atau penjualan yang dananya dikembalikan.',
        'Choose the order or the sale to refund.',
      ),
    );
  } else if (hasOrder && hasSale) {
    problems.push(
      problem(
        'target-ambiguous',
        'saleId',
        'Pilih pesanan atau penjualan, bukan keduanya.',
        'Choose an order or a sale, not both.',
      ),
    );
  }
  const { amount } = input;
  if (amount !== undefined) {
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
      problems.push(
        problem(
          'amount-not-whole',
          'amount',
          'Jumlah pengembalian harus rupiah bulat, tanpa sen.',
          'The refund must be whole rupiah, with no cents.',
        ),
      );
    } else if (amount < 1) {
      problems.push(
        problem(
          'amount-too-small',
          'amount',
          `Jumlah pengembalian minimal ${formatRupiah(1, ' ')}.`,
          `The refund must be at least ${formatRupiah(1, ' ')}.`,
        ),
      );
    }
  }
  const reason = refundReason(input.reason);
  if (reason === '') {
    problems.push(
      problem(
        'reason-missing',
        'reason',
        'Tulis alasan pengembalian dana (pelanggan melihatnya di riwayat GoPay).',
        'Write the reason for the refund (the customer sees it in the GoPay history).',
      ),
    );
  } else if (reason.length > REFUND_REASON_MAX_LENGTH) {
    problems.push(
      problem(
        'reason-too-long',
        'reason',
        `Alasan paling banyak ${REFUND_REASON_MAX_LENGTH} karakter.`,
        `The reason may be at most ${REFUND_REASON_MAX_LENGTH} characters.`,
      ),
    );
  } else if (UNPRINTABLE.test(reason)) {
    problems.push(
      problem(
        'reason-unprintable',
        'reason',
        'Alasan tidak boleh berisi karakter kontrol (seperti baris baru).',
        'The reason may not contain control characters (such as line breaks).',
      ),
    );
  }
  return problems;
}
