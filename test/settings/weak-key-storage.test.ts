/**
 * Linux without a keyring (safeStorage's basic_text backend) only obscures a key with a password
 * built into Chromium (issue 12, finding 4). A production key is refused there until the manager
 * accepts the risk — the PIN once more, recorded in the settings — and the acceptance holds only
 * for the backend it was given for.
 */
import { describe, expect, it } from 'vitest';
import {
  FakeSafeStorage,
  PIN,
  PRODUCTION_KEY,
  SANDBOX_KEY,
  expectRefused,
  open,
  openUnlocked,
} from './helpers.ts';

async function weakKiosk(backend = 'basic_text') {
  const safe = new FakeSafeStorage();
  safe.backend = backend;
  return openUnlocked({ safe });
}

describe('a production key without a keyring', () => {
  it('is refused, in both languages, and nothing is written', async () => {
    const { service, store } = await weakKiosk();
    const before = JSON.stringify(store.document);
    const refused = await expectRefused(
      async () => service.manager['key.set']({ environment: 'production', key: PRODUCTION_KEY }),
      'key-storage-weak',
    );
    expect(refused.error.message.id).toMatch(/tidak punya keyring/);
    expect(refused.error.message.en).toMatch(/no keyring.*accept the risk with the manager PIN/);
    expect(JSON.stringify(store.document)).toBe(before);
    // Sandbox money is not real: its key is still stored, with the warning the screen shows.
    const settings = await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    expect(settings.keys.sandbox.stored).toBe(true);
    expect(settings.keyStorage).toMatchObject({ weak: true, riskAcceptedAt: null });
  });

  it('is stored once the manager accepts the risk with the PIN, which is recorded', async () => {
    const { service, store, logs } = await weakKiosk();
    const accepted = await service.manager['key.acceptWeakStorage']({ pin: PIN });
    expect(accepted.keyStorage.riskAcceptedAt).toEqual(expect.any(Number));
    expect(store.document).toMatchObject({
      keyStorageRisk: { backend: 'basic_text', acceptedAt: expect.any(Number) },
    });
    expect(logs.join('\n')).toMatch(/accepted keeping the production key on the basic_text key storage/);
    const settings = await service.manager['key.set']({ environment: 'production', key: PRODUCTION_KEY });
    expect(settings.keys.production.stored).toBe(true);
    expect(await service.serverKey('production')).toBe(PRODUCTION_KEY);
  });

  it('a wrong PIN accepts nothing and counts towards the lockout', async () => {
    const { service, store } = await weakKiosk();
    await expectRefused(async () => service.manager['key.acceptWeakStorage']({ pin: '9999' }), 'pin-wrong');
    expect(store.document).toMatchObject({ keyStorageRisk: null, manager: { failedAttempts: 1 } });
    await expectRefused(
      async () => service.manager['key.set']({ environment: 'production', key: PRODUCTION_KEY }),
      'key-storage-weak',
    );
  });

  it('needs the unlocked session too', async () => {
    const { service } = await weakKiosk();
    await service.manager['manager.lock']({});
    await expectRefused(async () => service.manager['key.acceptWeakStorage']({ pin: PIN }), 'manager-locked');
  });

  it('an acceptance given for one weak backend does not carry over to another', async () => {
    const { service, store } = await weakKiosk('basic_text');
    await service.manager['key.acceptWeakStorage']({ pin: PIN });
    const safe = new FakeSafeStorage();
    safe.backend = 'unknown';
    const reopened = await open({ store, safe });
    await reopened.service.manager['manager.unlock']({ pin: PIN });
    await expectRefused(
      async () => reopened.service.manager['key.set']({ environment: 'production', key: PRODUCTION_KEY }),
      'key-storage-weak',
    );
  });

  it('a real keyring needs no acceptance', async () => {
    const { service } = await weakKiosk('gnome_libsecret');
    const settings = await service.manager['key.set']({ environment: 'production', key: PRODUCTION_KEY });
    expect(settings.keyStorage).toMatchObject({ weak: false, riskAcceptedAt: null });
    expect(settings.keys.production.stored).toBe(true);
  });
});
