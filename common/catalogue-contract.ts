/**
 * The catalogue's slice of the contract: what the cashier reads (the grid, search, barcodes) and
 * what the manager edits behind the PIN. Items are whole rupiah; a sale keeps its own copy of each
 * line, so editing the catalogue never changes a sale already made.
 */

export interface CatalogueItemView {
  id: number;
  name: string;
  /** Whole rupiah, as the price list shows it. */
  price: number;
  categoryId: number | null;
  sku: string | null;
  barcode: string | null;
  /** An inactive item is not offered, and its barcode says so when scanned. */
  active: boolean;
  position: number;
}

export interface CatalogueCategoryView {
  id: number;
  name: string;
  position: number;
}

/** The whole catalogue, inactive items included (flagged): the screen searches it in memory. */
export interface CatalogueSnapshot {
  items: CatalogueItemView[];
  categories: CatalogueCategoryView[];
  /** Grows with every change, so a screen can tell a newer snapshot from an older one. */
  revision: number;
}

/** An item as the editor sends it; an absent (or undefined) optional field is none. */
export interface CatalogueItemDraft {
  name: string;
  price: number;
  categoryId?: number | null | undefined;
  sku?: string | null | undefined;
  barcode?: string | null | undefined;
  active?: boolean | undefined;
}

/** A catalogue refusal: which field (and CSV line, for an import) and why, in both languages. */
export interface CatalogueProblemView {
  code: string;
  field: string;
  /** 1-based line of the CSV file, header included, for an import. */
  line?: number;
  message: { id: string; en: string };
}

export interface CatalogueImportSummary {
  rows: number;
  added: number;
  updated: number;
  categoriesAdded: number;
  delimiter: ';' | ',';
}

export interface CatalogueCashierCommands {
  'catalogue.list': [Record<string, never>, CatalogueSnapshot];
}

/** Behind the manager PIN, like the settings. */
export interface CatalogueManagerCommands {
  /** id absent: a new item. */
  'catalogue.saveItem': [{ id?: number; item: CatalogueItemDraft }, CatalogueSnapshot];
  'catalogue.setActive': [{ id: number; active: boolean }, CatalogueSnapshot];
  /** The items of one category (null: uncategorised) in their new order: every id, once. */
  'catalogue.reorderItems': [{ categoryId: number | null; ids: number[] }, CatalogueSnapshot];
  /** id absent: a new category. */
  'catalogue.saveCategory': [{ id?: number; name: string }, CatalogueSnapshot];
  'catalogue.reorderCategories': [{ ids: number[] }, CatalogueSnapshot];
  /** All or nothing: any bad row refuses the whole file, with every problem by line. */
  'catalogue.import': [{ csv: string }, { summary: CatalogueImportSummary; catalogue: CatalogueSnapshot }];
  'catalogue.export': [Record<string, never>, { csv: string; fileName: string }];
}

/** A CSV of the largest catalogue a shop keeps (10,000 items) fits well inside this. */
export const CATALOGUE_CSV_MAX_BYTES = 4 * 1024 * 1024;

/** The catalogue's functions on the cashier screen's api. */
export interface CatalogueCashierApi {
  catalogue(): Promise<CatalogueSnapshot>;
  onCatalogue(listener: (catalogue: CatalogueSnapshot) => void): () => void;
}

/** The catalogue editor's functions, on the manager's api (`manager.catalogue`). */
export interface CatalogueManagerApi {
  saveItem(item: CatalogueItemDraft, id?: number): Promise<CatalogueSnapshot>;
  setActive(id: number, active: boolean): Promise<CatalogueSnapshot>;
  reorderItems(categoryId: number | null, ids: number[]): Promise<CatalogueSnapshot>;
  saveCategory(name: string, id?: number): Promise<CatalogueSnapshot>;
  reorderCategories(ids: number[]): Promise<CatalogueSnapshot>;
  importCsv(csv: string): Promise<{ summary: CatalogueImportSummary; catalogue: CatalogueSnapshot }>;
  exportCsv(): Promise<{ csv: string; fileName: string }>;
}
