/**
 * Midtrans writes times as "YYYY-MM-DD HH:MM:SS" with no zone; they are Western Indonesian Time
 * (WIB, GMT+7, no daylight saving). Parsing them as local time would shift every expiry by the
 * till's own offset, so they are converted explicitly.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const WIB_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Epoch milliseconds for a Midtrans WIB timestamp, or null when the text is not one. */
export function parseWibTime(text: string): number | null {
  const m = WIB_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC silently rolls 31 February over into March; a real timestamp never does.
  if (new Date(utc).getUTCDate() !== day) return null;
  return utc - WIB_OFFSET_MS;
}

/** Formats epoch milliseconds as a Midtrans WIB timestamp. */
export function formatWibTime(epochMs: number): string {
  const d = new Date(Math.floor(epochMs / 1000) * 1000 + WIB_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
  );
}

/** The "+0700"-suffixed form Midtrans expects in custom_expiry.order_time. */
export function formatWibOrderTime(epochMs: number): string {
  return `${formatWibTime(epochMs)} +0700`;
}
