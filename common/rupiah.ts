/**
 * Rupiah as people in an Indonesian shop write them: "Rp 44.000", dots between thousands, never
 * decimals. English text uses the same form, because "Rp 44,000" reads as forty-four rupiah to
 * anyone used to local prices. One formatter for the screens, the CLI and the bilingual
 * messages, so an amount never reads two ways on the same screen.
 */

/** Keeps "Rp" and its number on one line wherever screen text wraps. */
export const NBSP = '\u00a0';

const digits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true });

/** `space` goes between "Rp" and the number: a non-breaking space on screen, a plain one in a terminal. */
export function formatRupiah(amount: number, space: string = NBSP): string {
  const whole = Math.trunc(amount);
  return `${whole < 0 ? '-' : ''}Rp${space}${digits.format(Math.abs(whole))}`;
}
