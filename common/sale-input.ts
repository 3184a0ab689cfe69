/**
 * What a cashier may ask for when starting a sale, checked the same way on the screen (as it is
 * typed) and in the main process (before anything is journaled). Every problem carries a stable
 * code, the field it concerns, and plain words in Bahasa Indonesia and English.
 */
import {
  ITEM_NAME_MAX_LENGTH,
  MAX_AMOUNT,
  MIN_AMOUNT,
  PAYMENT_TYPES,
  type PaymentType,
} from './midtrans-limits.ts';
import type { SaleItem } from './order.ts';
import { nameProblem, normaliseName } from './item-name.ts';
import { formatRupiah } from './rupiah.ts';

export const MAX_SALE_ITEMS = 50;
export const MAX_ITEM_QUANTITY = 999;
/** Item codes: the quick-items file is held to the same rule, so a tapped item is always sellable. */
export const ITEM_ID_PATTERN = /^[A-Za-z0-9\-_.]{1,50}$/;

export interface SaleRequest {
  paymentType: PaymentType;
  /** Whole rupiah. Optional when items are given; then it must equal their sum. */
  amount?: number;
  items?: SaleItem[];
}

export type SaleProblemCode =
  | 'not-an-object'
  | 'payment-type-unknown'
  | 'payment-type-disabled'
  | 'amount-missing'
  | 'amount-not-whole'
  | 'amount-too-small'
  | 'amount-too-large'
  | 'items-not-a-list'
  | 'too-many-items'
  | 'item-invalid'
  | 'items-sum-mismatch';

export interface SaleProblem {
  code: SaleProblemCode;
  field: string;
  message: { id: string; en: string };
}

export interface ValidSale {
  paymentType: PaymentType;
  amount: number;
  items: SaleItem[];
}

const rupiah = (n: number): string => formatRupiah(n, ' ');

function problem(code: SaleProblemCode, field: string, id: string, en: string): SaleProblem {
  return { code, field, message: { id, en } };
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function amountProblems(amount: unknown, type: PaymentType, field: string): SaleProblem[] {
  if (amount === undefined || amount === null || amount === '') {
    return [problem('amount-missing', field, 'Masukkan jumlah pembayaran.', 'Enter the amount to charge.')];
  }
  if (!isWhole(amount)) {
    return [
      problem(
        'amount-not-whole',
        field,
        'Jumlah harus rupiah bulat, tanpa sen.',
        'The amount must be whole rupiah, with no cents.',
      ),
    ];
  }
  if (amount < MIN_AMOUNT) {
    return [
      problem(
        'amount-too-small',
        field,
        `Jumlah minimal ${rupiah(MIN_AMOUNT)}.`,
        `The amount must be at least ${rupiah(MIN_AMOUNT)}.`,
      ),
    ];
  }
  if (amount > MAX_AMOUNT[type]) {
    const name = type === 'gopay' ? 'GoPay' : 'QRIS';
    return [
      problem(
        'amount-too-large',
        field,
        `Jumlah maksimal untuk ${name} adalah ${rupiah(MAX_AMOUNT[type])}.`,
        `The most ${name} accepts is ${rupiah(MAX_AMOUNT[type])}.`,
      ),
    ];
  }
  return [];
}

/**
 * A charge's item_details as the till builds them (common/pricing): the cart's lines, then the
 * discounts as negative lines and the service, tax and the cash part of a split sale as lines of
 * their own, so that they add up to exactly the amount charged.
 */
export interface CheckSaleOptions {
  itemDetails?: boolean;
}

/** Goods lines, one discount line each at most, and the order discount, service, tax and cash lines. */
const MAX_ITEM_DETAILS = 2 * MAX_SALE_ITEMS + 5;

function itemProblem(item: unknown, index: number, adjustments: boolean): SaleProblem | undefined {
  const field = `items.${index}`;
  const bad = (id: string, en: string) => problem('item-invalid', field, id, en);
  if (typeof item !== 'object' || item === null) return bad('Barang tidak valid.', 'Invalid item.');
  const { id, name, price, quantity } = item as Record<string, unknown>;
  if (typeof id !== 'string' || !ITEM_ID_PATTERN.test(id)) {
    return bad('Kode barang tidak valid.', 'Invalid item code.');
  }
  if (typeof name !== 'string' || name.trim() === '' || normaliseName(name).length > ITEM_NAME_MAX_LENGTH) {
    return bad(
      `Nama barang harus 1–${ITEM_NAME_MAX_LENGTH} karakter.`,
      `Item names must be 1–${ITEM_NAME_MAX_LENGTH} characters.`,
    );
  }
  // Control bytes in a name must never reach a receipt printer as commands (one could open the
  // drawer), and bidi controls can make a line read differently from what is charged.
  const unsafe = nameProblem(normaliseName(name));
  if (unsafe !== undefined) return problem('item-invalid', field, unsafe.message.id, unsafe.message.en);
  if (!isWhole(price) || (adjustments ? price === 0 : price < MIN_AMOUNT)) {
    return bad(
      `Harga "${name}" harus rupiah bulat positif.`,
      `The price of "${name}" must be whole rupiah above 0.`,
    );
  }
  if (!isWhole(quantity) || quantity < 1 || quantity > MAX_ITEM_QUANTITY) {
    return bad(
      `Jumlah "${name}" harus 1–${MAX_ITEM_QUANTITY}.`,
      `The quantity of "${name}" must be 1–${MAX_ITEM_QUANTITY}.`,
    );
  }
  return undefined;
}

/**
 * Checks a sale request. `enabled` is the list of payment types this till accepts (settings).
 * Returns the normalised sale, or every problem found.
 */
export function checkSale(
  input: unknown,
  enabled: readonly PaymentType[] = PAYMENT_TYPES,
  options: CheckSaleOptions = {},
): { ok: true; sale: ValidSale } | { ok: false; problems: SaleProblem[] } {
  const adjustments = options.itemDetails === true;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [
        problem('not-an-object', '(sale)', 'Permintaan penjualan tidak valid.', 'Invalid sale request.'),
      ],
    };
  }
  const { paymentType, amount, items } = input as Record<string, unknown>;
  if (typeof paymentType !== 'string' || !(PAYMENT_TYPES as readonly string[]).includes(paymentType)) {
    return {
      ok: false,
      problems: [
        problem(
          'payment-type-unknown',
          'paymentType',
          'Jenis pembayaran harus GoPay atau QRIS.',
          'The payment type must be GoPay or QRIS.',
        ),
      ],
    };
  }
  const type = paymentType as PaymentType;
  const problems: SaleProblem[] = [];
  if (!enabled.includes(type)) {
    problems.push(
      problem(
        'payment-type-disabled',
        'paymentType',
        `${type === 'gopay' ? 'GoPay' : 'QRIS'} tidak diaktifkan di kasir ini.`,
        `${type === 'gopay' ? 'GoPay' : 'QRIS'} is not enabled on this till.`,
      ),
    );
  }

  let list: SaleItem[] = [];
  if (items !== undefined) {
    if (!Array.isArray(items)) {
      problems.push(
        problem('items-not-a-list', 'items', 'Daftar barang tidak valid.', 'The item list is invalid.'),
      );
    } else if (items.length > (adjustments ? MAX_ITEM_DETAILS : MAX_SALE_ITEMS)) {
      problems.push(
        problem(
          'too-many-items',
          'items',
          `Maksimal ${MAX_SALE_ITEMS} baris barang per penjualan.`,
          `A sale can have at most ${MAX_SALE_ITEMS} item lines.`,
        ),
      );
    } else {
      const itemIssues = items
        .map((item, index) => itemProblem(item, index, adjustments))
        .filter((p) => p !== undefined);
      problems.push(...itemIssues);
      if (itemIssues.length === 0) {
        list = (items as SaleItem[]).map(({ id, name, price, quantity }) => ({
          id,
          name: normaliseName(name),
          price,
          quantity,
        }));
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const sum = list.reduce((total, item) => total + item.price * item.quantity, 0);
  const total = amount === undefined && list.length > 0 ? sum : amount;
  const amountIssues = amountProblems(
    total,
    type,
    list.length > 0 && amount === undefined ? 'items' : 'amount',
  );
  if (amountIssues.length > 0) return { ok: false, problems: amountIssues };
  if (list.length > 0 && sum !== total) {
    return {
      ok: false,
      problems: [
        problem(
          'items-sum-mismatch',
          'items',
          `Total barang ${rupiah(sum)} tidak sama dengan jumlah ${rupiah(total as number)}.`,
          `The items add up to ${rupiah(sum)}, not ${rupiah(total as number)}.`,
        ),
      ],
    };
  }
  return { ok: true, sale: { paymentType: type, amount: total as number, items: list } };
}
