/**
 * Doctor's look at how the app keeps its server keys: the settings document in the data folder
 * records, per stored key, the safeStorage backend that encrypted it, and whether the manager
 * accepted a weak one. Read as plain JSON: no key is decrypted, and none of its text is shown.
 */
import { join } from 'node:path';
import { readJson } from '../../fs/json-file.ts';
import type { Check } from './doctor-checks.ts';

/** Backends where safeStorage only obscures the key with a password built into Chromium. */
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

interface StoredSlot {
  backend?: unknown;
}

/** undefined when the data folder holds no app settings (the CLI alone, or browser mode's env keys). */
export function keyStorageCheck(dataDir: string): Check | undefined {
  let raw: unknown;
  try {
    raw = readJson(join(dataDir, 'settings.json'));
  } catch {
    return { name: 'key-storage', verdict: 'warn', detail: 'settings.json is not readable JSON' };
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const document = raw as {
    keys?: Record<string, StoredSlot | null>;
    keyStorageRisk?: { acceptedAt?: unknown } | null;
  };
  const production = document.keys?.production;
  const sandbox = document.keys?.sandbox;
  const stored = [production, sandbox].filter(
    (slot): slot is StoredSlot => slot !== null && slot !== undefined,
  );
  if (stored.length === 0)
    return { name: 'key-storage', verdict: 'pass', detail: 'no server key stored in the app' };
  const backendOf = (slot: StoredSlot) => (typeof slot.backend === 'string' ? slot.backend : 'unknown');
  if (production !== null && production !== undefined && WEAK_BACKENDS.has(backendOf(production))) {
    const at = document.keyStorageRisk?.acceptedAt;
    const accepted =
      typeof at === 'number' ? `; the manager accepted this risk on ${new Date(at).toISOString()}` : '';
    return {
      name: 'key-storage',
      verdict: 'warn',
      detail:
        `the production key is stored without a keyring (${backendOf(production)}): anyone who copies ` +
        `settings.json can read it${accepted}. Install and unlock GNOME Keyring or KWallet (see the README)`,
    };
  }
  const backends = [...new Set(stored.map(backendOf))].join(', ');
  const weak = stored.some((slot) => WEAK_BACKENDS.has(backendOf(slot)));
  return {
    name: 'key-storage',
    verdict: weak ? 'warn' : 'pass',
    detail: weak
      ? `a sandbox key is stored without a keyring (${backends})`
      : `server keys encrypted by the OS (${backends})`,
  };
}
