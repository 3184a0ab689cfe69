import type { shopTime as id } from '../id/shop-time.ts';
import type { SameKeys } from '../shape.ts';

export const shopTime: SameKeys<typeof id> = {
  title: 'Time zone and business day',
  zone: "The shop's time zone",
  zones: {
    WIB: 'WIB (UTC+7) — Sumatra, Java, West and Central Kalimantan',
    WITA: 'WITA (UTC+8) — Bali, Nusa Tenggara, Sulawesi, South, East and North Kalimantan',
    WIT: 'WIT (UTC+9) — Maluku and Papua',
  },
  cutoff: 'The business day turns over at',
  cutoffHint: 'For a shop open past midnight: with 04:00, a sale at 01:30 still belongs to the day before.',
  notRetroactive:
    'The change applies from the next sale. Sales already filed keep their business day; the reports of those days do not change.',
};
