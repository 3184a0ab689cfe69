/**
 * The day screen's pure logic: the count form's typed pieces, shop time, the sign of a difference.
 * No React here, so test/renderer/cashier/day.test.ts checks it in Node.
 */
import { DENOMINATIONS, type CashCount, type DenominationKey } from '../../../common/day-contract.ts';
import { countTotal } from '../../../common/day-input.ts';

/** What the cashier typed in each row of the count form, as typed. */
export type CountDraft = Partial<Record<DenominationKey, string>>;

export interface ReadCount {
  count: CashCount;
  total: number;
  /** Rows whose text is not a whole number of pieces. */
  bad: DenominationKey[];
}

/** Empty rows are none; anything but digits is flagged, never guessed at. */
export function readCount(draft: CountDraft): ReadCount {
  const count: CashCount = {};
  const bad: DenominationKey[] = [];
  for (const { key } of DENOMINATIONS) {
    const text = (draft[key] ?? '').trim();
    if (text === '') continue;
    if (!/^\d{1,6}$/.test(text)) {
      bad.push(key);
      continue;
    }
    const pieces = Number(text);
    if (pieces > 0) count[key] = pieces;
  }
  return { count, total: countTotal(count), bad };
}

/** "08:05" on the shop's clock, whatever zone this screen's machine is set to. */
export function shopClock(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

/** "2026-12-01 08:05" on the shop's clock. */
export function shopDateTime(ms: number, utcOffsetMinutes: number): string {
  const text = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}

export type DifferenceKind = 'over' | 'short' | 'even';

export function differenceKind(difference: number): DifferenceKind {
  return difference > 0 ? 'over' : difference < 0 ? 'short' : 'even';
}

/** Today's business date minus `days`, for the range form's defaults. */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
