/**
 * Receipt times in the shop's own zone. Indonesia has three (WIB +7, WITA +8, WIT +9) and no
 * daylight saving, so a fixed offset in minutes is exact; the label is the one on every struk.
 */
const ZONE_LABELS: Readonly<Record<number, string>> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };
const MAX_OFFSET_MINUTES = 14 * 60;

export function zoneLabel(utcOffsetMinutes: number): string {
  const known = ZONE_LABELS[utcOffsetMinutes];
  if (known !== undefined) return known;
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isValidOffset(utcOffsetMinutes: number): boolean {
  return Number.isInteger(utcOffsetMinutes) && Math.abs(utcOffsetMinutes) <= MAX_OFFSET_MINUTES;
}

/** "24/11/2026 10:00 WIB": day first, as Indonesian receipts write it in either language. */
export function formatShopTime(ms: number, utcOffsetMinutes: number): string {
  const local = new Date(ms + utcOffsetMinutes * 60_000);
  const date = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return `${date} ${time} ${zoneLabel(utcOffsetMinutes)}`;
}
