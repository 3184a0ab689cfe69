/**
 * Opening the stored settings: read, migrate, repair, and write back what changed. Nothing found
 * in the store stops the kiosk; what was replaced is logged by field name only.
 */
import type { KioskMode } from '../../common/contract.ts';
import { LANGUAGES } from '../../common/contract.ts';
import { readJson } from '../fs/json-file.ts';
import { SettingsState, type DocumentStore } from './document-store.ts';
import { detectVersion, migrate, type Detected } from './migrations.ts';
import { repairDocument } from './repair.ts';
import { CURRENT_DOCUMENT_VERSION, documentFields } from './settings-document.ts';

export interface LoadOptions {
  initialMode: KioskMode;
  /** Issue 4's browser-mode `{language}` file, imported when nothing is stored yet. */
  legacyScreenSettingsFile?: string | undefined;
  log: (line: string) => void;
}

function readStore(store: DocumentStore, log: LoadOptions['log']): unknown {
  try {
    return store.read();
  } catch (error) {
    log(`settings: the stored settings could not be read (${(error as Error).message}); using defaults.`);
    return undefined;
  }
}

function legacyLanguage(file: string, log: LoadOptions['log']): Detected | undefined {
  let raw: unknown;
  try {
    raw = readJson(file);
  } catch (error) {
    log(`settings: ${file} could not be read (${(error as Error).message}); its language is not imported.`);
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || !('language' in raw)) return undefined;
  const { language } = raw;
  if (!(LANGUAGES as readonly unknown[]).includes(language)) return undefined;
  log(`settings: imported the screen language from ${file}.`);
  return { version: 1, document: { language }, damage: undefined };
}

const KNOWN_KEYS = new Set(['version', ...Object.keys(documentFields)]);

export function loadDocument(store: DocumentStore, options: LoadOptions): SettingsState {
  const { log } = options;
  const raw = readStore(store, log);
  let detected = detectVersion(raw);
  const empty = detected.version === 0 && detected.damage === undefined;
  if (empty && options.legacyScreenSettingsFile !== undefined) {
    detected = legacyLanguage(options.legacyScreenSettingsFile, log) ?? detected;
  }

  const newer = detected.version > CURRENT_DOCUMENT_VERSION ? detected.version : undefined;
  const migrated =
    newer === undefined
      ? migrate(detected, { initialMode: options.initialMode })
      : { document: detected.document, ran: [] };
  const { document, replaced } = repairDocument(migrated.document, options.initialMode);
  const extras = Object.fromEntries(
    Object.entries(detected.document).filter(([key]) => !KNOWN_KEYS.has(key)),
  );

  if (detected.damage !== undefined) {
    log(`settings: the stored settings were damaged (${detected.damage}); repaired.`);
  }
  if (replaced.length > 0) {
    log(`settings: these stored fields were damaged and took their default: ${replaced.join(', ')}.`);
  }
  if (newer !== undefined) {
    log(
      `settings: the stored settings are document version ${newer}, newer than this kiosk knows ` +
        `(${CURRENT_DOCUMENT_VERSION}); using the fields it understands and refusing changes until the kiosk is updated.`,
    );
    return new SettingsState(store, document, extras, newer);
  }
  if (migrated.ran.length > 0 && !empty) {
    log(
      `settings: migrated the stored settings from version ${detected.version} to ${CURRENT_DOCUMENT_VERSION}.`,
    );
  }

  const state = new SettingsState(store, document, extras, undefined);
  if (migrated.ran.length > 0 || replaced.length > 0 || detected.damage !== undefined) {
    try {
      state.commit(document);
    } catch (error) {
      // The repaired document is in memory; the next change tries to store it again.
      log(`settings: the repaired settings could not be stored (${(error as Error).message}).`);
    }
  }
  return state;
}
