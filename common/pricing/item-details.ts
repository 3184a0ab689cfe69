/**
 * The Midtrans charge's item_details for a priced cart (midtrans-core-api.md §2.1): every cart
 * line at its unit price, then each discount as its own line with a negative price, then the
 * service charge and an added (exclusive) tax as their own lines. Inclusive tax is already inside
 * the prices, so it gets no line. Σ price × quantity equals gross_amount exactly, because the
 * lines are the very parts the total was added up from:
 *
 *   Σ unitPrice × quantity − Σ line discounts − order discount + service (+ tax) = total.
 *
 * Where rupiah left by rounding go: nowhere here. Each part was rounded once, before the total
 * existed, and the total is their sum. The one place a rounding could otherwise leak in, a
 * discounted line whose price per unit is not whole (3 × 10.000 less 5.000 is 8.333,33 each),
 * is avoided by never dividing: the discount stays a line of its own. Residues exist only in the
 * per-line shares of bill-level figures (price-cart.ts, largest remainder), which item_details
 * does not use. The sum is still re-added here and a difference throws: it would be a bug, and
 * Midtrans refuses such a charge with 400 anyway, so papering over it would only hide the bug.
 */
import { ITEM_NAME_MAX_LENGTH } from '../midtrans-limits.ts';
import { fitName, lineItemId } from './item-text.ts';
import type { PriceBreakdown } from './types.ts';

export interface ItemDetail {
  id: string;
  name: string;
  /** Whole rupiah, negative for a discount or the cash part of a split sale. */
  price: number;
  quantity: number;
}

/**
 * Midtrans refuses a request above 16 KB. Fifty lines with 50-character names in a three-byte
 * script, each with its own discount line, would come near it; past this budget the line
 * discounts are merged into one line. (Measured worst case after merging: test/pricing.)
 */
export const ITEM_DETAILS_BUDGET_BYTES = 12 * 1024;

const TAX_NAME = { none: 'Pajak', pb1: 'PB1', ppn: 'PPN' } as const;

function pct(value: number): string {
  return `${String(value).replace('.', ',')}%`;
}

export interface ItemDetailsOptions {
  /** The cash part of a split sale: the QRIS/GoPay charge asks only for the rest. */
  cashPaid?: number;
}

export function buildItemDetails(b: PriceBreakdown, options: ItemDetailsOptions = {}): ItemDetail[] {
  const cashPaid = options.cashPaid ?? 0;
  if (cashPaid !== 0 && (!Number.isSafeInteger(cashPaid) || cashPaid < 1 || cashPaid >= b.total)) {
    // splitTender() checks what a cashier typed; reaching here with a bad figure is a caller bug.
    throw new RangeError(`cashPaid ${cashPaid} must be whole, positive and below the total ${b.total}`);
  }
  const goods = b.lines.map((line) => ({
    id: lineItemId(line, line.index),
    name: line.name,
    price: line.unitPrice,
    quantity: line.quantity,
  }));
  let discounts = b.lines
    .filter((line) => line.lineDiscount > 0)
    .map((line) => ({
      id: `disc-${line.index + 1}`,
      name: fitName(`Diskon ${line.name}`, ITEM_NAME_MAX_LENGTH),
      price: -line.lineDiscount,
      quantity: 1,
    }));
  const charges: ItemDetail[] = [];
  if (b.orderDiscount > 0) {
    const given = b.orderDiscountGiven;
    const label = given?.kind === 'percent' ? `Diskon pesanan ${pct(given.value)}` : 'Diskon pesanan';
    charges.push({ id: 'disc-order', name: label, price: -b.orderDiscount, quantity: 1 });
  }
  if (b.service > 0) {
    charges.push({
      id: 'service',
      name: `Biaya layanan ${pct(b.servicePercent)}`,
      price: b.service,
      quantity: 1,
    });
  }
  if (!b.tax.inclusive && b.tax.amount > 0) {
    charges.push({
      id: 'tax',
      name: `${TAX_NAME[b.tax.kind]} ${pct(b.tax.ratePercent)}`,
      price: b.tax.amount,
      quantity: 1,
    });
  }
  if (cashPaid > 0) charges.push({ id: 'cash-paid', name: 'Dibayar tunai', price: -cashPaid, quantity: 1 });

  if (byteSize([...goods, ...discounts, ...charges]) > ITEM_DETAILS_BUDGET_BYTES && discounts.length > 1) {
    const merged = discounts.reduce((total, d) => total + d.price, 0);
    discounts = [{ id: 'disc-lines', name: 'Diskon barang', price: merged, quantity: 1 }];
  }
  const items = [...goods, ...discounts, ...charges];
  const expected = b.total - cashPaid;
  const added = items.reduce((total, item) => total + item.price * item.quantity, 0);
  if (added !== expected) {
    throw new Error(`item_details add up to ${added}, not gross_amount ${expected}: pricing bug`);
  }
  return items;
}

function byteSize(items: readonly ItemDetail[]): number {
  return new TextEncoder().encode(JSON.stringify(items)).length;
}
