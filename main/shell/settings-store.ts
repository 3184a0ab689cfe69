/**
 * electron-store as the settings' DocumentStore (main/settings/ owns schema and migrations). The
 * file holds the key's ciphertext and the PIN's hash, so it is the owner's alone (0600). A file
 * that no longer parses is moved aside, never wiped: support can still recover the key slot from
 * it, and the till starts on defaults instead of refusing to start.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import Store from 'electron-store';
import type { DocumentStore } from '../settings/document-store.ts';

type Settings = Record<string, unknown>;
const NAME = 'settings';

export function openSettingsStore(dataDir: string, log: (line: string) => void): DocumentStore {
  const open = () =>
    new Store<Settings>({ name: NAME, cwd: dataDir, configFileMode: 0o600, clearInvalidConfig: false });
  let store: Store<Settings>;
  try {
    store = open();
  } catch (error) {
    const aside = join(dataDir, `${NAME}.unreadable-${Date.now()}.json`);
    renameSync(join(dataDir, `${NAME}.json`), aside);
    log(`settings file unreadable (${(error as Error).name}); kept as ${aside}, starting from defaults`);
    store = open();
  }
  return {
    read: () => store.store,
    write: (document) => {
      store.store = document;
    },
  };
}
