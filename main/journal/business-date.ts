/**
 * The shop-local calendar day a sale belongs to. Indonesia has no daylight saving, so a fixed
 * offset is exact; the offset is passed in rather than read from the OS so a till whose system
 * time zone is wrong still files its sales under the shop's day.
 */
export const WIB_OFFSET_MINUTES = 7 * 60;
export const WITA_OFFSET_MINUTES = 8 * 60;
export const WIT_OFFSET_MINUTES = 9 * 60;

const MINUTE_MS = 60_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// Every real UTC offset (-12:00 .. +14:00) lies within this.
const MAX_OFFSET_MINUTES = 14 * 60;

export function businessDateOf(ms: number, utcOffsetMinutes: number): string {
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > MAX_OFFSET_MINUTES) {
    throw new RangeError(`UTC offset must be whole minutes within ±14 h, got ${utcOffsetMinutes}`);
  }
  const local = new Date(ms + utcOffsetMinutes * MINUTE_MS);
  if (Number.isNaN(local.getTime())) throw new RangeError(`time ${ms} is not a valid instant`);
  const date = local.toISOString().slice(0, 10);
  // Outside the years 0000..9999 toISOString writes a signed six-digit year: not a business date.
  if (!DATE_PATTERN.test(date)) throw new RangeError(`time ${ms} is outside the years 0000..9999`);
  return date;
}

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is refused). */
export function isBusinessDate(value: string): boolean {
  const m = DATE_PATTERN.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0..99 as 1900..1999.
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
