/**
 * The shop time the app stored in the data folder's settings document, for the headless tools
 * (the `kiosk` CLI), which take everything else from the environment. Read as plain JSON and
 * never written: the app owns that file. A folder without one, or a document from before the
 * setting existed, is a shop on WIB with the day turning at midnight.
 */
import { join } from 'node:path';
import { DEFAULT_SHOP_TIME, isShopTime, type ShopTime } from '../../common/shop-time.ts';
import { readJson } from '../fs/json-file.ts';

export function storedShopTime(dataDir: string): ShopTime {
  let raw: unknown;
  try {
    raw = readJson(join(dataDir, 'settings.json'));
  } catch {
    // Unreadable: the app repairs it at its next start; doctor reports it.
    return { ...DEFAULT_SHOP_TIME };
  }
  const stored =
    typeof raw === 'object' && raw !== null ? (raw as { shopTime?: unknown }).shopTime : undefined;
  return isShopTime(stored) ? { zone: stored.zone, cutoffHour: stored.cutoffHour } : { ...DEFAULT_SHOP_TIME };
}
