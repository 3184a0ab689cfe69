import { describe, expect, it } from 'vitest';
import { formatRupiah, formatTime, NBSP, paymentTypeName } from '../../../renderer/shared/format.ts';

describe('formatRupiah', () => {
  it('writes rupiah as Indonesians do: dots between thousands, a non-breaking space after Rp', () => {
    expect(formatRupiah(44_000)).toBe('Rp\u00a044.000');
    expect(formatRupiah(1_234_567)).toBe('Rp\u00a01.234.567');
    expect(formatRupiah(20_000_000)).toBe('Rp\u00a020.000.000');
    expect(formatRupiah(999)).toBe('Rp\u00a0999');
    expect(formatRupiah(1_000)).toBe('Rp\u00a01.000');
    expect(formatRupiah(0)).toBe('Rp\u00a00');
    expect(NBSP).toBe('\u00a0');
  });

  it('never shows decimals and never rounds up', () => {
    expect(formatRupiah(44_000.99)).toBe('Rp\u00a044.000');
  });

  it('puts a minus sign before Rp', () => {
    expect(formatRupiah(-5_000)).toBe('-Rp\u00a05.000');
  });
});

describe('formatTime', () => {
  // 2025-01-02 07:05 UTC is 14:05 in Jakarta (WIB, UTC+7).
  const at = Date.UTC(2025, 0, 2, 7, 5);

  it('shows hours and minutes in the shop time zone, in each language', () => {
    expect(formatTime(at, 'id', 'Asia/Jakarta')).toBe('14.05');
    expect(formatTime(at, 'en', 'Asia/Jakarta')).toBe('14:05');
  });
});

describe('paymentTypeName', () => {
  it('uses brand names and passes unknown gateway values through', () => {
    expect(paymentTypeName('gopay')).toBe('GoPay');
    expect(paymentTypeName('qris')).toBe('QRIS');
    expect(paymentTypeName('shopeepay')).toBe('shopeepay');
  });
});
