/**
 * What can be wrong with a cart, its settings or a tender, in the shape `sale-input.ts` uses:
 * a stable code, the field it concerns, and plain words in Bahasa Indonesia and English.
 */
import { formatRupiah } from '../rupiah.ts';
import type { NameProblemCode } from './item-text.ts';

export type PricingProblemCode =
  | NameProblemCode
  | 'not-an-object'
  | 'lines-not-a-list'
  | 'cart-empty'
  | 'too-many-lines'
  | 'line-invalid'
  | 'price-not-whole'
  | 'price-too-small'
  | 'price-too-large'
  | 'quantity-invalid'
  | 'discount-invalid'
  | 'discount-negative'
  | 'discount-not-whole'
  | 'discount-precision'
  | 'discount-above-100-percent'
  | 'discount-above-line'
  | 'discount-above-subtotal'
  | 'settings-invalid'
  | 'tax-kind-unknown'
  | 'tax-rate-out-of-range'
  | 'service-out-of-range'
  | 'dpp-invalid'
  | 'rounding-mode-unknown'
  | 'cash-unit-unknown'
  | 'cash-not-whole'
  | 'cash-below-total'
  | 'split-cash-missing'
  | 'split-cash-covers-total'
  | 'split-remainder-too-large'
  /** The till's own: discounts left nothing to pay. */
  | 'nothing-to-pay';

export interface PricingProblem {
  code: PricingProblemCode;
  field: string;
  message: { id: string; en: string };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: PricingProblem[] };

export function problem(code: PricingProblemCode, field: string, id: string, en: string): PricingProblem {
  return { code, field, message: { id, en } };
}

export const rupiah = (n: number): string => formatRupiah(n, ' ');

export function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** "12,5 %" in Indonesian, "12.5%" in English. */
export function percentText(value: number): { id: string; en: string } {
  return { id: `${String(value).replace('.', ',')} %`, en: `${value}%` };
}
