/**
 * Where the settings document lives, and the one place it is read and written. electron-store (or
 * conf) satisfies DocumentStore through a two-line adapter in the shell; browser mode uses a JSON
 * file (json-file-store.ts).
 */
import type { SettingsDocument } from './settings-document.ts';

export interface DocumentStore {
  /** The whole stored document (electron-store's `store.store`); undefined when there is none. */
  read(): unknown;
  /** Replaces it whole (electron-store: `store.store = document`). */
  write(document: Record<string, unknown>): void;
}

/** A change refused because the document belongs to a newer kiosk (see loadDocument). */
export class ReadOnlyDocumentError extends Error {
  readonly storedVersion: number;
  constructor(storedVersion: number) {
    super(
      `The settings were saved by a newer kiosk (document version ${storedVersion}); this version cannot change them`,
    );
    this.name = 'ReadOnlyDocumentError';
    this.storedVersion = storedVersion;
  }
}

/**
 * The document in memory, always equal to what was last stored. Writes go to the store first, so
 * a failed write leaves memory and disk in agreement.
 */
export class SettingsState {
  #document: SettingsDocument;
  readonly #store: DocumentStore;
  /** Top-level keys this build does not know (another tool's), carried along on every write. */
  readonly #extras: Record<string, unknown>;
  /** Set when the stored document is newer than this build: it is read, never overwritten. */
  readonly newerVersion: number | undefined;

  constructor(
    store: DocumentStore,
    document: SettingsDocument,
    extras: Record<string, unknown>,
    newerVersion: number | undefined,
  ) {
    this.#store = store;
    this.#document = document;
    this.#extras = extras;
    this.newerVersion = newerVersion;
  }

  get readOnly(): boolean {
    return this.newerVersion !== undefined;
  }

  get document(): Readonly<SettingsDocument> {
    return this.#document;
  }

  /** Stores `next` as the whole document; throws ReadOnlyDocumentError for a newer document. */
  commit(next: SettingsDocument): void {
    if (this.newerVersion !== undefined) throw new ReadOnlyDocumentError(this.newerVersion);
    this.#store.write({ ...this.#extras, ...structuredClone(next) });
    this.#document = next;
  }

  /**
   * For bookkeeping that must keep working on a newer document (wrong-PIN counters, the last key
   * test): stored when possible, otherwise kept in memory for this run only.
   */
  record(next: SettingsDocument): void {
    // Memory first: a wrong-PIN count must hold for this run even when the disk refuses it.
    this.#document = next;
    if (this.newerVersion === undefined) this.#store.write({ ...this.#extras, ...structuredClone(next) });
  }
}
