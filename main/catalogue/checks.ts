/**
 * Field rules for catalogue items, shared by the editor's add/update and the CSV import, so an
 * item is held to one rule however it arrives. Each check returns the normalised value or a
 * bilingual problem; `line` is passed through for CSV rows.
 */
import { nameProblem, normaliseName } from '../../common/pricing/item-text.ts';
import { MAX_UNIT_PRICE } from '../../common/pricing/validate.ts';
import { formatRupiah } from '../../common/rupiah.ts';
import { ITEM_ID_PATTERN } from '../../common/sale-input.ts';
import { catalogueProblem } from './types.ts';
import type { CatalogueProblem } from './types.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: CatalogueProblem };

const rupiah = (n: number) => formatRupiah(n, ' ');
const ITEM_WORDS = { id: 'Nama barang', en: 'The item name' };
const CATEGORY_WORDS = { id: 'Nama kategori', en: 'The category name' };

function nameCheck(raw: string, what: typeof ITEM_WORDS, field: string, line?: number): Checked<string> {
  const name = normaliseName(raw);
  const issue = nameProblem(name, what);
  if (issue)
    return {
      ok: false,
      problem: catalogueProblem(issue.code, field, issue.message.id, issue.message.en, line),
    };
  return { ok: true, value: name };
}

export const checkItemName = (raw: string, line?: number) => nameCheck(raw, ITEM_WORDS, 'name', line);
export const checkCategoryName = (raw: string, line?: number) =>
  nameCheck(raw, CATEGORY_WORDS, 'category', line);

export function checkPrice(value: unknown, line?: number): Checked<number> {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    return {
      ok: false,
      problem: catalogueProblem(
        'price-not-whole',
        'price',
        'Harga harus rupiah bulat, tanpa sen.',
        'The price must be whole rupiah, with no cents.',
        line,
      ),
    };
  }
  if (value < 1) {
    return {
      ok: false,
      problem: catalogueProblem(
        'price-too-small',
        'price',
        'Harga harus lebih dari Rp 0.',
        'The price must be above Rp 0.',
        line,
      ),
    };
  }
  if (value > MAX_UNIT_PRICE) {
    return {
      ok: false,
      problem: catalogueProblem(
        'price-too-large',
        'price',
        `Harga paling tinggi ${rupiah(MAX_UNIT_PRICE)}.`,
        `The price can be at most ${rupiah(MAX_UNIT_PRICE)}.`,
        line,
      ),
    };
  }
  return { ok: true, value };
}

/**
 * A price as a spreadsheet writes it: "18000", "18.000" (Indonesian thousands), "Rp 18.000",
 * "18000,00" or "18000.00". "18,000" is refused as ambiguous (18 with decimals in Indonesian,
 * eighteen thousand in English); "18000,5" as not whole.
 */
export function parsePriceText(text: string, line?: number): Checked<number> {
  const t = text.replace(/^rp\.?/i, '').replace(/[\s\u00a0]/g, '');
  const notWhole = (en: string, id: string) => ({
    ok: false as const,
    problem: catalogueProblem('price-not-whole', 'price', id, en, line),
  });
  let digits: string | undefined;
  if (/^-?\d+$/.test(t)) digits = t;
  else if (/^\d{1,3}(\.\d{3})+$/.test(t)) digits = t.replaceAll('.', '');
  else if (/^\d+[.,]0{1,2}$/.test(t)) digits = t.replace(/[.,]0+$/, '');
  else if (/^\d{1,3}(,\d{3})+$/.test(t)) {
    return notWhole(
      `The price "${text}" is ambiguous: write it without separators, e.g. 18000.`,
      `Harga "${text}" bisa dibaca dua cara: tulis tanpa pemisah, mis. 18000.`,
    );
  } else if (t === '') {
    return {
      ok: false,
      problem: catalogueProblem(
        'price-not-whole',
        'price',
        'Harga wajib diisi.',
        'The price is required.',
        line,
      ),
    };
  } else {
    return notWhole(
      `The price "${text}" is not whole rupiah (no cents, no letters).`,
      `Harga "${text}" bukan rupiah bulat (tanpa sen, tanpa huruf).`,
    );
  }
  return checkPrice(Number(digits), line);
}

export function checkSku(raw: string | null | undefined, line?: number): Checked<string | null> {
  const sku = raw?.trim() ?? '';
  if (sku === '') return { ok: true, value: null };
  if (!ITEM_ID_PATTERN.test(sku)) {
    return {
      ok: false,
      problem: catalogueProblem(
        'sku-invalid',
        'sku',
        `SKU "${sku.slice(0, 60)}" tidak valid: pakai 1–50 huruf, angka, "-", "_" atau ".".`,
        `SKU "${sku.slice(0, 60)}" is invalid: use 1–50 letters, digits, "-", "_" or ".".`,
        line,
      ),
    };
  }
  return { ok: true, value: sku };
}

/**
 * Barcodes are what a keyboard-wedge scanner types: printable ASCII without spaces. The check
 * digit is not enforced (Code 128 house labels may carry any digits); a number a spreadsheet
 * turned into "8.99123E+12" is named as such, because its digits are already lost.
 */
export function checkBarcode(raw: string | null | undefined, line?: number): Checked<string | null> {
  const code = raw?.trim() ?? '';
  if (code === '') return { ok: true, value: null };
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(code)) {
    return {
      ok: false,
      problem: catalogueProblem(
        'barcode-spreadsheet-number',
        'barcode',
        `Kode batang "${code}" sudah diubah spreadsheet menjadi angka pendek; format kolom sebagai teks dan isi ulang.`,
        `The barcode "${code}" was turned into a short number by the spreadsheet; format the column as text and re-enter it.`,
        line,
      ),
    };
  }
  if (!/^[\x21-\x7e]{1,64}$/.test(code)) {
    return {
      ok: false,
      problem: catalogueProblem(
        'barcode-invalid',
        'barcode',
        'Kode batang harus 1–64 huruf/angka tanpa spasi.',
        'A barcode must be 1–64 letters or digits without spaces.',
        line,
      ),
    };
  }
  return { ok: true, value: code };
}
