/**
 * A discount as the cashier types it: a percentage ("10", "12,5") or rupiah ("5.000"). The
 * typed text is read in the Indonesian way (comma for decimals, dots between thousands) and then
 * judged by the same shared check the main process applies, so the refusal reads the same.
 */
import { discountProblems, type Discount, type PricingProblem } from '../../../common/pricing/index.ts';

export type DiscountKind = Discount['kind'];

export type DiscountEntry =
  { ok: true; discount: Discount | undefined } | { ok: false; problems: PricingProblem[] };

/** The number in the text, or NaN; '' is undefined (no discount). */
function readNumber(kind: DiscountKind, text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (kind === 'amount') {
    // "5.000" and "5000" are both five thousand rupiah; "Rp" may be typed or pasted along.
    const digits = trimmed.replace(/^rp\s*/i, '').replace(/[.\s]/g, '');
    return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  }
  const value = trimmed.replace(/\s*%$/, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
}

export function readDiscount(kind: DiscountKind, text: string, field: string): DiscountEntry {
  const value = readNumber(kind, text);
  if (value === undefined) return { ok: true, discount: undefined };
  const discount: Discount = { kind, value };
  const problems = discountProblems(discount, field);
  if (problems.length > 0) return { ok: false, problems };
  // A zero discount is no discount: nothing to show, nothing to approve.
  return { ok: true, discount: value === 0 ? undefined : discount };
}

/** The text an editor starts from, for a discount already given. */
export function discountText(discount: Discount | undefined): string {
  if (discount === undefined) return '';
  return discount.kind === 'percent' ? String(discount.value).replace('.', ',') : String(discount.value);
}
