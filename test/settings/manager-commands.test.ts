import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RECEIPT_OPTIONS, DEFAULT_SOUND } from '../../common/printing-contract.ts';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import { CommandRefusal, contractError } from '../../main/screen-api/errors.ts';
import type { SettingsChange } from '../../main/settings/open-settings.ts';
import {
  MemoryStore,
  PIN,
  PRODUCTION_KEY,
  SANDBOX_KEY,
  expectNoKeyIn,
  expectRefused,
  open,
  openUnlocked,
} from './helpers.ts';

function guard(options: { idle?: boolean } = {}) {
  const order: string[] = [];
  const applied: SettingsChange[] = [];
  return {
    order,
    applied,
    assertIdle: vi.fn(() => {
      order.push('assertIdle');
      if (options.idle === false) throw new CommandRefusal(contractError('sale-in-progress'));
    }),
    apply: vi.fn(async (change: SettingsChange) => {
      order.push('apply');
      applied.push(change);
    }),
  };
}

describe('manager.status / createPin / unlock / changePin', () => {
  it('a fresh kiosk has no PIN; createPin makes one and leaves the session unlocked', async () => {
    const { service, store } = await open();
    expect(await service.manager['manager.status']({})).toEqual({
      pinSet: false,
      unlocked: false,
      lockedUntil: null,
    });
    await expectRefused(async () => service.manager['settings.read']({}), 'manager-locked');
    const unlockFirst = await expectRefused(
      async () => service.manager['manager.unlock']({ pin: PIN }),
      'manager-locked',
    );
    expect(unlockFirst.error.message.en).toMatch(/no manager PIN yet/);

    const writes = store.writes;
    const badPin = await expectRefused(
      async () => service.manager['manager.createPin']({ pin: '12' }),
      'settings-invalid',
    );
    expect(badPin.error.problems?.map((p) => p.code)).toEqual(['pin-format']);
    expect(store.writes).toBe(writes);

    expect(await service.manager['manager.createPin']({ pin: PIN })).toEqual({
      pinSet: true,
      unlocked: true,
      lockedUntil: null,
    });
    await expectRefused(async () => service.manager['manager.createPin']({ pin: '9999' }), 'pin-exists');
  });

  it('unlock with the right PIN answers the settings; changePin replaces it', async () => {
    const { service, store } = await openUnlocked();
    await service.manager['manager.lock']({});
    await expectRefused(async () => service.manager['manager.changePin']({ pin: '1357' }), 'manager-locked');
    const settings = await service.manager['manager.unlock']({ pin: PIN });
    expect(settings).toMatchObject({ mode: 'training', environmentFixed: false, displays: [{ id: 1 }] });
    const writes = store.writes;
    await expectRefused(
      async () => service.manager['manager.changePin']({ pin: 'abcd' }),
      'settings-invalid',
    );
    expect(store.writes).toBe(writes);
    await service.manager['manager.changePin']({ pin: '1357' });
    await service.manager['manager.lock']({});
    await expectRefused(async () => service.manager['manager.unlock']({ pin: PIN }), 'pin-wrong');
    await service.manager['manager.unlock']({ pin: '1357' });
  });
});

describe('settings.read', () => {
  it('reports every field, the key statuses, storage and displays', async () => {
    const { service } = await openUnlocked();
    expect(await service.manager['settings.read']({})).toEqual({
      mode: 'training',
      merchantName: 'Toko Latihan',
      language: 'id',
      paymentTypes: ['gopay', 'qris'],
      kioskTimeoutSeconds: 900,
      customerDisplay: { kind: 'auto' },
      pricing: DEFAULT_PRICING_SETTINGS,
      discountApproval: null,
      shopTime: { zone: 'WIB', cutoffHour: 0 },
      printers: [],
      receipt: DEFAULT_RECEIPT_OPTIONS,
      sound: DEFAULT_SOUND,
      keys: {
        sandbox: { stored: false, savedAt: null, lastTest: null },
        production: { stored: false, savedAt: null, lastTest: null },
      },
      keyStorage: { available: true, weak: false, backend: 'gnome_libsecret', riskAcceptedAt: null },
      displays: [{ id: 1, label: 'Built-in', width: 1920, height: 1080, primary: true }],
      environmentFixed: false,
    });
  });

  it('an unlistable display source reads as no displays', async () => {
    const { service, logs } = await openUnlocked({
      displays: {
        list: () => {
          throw new Error('screen module not ready');
        },
      },
    });
    expect((await service.manager['settings.read']({})).displays).toEqual([]);
    expect(logs.join('\n')).toMatch(/displays could not be listed/);
  });
});

describe('settings.update', () => {
  it('stores a change that needs no restart without asking the guard, and announces it', async () => {
    const { service, store } = await openUnlocked();
    const g = guard();
    service.setGuard(g);
    const changes: SettingsChange[] = [];
    service.onChange((change) => changes.push(change));
    const screen = vi.fn();
    service.screen.subscribe?.(screen);
    const settings = await service.manager['settings.update']({
      patch: { merchantName: '  Warung Sri ', customerDisplay: { kind: 'window' } },
    });
    expect(settings.merchantName).toBe('Warung Sri');
    expect(store.document).toMatchObject({ merchantName: 'Warung Sri', customerDisplay: { kind: 'window' } });
    expect(changes).toEqual([{ fields: ['merchantName', 'customerDisplay'], restart: false }]);
    expect(screen).toHaveBeenCalledTimes(1);
    expect(service.screen.get().merchantName).toBe('Warung Sri');
    expect(g.assertIdle).not.toHaveBeenCalled();
    // customerDisplay alone is not something the screens show.
    await service.manager['settings.update']({ patch: { customerDisplay: { kind: 'auto' } } });
    expect(screen).toHaveBeenCalledTimes(1);
  });

  it('restart-needing change: assertIdle, then store, then onChange, then apply', async () => {
    const { service, store } = await openUnlocked();
    const g = guard();
    service.setGuard(g);
    service.onChange(() => g.order.push(`changed:${store.document.kioskTimeoutSeconds}`));
    await service.manager['settings.update']({
      patch: { kioskTimeoutSeconds: 120, paymentTypes: ['qris', 'qris'] },
    });
    expect(g.order).toEqual(['assertIdle', 'changed:120', 'apply']);
    expect(g.applied).toEqual([{ fields: ['paymentTypes', 'kioskTimeoutSeconds'], restart: true }]);
    expect(service.current().paymentTypes).toEqual(['qris']);
  });

  it('assertIdle refusing: nothing stored, nothing announced, apply not called', async () => {
    const { service, store } = await openUnlocked();
    const g = guard({ idle: false });
    service.setGuard(g);
    const changes = vi.fn();
    service.onChange(changes);
    const text = store.text;
    await expectRefused(
      async () => service.manager['settings.update']({ patch: { kioskTimeoutSeconds: 120 } }),
      'sale-in-progress',
    );
    expect(store.text).toBe(text);
    expect(changes).not.toHaveBeenCalled();
    expect(g.apply).not.toHaveBeenCalled();
    expect(service.current().kioskTimeoutSeconds).toBe(900);
  });

  it('a failing apply leaves the change stored and says so', async () => {
    const { service, logs } = await openUnlocked();
    service.setGuard({
      assertIdle: () => undefined,
      apply: async () => {
        throw new Error('journal locked');
      },
    });
    const refused = await expectRefused(
      async () => service.manager['settings.update']({ patch: { kioskTimeoutSeconds: 300 } }),
      'internal',
    );
    expect(refused.error.message.en).toMatch(/saved, but the kiosk could not start with them/);
    expect(service.current().kioskTimeoutSeconds).toBe(300);
    expect(logs.join('\n')).toMatch(/journal locked/);
  });

  it('a store that refuses the write leaves memory as it was', async () => {
    const { service, store } = await openUnlocked();
    store.failWrites = true;
    await expect(
      Promise.resolve(service.manager['settings.update']({ patch: { merchantName: 'Baru' } })),
    ).rejects.toThrow(/disk full/);
    expect(service.current().merchantName).toBe('Toko Latihan');
  });

  it('without a guard yet, a restart-needing change is only stored', async () => {
    const { service } = await openUnlocked();
    await service.manager['settings.update']({ patch: { paymentTypes: ['gopay'] } });
    expect(service.current().paymentTypes).toEqual(['gopay']);
  });

  it('refuses invalid values with problems, and writes nothing', async () => {
    const { service, store } = await openUnlocked();
    const text = store.text;
    const refused = await expectRefused(
      async () => service.manager['settings.update']({ patch: { merchantName: '', kioskTimeoutSeconds: 5 } }),
      'settings-invalid',
    );
    expect(refused.error.problems?.map((p) => p.field)).toEqual(['merchantName', 'kioskTimeoutSeconds']);
    expect(store.text).toBe(text);
  });

  it('switching to sandbox or production needs a stored key (key-missing); with one it restarts', async () => {
    const { service, store } = await openUnlocked();
    const g = guard();
    service.setGuard(g);
    const text = store.text;
    for (const mode of ['sandbox', 'production'] as const) {
      await expectRefused(async () => service.manager['settings.update']({ patch: { mode } }), 'key-missing');
    }
    expect(store.text).toBe(text);
    expect(g.assertIdle).not.toHaveBeenCalled();

    await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    // Not the active environment's key: no restart.
    expect(g.apply).not.toHaveBeenCalled();
    const screen = vi.fn();
    service.screen.subscribe?.(screen);
    const settings = await service.manager['settings.update']({ patch: { mode: 'sandbox' } });
    expect(settings.mode).toBe('sandbox');
    expect(g.applied).toEqual([{ fields: ['mode'], restart: true }]);
    expect(screen).toHaveBeenCalledTimes(1);
    expect(service.screen.get()).toMatchObject({ mode: 'sandbox' });
    // Unchanged values are no change at all.
    await service.manager['settings.update']({ patch: { mode: 'sandbox', merchantName: 'Toko Latihan' } });
    expect(g.apply).toHaveBeenCalledTimes(1);
  });
});

describe('settings.update: pricing and discount approval', () => {
  const PB1 = {
    ...DEFAULT_PRICING_SETTINGS,
    tax: { kind: 'pb1' as const, ratePercent: 10, inclusive: false },
    servicePercent: 5,
    cashRounding: { unit: 100 as const, mode: 'half-up' as const },
  };

  it('stores the shop’s tax, service and rounding, and the screens see them without a restart', async () => {
    const { service, store } = await openUnlocked();
    const g = guard();
    service.setGuard(g);
    await service.manager['settings.update']({
      patch: { pricing: PB1, discountApproval: { percent: 20, amount: 50_000 } },
    });
    expect(store.document).toMatchObject({ pricing: PB1, discountApproval: { percent: 20, amount: 50_000 } });
    expect(service.screen.get().pricing).toEqual(PB1);
    expect(service.screen.get().discountApproval).toEqual({ percent: 20, amount: 50_000 });
    expect(g.assertIdle).not.toHaveBeenCalled();
    await service.manager['settings.update']({ patch: { discountApproval: null } });
    expect(service.screen.get().discountApproval).toBeNull();
  });

  it('refuses a rate above 100 %, a PPN with a broken DPP, a negative limit — each named, nothing written', async () => {
    const { service, store } = await openUnlocked();
    const text = store.text;
    const refused = await expectRefused(
      async () =>
        service.manager['settings.update']({
          patch: {
            pricing: {
              ...PB1,
              tax: {
                kind: 'ppn',
                ratePercent: 120,
                inclusive: false,
                dpp: { numerator: 0, denominator: 12 },
              },
            },
            discountApproval: { percent: 10, amount: -1 },
          },
        }),
      'settings-invalid',
    );
    const fields = refused.error.problems?.map((p) => p.field);
    expect(fields).toContain('pricing');
    expect(fields).toContain('discountApproval');
    for (const found of refused.error.problems ?? []) {
      expect(found.message.id).not.toBe('');
      expect(found.message.en).not.toBe(found.message.id);
    }
    expect(store.text).toBe(text);
  });
});

describe('settings.update: the shop time', () => {
  it('stores the zone and cut-off, reopens the services for them, and the screens see them', async () => {
    const { service, store } = await openUnlocked();
    const g = guard();
    service.setGuard(g);
    const screen = vi.fn();
    service.screen.subscribe?.(screen);
    const settings = await service.manager['settings.update']({
      patch: { shopTime: { zone: 'WITA', cutoffHour: 4 } },
    });
    expect(settings.shopTime).toEqual({ zone: 'WITA', cutoffHour: 4 });
    expect(store.document).toMatchObject({ shopTime: { zone: 'WITA', cutoffHour: 4 } });
    expect(service.current().shopTime).toEqual({ zone: 'WITA', cutoffHour: 4 });
    expect(service.screen.get().shopTime).toEqual({ zone: 'WITA', cutoffHour: 4 });
    // The engine writes order ids and business days on this clock: it is rebuilt, when idle.
    expect(g.assertIdle).toHaveBeenCalledTimes(1);
    expect(g.applied).toEqual([{ fields: ['shopTime'], restart: true }]);
    expect(screen).toHaveBeenCalledTimes(1);
  });

  it('refuses a zone Indonesia does not have and a cut-off past 06:00, in both languages, nothing written', async () => {
    const { service, store } = await openUnlocked();
    const text = store.text;
    const refused = await expectRefused(
      async () =>
        service.manager['settings.update']({
          // The payload's schema lets any short text through; the settings check names it.
          patch: { shopTime: { zone: 'CET', cutoffHour: 7 } },
        }),
      'settings-invalid',
    );
    expect(refused.error.problems?.map((p) => [p.code, p.field])).toEqual([
      ['shop-zone-unknown', 'shopTime'],
      ['cutoff-hour-invalid', 'shopTime'],
    ]);
    for (const found of refused.error.problems ?? []) {
      expect(found.message.id).toMatch(/zona|jam/i);
      expect(found.message.en).toMatch(/zone|cut-off/i);
    }
    await expectRefused(
      async () =>
        service.manager['settings.update']({ patch: { shopTime: { zone: 'WIB', cutoffHour: 2.5 } } }),
      'settings-invalid',
    );
    expect(store.text).toBe(text);
  });
});

describe('key.set / key.clear', () => {
  it('refuses a malformed key with problems and stores nothing', async () => {
    const { service, store, safe } = await openUnlocked();
    const text = store.text;
    const refused = await expectRefused(
      async () => service.manager['key.set']({ environment: 'production', key: SANDBOX_KEY }),
      'settings-invalid',
    );
    expect(refused.error.problems?.[0]).toMatchObject({ code: 'key-wrong-environment', field: 'key' });
    expectNoKeyIn(JSON.stringify(refused.error), SANDBOX_KEY);
    expect(store.text).toBe(text);
    expect(safe.encryptions).toBe(0);
  });

  it("the active environment's key is a restart change, guarded like one", async () => {
    const { service, store } = await openUnlocked();
    await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    await service.manager['settings.update']({ patch: { mode: 'sandbox' } });
    const busy = guard({ idle: false });
    service.setGuard(busy);
    const text = store.text;
    await expectRefused(
      async () =>
        service.manager['key.set']({ environment: 'sandbox', key: 'SB-Mid-server-Another_12345678' }),
      'sale-in-progress',
    );
    expect(store.text).toBe(text);
    expect(await service.serverKey('sandbox')).toBe(SANDBOX_KEY);
    const idle = guard();
    service.setGuard(idle);
    const changes: SettingsChange[] = [];
    service.onChange((change) => changes.push(change));
    await service.manager['key.set']({ environment: 'sandbox', key: 'SB-Mid-server-Another_12345678' });
    expect(idle.order).toEqual(['assertIdle', 'apply']);
    expect(changes).toEqual([{ fields: ['key'], restart: true }]);
    // The other environment's key is not.
    await service.manager['key.set']({ environment: 'production', key: PRODUCTION_KEY });
    expect(changes.at(-1)).toEqual({ fields: ['key'], restart: false });
    expect(idle.apply).toHaveBeenCalledTimes(1);
  });

  it("clears another environment's key, and refuses to clear the key the kiosk runs on", async () => {
    const { service, store } = await openUnlocked();
    await service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    await service.manager['key.set']({ environment: 'production', key: PRODUCTION_KEY });
    await service.manager['settings.update']({ patch: { mode: 'sandbox' } });
    const text = store.text;
    const refused = await expectRefused(
      async () => service.manager['key.clear']({ environment: 'sandbox' }),
      'key-missing',
    );
    expect(refused.error.message.en).toMatch(/in use.*Switch to training mode/);
    expect(store.text).toBe(text);

    const settings = await service.manager['key.clear']({ environment: 'production' });
    expect(settings.keys.production.stored).toBe(false);
    expect((store.document.keys as Record<string, unknown>).production).toBeNull();
    expect(await service.serverKey('production')).toBeUndefined();
    // Clearing what is not there is no change.
    const writes = store.writes;
    await service.manager['key.clear']({ environment: 'production' });
    expect(store.writes).toBe(writes);

    await service.manager['settings.update']({ patch: { mode: 'training' } });
    await service.manager['key.clear']({ environment: 'sandbox' });
    expect(await service.serverKey('sandbox')).toBeUndefined();
  });

  it('every command but status, createPin and unlock needs the session', async () => {
    const { service } = await openUnlocked();
    await service.manager['manager.lock']({});
    const calls: (() => unknown)[] = [
      () => service.manager['manager.lock']({}),
      () => service.manager['manager.changePin']({ pin: '1111' }),
      () => service.manager['settings.read']({}),
      () => service.manager['settings.update']({ patch: { language: 'en' } }),
      () => service.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY }),
      () => service.manager['key.clear']({ environment: 'sandbox' }),
      () => service.manager['key.test']({ environment: 'sandbox' }),
    ];
    for (const call of calls) await expectRefused(async () => call(), 'manager-locked');
    expect(service.current().language).toBe('id');
  });
});

describe('the screens’ view (ScreenSettingsSource)', () => {
  it('setLanguage stores, announces to subscribers and onChange, and survives a restart', async () => {
    const { service, store, safe } = await open();
    const screen = vi.fn();
    const off = service.screen.subscribe?.(screen);
    const changes: SettingsChange[] = [];
    service.onChange((change) => changes.push(change));
    expect(service.screen.setLanguage('en').language).toBe('en');
    expect(screen).toHaveBeenCalledTimes(1);
    expect(changes).toEqual([{ fields: ['language'], restart: false }]);
    off?.();
    service.screen.setLanguage('id');
    expect(screen).toHaveBeenCalledTimes(1);
    service.screen.setLanguage('en');
    const again = await open({ store, safe });
    expect(again.service.screen.get().language).toBe('en');
  });
});

describe('browser mode (fixed environment)', () => {
  it('takes mode and key from the environment and refuses to change them', async () => {
    const store = new MemoryStore();
    const { service } = await openUnlocked({
      store,
      safeStorage: undefined,
      fixed: { mode: 'sandbox', serverKey: SANDBOX_KEY, paymentTypes: ['qris'], merchantName: 'Toko Env' },
    });
    expect(service.current()).toMatchObject({
      mode: 'sandbox',
      paymentTypes: ['qris'],
      merchantName: 'Toko Env',
    });
    expect(store.document).toMatchObject({ paymentTypes: ['qris'], merchantName: 'Toko Env' });
    expect(service.keyStorage()).toEqual({ available: false, weak: false, backend: 'environment' });
    expect(await service.serverKey('sandbox')).toBe(SANDBOX_KEY);
    expect(await service.serverKey('production')).toBeUndefined();
    const settings = await service.manager['settings.read']({});
    expect(settings.environmentFixed).toBe(true);
    expect(settings.keys.sandbox.stored).toBe(true);
    expect(settings.keys.production.stored).toBe(false);
    expect(settings.keyStorage.backend).toBe('environment');
    expectNoKeyIn(store.text ?? '', SANDBOX_KEY);

    const text = store.text;
    await expectRefused(
      async () => service.manager['settings.update']({ patch: { mode: 'training' } }),
      'environment-fixed',
    );
    await expectRefused(
      async () => service.manager['key.set']({ environment: 'sandbox', key: OTHER }),
      'environment-fixed',
    );
    await expectRefused(
      async () => service.manager['key.clear']({ environment: 'sandbox' }),
      'environment-fixed',
    );
    expect(store.text).toBe(text);
    // The rest may change; the same mode is no change.
    await service.manager['settings.update']({ patch: { mode: 'sandbox', merchantName: 'Warung' } });
    expect(service.current().merchantName).toBe('Warung');
  });

  it('an invalid environment value is ignored with a log line', async () => {
    const { service, logs } = await open({
      safeStorage: undefined,
      fixed: { mode: 'training', serverKey: undefined, kioskTimeoutSeconds: 5 },
    });
    expect(service.current().kioskTimeoutSeconds).toBe(900);
    expect(logs.join('\n')).toMatch(/kioskTimeoutSeconds given by the environment is not valid/);
  });
});

const OTHER = 'SB-Mid-server-Another_12345678';
