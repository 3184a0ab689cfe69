import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Whole-file replacement that a crash cannot tear: the new content goes to a sibling temp file
 * (same directory, so the rename never crosses filesystems), is fsynced, then renamed over the
 * target. A reader sees either the old file or the new one, never a mix.
 */

let tempCounter = 0;

export function tempPathFor(file: string): string {
  tempCounter += 1;
  return join(dirname(file), `${basename(file)}.${process.pid}.${tempCounter}.tmp`);
}

/** Removes temp files a crashed writer of `file` left behind; returns how many. */
export function removeStaleTempFiles(file: string): number {
  const prefix = `${basename(file)}.`;
  let removed = 0;
  for (const name of readdirSync(dirname(file))) {
    if (name.startsWith(prefix) && /^\d+\.\d+\.tmp$/.test(name.slice(prefix.length))) {
      rmSync(join(dirname(file), name), { force: true });
      removed += 1;
    }
  }
  return removed;
}

export function writeFileAtomicSync(file: string, data: string, mode: number): void {
  const temp = tempPathFor(file);
  try {
    const fd = openSync(temp, 'w', mode);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectorySync(dirname(file));
}

/**
 * The slow half of an atomic write (write and fsync), done off the event loop. The caller
 * renames the returned temp file into place itself, so it can decide at that moment whether a
 * newer write has overtaken this one.
 */
export async function writeSyncedTempFile(file: string, data: string, mode: number): Promise<string> {
  const temp = tempPathFor(file);
  try {
    const handle = await open(temp, 'w', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  return temp;
}

/** Makes a rename inside `dir` itself durable (the file's own fsync does not cover its name). */
export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory as a file; there the rename's durability is the filesystem's.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function syncDirectorySync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
