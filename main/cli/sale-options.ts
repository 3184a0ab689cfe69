/**
 * The till's options of `kiosk charge` as typed: `--sku SKU[:QTY]`, `--discount 10%|5000` and
 * `--cash AMOUNT`. Only the form is judged here; the values (a discount above 100 % or above the
 * subtotal, cash below the total) are judged by the till's pricing, with its own bilingual words,
 * and a figure that is not whole rupiah is handed on as NaN for the pricing to refuse by name.
 */
import { PAYMENT_TYPES, type PaymentType } from '../../common/midtrans-limits.ts';
import type { Discount } from '../../common/pricing/types.ts';
import { MAX_ITEM_QUANTITY } from '../../common/sale-input.ts';
import { readAmount } from './amount-text.ts';
import { UsageError } from './usage.ts';

export interface WantedSku {
  sku: string;
  quantity: number;
  /** As typed, for the refusal. */
  text: string;
}

/** A whole number of rupiah, or NaN for the pricing checks to refuse as "not whole rupiah". */
export function rupiahOrNaN(text: string): number {
  const read = readAmount(text);
  return typeof read === 'number' ? read : Number.NaN;
}

export function readSku(text: string): WantedSku {
  const colon = text.lastIndexOf(':');
  const sku = (colon === -1 ? text : text.slice(0, colon)).trim();
  const quantityText = colon === -1 ? '1' : text.slice(colon + 1).trim();
  if (sku === '') {
    throw new UsageError(
      `--sku "${text}" names no SKU: write --sku SKU or --sku SKU:QTY, e.g. --sku kopi-susu:2`,
      `--sku "${text}" tidak menyebut SKU: tulis --sku SKU atau --sku SKU:JUMLAH, mis. --sku kopi-susu:2`,
    );
  }
  const quantity = Number(quantityText);
  if (!/^\d+$/.test(quantityText) || quantity < 1 || quantity > MAX_ITEM_QUANTITY) {
    throw new UsageError(
      `--sku "${text}": the quantity must be a whole number from 1 to ${MAX_ITEM_QUANTITY}, not "${quantityText}"`,
      `--sku "${text}": jumlah harus bilangan bulat 1 sampai ${MAX_ITEM_QUANTITY}, bukan "${quantityText}".`,
    );
  }
  return { sku, quantity, text };
}

const PERCENT = /^(-?\d+(?:[.,]\d+)?)\s*%$/;
const DECIMAL = /^-?\d+(?:[.,]\d+)?$/;

/**
 * "10%" or "12,5%": a percentage of the subtotal; "5000", "5.000" or "5,000": rupiah off it.
 * "12.5" without "%" is rupiah with cents, refused by the pricing as not whole.
 */
export function readDiscount(text: string): Discount {
  const trimmed = text.trim();
  const percent = PERCENT.exec(trimmed);
  if (percent !== null) return { kind: 'percent', value: Number((percent[1] ?? '').replace(',', '.')) };
  const amount = readAmount(trimmed);
  if (typeof amount === 'number') return { kind: 'amount', value: amount };
  if (DECIMAL.test(trimmed)) return { kind: 'amount', value: Number(trimmed.replace(',', '.')) };
  throw new UsageError(
    `--discount must be a percentage (10%) or whole rupiah (5000), not "${text}"`,
    `--discount harus persen (10%) atau rupiah bulat (5000), bukan "${text}".`,
  );
}

export function readPaymentType(text: string): PaymentType {
  const found = PAYMENT_TYPES.find((type) => type === text);
  if (found === undefined) {
    throw new UsageError(
      `--type must be one of ${PAYMENT_TYPES.join(', ')}, not "${text}" (cash: --cash without --type)`,
      `--type harus salah satu dari ${PAYMENT_TYPES.join(', ')}, bukan "${text}" (tunai: --cash tanpa --type).`,
    );
  }
  return found;
}
