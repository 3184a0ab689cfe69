/** How amounts, times and tables read for a person at the till (JSON output is left raw). */

import { formatRupiah } from '../../common/rupiah.ts';

/** Indonesian grouping ("Rp 44.000") whatever the machine's locale, with a plain space for terminals. */
export function rupiah(amount: number): string {
  return formatRupiah(amount, ' ');
}

const ZONE_NAMES: Readonly<Record<number, string>> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

export function zoneName(utcOffsetMinutes: number): string {
  const named = ZONE_NAMES[utcOffsetMinutes];
  if (named !== undefined) return named;
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`}`;
}

/** Shop-local time from the configured offset, not the OS time zone, as the journal files sales. */
export function shopTime(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [render(header), ...rows.map(render)];
}

/** Right-aligns an amount column so the thousands line up. */
export function alignRight(rows: string[][], column: number): string[][] {
  const width = Math.max(0, ...rows.map((r) => (r[column] ?? '').length));
  return rows.map((r) => r.map((cell, i) => (i === column ? cell.padStart(width) : cell)));
}
