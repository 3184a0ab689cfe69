/**
 * Checks a cart and the pricing settings before anything is computed. Every problem found is
 * reported (not only the first), each on the field it concerns, so a screen can mark them all.
 */
import { MAX_AMOUNT, PAYMENT_TYPES } from '../midtrans-limits.ts';
import { MAX_ITEM_QUANTITY, MAX_SALE_ITEMS } from '../sale-input.ts';
import { scaledPercent } from './exact.ts';
import { nameProblem, normaliseName } from './item-text.ts';
import { isWhole, problem, rupiah } from './problems.ts';
import type { PricingProblem } from './problems.ts';
import { CASH_ROUNDING_UNITS, ROUNDING_MODES, TAX_KINDS, TAX_SCOPES } from './types.ts';
import type { Discount } from './types.ts';

/** The dearest thing any tender can take in one go (GoPay's 20,000,000); keeps every sum exact. */
export const MAX_UNIT_PRICE = Math.max(...PAYMENT_TYPES.map((type) => MAX_AMOUNT[type]));

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function percentProblems(value: unknown, field: string, what: { id: string; en: string }): PricingProblem[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [
      problem('settings-invalid', field, `${what.id} harus berupa angka.`, `${what.en} must be a number.`),
    ];
  }
  if (value < 0 || value > 100) {
    return [
      problem(
        field.startsWith('settings.tax') ? 'tax-rate-out-of-range' : 'service-out-of-range',
        field,
        `${what.id} harus antara 0 dan 100 %.`,
        `${what.en} must be between 0 and 100%.`,
      ),
    ];
  }
  if (scaledPercent(value) === undefined) {
    return [
      problem(
        'settings-invalid',
        field,
        `${what.id} paling banyak 4 angka di belakang koma.`,
        `${what.en} can have at most 4 decimals.`,
      ),
    ];
  }
  return [];
}

function modeProblem(value: unknown, field: string): PricingProblem[] {
  return (ROUNDING_MODES as readonly unknown[]).includes(value)
    ? []
    : [
        problem(
          'rounding-mode-unknown',
          field,
          'Cara pembulatan harus half-up, down atau up.',
          'The rounding mode must be half-up, down or up.',
        ),
      ];
}

export function settingsProblems(settings: unknown): PricingProblem[] {
  if (!isObject(settings) || !isObject(settings['tax']) || !isObject(settings['cashRounding'])) {
    return [
      problem(
        'settings-invalid',
        'settings',
        'Pengaturan harga tidak lengkap.',
        'The pricing settings are incomplete.',
      ),
    ];
  }
  const out: PricingProblem[] = [];
  const tax = settings['tax'];
  if (!(TAX_KINDS as readonly unknown[]).includes(tax['kind'])) {
    out.push(
      problem(
        'tax-kind-unknown',
        'settings.tax.kind',
        'Jenis pajak harus none, pb1 atau ppn.',
        'The tax kind must be none, pb1 or ppn.',
      ),
    );
  }
  if (tax['kind'] !== 'none') {
    out.push(
      ...percentProblems(tax['ratePercent'], 'settings.tax.ratePercent', {
        id: 'Tarif pajak',
        en: 'The tax rate',
      }),
    );
  }
  if (typeof tax['inclusive'] !== 'boolean') {
    out.push(
      problem(
        'settings-invalid',
        'settings.tax.inclusive',
        'Pilih harga termasuk atau belum termasuk pajak.',
        'Choose whether prices include the tax.',
      ),
    );
  }
  if (tax['scope'] !== undefined && !(TAX_SCOPES as readonly unknown[]).includes(tax['scope'])) {
    out.push(
      problem(
        'settings-invalid',
        'settings.tax.scope',
        'Cakupan pajak harus bill atau line.',
        'The tax scope must be bill or line.',
      ),
    );
  }
  const dpp = tax['dpp'];
  if (dpp !== undefined) {
    const ok =
      isObject(dpp) &&
      isWhole(dpp['numerator']) &&
      isWhole(dpp['denominator']) &&
      dpp['numerator'] >= 1 &&
      dpp['numerator'] <= dpp['denominator'] &&
      dpp['denominator'] <= 1000;
    if (!ok) {
      out.push(
        problem(
          'dpp-invalid',
          'settings.tax.dpp',
          'DPP nilai lain harus pecahan seperti 11/12 (pembilang 1 sampai penyebut, penyebut paling besar 1000).',
          'The DPP fraction must look like 11/12 (numerator from 1 up to the denominator, denominator at most 1000).',
        ),
      );
    }
  }
  if (settings['servicePercent'] !== undefined) {
    out.push(
      ...percentProblems(settings['servicePercent'], 'settings.servicePercent', {
        id: 'Biaya layanan',
        en: 'The service charge',
      }),
    );
  }
  if (typeof settings['serviceTaxed'] !== 'boolean') {
    out.push(
      problem(
        'settings-invalid',
        'settings.serviceTaxed',
        'Pilih apakah biaya layanan dikenai pajak.',
        'Choose whether the service charge is taxed.',
      ),
    );
  }
  out.push(...modeProblem(settings['taxRounding'], 'settings.taxRounding'));
  out.push(...modeProblem(settings['fractionRounding'], 'settings.fractionRounding'));
  const cash = settings['cashRounding'];
  if (!(CASH_ROUNDING_UNITS as readonly unknown[]).includes(cash['unit'])) {
    out.push(
      problem(
        'cash-unit-unknown',
        'settings.cashRounding.unit',
        'Pembulatan tunai harus 0, 100, 500 atau 1.000 rupiah.',
        'Cash rounding must be to 0, 100, 500 or 1,000 rupiah.',
      ),
    );
  }
  out.push(...modeProblem(cash['mode'], 'settings.cashRounding.mode'));
  return out;
}

/** Problems of a discount's own shape; `limit` (the amount it applies to) is checked by the caller. */
export function discountProblems(discount: unknown, field: string): PricingProblem[] {
  if (!isObject(discount) || (discount['kind'] !== 'percent' && discount['kind'] !== 'amount')) {
    return [
      problem(
        'discount-invalid',
        field,
        'Diskon harus persen atau rupiah.',
        'A discount must be a percentage or an amount in rupiah.',
      ),
    ];
  }
  const value = discount['value'];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [problem('discount-invalid', `${field}.value`, 'Masukkan besar diskon.', 'Enter the discount.')];
  }
  if (value < 0) {
    return [
      problem(
        'discount-negative',
        `${field}.value`,
        'Diskon tidak boleh negatif.',
        'A discount cannot be negative.',
      ),
    ];
  }
  if (discount['kind'] === 'percent') {
    if (value > 100) {
      return [
        problem(
          'discount-above-100-percent',
          `${field}.value`,
          'Diskon tidak boleh lebih dari 100 %.',
          'A discount cannot be more than 100%.',
        ),
      ];
    }
    if (scaledPercent(value) === undefined) {
      return [
        problem(
          'discount-precision',
          `${field}.value`,
          'Persen diskon paling banyak 4 angka di belakang koma.',
          'A discount percentage can have at most 4 decimals.',
        ),
      ];
    }
  } else if (!isWhole(value)) {
    return [
      problem(
        'discount-not-whole',
        `${field}.value`,
        'Diskon harus rupiah bulat, tanpa sen.',
        'A discount must be whole rupiah, with no cents.',
      ),
    ];
  }
  return [];
}

function lineProblems(line: unknown, index: number): PricingProblem[] {
  const at = `lines.${index}`;
  if (!isObject(line))
    return [problem('line-invalid', at, 'Baris barang tidak valid.', 'Invalid cart line.')];
  const out: PricingProblem[] = [];
  const { name, unitPrice, quantity, itemId, sku } = line;
  if (typeof name !== 'string') {
    out.push(problem('name-empty', `${at}.name`, 'Nama barang wajib diisi.', 'The item name is required.'));
  } else {
    const issue = nameProblem(normaliseName(name));
    if (issue) out.push({ code: issue.code, field: `${at}.name`, message: issue.message });
  }
  for (const [key, value] of [
    ['itemId', itemId],
    ['sku', sku],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value.length > 100)) {
      out.push(problem('line-invalid', `${at}.${key}`, 'Kode barang tidak valid.', 'Invalid item code.'));
    }
  }
  const label = typeof name === 'string' ? `"${normaliseName(name).slice(0, 50)}"` : `baris ${index + 1}`;
  if (!isWhole(unitPrice)) {
    out.push(
      problem(
        'price-not-whole',
        `${at}.unitPrice`,
        `Harga ${label} harus rupiah bulat, tanpa sen.`,
        `The price of ${label} must be whole rupiah, with no cents.`,
      ),
    );
  } else if (unitPrice < 1) {
    out.push(
      problem(
        'price-too-small',
        `${at}.unitPrice`,
        `Harga ${label} harus lebih dari Rp 0.`,
        `The price of ${label} must be above Rp 0.`,
      ),
    );
  } else if (unitPrice > MAX_UNIT_PRICE) {
    out.push(
      problem(
        'price-too-large',
        `${at}.unitPrice`,
        `Harga ${label} paling tinggi ${rupiah(MAX_UNIT_PRICE)}.`,
        `The price of ${label} can be at most ${rupiah(MAX_UNIT_PRICE)}.`,
      ),
    );
  }
  if (!isWhole(quantity) || quantity < 1 || quantity > MAX_ITEM_QUANTITY) {
    out.push(
      problem(
        'quantity-invalid',
        `${at}.quantity`,
        `Jumlah ${label} harus bilangan bulat 1–${MAX_ITEM_QUANTITY}.`,
        `The quantity of ${label} must be a whole number from 1 to ${MAX_ITEM_QUANTITY}.`,
      ),
    );
  }
  if (line['discount'] !== undefined) {
    const issues = discountProblems(line['discount'], `${at}.discount`);
    out.push(...issues);
    const discount = line['discount'] as Discount;
    if (issues.length === 0 && out.length === 0 && discount.kind === 'amount') {
      const gross = (unitPrice as number) * (quantity as number);
      if (discount.value > gross) {
        out.push(
          problem(
            'discount-above-line',
            `${at}.discount.value`,
            `Diskon ${rupiah(discount.value)} lebih besar dari harga ${label} (${rupiah(gross)}).`,
            `The discount of ${rupiah(discount.value)} is more than ${label} costs (${rupiah(gross)}).`,
          ),
        );
      }
    }
  }
  return out;
}

/** The cart's shape and values; the order-discount limit needs the priced lines, see price-cart.ts. */
export function cartProblems(input: unknown): PricingProblem[] {
  if (!isObject(input))
    return [problem('not-an-object', '(cart)', 'Keranjang tidak valid.', 'Invalid cart.')];
  const out: PricingProblem[] = [...settingsProblems(input['settings'])];
  const lines = input['lines'];
  if (!Array.isArray(lines)) {
    out.push(problem('lines-not-a-list', 'lines', 'Daftar barang tidak valid.', 'The item list is invalid.'));
  } else if (lines.length === 0) {
    out.push(problem('cart-empty', 'lines', 'Keranjang masih kosong.', 'The cart is empty.'));
  } else if (lines.length > MAX_SALE_ITEMS) {
    out.push(
      problem(
        'too-many-lines',
        'lines',
        `Maksimal ${MAX_SALE_ITEMS} baris barang per penjualan.`,
        `A sale can have at most ${MAX_SALE_ITEMS} item lines.`,
      ),
    );
  } else {
    lines.forEach((line: unknown, index) => out.push(...lineProblems(line, index)));
  }
  if (input['orderDiscount'] !== undefined)
    out.push(...discountProblems(input['orderDiscount'], 'orderDiscount'));
  return out;
}

export function orderDiscountTooLarge(discount: Discount, itemsNet: number): PricingProblem | undefined {
  if (discount.kind !== 'amount' || discount.value <= itemsNet) return undefined;
  return problem(
    'discount-above-subtotal',
    'orderDiscount.value',
    `Diskon ${rupiah(discount.value)} lebih besar dari subtotal ${rupiah(itemsNet)}.`,
    `The discount of ${rupiah(discount.value)} is more than the subtotal of ${rupiah(itemsNet)}.`,
  );
}
