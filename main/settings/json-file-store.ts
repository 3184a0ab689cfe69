/**
 * Browser mode's DocumentStore: the settings document in one JSON file, replaced atomically. A
 * file that is not JSON is read as "no document" (the loader then starts from defaults and writes
 * them back) after a copy of it is kept beside it, so support can still see what was there.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readJson } from '../fs/json-file.ts';
import { writeFileAtomicSync } from '../fs/atomic-file.ts';
import type { DocumentStore } from './document-store.ts';

export interface JsonFileStoreOptions {
  log?: (line: string) => void;
}

export function jsonFileDocumentStore(file: string, options: JsonFileStoreOptions = {}): DocumentStore {
  const log = options.log ?? ((line: string) => console.error(line));
  return {
    read() {
      try {
        return readJson(file);
      } catch (error) {
        // A file that cannot be read at all is the disk's problem, not a damaged document.
        if (!(error instanceof SyntaxError)) throw error;
        const copy = `${file}.damaged`;
        try {
          copyFileSync(file, copy);
        } catch {
          // The copy is a courtesy; the kiosk starts either way.
        }
        // Not the parser's message: it quotes the file's text.
        log(`settings: ${file} is not valid JSON; a copy is kept as ${copy}.`);
        return undefined;
      }
    },
    write(document) {
      mkdirSync(dirname(file), { recursive: true });
      // Owner-only: the file holds the key's ciphertext and the PIN's hash.
      writeFileAtomicSync(file, `${JSON.stringify(document, null, 2)}\n`, 0o600);
    },
  };
}
