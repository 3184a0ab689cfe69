/** Times and names as people in an Indonesian shop read them; rupiah come from common/rupiah.ts. */
import type { Language } from '../../common/contract.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import { NBSP } from '../../common/rupiah.ts';

export { formatRupiah, NBSP } from '../../common/rupiah.ts';

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

/** Hours, minutes and seconds: for a wait that may be shorter than a minute. */
export function formatClock(at: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** A day and a time, for when something was saved or tested. */
export function formatDateTime(at: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** Seconds as minutes with at most one decimal, in the language's own number style. */
export function formatMinutes(seconds: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(seconds / 60);
}

/** A rate as each language writes it: "12,5 %" in Indonesian, "12.5%" in English. */
export function formatPercent(value: number, language: Language): string {
  const number = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 4 }).format(value);
  return language === 'id' ? `${number}${NBSP}%` : `${number}%`;
}
