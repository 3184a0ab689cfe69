/**
 * The shop-local business day a sale belongs to. The offset and cut-off hour are passed in rather
 * than read from the OS, so a till whose system time zone is wrong still files its sales under
 * the shop's day. The rule itself lives in common/shop-time.ts, where the screens read it too.
 */
import { ZONE_OFFSET_MINUTES } from '../../common/shop-time.ts';

export { businessDateOf, isBusinessDate } from '../../common/shop-time.ts';

export const WIB_OFFSET_MINUTES = ZONE_OFFSET_MINUTES.WIB;
export const WITA_OFFSET_MINUTES = ZONE_OFFSET_MINUTES.WITA;
export const WIT_OFFSET_MINUTES = ZONE_OFFSET_MINUTES.WIT;
