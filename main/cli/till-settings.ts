/**
 * The pricing a CLI sale is made with: the kiosk's own, read from the settings document the app
 * and browser mode keep in the data folder (settings.json), so `kiosk charge` adds the same tax
 * and service charge the cashier screen would. The environment still decides mode, key, payment
 * types and time limit, as it always has for the CLI (and for browser mode).
 *
 * Read only, and read the way the kiosk reads it (migrated and repaired in memory): the app may be
 * running and owns the file, so the CLI never writes it back. No settings file (the CLI on its
 * own) means the kiosk's first-start values: no tax, no service, no discount needing the PIN.
 */
import { join } from 'node:path';
import { readJson } from '../fs/json-file.ts';
import { detectVersion, migrate } from '../settings/migrations.ts';
import { repairDocument } from '../settings/repair.ts';
import { CURRENT_DOCUMENT_VERSION, defaultDocument } from '../settings/settings-document.ts';
import type { TillDeps, TillSettings } from '../sales/till.ts';

export const SETTINGS_FILE = 'settings.json';

export interface StoredTillSettings {
  settings: TillSettings;
  /** What support staff should know: defaults used, or fields the kiosk would repair too. */
  notes: string[];
}

function defaults(notes: string[]): StoredTillSettings {
  const document = defaultDocument();
  return { settings: { pricing: document.pricing, approval: document.discountApproval }, notes };
}

export function readTillSettings(dataDir: string): StoredTillSettings {
  const file = join(dataDir, SETTINGS_FILE);
  let raw: unknown;
  try {
    raw = readJson(file);
  } catch (error) {
    // The kiosk starts on defaults too when its settings file does not parse (json-file-store.ts,
    // the shell's settings-store.ts), so this prices as the kiosk would.
    const why = error instanceof SyntaxError ? 'not valid JSON' : (error as NodeJS.ErrnoException).code;
    return defaults([`${file} could not be read (${why}); pricing with the defaults, as the kiosk would`]);
  }
  if (raw === undefined) return defaults([]);
  const detected = detectVersion(raw);
  const migrated =
    detected.version > CURRENT_DOCUMENT_VERSION
      ? detected.document
      : migrate(detected, { initialMode: 'training' }).document;
  const { document, replaced } = repairDocument(migrated, 'training');
  const notes = replaced
    .filter((field) => field === 'pricing' || field === 'discountApproval')
    .map((field) => `${file}: the stored ${field} is damaged; using its default, as the kiosk does`);
  return { settings: { pricing: document.pricing, approval: document.discountApproval }, notes };
}

/**
 * The till's settings for a CLI sale. The CLI takes no manager PIN (checking one counts wrong
 * attempts in the app's settings file, which the CLI does not write), so a discount above the
 * manager's threshold is refused before approve() could ever be asked.
 */
export function cliTill(stored: StoredTillSettings): Pick<TillDeps, 'settings' | 'approve'> {
  return {
    settings: () => structuredClone(stored.settings),
    approve: () => Promise.resolve('no-pin'),
  };
}
