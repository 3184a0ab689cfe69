/**
 * The catalogue as the screens use it: one snapshot for the cashier's grid and search, the
 * manager's edits, and a change event so every screen shows the catalogue as it now is. Every
 * refusal is a CatalogueInputError with bilingual problems (CSV ones by line); nothing is written.
 */
import type {
  CatalogueImportSummary,
  CatalogueItemDraft,
  CatalogueItemView,
  CatalogueSnapshot,
} from '../../common/catalogue-contract.ts';
import { exportCatalogueCsv, importCatalogueCsv } from './csv-import.ts';
import type { CatalogueStore } from './store.ts';
import type { CatalogueProblem, CatalogueResult } from './types.ts';

export class CatalogueInputError extends Error {
  readonly code = 'catalogue-invalid';
  readonly problems: CatalogueProblem[];
  constructor(problems: CatalogueProblem[]) {
    super(problems.map((p) => `${p.line === undefined ? '' : `line ${p.line}: `}${p.message.en}`).join('; '));
    this.name = 'CatalogueInputError';
    this.problems = problems;
  }
}

function must<T>(result: CatalogueResult<T>): T {
  if (!result.ok) throw new CatalogueInputError(result.problems);
  return result.value;
}

const REVISION_KEY = 'revision';

export class CatalogueService {
  readonly #store: CatalogueStore;
  readonly #listeners = new Set<(catalogue: CatalogueSnapshot) => void>();
  #revision: number;

  constructor(store: CatalogueStore) {
    this.#store = store;
    // Kept in the journal, so a screen that stayed open across a restart never mistakes the
    // catalogue it holds for a newer one than the kiosk's.
    const stored = Number(store.meta(REVISION_KEY));
    this.#revision = Number.isSafeInteger(stored) && stored > 0 ? stored : 1;
  }

  snapshot(): CatalogueSnapshot {
    return {
      items: this.#store.list({ includeInactive: true }),
      categories: this.#store.categories(),
      revision: this.#revision,
    };
  }

  /** An item to sell by its SKU: an unknown SKU, or an inactive item, is refused with its reason. */
  bySku(sku: string): CatalogueResult<CatalogueItemView> {
    return this.#store.bySku(sku);
  }

  on(listener: (catalogue: CatalogueSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  saveItem(item: CatalogueItemDraft, id?: number): CatalogueSnapshot {
    must(id === undefined ? this.#store.add(item) : this.#store.update(id, item));
    return this.#changed();
  }

  setActive(id: number, active: boolean): CatalogueSnapshot {
    must(active ? this.#store.reactivate(id) : this.#store.deactivate(id));
    return this.#changed();
  }

  reorderItems(categoryId: number | null, ids: readonly number[]): CatalogueSnapshot {
    must(this.#store.reorderItems(categoryId, ids));
    return this.#changed();
  }

  saveCategory(name: string, id?: number): CatalogueSnapshot {
    must(id === undefined ? this.#store.addCategory(name) : this.#store.renameCategory(id, name));
    return this.#changed();
  }

  reorderCategories(ids: readonly number[]): CatalogueSnapshot {
    must(this.#store.reorderCategories(ids));
    return this.#changed();
  }

  /** The file as bytes (the CLI) or as text (the screens): bytes let the import tell a non-UTF-8 file. */
  importCsv(csv: string | Uint8Array): { summary: CatalogueImportSummary; catalogue: CatalogueSnapshot } {
    const summary = must(importCatalogueCsv(this.#store, csv));
    return { summary, catalogue: this.#changed() };
  }

  exportCsv(): { csv: string; fileName: string } {
    return { csv: exportCatalogueCsv(this.#store), fileName: 'katalog.csv' };
  }

  #changed(): CatalogueSnapshot {
    this.#revision += 1;
    this.#store.setMeta(REVISION_KEY, String(this.#revision));
    const snapshot = this.snapshot();
    for (const listener of this.#listeners) {
      try {
        listener(snapshot);
      } catch {
        // A screen's bug must not undo an edit that is already stored.
      }
    }
    return snapshot;
  }
}
