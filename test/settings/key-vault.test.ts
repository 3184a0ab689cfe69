import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import type { SafeStorageLike } from '../../main/settings/key-storage.ts';
import {
  FakeSafeStorage,
  MemoryStore,
  PIN,
  PRODUCTION_KEY,
  SANDBOX_KEY,
  expectNoKeyIn,
  expectRefused,
  open,
  openUnlocked,
} from './helpers.ts';

// Electron's own safeStorage must satisfy the interface the vault takes (checked by tsc).
const electronFits: (storage: SafeStorage) => SafeStorageLike = (storage) => storage;

describe('key vault', () => {
  it('keeps the key only as ciphertext, and gives it back decrypted', async () => {
    expect(electronFits).toBeTypeOf('function');
    const { service, store, safe } = await openUnlocked();
    await service.manager['key.set']({ environment: 'sandbox', key: `  ${SANDBOX_KEY} ` });
    await service.manager['key.set']({ environment: 'production', key: PRODUCTION_KEY });
    expectNoKeyIn(store.text ?? '', SANDBOX_KEY);
    expectNoKeyIn(store.text ?? '', PRODUCTION_KEY);
    const slot = (
      store.document.keys as Record<string, { ciphertext: string; backend: string; savedAt: number }>
    ).sandbox;
    expect(slot?.backend).toBe('gnome_libsecret');
    expect(slot?.ciphertext).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await service.serverKey('sandbox')).toBe(SANDBOX_KEY);
    expect(await service.serverKey('production')).toBe(PRODUCTION_KEY);
    // A fresh start reads the same keys back.
    const again = await open({ store, safe });
    expect(await again.service.serverKey('sandbox')).toBe(SANDBOX_KEY);
  });

  it('never puts key characters in what the settings screen reads', async () => {
    const { service } = await openUnlocked();
    const settings = await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    expect(settings.keys.sandbox).toEqual({ stored: true, savedAt: expect.any(Number), lastTest: null });
    expect(settings.keys.production).toEqual({ stored: false, savedAt: null, lastTest: null });
    expectNoKeyIn(JSON.stringify(settings), SANDBOX_KEY);
    expect(JSON.stringify(settings)).not.toContain('Key_0123');
  });

  it('unavailable storage: key.set answers key-storage-unavailable and nothing is written', async () => {
    const safe = new FakeSafeStorage();
    safe.available = false;
    const { service, store } = await openUnlocked({ safe });
    expect(service.keyStorage()).toEqual({ available: false, weak: false, backend: 'gnome_libsecret' });
    const writes = store.writes;
    await expectRefused(
      async () => service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY }),
      'key-storage-unavailable',
    );
    expect(store.writes).toBe(writes);
    expect(safe.encryptions).toBe(0);
  });

  it('no safeStorage at all (browser mode without a fixed key): unavailable, backend none', async () => {
    const { service } = await openUnlocked({ safeStorage: undefined });
    expect(service.keyStorage()).toEqual({ available: false, weak: false, backend: 'none' });
    await expectRefused(
      async () => service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY }),
      'key-storage-unavailable',
    );
  });

  it('a keyring unlocked after start is noticed at key.set', async () => {
    const safe = new FakeSafeStorage();
    safe.available = false;
    const { service } = await openUnlocked({ safe });
    safe.available = true;
    await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    expect(service.keyStorage().available).toBe(true);
  });

  it('Linux basic_text and unknown backends are weak but still store; Windows and macOS name their backend', async () => {
    for (const backend of ['basic_text', 'unknown']) {
      const safe = new FakeSafeStorage();
      safe.backend = backend;
      const { service } = await openUnlocked({ safe });
      expect(service.keyStorage()).toEqual({ available: true, weak: true, backend });
      const settings = await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
      expect(settings.keyStorage.weak).toBe(true);
      expect(settings.keys.sandbox.stored).toBe(true);
    }
    expect((await open({ platform: 'win32' })).service.keyStorage()).toEqual({
      available: true,
      weak: false,
      backend: 'dpapi',
    });
    expect((await open({ platform: 'darwin' })).service.keyStorage().backend).toBe('keychain');
  });

  it('re-encrypts and stores when safeStorage says so', async () => {
    const { service, store, safe } = await openUnlocked();
    await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    const ciphertext = () =>
      Buffer.from(
        (store.document.keys as Record<string, { ciphertext: string }>).sandbox?.ciphertext ?? '',
        'base64',
      );
    const oldRing = safe.keyring;
    expect(ciphertext()[2]).toBe(oldRing);
    safe.rotate();
    expect(await service.serverKey('sandbox')).toBe(SANDBOX_KEY);
    expect(ciphertext()[2]).toBe(safe.keyring);
    expectNoKeyIn(store.text ?? '', SANDBOX_KEY);
    // The old keyring can go now: the stored ciphertext no longer needs it.
    safe.retired.clear();
    const again = await open({ store, safe });
    expect(await again.service.serverKey('sandbox')).toBe(SANDBOX_KEY);
  });

  it('a key that no longer decrypts reads as no key, with a status asking for it again, and a log without it', async () => {
    const first = await openUnlocked();
    await first.service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    await first.service.manager['settings.update']({ patch: { mode: 'sandbox' } });
    // The keyring changed (a new user profile, a reinstalled OS): old ciphertext fails to decrypt.
    first.safe.keyring = 0x33;
    const { service, logs } = await open({ store: first.store, safe: first.safe });
    expect(await service.serverKey('sandbox')).toBeUndefined();
    expect(service.current().mode).toBe('sandbox');
    const line = logs.find((l) => l.includes('cannot be decrypted'));
    expect(line).toMatch(/sandbox server key cannot be decrypted .*written with gnome_libsecret/);
    expectNoKeyIn(logs.join('\n'), SANDBOX_KEY);
    await service.manager['manager.unlock']({ pin: PIN });
    const settings = await service.manager['settings.read']({});
    expect(settings.keys.sandbox.stored).toBe(false);
    expect(settings.keys.sandbox.lastTest?.detail.en).toMatch(/Enter the server key again/);
    // The ciphertext is kept (the old keyring may come back) until a new key replaces it.
    expect((first.store.document.keys as Record<string, unknown>).sandbox).not.toBeNull();
    await service.manager['key.set']({ environment: 'sandbox', key: OTHER_KEY });
    expect(await service.serverKey('sandbox')).toBe(OTHER_KEY);
    expect((await service.manager['settings.read']({})).keys.sandbox.stored).toBe(true);
  });

  it('a decrypted text that is not a server key is treated as unreadable too', async () => {
    const store = new MemoryStore();
    const first = await openUnlocked({ store });
    await first.service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    const garbage = await first.safe.encryptStringAsync('not a key at all');
    const document = store.document as { keys: { sandbox: { ciphertext: string } } };
    document.keys.sandbox.ciphertext = garbage.toString('base64');
    store.text = JSON.stringify(document);
    const { service } = await open({ store, safe: first.safe });
    expect(await service.serverKey('sandbox')).toBeUndefined();
  });
});

const OTHER_KEY = 'SB-Mid-server-ReplacedKey_0123456789';
