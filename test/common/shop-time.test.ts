import { describe, expect, it } from 'vitest';
import {
  businessDateOf,
  DEFAULT_SHOP_TIME,
  formatShopClock,
  formatShopDateTime,
  isShopTime,
  shopBusinessDate,
  shopClock,
  zoneLabelOf,
  ZONE_OFFSET_MINUTES,
} from '../../common/shop-time.ts';

const HOUR = 3_600_000;
/** 2026-11-24 00:00 on the clock of a zone, as an instant. */
function localMidnight(offsetMinutes: number): number {
  return Date.UTC(2026, 10, 24) - offsetMinutes * 60_000;
}

describe('business date with a cut-off', () => {
  it('cut-off 0: the day turns at midnight, shop time', () => {
    const midnight = localMidnight(ZONE_OFFSET_MINUTES.WIB);
    expect(shopBusinessDate(midnight - 1, { zone: 'WIB', cutoffHour: 0 })).toBe('2026-11-23');
    expect(shopBusinessDate(midnight, { zone: 'WIB', cutoffHour: 0 })).toBe('2026-11-24');
  });

  it('cut-off 4: 01:30 belongs to the previous day; 03:59:59.999 still does; 04:00 starts the new one', () => {
    const shop = { zone: 'WIB' as const, cutoffHour: 4 };
    const midnight = localMidnight(ZONE_OFFSET_MINUTES.WIB);
    expect(shopBusinessDate(midnight + 1.5 * HOUR, shop)).toBe('2026-11-23');
    expect(shopBusinessDate(midnight - 1, shop)).toBe('2026-11-23');
    expect(shopBusinessDate(midnight + 4 * HOUR - 1, shop)).toBe('2026-11-23');
    expect(shopBusinessDate(midnight + 4 * HOUR, shop)).toBe('2026-11-24');
    expect(shopBusinessDate(midnight + 23.9 * HOUR, shop)).toBe('2026-11-24');
  });

  it('the same instant is a different day in another zone: WIT turns two hours before WIB', () => {
    const t = localMidnight(ZONE_OFFSET_MINUTES.WIT) + 30 * 60_000; // 00:30 WIT = 22:30 WIB
    expect(shopBusinessDate(t, { zone: 'WIT', cutoffHour: 0 })).toBe('2026-11-24');
    expect(shopBusinessDate(t, { zone: 'WITA', cutoffHour: 0 })).toBe('2026-11-23');
    expect(shopBusinessDate(t, { zone: 'WIB', cutoffHour: 0 })).toBe('2026-11-23');
    // With a cut-off, 00:30 WIT is still the evening before there too.
    expect(shopBusinessDate(t, { zone: 'WIT', cutoffHour: 1 })).toBe('2026-11-23');
  });

  it('crosses months and years with the cut-off', () => {
    const newYear = Date.UTC(2027, 0, 1) - ZONE_OFFSET_MINUTES.WITA * 60_000;
    expect(shopBusinessDate(newYear + 2 * HOUR, { zone: 'WITA', cutoffHour: 3 })).toBe('2026-12-31');
    expect(shopBusinessDate(newYear + 3 * HOUR, { zone: 'WITA', cutoffHour: 3 })).toBe('2027-01-01');
    const march = Date.UTC(2028, 2, 1) - ZONE_OFFSET_MINUTES.WIB * 60_000;
    expect(shopBusinessDate(march + HOUR, { zone: 'WIB', cutoffHour: 6 })).toBe('2028-02-29');
  });

  it('refuses a cut-off that is not a whole hour of the day', () => {
    expect(() => businessDateOf(0, 420, 2.5)).toThrow(RangeError);
    expect(() => businessDateOf(0, 420, -1)).toThrow(RangeError);
    expect(() => businessDateOf(0, 420, 24)).toThrow(RangeError);
  });
});

describe('shop clock and labels', () => {
  it('prints the shop’s clock whatever zone the machine is in', () => {
    const t = Date.UTC(2026, 10, 24, 3, 15, 7); // 10:15:07 WIB, 11:15:07 WITA, 12:15:07 WIT
    expect(shopClock(t, 420)).toEqual({ date: '2026-11-24', time: '10:15:07', zone: 'WIB' });
    expect(formatShopDateTime(t, 480)).toBe('24/11/2026 11:15 WITA');
    expect(formatShopDateTime(t, 540, true)).toBe('24/11/2026 12:15:07 WIT');
    expect(formatShopClock(t, 420)).toBe('10:15');
    expect(formatShopClock(t, 420, true)).toBe('10:15:07');
  });

  it('names the three zones and any other offset by its UTC offset', () => {
    expect(zoneLabelOf(420)).toBe('WIB');
    expect(zoneLabelOf(480)).toBe('WITA');
    expect(zoneLabelOf(540)).toBe('WIT');
    expect(zoneLabelOf(330)).toBe('UTC+05:30');
    expect(zoneLabelOf(-180)).toBe('UTC-03:00');
  });

  it('knows a valid shop time', () => {
    expect(isShopTime(DEFAULT_SHOP_TIME)).toBe(true);
    expect(isShopTime({ zone: 'WIT', cutoffHour: 6 })).toBe(true);
    expect(isShopTime({ zone: 'WIT', cutoffHour: 7 })).toBe(false);
    expect(isShopTime({ zone: 'UTC', cutoffHour: 0 })).toBe(false);
    expect(isShopTime(null)).toBe(false);
  });
});
