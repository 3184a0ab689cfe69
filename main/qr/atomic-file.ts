import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Replaces `dir/name` so that a reader, or the till after a power cut, sees either the old file
 * or the complete new one, never a partial write: the bytes go to a temp file in the same
 * directory (rename is only atomic within one filesystem), reach the disk, and only then take
 * the final name. The directory is synced too, or the rename itself could be lost.
 *
 * The temp file is `.<tempStem>.<16 lower-case hex>.tmp`, so an owner can recognise one left by a
 * crash. On failure it is removed and the previous file, if any, is left as it was.
 */
export async function writeFileAtomic(
  dir: string,
  name: string,
  tempStem: string,
  data: Uint8Array,
): Promise<string> {
  const target = join(dir, name);
  // Random, so concurrent writers of one name never share a temp file; the last rename wins whole.
  const temp = join(dir, `.${tempStem}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameReplacing(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
  return target;
}

const WINDOWS_SHARING_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const WINDOWS_RENAME_ATTEMPTS = 5;

/**
 * Windows refuses to replace a file that another process (the customer display reading the
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

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
