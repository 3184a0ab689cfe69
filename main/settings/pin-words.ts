/** The bilingual words of PIN refusals, with times on the shop's clock. */
import { DEFAULT_SHOP_TIME, formatShopClock, offsetOf, type ShopTime } from '../../common/shop-time.ts';

/** "14:05" on the shop's clock, rounded up so that a manager who waits until then is never still locked out. */
export function shopHourMinute(epochMs: number, shop: ShopTime = DEFAULT_SHOP_TIME): string {
  const minute = 60_000;
  return formatShopClock(Math.ceil(epochMs / minute) * minute, offsetOf(shop));
}

/** The same in WIB, the zone of a kiosk that has not chosen another. */
export function wibHourMinute(epochMs: number): string {
  return shopHourMinute(epochMs, DEFAULT_SHOP_TIME);
}

export function wrongPinWords(attemptsLeft: number): { id: string; en: string } {
  return {
    id: `PIN manajer salah. Sisa ${attemptsLeft} kali percobaan sebelum pengaturan dikunci sementara.`,
    en: `The manager PIN is wrong. ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left before the settings lock for a while.`,
  };
}

export function lockedOutWords(
  until: number,
  shop: ShopTime = DEFAULT_SHOP_TIME,
): { id: string; en: string } {
  const time = `${shopHourMinute(until, shop)} ${shop.zone}`;
  return {
    id: `Terlalu banyak PIN salah. Coba lagi pukul ${time}.`,
    en: `Too many wrong PINs. Try again at ${time}.`,
  };
}
