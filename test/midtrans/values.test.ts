import { describe, expect, it } from 'vitest';
import { formatGatewayAmount, parseGatewayAmount } from '../../main/midtrans/money.ts';
import { formatWibOrderTime, formatWibTime, parseWibTime } from '../../main/midtrans/wib-time.ts';

describe('gateway amounts', () => {
  it('parses the two-decimal strings exactly', () => {
    expect(parseGatewayAmount('44000.00')).toBe(44000);
    expect(parseGatewayAmount('20000000.00')).toBe(20_000_000);
    expect(parseGatewayAmount('0.00')).toBe(0);
    expect(parseGatewayAmount('44000')).toBe(44000);
  });
  it('refuses fractions of a rupiah, signs, exponents and junk', () => {
    for (const bad of [
      '44000.50',
      '-1.00',
      '1e5',
      '44,000.00',
      '044000.00',
      ' 44000.00',
      '44000.0',
      '',
      'NaN',
    ]) {
      expect(parseGatewayAmount(bad), bad).toBeNull();
    }
  });
  it('formats integers and refuses anything else', () => {
    expect(formatGatewayAmount(44000)).toBe('44000.00');
    expect(() => formatGatewayAmount(1.5)).toThrow(RangeError);
  });
});

describe('WIB (GMT+7) times', () => {
  it('parses "YYYY-MM-DD HH:MM:SS" as GMT+7 whatever the machine zone', () => {
    expect(parseWibTime('2024-06-22 15:45:39')).toBe(Date.UTC(2024, 5, 22, 8, 45, 39));
    expect(parseWibTime('2024-01-01 03:00:00')).toBe(Date.UTC(2023, 11, 31, 20, 0, 0));
  });
  it('refuses impossible dates and other formats', () => {
    for (const bad of [
      '2024-02-30 10:00:00',
      '2024-13-01 10:00:00',
      '2024-06-22T15:45:39',
      '2024-06-22 24:00:00',
      '2024-06-22 15:45',
      '',
    ]) {
      expect(parseWibTime(bad), bad).toBeNull();
    }
  });
  it('round-trips and writes the custom_expiry order_time form', () => {
    const t = Date.UTC(2026, 10, 24, 17, 30, 5);
    expect(formatWibTime(t)).toBe('2026-11-25 00:30:05');
    expect(parseWibTime(formatWibTime(t))).toBe(t);
    expect(formatWibOrderTime(t)).toBe('2026-11-25 00:30:05 +0700');
  });
});
