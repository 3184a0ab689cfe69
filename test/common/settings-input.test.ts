import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIOSK_TIMEOUT_SECONDS,
  KIOSK_TIMEOUT_MAX_SECONDS,
  KIOSK_TIMEOUT_MIN_SECONDS,
  MERCHANT_NAME_MAX_LENGTH,
  checkSettingsPatch,
  pinProblems,
  serverKeyProblems,
  type SettingsPatch,
} from '../../common/settings-input.ts';

const codes = (problems: { code: string }[]) => problems.map((problem) => problem.code);

describe('checkSettingsPatch', () => {
  it('accepts an empty patch and a full valid one', () => {
    expect(checkSettingsPatch({})).toEqual([]);
    expect(
      checkSettingsPatch({
        mode: 'sandbox',
        merchantName: '  Warung Bu Sri  ',
        language: 'en',
        paymentTypes: ['qris'],
        kioskTimeoutSeconds: DEFAULT_KIOSK_TIMEOUT_SECONDS,
        customerDisplay: { kind: 'display', displayId: 2, label: 'HDMI-1' },
      }),
    ).toEqual([]);
  });

  it('names each refused field with words in both languages', () => {
    const problems = checkSettingsPatch({
      mode: 'live' as never,
      merchantName: '   ',
      language: 'fr' as never,
      paymentTypes: [],
      kioskTimeoutSeconds: 12.5,
      customerDisplay: { kind: 'display', displayId: 1.5, label: 'x' },
    });
    expect(codes(problems)).toEqual([
      'mode-unknown',
      'merchant-name-empty',
      'language-unknown',
      'payment-types-empty',
      'timeout-not-whole',
      'display-choice-invalid',
    ]);
    expect(problems.map((problem) => problem.field)).toEqual([
      'mode',
      'merchantName',
      'language',
      'paymentTypes',
      'kioskTimeoutSeconds',
      'customerDisplay',
    ]);
    for (const problem of problems) {
      expect(problem.message.id.length).toBeGreaterThan(5);
      expect(problem.message.en.length).toBeGreaterThan(5);
      expect(problem.message.id).not.toBe(problem.message.en);
    }
  });

  it('bounds the merchant name by characters, not UTF-16 units, and refuses control characters', () => {
    expect(checkSettingsPatch({ merchantName: '☕'.repeat(MERCHANT_NAME_MAX_LENGTH) })).toEqual([]);
    expect(codes(checkSettingsPatch({ merchantName: 'a'.repeat(MERCHANT_NAME_MAX_LENGTH + 1) }))).toEqual([
      'merchant-name-too-long',
    ]);
    expect(codes(checkSettingsPatch({ merchantName: 'Toko\nBaru' }))).toEqual(['merchant-name-characters']);
  });

  it('refuses unknown payment types and timeouts outside the range', () => {
    expect(codes(checkSettingsPatch({ paymentTypes: ['gopay', 'ovo' as never] }))).toEqual([
      'payment-type-unknown',
    ]);
    const edges: [number, string[]][] = [
      [KIOSK_TIMEOUT_MIN_SECONDS, []],
      [KIOSK_TIMEOUT_MAX_SECONDS, []],
      [KIOSK_TIMEOUT_MIN_SECONDS - 1, ['timeout-out-of-range']],
      [KIOSK_TIMEOUT_MAX_SECONDS + 1, ['timeout-out-of-range']],
      [Number.NaN, ['timeout-not-whole']],
    ];
    for (const [seconds, expected] of edges) {
      expect(codes(checkSettingsPatch({ kioskTimeoutSeconds: seconds } as SettingsPatch))).toEqual(expected);
    }
  });
});

describe('pinProblems', () => {
  it('takes 4 to 8 digits only', () => {
    for (const pin of ['1234', '12345678', '0000']) expect(pinProblems(pin)).toEqual([]);
    for (const pin of ['123', '123456789', '12a4', ' 1234', '١٢٣٤', '']) {
      expect(codes(pinProblems(pin))).toEqual(['pin-format']);
    }
  });
});

describe('serverKeyProblems', () => {
  it('accepts the server key of the matching environment (surrounding spaces are pasted, not part of it)', () => {
    expect(serverKeyProblems('sandbox', 'SB-Mid-server-abcDEF123_-xyz')).toEqual([]);
    expect(serverKeyProblems('production', ' Mid-server-abcDEF123_-xyz ')).toEqual([]);
  });

  it('names a client key pasted by mistake', () => {
    const [problem] = serverKeyProblems('sandbox', 'SB-Mid-client-abcDEF123456');
    expect(problem?.code).toBe('key-wrong-environment');
    expect(problem?.message.en).toContain('client key');
    expect(problem?.message.id).toContain('client key');
  });

  it("names the other environment's key", () => {
    const [toSandbox] = serverKeyProblems('sandbox', 'Mid-server-abcDEF123456');
    expect(toSandbox?.code).toBe('key-wrong-environment');
    expect(toSandbox?.message.en).toContain('production server key');
    const [toProduction] = serverKeyProblems('production', 'SB-Mid-server-abcDEF123456');
    expect(toProduction?.message.en).toContain('sandbox server key');
    expect(toProduction?.message.id).toContain('sandbox');
  });

  it('refuses empty, odd characters, a wrong prefix and a key too short', () => {
    expect(codes(serverKeyProblems('sandbox', '  '))).toEqual(['key-empty']);
    expect(codes(serverKeyProblems('sandbox', 'SB-Mid-server-abc:def12345'))).toEqual(['key-characters']);
    expect(codes(serverKeyProblems('sandbox', `SB-Mid-server-${'a'.repeat(200)}`))).toEqual([
      'key-characters',
    ]);
    expect(codes(serverKeyProblems('sandbox', 'hello-world-123456'))).toEqual(['key-wrong-environment']);
    expect(codes(serverKeyProblems('sandbox', 'SB-Mid-server-abc'))).toEqual(['key-length']);
    for (const problem of serverKeyProblems('sandbox', 'SB-Mid-server-abc'))
      expect(problem.field).toBe('key');
  });
});
