import { describe, expect, it } from 'vitest';
import { KioskCallError, type ContractError } from '../../../../common/contract.ts';
import { errorCode, managerFailure } from '../../../../renderer/cashier/settings/manager-failure.ts';
import {
  initialSettingsState,
  saveFailureSlot,
  settingsReducer,
  type SettingsAction,
  type SettingsScreenState,
} from '../../../../renderer/cashier/settings/settings-state.ts';
import { KioskConnectionError } from '../../../../renderer/shared/errors.ts';
import { managerSettings } from '../../fixtures.ts';

const FALLBACK = { id: 'Terjadi kesalahan.', en: 'Something went wrong.' };
const refusal = (error: ContractError) => new KioskCallError(error);
const run = (actions: SettingsAction[], from: SettingsScreenState = initialSettingsState()) =>
  actions.reduce(settingsReducer, from);

const wrongPin = refusal({
  code: 'pin-wrong',
  message: { id: 'PIN salah. Sisa 2 percobaan.', en: 'Wrong PIN. 2 attempts left.' },
});
const lockedSession = refusal({
  code: 'manager-locked',
  message: { id: 'Pengaturan terkunci.', en: 'Settings are locked.' },
});
const invalid = refusal({
  code: 'settings-invalid',
  message: { id: 'Periksa isian.', en: 'Check the fields.' },
  problems: [
    {
      code: 'merchant-name-empty',
      field: 'merchantName',
      message: { id: 'Nama toko wajib diisi.', en: 'Enter the shop name.' },
    },
    { code: 'timeout-out-of-range', field: 'kioskTimeoutSeconds', message: { id: 'x', en: 'X' } },
  ],
});
const keyMissing = refusal({
  code: 'key-missing',
  message: { id: 'Belum ada server key.', en: 'No server key is stored.' },
});

describe('manager refusals', () => {
  it('keeps the main process’s words (attempts left) for a wrong PIN', () => {
    expect(managerFailure(wrongPin, FALLBACK)).toEqual({
      kind: 'pin',
      code: 'pin-wrong',
      notice: { message: wrongPin.bilingual, problems: [] },
    });
  });

  it('maps each code to what the screen does', () => {
    expect(managerFailure(lockedSession, FALLBACK).kind).toBe('locked');
    expect(managerFailure(refusal({ code: 'pin-exists', message: FALLBACK }), FALLBACK).kind).toBe(
      'pin-exists',
    );
    expect(managerFailure(refusal({ code: 'pin-locked-out', message: FALLBACK }), FALLBACK)).toMatchObject({
      kind: 'pin',
      code: 'pin-locked-out',
    });
    expect(managerFailure(keyMissing, FALLBACK)).toMatchObject({
      kind: 'notice',
      code: 'key-missing',
      notice: { message: keyMissing.bilingual },
    });
  });

  it('puts refused fields next to their fields', () => {
    const failure = managerFailure(invalid, FALLBACK);
    expect(failure.kind).toBe('fields');
    if (failure.kind !== 'fields') return;
    expect(failure.bySlot.merchantName).toEqual([
      { id: 'Nama toko wajib diisi.', en: 'Enter the shop name.' },
    ]);
    expect(failure.bySlot.timeoutText).toEqual([{ id: 'x', en: 'X' }]);
  });

  it('reads a refusal that crossed Electron’s bridge as a plain object', () => {
    const plain = { code: 'pin-wrong', bilingual: wrongPin.bilingual, problems: [] };
    expect(errorCode(plain)).toBe('pin-wrong');
    expect(managerFailure(plain, FALLBACK)).toMatchObject({
      kind: 'pin',
      notice: { message: wrongPin.bilingual },
    });
    expect(errorCode({ code: 'made-up' })).toBeUndefined();
  });

  it('shows a lost connection in its own words, and anything unreadable with the fallback', () => {
    const lost = managerFailure(new KioskConnectionError(true), FALLBACK);
    expect(lost.kind).toBe('notice');
    expect(lost.notice.message?.en).toMatch(/connection/i);
    expect(managerFailure(new Error('boom'), FALLBACK)).toEqual({
      kind: 'notice',
      code: undefined,
      notice: { message: FALLBACK, problems: [] },
    });
  });
});

describe('settings screen steps', () => {
  const settings = managerSettings();
  const unlocked = () =>
    run([
      { type: 'status', status: { pinSet: true, unlocked: false, lockedUntil: null } },
      { type: 'loaded', settings },
    ]);

  it('asks to create a PIN on a fresh kiosk, and for the PIN otherwise', () => {
    expect(
      run([{ type: 'status', status: { pinSet: false, unlocked: false, lockedUntil: null } }]).phase,
    ).toEqual({
      kind: 'pin',
      purpose: 'create',
    });
    const locked = run([{ type: 'status', status: { pinSet: true, unlocked: false, lockedUntil: 99_000 } }]);
    expect(locked.phase).toEqual({ kind: 'pin', purpose: 'unlock' });
    expect(locked.lockedUntil).toBe(99_000);
    // A session still open (a reload) goes straight to reading the settings.
    expect(
      run([{ type: 'status', status: { pinSet: true, unlocked: true, lockedUntil: null } }]).phase.kind,
    ).toBe('loading');
  });

  it('shows a wrong PIN’s message on the PIN screen and keeps it through the status re-read', () => {
    const state = run([
      { type: 'status', status: { pinSet: true, unlocked: false, lockedUntil: null } },
      { type: 'failed', failure: managerFailure(wrongPin, FALLBACK), slot: 'pin' },
      { type: 'status', status: { pinSet: true, unlocked: false, lockedUntil: 120_000 } },
    ]);
    expect(state.notices.pin?.message).toEqual(wrongPin.bilingual);
    expect(state.lockedUntil).toBe(120_000);
    // The form opens without the PIN screen's leftovers.
    const opened = run([{ type: 'loaded', settings }], state);
    expect(opened.phase.kind).toBe('form');
    expect(opened.notices).toEqual({});
    expect(opened.lockedUntil).toBeNull();
  });

  it('goes back to the PIN when the session times out, keeping unsaved edits', () => {
    let state = run([{ type: 'edit', changes: { merchantName: 'Toko Baru' } }], unlocked());
    state = run([{ type: 'failed', failure: managerFailure(lockedSession, FALLBACK), slot: 'save' }], state);
    expect(state.phase).toEqual({ kind: 'pin', purpose: 'unlock' });
    expect(state.notices.pin?.message).toEqual(lockedSession.bilingual);
    expect(state.draft?.merchantName).toBe('Toko Baru');
    // Unlocking again brings new settings, under the same edit.
    state = run([{ type: 'loaded', settings: managerSettings({ language: 'en' }) }], state);
    expect(state.phase.kind).toBe('form');
    expect(state.draft?.merchantName).toBe('Toko Baru');
    expect(state.draft?.language).toBe('en');
  });

  it('forgets settings and edits on Lock', () => {
    const state = run(
      [{ type: 'edit', changes: { merchantName: 'Toko Baru' } }, { type: 'locked' }],
      unlocked(),
    );
    expect(state.phase).toEqual({ kind: 'pin', purpose: 'unlock' });
    expect(state.settings).toBeUndefined();
    expect(state.draft).toBeUndefined();
  });

  it('marks refused fields until each is edited, and says so under Save', () => {
    let state = run(
      [{ type: 'saving' }, { type: 'failed', failure: managerFailure(invalid, FALLBACK), slot: 'save' }],
      unlocked(),
    );
    expect(state.saving).toBe(false);
    expect(state.refused.merchantName).toHaveLength(1);
    expect(state.refused.timeoutText).toHaveLength(1);
    expect(state.notices.save).toEqual({ message: invalid.bilingual, problems: [] });
    state = run([{ type: 'edit', changes: { merchantName: 'Toko' } }], state);
    expect(state.refused.merchantName).toBeUndefined();
    expect(state.refused.timeoutText).toHaveLength(1);
    expect(state.notices.save).toBeUndefined();
  });

  it('shows a refused key or PIN whole, where it was typed', () => {
    const keyInvalid = refusal({
      code: 'settings-invalid',
      message: FALLBACK,
      problems: [{ code: 'key-wrong-environment', field: 'key', message: { id: 'Salah.', en: 'Wrong.' } }],
    });
    const state = run(
      [{ type: 'failed', failure: managerFailure(keyInvalid, FALLBACK), slot: 'sandbox' }],
      unlocked(),
    );
    expect(state.notices.sandbox?.problems.map((p) => p.code)).toEqual(['key-wrong-environment']);
    expect(state.refused).toEqual({});
  });

  it('puts an environment switch’s refusal next to the environment', () => {
    const failure = managerFailure(keyMissing, FALLBACK);
    expect(saveFailureSlot({ mode: 'sandbox' }, failure)).toBe('environment');
    expect(saveFailureSlot({ merchantName: 'x' }, failure)).toBe('save');
    expect(saveFailureSlot({ mode: 'sandbox' }, managerFailure(new Error('x'), FALLBACK))).toBe('save');
    const state = run([{ type: 'failed', failure, slot: 'environment' }], unlocked());
    expect(state.notices.environment?.message).toEqual(keyMissing.bilingual);
  });

  it('starts from the saved settings after Save, and says it saved', () => {
    const saved = managerSettings({ merchantName: 'Toko Baru' });
    const state = run(
      [
        { type: 'edit', changes: { merchantName: 'Toko Baru' } },
        { type: 'saving' },
        { type: 'saved', settings: saved },
      ],
      unlocked(),
    );
    expect(state.settings).toEqual(saved);
    expect(state.draft?.merchantName).toBe('Toko Baru');
    expect(state.done).toBe('saved');
    expect(run([{ type: 'edit', changes: { language: 'en' } }], state).done).toBeUndefined();
  });

  it('asks for confirmation once, and an edit withdraws the question', () => {
    let state = run([{ type: 'confirmProduction', open: true }], unlocked());
    expect(state.confirmingProduction).toBe(true);
    state = run([{ type: 'edit', changes: { mode: 'sandbox' } }], state);
    expect(state.confirmingProduction).toBe(false);
  });

  it('changes the PIN from the form and comes back to it', () => {
    let state = run([{ type: 'changePin' }], unlocked());
    expect(state.phase).toEqual({ kind: 'pin', purpose: 'change' });
    expect(run([{ type: 'cancelPin' }], state).phase.kind).toBe('form');
    state = run([{ type: 'pinChanged' }], state);
    expect(state.phase.kind).toBe('form');
    expect(state.done).toBe('pin-changed');
  });

  it('records a stored key’s test result, and leaves a typed key’s to its card', () => {
    const result = {
      environment: 'sandbox' as const,
      outcome: 'works' as const,
      stored: true,
      at: 5,
      detail: { id: 'Berfungsi.', en: 'Works.' },
    };
    const state = run([{ type: 'keyTested', result }], unlocked());
    expect(state.settings?.keys.sandbox.lastTest).toEqual(result);
    const typed = run([{ type: 'keyTested', result: { ...result, stored: false } }], unlocked());
    expect(typed.settings?.keys.sandbox.lastTest).toBeNull();
  });
});
