/**
 * Small JSON files the screens' settings live in. A write goes to a temp file in the same folder,
 * reaches the disk, and only then takes the real name, so a power cut leaves the old settings or
 * the new ones, never half a file. Synchronous on purpose: the files are tiny and written only
 * when the cashier changes something.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomicSync } from '../fs/atomic-file.ts';

export function writeJsonAtomic(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomicSync(file, `${JSON.stringify(value, null, 2)}\n`, 0o644);
}

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
