import { describe, expect, it } from 'vitest';
import {
  FIRST_LOCKOUT_MS,
  LONGEST_LOCKOUT_MS,
  PIN_HASH_PARAMETERS,
  hashPin,
  lockoutMs,
  verifyPin,
} from '../../main/settings/manager-pin.ts';
import { MANAGER_IDLE_MS } from '../../main/settings/manager-session.ts';
import { lockedOutWords, shopHourMinute, wibHourMinute } from '../../main/settings/pin-words.ts';
import { PIN, expectRefused, open, openUnlocked, type Opened } from './helpers.ts';

async function wrong(opened: Opened, pin = '1111') {
  return expectRefused(async () => opened.service.manager['manager.unlock']({ pin }), 'pin-wrong').catch(
    async () =>
      expectRefused(async () => opened.service.manager['manager.unlock']({ pin }), 'pin-locked-out'),
  );
}

describe('PIN hashing', () => {
  it('stores scrypt with its parameters and a random salt, and verifies only the right PIN', async () => {
    const a = await hashPin('1234');
    const b = await hashPin('1234');
    expect(a).toMatchObject({ algorithm: 'scrypt', ...PIN_HASH_PARAMETERS });
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(await verifyPin('1234', a)).toBe(true);
    expect(await verifyPin('1235', a)).toBe(false);
    expect(await verifyPin('12345', a)).toBe(false);
  });

  it('verifies with the record’s own parameters', async () => {
    const record = await hashPin('4321');
    const weaker = { ...record, N: 1024, hash: '' };
    expect(await verifyPin('4321', weaker)).toBe(false);
  });

  it('the stored document holds the hash, never the PIN', async () => {
    const { store } = await openUnlocked();
    const manager = store.document.manager as { pin: { hash: string; salt: string } };
    expect(manager.pin.hash).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(store.text).not.toContain(`"${PIN}"`);
  });
});

describe('lockout', () => {
  it('lasts a minute, doubles each time, and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(lockoutMs)).toEqual([
      FIRST_LOCKOUT_MS,
      2 * FIRST_LOCKOUT_MS,
      4 * FIRST_LOCKOUT_MS,
      8 * FIRST_LOCKOUT_MS,
      16 * FIRST_LOCKOUT_MS,
      32 * FIRST_LOCKOUT_MS,
      LONGEST_LOCKOUT_MS,
      LONGEST_LOCKOUT_MS,
      LONGEST_LOCKOUT_MS,
    ]);
  });

  it('says how many attempts remain, then locks out until a WIB time, in both languages', async () => {
    const opened = await openUnlocked();
    await opened.service.manager['manager.lock']({});
    const remaining: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const refused = await expectRefused(
        async () => opened.service.manager['manager.unlock']({ pin: '0000' }),
        'pin-wrong',
      );
      remaining.push(refused.error.message.en);
      expect(refused.error.message.id).toMatch(new RegExp(`Sisa ${4 - i} kali`));
    }
    expect(remaining[0]).toMatch(/4 attempts left/);
    expect(remaining[3]).toMatch(/1 attempt left/);
    const locked = await expectRefused(
      async () => opened.service.manager['manager.unlock']({ pin: '0000' }),
      'pin-locked-out',
    );
    const until = opened.clock.now() + FIRST_LOCKOUT_MS;
    // ManualClock starts at 03:00 UTC = 10:00 WIB; one minute later is 10:01.
    expect(wibHourMinute(until)).toBe('10:01');
    expect(locked.error.message.en).toBe('Too many wrong PINs. Try again at 10:01 WIB.');
    expect(locked.error.message.id).toBe('Terlalu banyak PIN salah. Coba lagi pukul 10:01 WIB.');
    const status = await opened.service.manager['manager.status']({});
    expect(status).toEqual({ pinSet: true, unlocked: false, lockedUntil: until });
    // Even the right PIN waits.
    await expectRefused(async () => opened.service.manager['manager.unlock']({ pin: PIN }), 'pin-locked-out');
    opened.clock.advance(FIRST_LOCKOUT_MS);
    await opened.service.manager['manager.unlock']({ pin: PIN });
    expect(opened.store.document.manager).toMatchObject({
      failedAttempts: 0,
      lockouts: 0,
      lockedUntil: null,
    });
  });

  it('rounds the shown time up, so waiting until it is always enough', () => {
    // 10:00:01 WIB must read 10:01, not 10:00.
    expect(wibHourMinute(Date.UTC(2026, 10, 24, 3, 0, 1))).toBe('10:01');
    expect(wibHourMinute(Date.UTC(2026, 10, 24, 16, 59, 0))).toBe('23:59');
  });

  it('says the time on the shop’s clock: a WIT shop reads WIT', () => {
    const until = Date.UTC(2026, 10, 24, 3, 0, 1);
    expect(shopHourMinute(until, { zone: 'WIT', cutoffHour: 0 })).toBe('12:01');
    expect(lockedOutWords(until, { zone: 'WIT', cutoffHour: 4 })).toEqual({
      id: 'Terlalu banyak PIN salah. Coba lagi pukul 12:01 WIT.',
      en: 'Too many wrong PINs. Try again at 12:01 WIT.',
    });
  });

  it('doubles the next lockout, and a restart does not reset the count or the lock', async () => {
    const first = await openUnlocked();
    await first.service.manager['manager.lock']({});
    for (let i = 0; i < 5; i += 1) await wrong(first);
    expect(first.store.document.manager).toMatchObject({
      lockouts: 1,
      lockedUntil: first.clock.now() + 60_000,
    });
    first.clock.advance(60_000);
    for (let i = 0; i < 3; i += 1) await wrong(first);

    // Restart: the count (3) and the lockout history carry over.
    const second = await open({ store: first.store, safe: first.safe, clock: first.clock });
    await wrong(second);
    const last = await expectRefused(
      async () => second.service.manager['manager.unlock']({ pin: '0000' }),
      'pin-locked-out',
    );
    expect(last.error.message.en).toMatch(/Try again at 10:03 WIB/);
    expect((await second.service.manager['manager.status']({})).lockedUntil).toBe(
      first.clock.now() + 120_000,
    );

    const third = await open({ store: first.store, safe: first.safe, clock: first.clock });
    await expectRefused(async () => third.service.manager['manager.unlock']({ pin: PIN }), 'pin-locked-out');
    first.clock.advance(120_000);
    await third.service.manager['manager.unlock']({ pin: PIN });
  });

  it('a disk that refuses the count still leaves the lockout in force for this run', async () => {
    const opened = await openUnlocked();
    await opened.service.manager['manager.lock']({});
    opened.store.failWrites = true;
    for (let i = 0; i < 5; i += 1) await wrong(opened);
    await expectRefused(async () => opened.service.manager['manager.unlock']({ pin: PIN }), 'pin-locked-out');
    expect(opened.logs.join('\n')).toMatch(/wrong-PIN count could not be stored/);
  });

  it('parallel guesses cannot slip past the count', async () => {
    const opened = await openUnlocked();
    await opened.service.manager['manager.lock']({});
    const attempts = await Promise.allSettled(
      // The right PIN comes last: once five wrong ones are counted, it must wait like any other.
      Array.from({ length: 8 }, (_, i) =>
        opened.service.manager['manager.unlock']({ pin: i === 7 ? PIN : '9999' }),
      ),
    );
    const codes = attempts.map((a) =>
      a.status === 'rejected' ? (a.reason as { error: { code: string } }).error.code : 'ok',
    );
    expect(codes).toEqual([
      'pin-wrong',
      'pin-wrong',
      'pin-wrong',
      'pin-wrong',
      'pin-locked-out',
      'pin-locked-out',
      'pin-locked-out',
      'pin-locked-out',
    ]);
    expect((await opened.service.manager['manager.status']({})).unlocked).toBe(false);
  });
});

describe('manager session', () => {
  it('ends after five minutes without a manager command, and each command extends it', async () => {
    const { service, clock } = await openUnlocked();
    clock.advance(MANAGER_IDLE_MS - 1000);
    await service.manager['settings.read']({});
    clock.advance(MANAGER_IDLE_MS - 1000);
    expect((await service.manager['manager.status']({})).unlocked).toBe(true);
    // status is not activity: a screen polling it must not keep the settings open.
    clock.advance(1000);
    expect((await service.manager['manager.status']({})).unlocked).toBe(false);
    await expectRefused(async () => service.manager['settings.read']({}), 'manager-locked');
  });

  it('ends on manager.lock, and a restart starts locked', async () => {
    const { service, store, safe, clock } = await openUnlocked();
    expect((await service.manager['manager.status']({})).unlocked).toBe(true);
    const again = await open({ store, safe, clock });
    expect((await again.service.manager['manager.status']({})).unlocked).toBe(false);
    expect(await service.manager['manager.lock']({})).toEqual({
      pinSet: true,
      unlocked: false,
      lockedUntil: null,
    });
    await expectRefused(async () => service.manager['settings.read']({}), 'manager-locked');
  });
});
