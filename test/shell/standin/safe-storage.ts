/**
 * Electron's safeStorage with a test cipher: AES-256-GCM under a key derived from the backend's
 * name, so what one run stores the next run reads (as an OS keyring would keep its secret), and
 * text stored under one backend does not decrypt under another (as after a keyring reset).
 *
 * The backend is chosen as Chromium chooses it on Linux: `--password-store=basic` gives
 * basic_text, the default a keyring. ELECTRON_STANDIN_SAFE_STORAGE overrides it, and
 * `unavailable` plays a machine that cannot encrypt at all. Like Electron, the backend is
 * 'unknown' until the app is ready.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SafeStorage } from 'electron';
import { lifecycle } from './app.ts';
import type { Shape } from './support.ts';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;
const BACKENDS: readonly string[] = ['basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'];
const PREFIX = Buffer.from('v11');

function chosen(): Backend | 'unavailable' {
  const override = process.env.ELECTRON_STANDIN_SAFE_STORAGE?.trim();
  if (override === 'unavailable') return 'unavailable';
  if (override !== undefined && BACKENDS.includes(override)) return override as Backend;
  const store = lifecycle.argv.find((arg) => arg.startsWith('--password-store='))?.slice(17);
  if (store === 'basic') return 'basic_text';
  if (store === 'kwallet5' || store === 'kwallet6') return store;
  return 'gnome_libsecret';
}

function key(backend: string): Buffer {
  return createHash('sha256').update(`electron-standin safeStorage ${backend}`).digest();
}

function available(): boolean {
  return chosen() !== 'unavailable';
}

function encrypt(plainText: string): Buffer {
  if (!available())
    throw new Error(
      'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
    );
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(chosen()), iv);
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
  return Buffer.concat([PREFIX, iv, cipher.getAuthTag(), body]);
}

function decrypt(encrypted: Buffer): string {
  const failed = new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
  if (!available() || encrypted.length < 31 || !encrypted.subarray(0, 3).equals(PREFIX)) throw failed;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(chosen()), encrypted.subarray(3, 15));
    decipher.setAuthTag(encrypted.subarray(15, 31));
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
  } catch {
    throw failed;
  }
}

export const safeStorage = {
  isEncryptionAvailable: () => available(),
  isAsyncEncryptionAvailable: async () => available(),
  encryptString: encrypt,
  encryptStringAsync: async (plainText: string) => encrypt(plainText),
  decryptString: decrypt,
  decryptStringAsync: async (encrypted: Buffer) => ({ shouldReEncrypt: false, result: decrypt(encrypted) }),
  getSelectedStorageBackend: (): Backend => {
    const backend = chosen();
    return !lifecycle.ready || backend === 'unavailable' ? 'unknown' : backend;
  },
  setUsePlainTextEncryption: () => undefined,
} satisfies Shape<SafeStorage>;
