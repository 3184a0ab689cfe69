/** The shop's catalogue: store, schema step, CSV import/export, training seed, legacy import. */
export { CatalogueStore } from './store.ts';
export type { ListOptions } from './store.ts';
export { CATALOGUE_MIGRATION, CATALOGUE_SCHEMA_SQL } from './migration.ts';
export { exportCatalogueCsv, importCatalogueCsv } from './csv-import.ts';
export type { ImportSummary } from './csv-import.ts';
export { CSV_COLUMNS, EXPORT_DELIMITER } from './csv-format.ts';
export { seedWarungIfEmpty, WARUNG_CATALOGUE } from './warung.ts';
export { importLegacyQuickItemsOnce, LEGACY_IMPORT_KEY } from './legacy-quick-items.ts';
export type { LegacyImportOutcome } from './legacy-quick-items.ts';
export { ean13CheckDigit, isValidEan13 } from './barcode.ts';
export type * from './types.ts';
