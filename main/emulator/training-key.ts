import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomicSync } from '../fs/atomic-file.ts';

/**
 * Training mode needs one server key across restarts: the kiosk stores the key it was set up
 * with, and every status answer's signature_key is computed with it, so a fresh random key per
 * start would make a restarted kiosk see 401s and signature mismatches for its own orders.
 */

/** A sandbox-looking key that no real Midtrans account has. */
export function defaultServerKey(): string {
  return `SB-Mid-server-EMU${randomBytes(12).toString('base64url')}`;
}

/** What the Midtrans client accepts too: printable ASCII, no spaces, no ':', at most 200 characters. */
const USABLE_KEY = /^[\x21-\x39\x3b-\x7e]{1,200}$/;

/**
 * The key stored in `file`, or a new `defaultServerKey()` written there (readable by its owner
 * only, mode 0600) when the file does not exist. Missing directories are created. Throws when
 * the file exists but cannot be read or does not hold a usable key; it is never overwritten.
 */
export function loadOrCreateTrainingKey(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      const problem = `cannot be read: ${(error as Error).message}`;
      throw new Error(`Training key file ${JSON.stringify(file)} ${problem}`, { cause: error });
    }
    const key = defaultServerKey();
    mkdirSync(dirname(file), { recursive: true });
    // Atomic, so a crash while creating it cannot leave an empty or half-written key behind.
    writeFileAtomicSync(file, `${key}\n`, 0o600);
    return key;
  }
  const key = text.trim();
  if (!USABLE_KEY.test(key)) {
    throw new Error(
      `Training key file ${JSON.stringify(file)} does not hold a usable key (1 to 200 printable ASCII ` +
        `characters without spaces or ":"). Delete it to have a new key made.`,
    );
  }
  return key;
}
