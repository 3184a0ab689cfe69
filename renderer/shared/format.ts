/**
 * Numbers and times as people in an Indonesian shop write them. Both languages use the rupiah
 * as written locally ("Rp 44.000": dots between thousands, never decimals), because an English
 * "Rp 44,000" reads as forty-four rupiah to anyone used to Indonesian prices.
 */
import type { Language } from '../../common/contract.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';

/** Keeps "Rp" and its number on one line wherever the text wraps. */
export const NBSP = '\u00a0';

const rupiahDigits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true });

export function formatRupiah(amount: number): string {
  const whole = Math.trunc(amount);
  const sign = whole < 0 ? '-' : '';
  return `${sign}Rp${NBSP}${rupiahDigits.format(Math.abs(whole))}`;
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** Hours and minutes on the shop's clock (the screen's own time zone unless one is given). */
export function formatTime(at: number, language: Language, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (timeZone !== undefined) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(LOCALES[language], options).format(at);
}

const PAYMENT_TYPE_NAMES: Record<PaymentType, string> = { gopay: 'GoPay', qris: 'QRIS' };

/** Brand names are not translated; an unknown gateway value is shown as the gateway said it. */
export function paymentTypeName(type: string): string {
  return (PAYMENT_TYPE_NAMES as Record<string, string>)[type] ?? type;
}
