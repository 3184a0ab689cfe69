/**
 * The server keys, kept only as safeStorage ciphertext (base64) inside the settings document. The
 * vault encrypts and decrypts; storing a new slot is the settings service's decision, because a
 * key change may have to wait for the till to be idle.
 */
import { GATEWAY_ENVIRONMENTS, type GatewayEnvironment, type KeyStatus } from '../../common/contract.ts';
import { serverKeyProblems } from '../../common/settings-input.ts';
import type { Clock } from '../clock.ts';
import type { SettingsState } from './document-store.ts';
import { probeKeyStorage, type KeyStorageProbe, type SafeStorageLike } from './key-storage.ts';
import type { KeySlot } from './settings-document.ts';

export class KeyStorageUnavailableError extends Error {
  constructor() {
    super('This computer cannot encrypt the server key');
    this.name = 'KeyStorageUnavailableError';
  }
}

class GarbledKeyError extends Error {
  constructor() {
    super('The decrypted text is not a server key');
    this.name = 'GarbledKeyError';
  }
}

interface Unreadable {
  /** The ciphertext that failed: a new key replaces it and the mark with it. */
  ciphertext: string;
  at: number;
}

export interface KeyVaultDeps {
  state: SettingsState;
  safeStorage: SafeStorageLike | undefined;
  platform: NodeJS.Platform;
  clock: Clock;
  log: (line: string) => void;
}

const REENTER = {
  id: 'Server key yang tersimpan tidak dapat dibuka lagi di komputer ini (keyring sistem berubah). Masukkan server key lagi.',
  en: 'The stored server key can no longer be read on this computer (the system keyring changed). Enter the server key again.',
};

export class KeyVault {
  readonly #deps: KeyVaultDeps;
  #storage: KeyStorageProbe = { available: false, weak: false, backend: 'none' };
  readonly #unreadable = new Map<GatewayEnvironment, Unreadable>();

  constructor(deps: KeyVaultDeps) {
    this.#deps = deps;
  }

  /** Learns what the OS offers and tries every stored key once, so the screen can tell which to re-enter. */
  async open(): Promise<void> {
    this.#storage = await probeKeyStorage(this.#deps.safeStorage, this.#deps.platform);
    for (const environment of GATEWAY_ENVIRONMENTS) await this.read(environment);
  }

  storage(): KeyStorageProbe {
    return { ...this.#storage };
  }

  /** Asks the OS again: a Linux keyring may have been unlocked since start. */
  async refreshStorage(): Promise<KeyStorageProbe> {
    this.#storage = await probeKeyStorage(this.#deps.safeStorage, this.#deps.platform);
    return this.storage();
  }

  #slot(environment: GatewayEnvironment): KeySlot | null {
    return this.#deps.state.document.keys[environment];
  }

  #isUnreadable(environment: GatewayEnvironment, slot: KeySlot): boolean {
    return this.#unreadable.get(environment)?.ciphertext === slot.ciphertext;
  }

  /** Stored and readable: a key the kiosk can use. */
  has(environment: GatewayEnvironment): boolean {
    const slot = this.#slot(environment);
    return slot !== null && !this.#isUnreadable(environment, slot);
  }

  status(environment: GatewayEnvironment): KeyStatus {
    const slot = this.#slot(environment);
    if (slot === null) return { stored: false, savedAt: null, lastTest: null };
    const unreadable = this.#unreadable.get(environment);
    if (unreadable !== undefined && unreadable.ciphertext === slot.ciphertext) {
      // No field of KeyStatus says "re-enter it"; a failed test from the time it was found does.
      return {
        stored: false,
        savedAt: slot.savedAt,
        lastTest: {
          environment,
          outcome: 'unexpected',
          stored: true,
          at: unreadable.at,
          detail: { ...REENTER },
        },
      };
    }
    return { stored: true, savedAt: slot.savedAt, lastTest: slot.lastTest };
  }

  /** The key in clear, or undefined when none is stored or it cannot be decrypted here. */
  async read(environment: GatewayEnvironment): Promise<string | undefined> {
    const slot = this.#slot(environment);
    if (slot === null || this.#isUnreadable(environment, slot)) return undefined;
    const { safeStorage, log } = this.#deps;
    const backendNow = this.#storage.backend;
    let decrypted: { shouldReEncrypt: boolean; result: string };
    try {
      if (safeStorage === undefined || !this.#storage.available) throw new KeyStorageUnavailableError();
      decrypted = await safeStorage.decryptStringAsync(Buffer.from(slot.ciphertext, 'base64'));
      // Every stored key passed this check when it was set; anything else decrypted to garbage.
      if (serverKeyProblems(environment, decrypted.result).length > 0) throw new GarbledKeyError();
    } catch (error) {
      this.#unreadable.set(environment, { ciphertext: slot.ciphertext, at: this.#deps.clock.now() });
      // The error's name only: its message is the OS's, and a key's bytes are nobody's business.
      log(
        `settings: the stored ${environment} server key cannot be decrypted ` +
          `(${(error as Error).name ?? 'error'}; written with ${slot.backend}, key storage now ${backendNow}); ` +
          'it reads as no key until it is entered again on the settings screen.',
      );
      return undefined;
    }
    if (decrypted.shouldReEncrypt) await this.#reEncrypt(environment, slot, decrypted.result);
    return decrypted.result;
  }

  async #reEncrypt(environment: GatewayEnvironment, slot: KeySlot, key: string): Promise<void> {
    try {
      const ciphertext = await this.encrypt(key);
      const current = this.#slot(environment);
      // Another key may have been stored while this one was being encrypted; that one wins.
      if (current?.ciphertext !== slot.ciphertext) return;
      const document = structuredClone(this.#deps.state.document);
      document.keys[environment] = { ...slot, ciphertext, backend: this.#storage.backend };
      this.#deps.state.record(document);
    } catch (error) {
      this.#deps.log(
        `settings: the ${environment} server key could not be re-encrypted (${(error as Error).name}); the old ciphertext stays.`,
      );
    }
  }

  /** Base64 ciphertext of `key`; throws KeyStorageUnavailableError when the OS cannot encrypt. */
  async encrypt(key: string): Promise<string> {
    const { safeStorage } = this.#deps;
    if (safeStorage === undefined || !this.#storage.available) throw new KeyStorageUnavailableError();
    const encrypted = await safeStorage.encryptStringAsync(key);
    return encrypted.toString('base64');
  }

  /** A fresh slot for a key just encrypted. */
  slot(ciphertext: string): KeySlot {
    return { ciphertext, backend: this.#storage.backend, savedAt: this.#deps.clock.now(), lastTest: null };
  }
}
