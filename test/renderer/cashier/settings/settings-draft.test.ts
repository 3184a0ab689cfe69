import { describe, expect, it } from 'vitest';
import { displayOptions } from '../../../../renderer/cashier/settings/display-options.ts';
import {
  buildPatch,
  draftFromSettings,
  hasChanges,
  parseSeconds,
  problemsBySlot,
  rebaseDraft,
  type SettingsDraft,
} from '../../../../renderer/cashier/settings/settings-draft.ts';
import { managerSettings } from '../../fixtures.ts';

const base = managerSettings();
const edit = (changes: Partial<SettingsDraft>): SettingsDraft => ({ ...draftFromSettings(base), ...changes });

describe('settings patch', () => {
  it('is empty for an untouched form', () => {
    const check = buildPatch(base, draftFromSettings(base));
    expect(check).toEqual({ patch: {}, problems: [] });
    expect(hasChanges(check)).toBe(false);
  });

  it('carries only the changed fields, in the contract’s types', () => {
    const check = buildPatch(
      base,
      edit({ merchantName: '  Toko Sejahtera ', timeoutText: '600', customerDisplay: { kind: 'window' } }),
    );
    expect(check.patch).toEqual({
      merchantName: 'Toko Sejahtera',
      kioskTimeoutSeconds: 600,
      customerDisplay: { kind: 'window' },
    });
    expect(check.problems).toEqual([]);
    expect(hasChanges(check)).toBe(true);
  });

  it('treats a field edited back to its value, or only padded with spaces, as unchanged', () => {
    expect(buildPatch(base, edit({ merchantName: 'Warung Maju  ', timeoutText: ' 900' })).patch).toEqual({});
    expect(buildPatch(base, edit({ paymentTypes: ['qris', 'gopay'] })).patch).toEqual({});
  });

  it('sends payment types in one fixed order, and a mode or language change', () => {
    const settings = managerSettings({ paymentTypes: ['qris'] });
    const draft = { ...draftFromSettings(settings), paymentTypes: ['qris', 'gopay'] as const };
    expect(buildPatch(settings, { ...draft, paymentTypes: [...draft.paymentTypes] }).patch).toEqual({
      paymentTypes: ['gopay', 'qris'],
    });
    expect(buildPatch(base, edit({ mode: 'sandbox', language: 'en' })).patch).toEqual({
      mode: 'sandbox',
      language: 'en',
    });
  });

  it('sends the shop time whole when the zone or the cut-off changes, and its refusal sits beside it', () => {
    expect(buildPatch(base, edit({ cutoffHour: 4 })).patch).toEqual({
      shopTime: { zone: 'WIB', cutoffHour: 4 },
    });
    expect(buildPatch(base, edit({ shopZone: 'WIT' })).patch).toEqual({
      shopTime: { zone: 'WIT', cutoffHour: 0 },
    });
    expect(buildPatch(base, edit({ shopZone: 'WIB', cutoffHour: 0 })).patch).toEqual({});
    const refused = buildPatch(base, edit({ cutoffHour: 9 }));
    expect(refused.problems.map((p) => p.code)).toEqual(['cutoff-hour-invalid']);
    expect(problemsBySlot(refused.problems).shopZone?.[0]?.en).toMatch(/cut-off/);
  });

  it('compares a chosen monitor by id, not by its label', () => {
    const settings = managerSettings({
      customerDisplay: { kind: 'display', displayId: 7, label: 'DELL P2219H' },
    });
    const renamed = {
      ...draftFromSettings(settings),
      customerDisplay: { kind: 'display', displayId: 7, label: 'x' },
    } as const;
    expect(buildPatch(settings, renamed).patch).toEqual({});
    const other = { ...renamed, customerDisplay: { kind: 'display', displayId: 8, label: 'HP' } } as const;
    expect(buildPatch(settings, other).patch).toEqual({
      customerDisplay: { kind: 'display', displayId: 8, label: 'HP' },
    });
  });

  it('wires the shared checks: each refused field has its bilingual problem', () => {
    const empty = buildPatch(base, edit({ merchantName: '   ' }));
    expect(empty.problems.map((p) => [p.field, p.code])).toEqual([['merchantName', 'merchant-name-empty']]);
    expect(empty.problems[0]?.message.id).toMatch(/Nama toko/);
    expect(empty.problems[0]?.message.en).toMatch(/shop name/);

    const checks = buildPatch(base, edit({ paymentTypes: [], timeoutText: '29' }));
    expect(checks.problems.map((p) => p.code).sort()).toEqual([
      'payment-types-empty',
      'timeout-out-of-range',
    ]);
    expect(buildPatch(base, edit({ timeoutText: '3601' })).problems[0]?.code).toBe('timeout-out-of-range');
    expect(buildPatch(base, edit({ timeoutText: '30' })).problems).toEqual([]);
    expect(buildPatch(base, edit({ timeoutText: '3600' })).problems).toEqual([]);
    for (const text of ['', 'abc', '1.5', '-60', '6e2']) {
      expect(buildPatch(base, edit({ timeoutText: text })).problems[0]?.code, text).toBe('timeout-not-whole');
    }
    expect(buildPatch(base, edit({ merchantName: 'x'.repeat(41) })).problems[0]?.code).toBe(
      'merchant-name-too-long',
    );
  });

  it('reads seconds only from whole digits', () => {
    expect(parseSeconds(' 120 ')).toBe(120);
    expect(parseSeconds('')).toBeNaN();
    expect(parseSeconds('12a')).toBeNaN();
  });
});

describe('new settings under unsaved edits', () => {
  it('keeps the fields being edited and takes everything else from the new settings', () => {
    const draft = edit({ merchantName: 'Toko Edit', timeoutText: '12' });
    const after = managerSettings({ language: 'en', kioskTimeoutSeconds: 900, merchantName: 'Elsewhere' });
    const merged = rebaseDraft(base, after, draft);
    expect(merged.merchantName).toBe('Toko Edit');
    expect(merged.timeoutText).toBe('12');
    expect(merged.language).toBe('en');
    expect(buildPatch(after, merged).patch).toEqual({ merchantName: 'Toko Edit', kioskTimeoutSeconds: 12 });
  });
});

describe('problems by place', () => {
  it('puts each field’s problems next to it, each message once, and unknown fields on top', () => {
    const message = { id: 'a', en: 'A' };
    const bySlot = problemsBySlot([
      { field: 'kioskTimeoutSeconds', message },
      { field: 'kioskTimeoutSeconds', message },
      { field: 'merchantName', message: { id: 'b', en: 'B' } },
      { field: 'amount', message: { id: 'c', en: 'C' } },
      { field: 'toString', message: { id: 'd', en: 'D' } },
    ]);
    expect(bySlot).toEqual({
      timeoutText: [message],
      merchantName: [{ id: 'b', en: 'B' }],
      general: [
        { id: 'c', en: 'C' },
        { id: 'd', en: 'D' },
      ],
    });
  });
});

describe('customer display choices', () => {
  const displays = [
    { id: 1, label: 'Built-in', width: 1366, height: 768, primary: true },
    { id: 2, label: 'HP 22', width: 1920, height: 1080, primary: false },
  ];

  it('offers auto, window and every monitor seen', () => {
    const options = displayOptions(displays, { kind: 'auto' });
    expect(options.map((o) => o.key)).toEqual(['auto', 'window', 'display-1', 'display-2']);
    expect(options.every((o) => !o.missing)).toBe(true);
  });

  it('keeps a chosen monitor that is unplugged, marked missing', () => {
    const chosen = { kind: 'display', displayId: 9, label: 'Old screen' } as const;
    const options = displayOptions(displays, chosen);
    expect(options.at(-1)).toEqual({ key: 'display-9', choice: chosen, display: undefined, missing: true });
    expect(displayOptions(displays, { kind: 'display', displayId: 2, label: 'HP 22' })).toHaveLength(4);
  });
});
