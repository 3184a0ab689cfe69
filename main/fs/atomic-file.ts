/**
 * Whole-file replacement that a crash cannot tear, with a synchronous and an asynchronous face.
 * The new content goes to a temp file in the same directory (a rename is atomic only within one
 * filesystem), reaches the disk (fsync), and only then takes the final name; the directory is
 * synced too, or the rename itself could be lost in a power cut. A reader sees the old file or
 * the complete new one, never a mix; on failure the temp file is removed and the old file stays.
 *
 * Temp files are `.<stem>.<16 lower-case hex>.tmp` beside the target (the stem is the target's
 * name unless the caller picks one), so an owner can recognise, and prune, one a crash left.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface AtomicWriteOptions {
  /** Permissions of a newly created file (default 0o644). */
  mode?: number;
  /** The temp file's stem, when the owner recognises temp files by something else than the name. */
  tempStem?: string;
}

/** A fresh temp path beside `file`; random, so concurrent writers never share one. */
export function tempPathFor(file: string, tempStem = basename(file)): string {
  return join(dirname(file), `.${tempStem}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Matches the temp files this module writes, for owners that prune a whole folder. */
export const TEMP_FILE_PATTERN = /^\.[A-Za-z0-9\-_~.]+\.[0-9a-f]{16}\.tmp$/;

/** Releases before this module wrote `<name>.<pid>.<counter>.tmp`; still cleaned up. */
const LEGACY_TEMP_SUFFIX = /^\d+\.\d+\.tmp$/;

/** Removes temp files a crashed writer of `file` left behind; returns how many. */
export function removeStaleTempFiles(file: string): number {
  const name = basename(file);
  const current = `.${name}.`;
  const legacy = `${name}.`;
  let removed = 0;
  for (const entry of readdirSync(dirname(file))) {
    const stale =
      (entry.startsWith(current) && /^[0-9a-f]{16}\.tmp$/.test(entry.slice(current.length))) ||
      (entry.startsWith(legacy) && LEGACY_TEMP_SUFFIX.test(entry.slice(legacy.length)));
    if (stale) {
      rmSync(join(dirname(file), entry), { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** The synchronous face: for a process about to exit, or a write that must finish before a reply. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, mode = 0o644): void {
  const temp = tempPathFor(file);
  try {
    const fd = openSync(temp, 'wx', mode);
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

/** The asynchronous face: the same guarantees, off the event loop. Returns the target path. */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<string> {
  const temp = await writeSyncedTempFile(file, data, options);
  try {
    await renameReplacing(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(file));
  return file;
}

/**
 * The slow half of an asynchronous atomic write (write and fsync). A caller that must decide at
 * the last moment whether its write still stands renames the returned temp file itself.
 */
export async function writeSyncedTempFile(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<string> {
  const temp = tempPathFor(file, options.tempStem);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
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

const WINDOWS_SHARING_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const WINDOWS_RENAME_ATTEMPTS = 5;

/**
 * Windows refuses to replace a file that another process (the customer display reading an
 * image, an antivirus scan) holds open, and the hold is usually gone within milliseconds.
 */
async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const retry =
        process.platform === 'win32' &&
        attempt < WINDOWS_RENAME_ATTEMPTS &&
        WINDOWS_SHARING_CODES.has(errorCode(error) ?? '');
      if (!retry) throw error;
      await sleep(25 * attempt);
    }
  }
}

// Windows cannot open a directory for syncing (EISDIR/EPERM) and some filesystems refuse to
// sync one (EINVAL); there the rename is as durable as the platform makes it.
const UNSYNCABLE_DIRECTORY_CODES = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP']);

/** Makes a rename inside `dir` itself durable (the file's own fsync does not cover its name). */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (!UNSYNCABLE_DIRECTORY_CODES.has(errorCode(error) ?? '')) throw error;
  }
}

function syncDirectorySync(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (error) {
    if (UNSYNCABLE_DIRECTORY_CODES.has(errorCode(error) ?? '')) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!UNSYNCABLE_DIRECTORY_CODES.has(errorCode(error) ?? '')) throw error;
  } finally {
    closeSync(fd);
  }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
