/**
 * The shop's clock for every time a screen shows: the zone and business-day cut-off from the
 * settings, never the zone of the machine the screen happens to run on. The cashier window
 * provides it once; components read it with useShopTime().
 */
import { createContext, useContext } from 'react';
import {
  DEFAULT_SHOP_TIME,
  formatShopClock,
  formatShopDateTime,
  offsetOf,
  type ShopTime,
} from '../../common/shop-time.ts';

export const ShopTimeContext = createContext<ShopTime>(DEFAULT_SHOP_TIME);

export function useShopTime(): ShopTime {
  return useContext(ShopTimeContext);
}

/** "24/11/2026 10:15 WIB" (with seconds when asked). */
export function shopDateTime(ms: number, shop: ShopTime, seconds = false): string {
  return formatShopDateTime(ms, offsetOf(shop), seconds);
}

/** "10:15" or "10:15:07", on the shop's clock. */
export function shopTimeOfDay(ms: number, shop: ShopTime, seconds = false): string {
  return formatShopClock(ms, offsetOf(shop), seconds);
}

/** "10:15:07.123": for a timeline, where calls a few milliseconds apart must read in order. */
export function shopTimeWithMillis(ms: number, shop: ShopTime): string {
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${formatShopClock(ms, offsetOf(shop), true)}.${millis}`;
}

/** "04:00": when the shop's business day turns over. */
export function cutoffText(shop: ShopTime): string {
  return `${String(shop.cutoffHour).padStart(2, '0')}:00`;
}
