/**
 * Cold reads: start-up happens after a boot or a long idle, when the journal is not in the OS
 * page cache. Linux lets root drop that cache; elsewhere (or without the right) the figures are
 * taken warm and say so.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** Writes dirty pages out, then drops the clean ones. True when the cache was dropped. */
export function dropPageCache(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '1');
    return true;
  } catch {
    return false;
  }
}

/** The label a figure read after dropPageCache() carries. */
export function coldness(dropped: boolean): 'cold' | 'warm' {
  return dropped ? 'cold' : 'warm';
}
