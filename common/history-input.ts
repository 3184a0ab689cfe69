/**
 * What a history search may ask, checked the same way on the screen (as it is typed), in the
 * main process (before any query runs) and in the CLI. Every problem names its field and says
 * what is wrong in Bahasa Indonesia and English; a query with any problem is not run at all.
 */
import {
  HISTORY_PAGE_MAX,
  HISTORY_PAYMENT_TYPES,
  HISTORY_STATES,
  HISTORY_TENDERS,
  type HistoryQuery,
} from './history-contract.ts';
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN } from './midtrans-limits.ts';
import { isBusinessDate } from './shop-time.ts';

export type HistoryProblemCode =
  | 'date-format'
  | 'date-not-calendar'
  | 'date-range-reversed'
  | 'amount-format'
  | 'amount-range'
  | 'id-format'
  | 'id-too-short'
  | 'state-unknown'
  | 'tender-unknown'
  | 'payment-type-unknown'
  | 'issuer-format'
  | 'cursor-invalid'
  | 'limit-range';

export type HistoryField =
  'id' | 'amount' | 'from' | 'to' | 'state' | 'tender' | 'paymentType' | 'issuer' | 'cursor' | 'limit';

export interface HistoryProblem {
  code: HistoryProblemCode;
  field: HistoryField;
  message: { id: string; en: string };
}

/** A prefix shorter than this would match most of the journal, in no useful order. */
export const MIN_ID_PREFIX = 3;
/** Larger than any one QRIS/GoPay charge or till sale can be. */
export const MAX_SEARCH_AMOUNT = 1_000_000_000;
const ISSUER_PATTERN = /^[a-z0-9 _.-]{1,40}$/i;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function problem(code: HistoryProblemCode, field: HistoryField, id: string, en: string): HistoryProblem {
  return { code, field, message: { id, en } };
}

const FIELD_WORDS: Record<'from' | 'to', { id: string; en: string }> = {
  from: { id: 'Tanggal awal', en: 'The start date' },
  to: { id: 'Tanggal akhir', en: 'The end date' },
};

function dateProblems(field: 'from' | 'to', value: string): HistoryProblem[] {
  const words = FIELD_WORDS[field];
  if (!DATE_SHAPE.test(value)) {
    return [
      problem(
        'date-format',
        field,
        `${words.id} harus ditulis TTTT-BB-HH (misalnya 2026-11-24), bukan "${value}".`,
        `${words.en} must be written YYYY-MM-DD (for example 2026-11-24), not "${value}".`,
      ),
    ];
  }
  if (!isBusinessDate(value)) {
    return [
      problem(
        'date-not-calendar',
        field,
        `${words.id} ${value} tidak ada di kalender.`,
        `${words.en} ${value} does not exist on the calendar.`,
      ),
    ];
  }
  return [];
}

/** Whole rupiah from 1 up; the screen and the CLI read what was typed with readAmountText first. */
export function amountProblems(amount: number): HistoryProblem[] {
  if (!Number.isSafeInteger(amount)) {
    return [
      problem(
        'amount-format',
        'amount',
        'Jumlah harus rupiah bulat, tanpa desimal (misalnya 44000 atau 44.000).',
        'The amount must be whole rupiah, without decimals (for example 44000 or 44.000).',
      ),
    ];
  }
  if (amount < 1 || amount > MAX_SEARCH_AMOUNT) {
    return [
      problem(
        'amount-range',
        'amount',
        'Jumlah harus lebih dari Rp 0 dan paling banyak Rp 1.000.000.000.',
        'The amount must be more than Rp 0 and at most Rp 1.000.000.000.',
      ),
    ];
  }
  return [];
}

const PLAIN = /^\d+$/;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+$/;

/**
 * An amount as a person types it: "44000", "44.000", "44,000", "Rp 44.000" or "Rp44.000,00".
 * Anything else ("12,5", "44.00.0", "-5", "abc") is refused with the reason, not guessed at.
 */
export function readAmountText(text: string): { amount: number } | { problem: HistoryProblem } {
  let t = text.trim().replace(/^rp\.?\s*/i, '');
  // Indonesian writes zero cents after a comma ("44.000,00"): the same whole amount.
  t = t.replace(/,0{1,2}$/, '');
  let digits: string | undefined;
  if (PLAIN.test(t)) digits = t;
  else if (DOT_GROUPED.test(t) || COMMA_GROUPED.test(t)) digits = t.replace(/[.,]/g, '');
  if (digits === undefined) {
    const [first] = amountProblems(Number.NaN);
    return {
      problem: first ?? problem('amount-format', 'amount', 'Jumlah tidak valid.', 'Not a valid amount.'),
    };
  }
  const amount = Number(digits);
  const [refused] = amountProblems(amount);
  return refused === undefined ? { amount } : { problem: refused };
}

function idProblems(value: string): HistoryProblem[] {
  if (value.length > ORDER_ID_MAX_LENGTH || !ORDER_ID_PATTERN.test(value)) {
    return [
      problem(
        'id-format',
        'id',
        `Nomor pesanan, penjualan, atau transaksi hanya berisi huruf, angka, dan - _ ~ . (paling banyak ${ORDER_ID_MAX_LENGTH} karakter).`,
        `An order, sale or transaction id has only letters, digits and - _ ~ . (at most ${ORDER_ID_MAX_LENGTH} characters).`,
      ),
    ];
  }
  if (value.length < MIN_ID_PREFIX) {
    return [
      problem(
        'id-too-short',
        'id',
        `Ketik paling sedikit ${MIN_ID_PREFIX} karakter awal nomornya.`,
        `Type at least the first ${MIN_ID_PREFIX} characters of the id.`,
      ),
    ];
  }
  return [];
}

function oneOf(
  field: HistoryField,
  code: HistoryProblemCode,
  value: string,
  allowed: readonly string[],
  words: { id: string; en: string },
): HistoryProblem[] {
  return allowed.includes(value)
    ? []
    : [
        problem(
          code,
          field,
          `${words.id} "${value}" tidak dikenal; pilih salah satu: ${allowed.join(', ')}.`,
          `${words.en} "${value}" is unknown; choose one of: ${allowed.join(', ')}.`,
        ),
      ];
}

/** Every refused field of a query; an empty list means it may run. */
export function checkHistoryQuery(query: HistoryQuery): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  if (query.id !== undefined) problems.push(...idProblems(query.id.trim()));
  if (query.amount !== undefined) problems.push(...amountProblems(query.amount));
  const from = query.from === undefined ? [] : dateProblems('from', query.from);
  const to = query.to === undefined ? [] : dateProblems('to', query.to);
  problems.push(...from, ...to);
  if (
    query.from !== undefined &&
    query.to !== undefined &&
    from.length === 0 &&
    to.length === 0 &&
    query.from > query.to
  ) {
    problems.push(
      problem(
        'date-range-reversed',
        'to',
        `Rentang tanggal terbalik: tanggal akhir ${query.to} sebelum tanggal awal ${query.from}.`,
        `The date range is reversed: the end date ${query.to} is before the start date ${query.from}.`,
      ),
    );
  }
  if (query.state !== undefined) {
    problems.push(
      ...oneOf('state', 'state-unknown', query.state, HISTORY_STATES, { id: 'Status', en: 'The state' }),
    );
  }
  if (query.tender !== undefined) {
    problems.push(
      ...oneOf('tender', 'tender-unknown', query.tender, HISTORY_TENDERS, {
        id: 'Cara bayar',
        en: 'The tender',
      }),
    );
  }
  if (query.paymentType !== undefined) {
    problems.push(
      ...oneOf('paymentType', 'payment-type-unknown', query.paymentType, HISTORY_PAYMENT_TYPES, {
        id: 'Jenis pembayaran',
        en: 'The payment type',
      }),
    );
  }
  if (query.issuer !== undefined && !ISSUER_PATTERN.test(query.issuer)) {
    problems.push(
      problem(
        'issuer-format',
        'issuer',
        'Penerbit ditulis seperti dari gateway: huruf, angka, spasi, - _ . (paling banyak 40).',
        'The issuer is written as the gateway names it: letters, digits, spaces, - _ . (at most 40).',
      ),
    );
  }
  if (
    query.limit !== undefined &&
    (!Number.isSafeInteger(query.limit) || query.limit < 1 || query.limit > HISTORY_PAGE_MAX)
  ) {
    problems.push(
      problem(
        'limit-range',
        'limit',
        `Jumlah baris per halaman harus 1 sampai ${HISTORY_PAGE_MAX}.`,
        `Rows per page must be 1 to ${HISTORY_PAGE_MAX}.`,
      ),
    );
  }
  return problems;
}

/** The problem for a cursor that did not come from this history (the main process decodes it). */
export function cursorProblem(): HistoryProblem {
  return problem(
    'cursor-invalid',
    'cursor',
    'Penanda halaman tidak valid. Mulai pencarian lagi dari halaman pertama.',
    'The page marker is not valid. Start the search again from the first page.',
  );
}
