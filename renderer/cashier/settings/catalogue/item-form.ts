/**
 * The item editor's form: text as typed, the draft it becomes for `catalogue.saveItem`, the
 * checks that can be made on the screen (the name with the shared rule, the price as whole
 * rupiah, the SKU's form), and which input a refusal from the main process belongs to.
 * Uniqueness of SKU and barcode, and the barcode's form, are the main process's to judge.
 */
import type { CatalogueItemDraft, CatalogueItemView } from '../../../../common/catalogue-contract.ts';
import { nameProblem, normaliseName } from '../../../../common/item-name.ts';
import { MAX_UNIT_PRICE } from '../../../../common/pricing/validate.ts';
import { ITEM_ID_PATTERN } from '../../../../common/sale-input.ts';
import type { Bilingual } from '../../../shared/errors.ts';
import { parseRupiahText } from '../number-text.ts';

export interface ItemForm {
  name: string;
  priceText: string;
  categoryId: number | null;
  sku: string;
  barcode: string;
  active: boolean;
}

export type ItemField = 'name' | 'price' | 'categoryId' | 'sku' | 'barcode' | 'active' | 'general';

export type FieldMessages<F extends string> = Partial<Record<F, Bilingual[]>>;

/** The words for the checks this file makes itself (the name's come with the shared rule). */
export interface ItemWords {
  priceNotWhole: Bilingual;
  priceTooSmall: Bilingual;
  priceTooLarge: Bilingual;
  skuInvalid: Bilingual;
}

export function itemFormFrom(item: CatalogueItemView | undefined, categoryId: number | null): ItemForm {
  if (item === undefined) {
    return { name: '', priceText: '', categoryId, sku: '', barcode: '', active: true };
  }
  return {
    name: item.name,
    priceText: String(item.price),
    categoryId: item.categoryId,
    sku: item.sku ?? '',
    barcode: item.barcode ?? '',
    active: item.active,
  };
}

/**
 * Every field is sent, an empty code as null: the main process keeps a field that is left out
 * of an update, so leaving a cleared SKU out would keep the old one.
 */
export function itemDraftOf(form: ItemForm): CatalogueItemDraft {
  const sku = form.sku.trim();
  const barcode = form.barcode.trim();
  return {
    name: normaliseName(form.name),
    price: parseRupiahText(form.priceText),
    categoryId: form.categoryId,
    sku: sku === '' ? null : sku,
    barcode: barcode === '' ? null : barcode,
    active: form.active,
  };
}

function add<F extends string>(out: FieldMessages<F>, field: F, message: Bilingual): void {
  const list = out[field] ?? [];
  if (!list.some((m) => m.id === message.id)) list.push(message);
  out[field] = list;
}

export function itemFormProblems(form: ItemForm, words: ItemWords): FieldMessages<ItemField> {
  const out: FieldMessages<ItemField> = {};
  const draft = itemDraftOf(form);
  const name = nameProblem(draft.name);
  if (name !== undefined) add(out, 'name', name.message);
  if (!Number.isSafeInteger(draft.price)) add(out, 'price', words.priceNotWhole);
  else if (draft.price < 1) add(out, 'price', words.priceTooSmall);
  else if (draft.price > MAX_UNIT_PRICE) add(out, 'price', words.priceTooLarge);
  if (draft.sku !== null && draft.sku !== undefined && !ITEM_ID_PATTERN.test(draft.sku))
    add(out, 'sku', words.skuInvalid);
  return out;
}

export function hasProblems<F extends string>(problems: FieldMessages<F>): boolean {
  return Object.values(problems).some((list) => Array.isArray(list) && list.length > 0);
}

const ITEM_FIELDS: Readonly<Record<string, ItemField>> = {
  name: 'name',
  price: 'price',
  categoryId: 'categoryId',
  category: 'categoryId',
  sku: 'sku',
  barcode: 'barcode',
  active: 'active',
};

/** A refusal's field as the main process names it → the input it is shown at. */
export function itemFieldOf(field: string): ItemField {
  return Object.hasOwn(ITEM_FIELDS, field) ? (ITEM_FIELDS[field] ?? 'general') : 'general';
}

/** Refused problems grouped by input, each message once. */
export function messagesByField<F extends string>(
  problems: readonly { field: string; message: Bilingual }[],
  fieldOf: (field: string) => F,
): FieldMessages<F> {
  const out: FieldMessages<F> = {};
  for (const problem of problems) add(out, fieldOf(problem.field), problem.message);
  return out;
}

/** The problems shown now: the screen's own checks (once Save was tried) over the main process's refusals. */
export function mergeMessages<F extends string>(
  live: FieldMessages<F>,
  refused: FieldMessages<F>,
): FieldMessages<F> {
  const out: FieldMessages<F> = { ...refused };
  for (const [field, list] of Object.entries(live) as [F, Bilingual[] | undefined][]) {
    if (list !== undefined && list.length > 0) out[field] = list;
  }
  return out;
}
