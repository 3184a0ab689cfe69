/** The shop's catalogue as the store hands it out. Prices are whole rupiah. */

// One shape for the store and the screens, so nothing is copied field by field between them.
export type {
  CatalogueCategoryView as CatalogueCategory,
  CatalogueItemView as CatalogueItem,
  CatalogueItemDraft as ItemDraft,
} from '../../common/catalogue-contract.ts';

export type CatalogueProblemCode =
  | 'name-empty'
  | 'name-too-long'
  | 'name-characters'
  | 'price-not-whole'
  | 'price-too-small'
  | 'price-too-large'
  | 'sku-invalid'
  | 'sku-duplicate'
  | 'barcode-invalid'
  | 'barcode-spreadsheet-number'
  | 'barcode-duplicate'
  | 'category-unknown'
  | 'category-duplicate'
  | 'category-not-empty'
  | 'item-unknown'
  | 'item-inactive'
  | 'barcode-unknown'
  | 'sku-unknown'
  | 'item-was-sold'
  | 'reorder-mismatch'
  | 'id-invalid'
  | 'id-duplicate'
  | 'active-invalid'
  | 'position-invalid'
  | 'csv-not-utf8'
  | 'csv-unreadable'
  | 'csv-empty'
  | 'csv-too-large'
  | 'csv-header'
  | 'csv-column-unknown'
  | 'csv-column-duplicate'
  | 'csv-column-missing'
  | 'csv-row-width'
  | 'legacy-file-invalid';

export interface CatalogueProblem {
  code: CatalogueProblemCode;
  field: string;
  message: { id: string; en: string };
  /** The CSV line (1 = the header row), for import problems. */
  line?: number;
}

export type CatalogueResult<T> = { ok: true; value: T } | { ok: false; problems: CatalogueProblem[] };

export function catalogueProblem(
  code: CatalogueProblemCode,
  field: string,
  id: string,
  en: string,
  line?: number,
): CatalogueProblem {
  if (line === undefined) return { code, field, message: { id, en } };
  return { code, field, line, message: { id: `Baris ${line}: ${id}`, en: `Line ${line}: ${en}` } };
}
