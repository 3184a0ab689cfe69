// The stand-in's safeStorage: a real cipher, readable again by the next run, not across backends.
import { afterEach, describe, expect, it } from 'vitest';
import { lifecycle } from './app.ts';
import { safeStorage } from './safe-storage.ts';

const KEY = 'SB-Mid-server-standin-test-0123456789';

afterEach(() => {
  delete process.env.ELECTRON_STANDIN_SAFE_STORAGE;
  lifecycle.argv = [];
  lifecycle.ready = false;
});

describe('stand-in safeStorage', () => {
  it('encrypts (never the text in clear) and decrypts again', async () => {
    lifecycle.ready = true;
    expect(await safeStorage.isAsyncEncryptionAvailable()).toBe(true);
    const sealed = await safeStorage.encryptStringAsync(KEY);
    expect(sealed.toString('latin1')).not.toContain(KEY);
    expect(sealed.toString('base64')).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(await safeStorage.decryptStringAsync(sealed)).toEqual({ shouldReEncrypt: false, result: KEY });
    // Two seals of one text differ (a fresh IV each time).
    expect((await safeStorage.encryptStringAsync(KEY)).equals(sealed)).toBe(false);
  });

  it('chooses its backend as Chromium does, and only after ready', () => {
    expect(safeStorage.getSelectedStorageBackend()).toBe('unknown');
    lifecycle.ready = true;
    expect(safeStorage.getSelectedStorageBackend()).toBe('gnome_libsecret');
    lifecycle.argv = ['electron', '.', '--password-store=basic'];
    expect(safeStorage.getSelectedStorageBackend()).toBe('basic_text');
    process.env.ELECTRON_STANDIN_SAFE_STORAGE = 'kwallet5';
    expect(safeStorage.getSelectedStorageBackend()).toBe('kwallet5');
  });

  it('cannot read what another backend sealed, nor a damaged text, with Electron’s own message', async () => {
    lifecycle.ready = true;
    const sealed = await safeStorage.encryptStringAsync(KEY);
    process.env.ELECTRON_STANDIN_SAFE_STORAGE = 'basic_text';
    await expect(safeStorage.decryptStringAsync(sealed)).rejects.toThrow(
      /Error while decrypting the ciphertext/,
    );
    delete process.env.ELECTRON_STANDIN_SAFE_STORAGE;
    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    await expect(safeStorage.decryptStringAsync(damaged)).rejects.toThrow(/Error while decrypting/);
  });

  it('plays a machine that cannot encrypt at all', async () => {
    process.env.ELECTRON_STANDIN_SAFE_STORAGE = 'unavailable';
    expect(await safeStorage.isAsyncEncryptionAvailable()).toBe(false);
    await expect(safeStorage.encryptStringAsync(KEY)).rejects.toThrow(/Encryption is not available/);
  });
});
