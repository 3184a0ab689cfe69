/**
 * Numbers as a shop owner types them: a percentage as "12,5" or "12.5" (the Indonesian decimal
 * comma or the English point), rupiah as "18000", "18.000" or "Rp 18.000". Anything else reads as
 * NaN, which the shared checks then refuse in their own words ("must be a number"), so the screen
 * never invents a second wording for the same rule.
 */

/** A percentage; a trailing "%" is allowed. */
export function parsePercentText(text: string): number {
  const t = text.trim().replace(/\s*%$/, '');
  if (!/^-?\d{1,6}([.,]\d{1,8})?$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}

/** Whole rupiah. Dots only as thousands separators: "18.5" is not a price. */
export function parseRupiahText(text: string): number {
  const t = text
    .trim()
    .replace(/^rp\.?/i, '')
    .replace(/[\s\u00a0]/g, '');
  if (/^-?\d{1,16}$/.test(t)) return Number(t);
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replaceAll('.', ''));
  return Number.NaN;
}

/** A small whole number (a fraction's numerator or denominator). */
export function parseWholeText(text: string): number {
  const t = text.trim();
  return /^\d{1,7}$/.test(t) ? Number(t) : Number.NaN;
}
