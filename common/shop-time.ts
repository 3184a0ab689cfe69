/**
 * The shop's clock: its zone (Indonesia has three, none with daylight saving, so a fixed offset is
 * exact) and the hour its business day turns over. A late-night warung that closes at 02:00 sets
 * the cut-off to 4: a sale at 01:30 then belongs to the day that began the evening before.
 *
 * Every layer uses these: the journal files sales under businessDateOf(), and the screens, the
 * CLI and the reports print times with the shop's offset, never the machine's own zone. A leaf:
 * it imports nothing.
 */

export const SHOP_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type ShopZone = (typeof SHOP_ZONES)[number];

/** Minutes east of UTC: WIB UTC+7 (Sumatra, Java, West/Central Kalimantan), WITA +8, WIT +9. */
export const ZONE_OFFSET_MINUTES: Readonly<Record<ShopZone, number>> = { WIB: 420, WITA: 480, WIT: 540 };

/** A business day may turn over at midnight or at any whole hour up to 06:00. */
export const MAX_CUTOFF_HOUR = 6;

export interface ShopTime {
  zone: ShopZone;
  /** 0 (midnight) to MAX_CUTOFF_HOUR: a sale before this hour belongs to the previous business day. */
  cutoffHour: number;
}

/** What every kiosk ran on before the zone could be chosen: order ids and days in WIB, midnight. */
export const DEFAULT_SHOP_TIME: Readonly<ShopTime> = Object.freeze({ zone: 'WIB', cutoffHour: 0 });

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// Every real UTC offset (-12:00 .. +14:00) lies within this.
const MAX_OFFSET_MINUTES = 14 * 60;

export function isShopZone(value: unknown): value is ShopZone {
  return typeof value === 'string' && (SHOP_ZONES as readonly string[]).includes(value);
}

export function isCutoffHour(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_CUTOFF_HOUR;
}

export function isShopTime(value: unknown): value is ShopTime {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isShopZone(v.zone) && isCutoffHour(v.cutoffHour);
}

export function offsetOf(shop: ShopTime): number {
  return ZONE_OFFSET_MINUTES[shop.zone];
}

/**
 * The business date (YYYY-MM-DD) a moment belongs to: the shop-local calendar date of
 * `ms − cutoffHour`. With cut-off 4, 03:59:59 is still yesterday and 04:00:00 is today.
 */
export function businessDateOf(ms: number, utcOffsetMinutes: number, cutoffHour = 0): string {
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > MAX_OFFSET_MINUTES) {
    throw new RangeError(`UTC offset must be whole minutes within ±14 h, got ${utcOffsetMinutes}`);
  }
  if (!Number.isInteger(cutoffHour) || cutoffHour < 0 || cutoffHour > 23) {
    throw new RangeError(`business-day cut-off must be a whole hour 0..23, got ${cutoffHour}`);
  }
  const local = new Date(ms + utcOffsetMinutes * MINUTE_MS - cutoffHour * HOUR_MS);
  if (Number.isNaN(local.getTime())) throw new RangeError(`time ${ms} is not a valid instant`);
  const date = local.toISOString().slice(0, 10);
  // Outside the years 0000..9999 toISOString writes a signed six-digit year: not a business date.
  if (!DATE_PATTERN.test(date)) throw new RangeError(`time ${ms} is outside the years 0000..9999`);
  return date;
}

/** businessDateOf() on a ShopTime. */
export function shopBusinessDate(ms: number, shop: ShopTime): string {
  return businessDateOf(ms, offsetOf(shop), shop.cutoffHour);
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

/** The label on a struk and a screen: WIB, WITA, WIT (or UTC±hh:mm for any other offset). */
export function zoneLabelOf(utcOffsetMinutes: number): string {
  for (const zone of SHOP_ZONES) if (ZONE_OFFSET_MINUTES[zone] === utcOffsetMinutes) return zone;
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export interface ShopClock {
  /** YYYY-MM-DD, the shop-local calendar date (not the business date). */
  date: string;
  /** HH:MM:SS, 24-hour. */
  time: string;
  zone: string;
}

/** Where the shop's clock stood at `ms`: arithmetic on the offset, whatever zone the machine is in. */
export function shopClock(ms: number, utcOffsetMinutes: number): ShopClock {
  const iso = new Date(ms + utcOffsetMinutes * MINUTE_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 19), zone: zoneLabelOf(utcOffsetMinutes) };
}

/** "24/11/2026": day first, as Indonesian receipts and screens write it in either language. */
export function dayFirst(date: string): string {
  const m = DATE_PATTERN.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** "24/11/2026 10:15 WIB" (or with seconds). */
export function formatShopDateTime(ms: number, utcOffsetMinutes: number, seconds = false): string {
  const c = shopClock(ms, utcOffsetMinutes);
  return `${dayFirst(c.date)} ${seconds ? c.time : c.time.slice(0, 5)} ${c.zone}`;
}

/** "10:15" or "10:15:07" on the shop's clock, without the zone. */
export function formatShopClock(ms: number, utcOffsetMinutes: number, seconds = false): string {
  const time = shopClock(ms, utcOffsetMinutes).time;
  return seconds ? time : time.slice(0, 5);
}
