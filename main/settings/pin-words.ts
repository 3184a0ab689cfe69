/** The bilingual words of PIN refusals; the kiosk runs on Western Indonesian Time. */
import { formatWibTime } from '../midtrans/wib-time.ts';

/** "14:05" in WIB, rounded up so that a manager who waits until then is never still locked out. */
export function wibHourMinute(epochMs: number): string {
  const minute = 60_000;
  return formatWibTime(Math.ceil(epochMs / minute) * minute).slice(11, 16);
}

export function wrongPinWords(attemptsLeft: number): { id: string; en: string } {
  return {
    id: `PIN manajer salah. Sisa ${attemptsLeft} kali percobaan sebelum pengaturan dikunci sementara.`,
    en: `The manager PIN is wrong. ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left before the settings lock for a while.`,
  };
}

export function lockedOutWords(until: number): { id: string; en: string } {
  const time = wibHourMinute(until);
  return {
    id: `Terlalu banyak PIN salah. Coba lagi pukul ${time} WIB.`,
    en: `Too many wrong PINs. Try again at ${time} WIB.`,
  };
}
