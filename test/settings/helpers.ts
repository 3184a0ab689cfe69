import { expect } from 'vitest';
import type { ErrorCode } from '../../common/contract.ts';
import { CommandRefusal } from '../../main/screen-api/errors.ts';
import { ManualClock } from '../../main/clock.ts';
import type { DocumentStore } from '../../main/settings/document-store.ts';
import type { SafeStorageLike } from '../../main/settings/key-storage.ts';
import {
  openSettings,
  type OpenSettingsOptions,
  type SettingsService,
} from '../../main/settings/open-settings.ts';

export const SANDBOX_KEY = 'SB-Mid-server-TestKey_0123456789abcdef';
export const OTHER_SANDBOX_KEY = 'SB-Mid-server-OtherKey_9876543210zyx';
export const PRODUCTION_KEY = 'Mid-server-ProdKey_0123456789ABCDEF';

/** An in-memory DocumentStore that keeps the JSON text, as a file or electron-store would. */
export class MemoryStore implements DocumentStore {
  text: string | undefined;
  writes = 0;
  failWrites = false;
  constructor(initial?: unknown) {
    this.text = initial === undefined ? undefined : JSON.stringify(initial);
  }
  read(): unknown {
    return this.text === undefined ? undefined : (JSON.parse(this.text) as unknown);
  }
  write(document: Record<string, unknown>): void {
    if (this.failWrites) throw new Error('disk full');
    this.writes += 1;
    this.text = JSON.stringify(document);
  }
  get document(): Record<string, unknown> {
    return JSON.parse(this.text ?? 'null') as Record<string, unknown>;
  }
}

/**
 * Encrypts by XOR with a per-"keyring" byte behind a marker, so the ciphertext shares nothing with
 * the key or its base64. Switches: unavailable, backend, a changed keyring (old ciphertext fails),
 * and a rotated keyring (old ciphertext decrypts with shouldReEncrypt).
 */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend = 'gnome_libsecret';
  keyring = 0x5a;
  /** Keyrings rotated away from: still decrypted, with shouldReEncrypt. */
  readonly retired = new Set<number>();
  encryptions = 0;
  decryptions = 0;
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!this.available) throw new Error('encryption is not available');
    this.encryptions += 1;
    const body = Buffer.from(plainText, 'utf8').map((byte) => byte ^ this.keyring);
    return Buffer.concat([Buffer.from([0xfa, 0xce, this.keyring]), body]);
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    this.decryptions += 1;
    const ring = encrypted[2] ?? -1;
    if (
      encrypted[0] !== 0xfa ||
      encrypted[1] !== 0xce ||
      (ring !== this.keyring && !this.retired.has(ring))
    ) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    const body = encrypted.subarray(3).map((byte) => byte ^ ring);
    return { shouldReEncrypt: ring !== this.keyring, result: Buffer.from(body).toString('utf8') };
  }
  /** The OS moved to a new key; old ciphertext still decrypts but should be re-encrypted. */
  rotate(): void {
    this.retired.add(this.keyring);
    this.keyring = (this.keyring + 17) % 256;
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

export interface Opened {
  service: SettingsService;
  store: MemoryStore;
  safe: FakeSafeStorage;
  clock: ManualClock;
  logs: string[];
}

export async function open(
  overrides: Partial<OpenSettingsOptions> & {
    store?: MemoryStore;
    safe?: FakeSafeStorage;
    clock?: ManualClock;
  } = {},
): Promise<Opened> {
  const store = overrides.store ?? new MemoryStore();
  const safe = overrides.safe ?? new FakeSafeStorage();
  const clock = overrides.clock ?? new ManualClock();
  const logs: string[] = [];
  const service = await openSettings({
    safeStorage: safe,
    platform: 'linux',
    displays: { list: () => [{ id: 1, label: 'Built-in', width: 1920, height: 1080, primary: true }] },
    log: (line) => logs.push(line),
    ...overrides,
    store,
    clock,
  });
  return { service, store, safe, clock, logs };
}

export const PIN = '2468';

/** A kiosk with its PIN created (which leaves the session unlocked). */
export async function openUnlocked(overrides: Parameters<typeof open>[0] = {}): Promise<Opened> {
  const opened = await open(overrides);
  await opened.service.manager['manager.createPin']({ pin: PIN });
  return opened;
}

export async function refusal(work: Promise<unknown> | (() => unknown)): Promise<CommandRefusal> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    expect(error).toBeInstanceOf(CommandRefusal);
    return error as CommandRefusal;
  }
  throw new Error('expected a refusal');
}

export async function expectRefused(
  work: Promise<unknown> | (() => unknown),
  code: ErrorCode,
): Promise<CommandRefusal> {
  const refused = await refusal(work);
  expect(refused.error.code).toBe(code);
  return refused;
}

/** The key and its base64 forms must never be in what is stored. */
export function expectNoKeyIn(text: string, key: string): void {
  expect(text).not.toContain(key);
  expect(text).not.toContain(Buffer.from(key, 'utf8').toString('base64'));
  expect(text).not.toContain(Buffer.from(key, 'utf8').toString('base64').replace(/=+$/, ''));
  expect(text).not.toContain(Buffer.from(`${key}:`, 'utf8').toString('base64').replace(/=+$/, ''));
}
