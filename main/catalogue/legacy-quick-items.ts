/**
 * The one-time move from the quick-items JSON file (KIOSK_QUICK_ITEMS_FILE) of earlier versions
 * into the catalogue. The file is read and checked by the very function that read it before
 * (main/api/quick-items.ts), so a file that worked then imports now. Each quick item's id becomes
 * the item's SKU; an item with that SKU already in the catalogue is updated, not doubled.
 *
 * "Once" is recorded in catalogue_meta in the same transaction as the items, so a crash leaves
 * either both or neither. A missing file is not recorded (it may be put in place later); a bad
 * file throws QuickItemsFileError, as it did at start-up before, and nothing is written.
 */
import { readQuickItemsFile } from './quick-items-file.ts';
import type { CatalogueStore } from './store.ts';

export const LEGACY_IMPORT_KEY = 'legacy-quick-items-imported';

export type LegacyImportOutcome =
  | { kind: 'not-set' }
  | { kind: 'already-imported'; record: string }
  | { kind: 'file-missing'; file: string }
  | { kind: 'imported'; file: string; added: number; updated: number };

export function importLegacyQuickItemsOnce(
  store: CatalogueStore,
  file: string | undefined,
): LegacyImportOutcome {
  if (file === undefined || file === '') return { kind: 'not-set' };
  const done = store.meta(LEGACY_IMPORT_KEY);
  if (done !== undefined) return { kind: 'already-imported', record: done };
  const items = readQuickItemsFile(file);
  if (items === undefined) return { kind: 'file-missing', file };
  return store.db
    .transaction((): LegacyImportOutcome => {
      let added = 0;
      let updated = 0;
      for (const item of items) {
        const existing = store.owner('sku', item.id);
        const result = existing
          ? store.update(existing.id, { name: item.name, price: item.price })
          : store.add({ name: item.name, price: item.price, sku: item.id });
        if (!result.ok) {
          // The quick-items rules are at least as strict as the catalogue's, so this is a bug.
          throw new Error(
            `quick item "${item.id}" refused: ${result.problems.map((p) => p.message.en).join('; ')}`,
          );
        }
        if (existing) updated++;
        else added++;
      }
      store.setMeta(LEGACY_IMPORT_KEY, JSON.stringify({ file, at: store.now(), added, updated }));
      return { kind: 'imported', file, added, updated };
    })
    .immediate();
}
