/**
 * Whether this computer can keep a server key encrypted, asked of Electron's safeStorage (taken by
 * injection, so plain Node and the tests never load Electron).
 */
import type { KeyStorageStatus } from '../../common/contract.ts';

/** What the OS says about keeping a key; whether the manager accepted a weak one is the settings'. */
export type KeyStorageProbe = Omit<KeyStorageStatus, 'riskAcceptedAt'>;

/** Structurally the part of Electron 45's `safeStorage` the vault uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export function backendName(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'dpapi';
  if (platform === 'darwin') return 'keychain';
  try {
    return safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function probeKeyStorage(
  safeStorage: SafeStorageLike | undefined,
  platform: NodeJS.Platform,
): Promise<KeyStorageProbe> {
  if (safeStorage === undefined) return { available: false, weak: false, backend: 'none' };
  let available: boolean;
  try {
    available = await safeStorage.isAsyncEncryptionAvailable();
  } catch {
    available = false;
  }
  const backend = backendName(safeStorage, platform);
  // Linux with no keyring falls back to a password built into Chromium ('basic_text'); before the
  // app is ready the backend is not known yet. Both encrypt, but not with a secret of this PC.
  const weak = available && platform === 'linux' && (backend === 'basic_text' || backend === 'unknown');
  return { available, weak, backend };
}
