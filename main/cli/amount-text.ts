/**
 * Reading rupiah typed on a command line. Whole rupiah only, optionally grouped by thousands
 * with "." (Indonesian) or "," (English). Anything else is handed on as typed, so the sale check
 * refuses it with its own bilingual problem (an amount with decimals is "not whole"), rather
 * than the CLI inventing a second wording.
 */
const PLAIN = /^-?\d+$/;
const DOT_GROUPED = /^-?\d{1,3}(?:\.\d{3})+$/;
const COMMA_GROUPED = /^-?\d{1,3}(?:,\d{3})+$/;

export function readAmount(text: string): number | string {
  const trimmed = text.trim();
  if (PLAIN.test(trimmed)) return Number(trimmed);
  if (DOT_GROUPED.test(trimmed) || COMMA_GROUPED.test(trimmed)) return Number(trimmed.replace(/[.,]/g, ''));
  return text;
}
