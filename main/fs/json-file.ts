/**
 * Reads the small JSON files an operator may hand the kiosk (quick items, a settings document).
 * A missing file is not an error: the caller falls back to its defaults.
 */
import { readFileSync } from 'node:fs';

/** The parsed file, or undefined when it does not exist; unreadable JSON throws. */
export function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}
