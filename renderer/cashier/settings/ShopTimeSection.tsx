import { MAX_CUTOFF_HOUR, SHOP_ZONES, type ShopZone } from '../../../common/shop-time.ts';
import type { Bilingual } from '../../shared/errors.ts';
import { useT } from '../../shared/language.ts';
import { FieldProblems } from './FieldProblems.tsx';

interface ShopTimeSectionProps {
  zone: ShopZone;
  cutoffHour: number;
  problems: readonly Bilingual[] | undefined;
  onEdit(changes: { shopZone?: ShopZone; cutoffHour?: number }): void;
}

const HOURS = Array.from({ length: MAX_CUTOFF_HOUR + 1 }, (_, hour) => hour);

/** The shop's zone and the hour its business day turns over; said plainly that it is not retroactive. */
export function ShopTimeSection({ zone, cutoffHour, problems, onEdit }: ShopTimeSectionProps) {
  const t = useT();
  return (
    <section className="panel settings-section" aria-labelledby="settings-shop-time-title">
      <h3 id="settings-shop-time-title">{t('shopTime.title')}</h3>
      <fieldset className="choice-list" aria-describedby="shop-time-note">
        <legend className="field-legend">{t('shopTime.zone')}</legend>
        {SHOP_ZONES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="settings-shop-zone"
              data-testid={`shop-zone-${value}`}
              checked={zone === value}
              onChange={() => onEdit({ shopZone: value })}
            />
            <span className="choice-text">
              <span className="choice-name">{t(`shopTime.zones.${value}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="cutoff-hour">{t('shopTime.cutoff')}</label>
        <select
          id="cutoff-hour"
          data-testid="cutoff-hour"
          value={cutoffHour}
          aria-describedby="cutoff-hint"
          onChange={(event) => onEdit({ cutoffHour: Number(event.currentTarget.value) })}
        >
          {HOURS.map((hour) => (
            <option key={hour} value={hour}>
              {`${String(hour).padStart(2, '0')}:00`}
            </option>
          ))}
        </select>
        <p className="field-hint" id="cutoff-hint">
          {t('shopTime.cutoffHint')}
        </p>
      </div>
      <p className="settings-note" id="shop-time-note" data-testid="shop-time-note">
        {t('shopTime.notRetroactive')}
      </p>
      <FieldProblems id="problems-shop-time" problems={problems} />
    </section>
  );
}
