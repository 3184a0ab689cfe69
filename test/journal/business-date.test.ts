import { describe, expect, it } from 'vitest';
import {
  WIB_OFFSET_MINUTES,
  WITA_OFFSET_MINUTES,
  WIT_OFFSET_MINUTES,
  businessDateOf,
  isBusinessDate,
} from '../../main/journal/business-date.ts';

describe('businessDateOf', () => {
  it('turns over at midnight WIB (17:00 UTC), not at midnight UTC', () => {
    const midnightWib = Date.UTC(2026, 10, 24, 17, 0, 0);
    expect(businessDateOf(midnightWib - 1, WIB_OFFSET_MINUTES)).toBe('2026-11-24');
    expect(businessDateOf(midnightWib, WIB_OFFSET_MINUTES)).toBe('2026-11-25');
    expect(businessDateOf(Date.UTC(2026, 10, 24, 23, 59), WIB_OFFSET_MINUTES)).toBe('2026-11-25');
    expect(businessDateOf(Date.UTC(2026, 10, 25, 0, 0), WIB_OFFSET_MINUTES)).toBe('2026-11-25');
  });

  it('uses the shop zone it is given', () => {
    const t = Date.UTC(2026, 11, 31, 16, 30);
    expect(businessDateOf(t, WIB_OFFSET_MINUTES)).toBe('2026-12-31');
    expect(businessDateOf(t, WITA_OFFSET_MINUTES)).toBe('2027-01-01');
    expect(businessDateOf(t, WIT_OFFSET_MINUTES)).toBe('2027-01-01');
    expect(businessDateOf(t, 0)).toBe('2026-12-31');
  });

  it('refuses a bad instant or offset', () => {
    expect(() => businessDateOf(Number.NaN, WIB_OFFSET_MINUTES)).toThrow(RangeError);
    expect(() => businessDateOf(Date.UTC(10_000, 0, 1), WIB_OFFSET_MINUTES)).toThrow(RangeError);
    expect(() => businessDateOf(0, 7.5)).toThrow(RangeError);
    expect(() => businessDateOf(0, 15 * 60)).toThrow(RangeError);
  });
});

describe('isBusinessDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isBusinessDate('2028-02-29')).toBe(true);
    expect(isBusinessDate('0099-01-01')).toBe(true);
    expect(isBusinessDate('2026-02-29')).toBe(false);
    expect(isBusinessDate('2026-11-24T00:00')).toBe(false);
  });
});
