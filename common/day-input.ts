/**
 * The day's input checks, run the same way on the screen (as it is typed) and in the main process
 * (before anything is written): a float, a counted amount, a cash movement, a cashier, a date
 * range. Every problem has a stable code, the field, and words in Bahasa Indonesia and English.
 */
import { DENOMINATIONS, type CashCount, type DenominationKey } from './day-contract.ts';
import { formatRupiah } from './rupiah.ts';

export interface DayProblem {
  code: string;
  field: string;
  message: { id: string; en: string };
}

/** Far above any till's drawer, far below where floating point stops counting rupiah exactly. */
export const MAX_DRAWER_AMOUNT = 1_000_000_000_000;
export const MAX_DENOMINATION_PIECES = 100_000;
export const REASON_MAX_LENGTH = 200;
export const NOTE_MAX_LENGTH = 500;
export const CASHIER_NAME_MAX_LENGTH = 40;
export const CASHIER_PIN_PATTERN = /^\d{4,6}$/;
/** A range report covers at most a year and a day (a leap year, inclusive). */
export const MAX_RANGE_DAYS = 366;

const rupiah = (n: number): string => formatRupiah(n, ' ');

function problem(code: string, field: string, id: string, en: string): DayProblem {
  return { code, field, message: { id, en } };
}

const GROUPED = /^\d{1,3}(?:[.,]\d{3})+$/;

/**
 * A typed amount as a number: whole rupiah, optionally grouped by thousands ("250.000"). Any
 * other text stays text, so the check below can say exactly what is wrong with it.
 */
export function readRupiah(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(/^rp\.?\s*/i, '');
  if (/^-?\d+$/.test(text)) return Number(text);
  if (GROUPED.test(text)) return Number(text.replace(/[.,]/g, ''));
  return value;
}

/**
 * Whole rupiah from 0 (or 1 when `positive`) to MAX_DRAWER_AMOUNT. `what` names the amount in
 * both languages ("uang yang dihitung" / "the counted cash").
 */
export function amountProblems(
  raw: unknown,
  field: string,
  what: { id: string; en: string },
  positive = false,
): DayProblem[] {
  const value = readRupiah(raw);
  if (value === undefined || value === null || value === '') {
    return [problem('amount-missing', field, `Isi ${what.id}.`, `Enter ${what.en}.`)];
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [
      problem(
        'amount-not-a-number',
        field,
        `${capital(what.id)} harus berupa angka rupiah, misalnya 250000 atau 250.000.`,
        `${capital(what.en)} must be a number of rupiah, such as 250000 or 250.000.`,
      ),
    ];
  }
  if (!Number.isInteger(value)) {
    return [
      problem(
        'amount-not-whole',
        field,
        `${capital(what.id)} harus rupiah bulat, tanpa sen.`,
        `${capital(what.en)} must be whole rupiah, without cents.`,
      ),
    ];
  }
  if (value < (positive ? 1 : 0)) {
    return [
      problem(
        'amount-too-small',
        field,
        positive ? `${capital(what.id)} harus lebih dari nol.` : `${capital(what.id)} tidak boleh negatif.`,
        positive
          ? `${capital(what.en)} must be more than zero.`
          : `${capital(what.en)} must not be negative.`,
      ),
    ];
  }
  if (value > MAX_DRAWER_AMOUNT) {
    return [
      problem(
        'amount-too-large',
        field,
        `${capital(what.id)} paling banyak ${rupiah(MAX_DRAWER_AMOUNT)}.`,
        `${capital(what.en)} can be at most ${rupiah(MAX_DRAWER_AMOUNT)}.`,
      ),
    ];
  }
  return [];
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const KEYS: ReadonlySet<string> = new Set(DENOMINATIONS.map((d) => d.key));

/** A count by denomination: known rows only, each a whole number of pieces from 0. */
export function countProblems(count: unknown, field: string): DayProblem[] {
  if (typeof count !== 'object' || count === null || Array.isArray(count)) {
    return [problem('count-invalid', field, 'Hitungan uang tidak valid.', 'The cash count is not valid.')];
  }
  const problems: DayProblem[] = [];
  for (const [key, pieces] of Object.entries(count)) {
    const row = `${field}.${key}`;
    if (!KEYS.has(key)) {
      problems.push(
        problem(
          'count-unknown-row',
          row,
          `Pecahan "${key}" tidak dikenal.`,
          `Unknown denomination "${key}".`,
        ),
      );
    } else if (
      typeof pieces !== 'number' ||
      !Number.isInteger(pieces) ||
      pieces < 0 ||
      pieces > MAX_DENOMINATION_PIECES
    ) {
      problems.push(
        problem(
          'count-pieces-invalid',
          row,
          `Jumlah lembar atau keping harus bilangan bulat dari 0 sampai ${MAX_DENOMINATION_PIECES}.`,
          `The number of notes or coins must be a whole number from 0 to ${MAX_DENOMINATION_PIECES}.`,
        ),
      );
    }
  }
  return problems;
}

/** The value of a count (checked first with countProblems). */
export function countTotal(count: CashCount): number {
  let total = 0;
  for (const d of DENOMINATIONS) total += d.value * (count[d.key as DenominationKey] ?? 0);
  return total;
}

/**
 * A counted amount given as a number or by denomination (or both, when they must agree): the
 * amount, or the problems.
 */
export function countedAmount(
  raw: unknown,
  count: unknown,
  field: string,
  what: { id: string; en: string },
): { ok: true; amount: number; count: CashCount | null } | { ok: false; problems: DayProblem[] } {
  if (count !== undefined) {
    const problems = countProblems(count, 'count');
    if (problems.length > 0) return { ok: false, problems };
    const total = countTotal(count as CashCount);
    if (raw !== undefined) {
      const typed = amountProblems(raw, field, what);
      if (typed.length > 0) return { ok: false, problems: typed };
      if (readRupiah(raw) !== total) {
        return {
          ok: false,
          problems: [
            problem(
              'count-mismatch',
              field,
              `${capital(what.id)} (${rupiah(Number(readRupiah(raw)))}) tidak sama dengan jumlah hitungan per pecahan (${rupiah(total)}).`,
              `${capital(what.en)} (${rupiah(Number(readRupiah(raw)))}) is not the total of the count by denomination (${rupiah(total)}).`,
            ),
          ],
        };
      }
    }
    return { ok: true, amount: total, count: count as CashCount };
  }
  const problems = amountProblems(raw, field, what);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, amount: readRupiah(raw) as number, count: null };
}

/** Collapses inner whitespace; the reason is printed on the X/Z and exported. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function reasonProblems(reason: unknown, field = 'reason'): DayProblem[] {
  if (typeof reason !== 'string' || cleanText(reason) === '') {
    return [
      problem(
        'reason-missing',
        field,
        'Tulis alasan uang masuk atau keluar (misalnya "tukar uang kecil").',
        'Write why cash goes in or out (for example "small change from the bank").',
      ),
    ];
  }
  if (cleanText(reason).length > REASON_MAX_LENGTH) {
    return [
      problem(
        'reason-too-long',
        field,
        `Alasan paling panjang ${REASON_MAX_LENGTH} karakter.`,
        `The reason can be at most ${REASON_MAX_LENGTH} characters.`,
      ),
    ];
  }
  return [];
}

export function noteProblems(note: unknown): DayProblem[] {
  if (note === undefined) return [];
  if (typeof note !== 'string' || cleanText(note).length > NOTE_MAX_LENGTH) {
    return [
      problem(
        'note-invalid',
        'note',
        `Catatan paling panjang ${NOTE_MAX_LENGTH} karakter.`,
        `The note can be at most ${NOTE_MAX_LENGTH} characters.`,
      ),
    ];
  }
  return [];
}

export function cashierNameProblems(name: unknown): DayProblem[] {
  if (typeof name !== 'string' || cleanText(name) === '') {
    return [problem('name-missing', 'name', 'Isi nama kasir.', "Enter the cashier's name.")];
  }
  if (cleanText(name).length > CASHIER_NAME_MAX_LENGTH) {
    return [
      problem(
        'name-too-long',
        'name',
        `Nama kasir paling panjang ${CASHIER_NAME_MAX_LENGTH} karakter.`,
        `A cashier's name can be at most ${CASHIER_NAME_MAX_LENGTH} characters.`,
      ),
    ];
  }
  return [];
}

export function cashierPinProblems(pin: unknown, field = 'pin'): DayProblem[] {
  if (typeof pin !== 'string' || !CASHIER_PIN_PATTERN.test(pin)) {
    return [
      problem(
        'pin-format',
        field,
        'PIN kasir harus 4 sampai 6 angka.',
        'A cashier PIN must be 4 to 6 digits.',
      ),
    ];
  }
  return [];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Days from `from` to `to`, both included (0 or less when reversed). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function dateRangeProblems(from: unknown, to: unknown): DayProblem[] {
  const problems: DayProblem[] = [];
  for (const [field, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isCalendarDate(value)) {
      problems.push(
        problem(
          'date-invalid',
          field,
          `Tanggal harus tanggal kalender berformat YYYY-MM-DD, bukan "${String(value)}".`,
          `The date must be a calendar date written YYYY-MM-DD, not "${String(value)}".`,
        ),
      );
    }
  }
  if (problems.length > 0 || !isCalendarDate(from) || !isCalendarDate(to)) return problems;
  if (to < from) {
    return [
      problem(
        'range-reversed',
        'to',
        `Rentang tanggal terbalik: ${to} lebih awal dari ${from}. Tukar kedua tanggal.`,
        `The date range is reversed: ${to} is before ${from}. Swap the two dates.`,
      ),
    ];
  }
  if (daysInRange(from, to) > MAX_RANGE_DAYS) {
    return [
      problem(
        'range-too-long',
        'to',
        `Rentang paling panjang ${MAX_RANGE_DAYS} hari.`,
        `The range can be at most ${MAX_RANGE_DAYS} days.`,
      ),
    ];
  }
  return [];
}
