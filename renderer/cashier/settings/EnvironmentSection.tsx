import { KIOSK_MODES, type KioskMode, type ManagerSettings } from '../../../common/contract.ts';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import type { Bilingual, Notice } from '../../shared/errors.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import { FieldProblems } from './FieldProblems.tsx';

interface EnvironmentSectionProps {
  settings: ManagerSettings;
  mode: KioskMode;
  disabled: boolean;
  notice: Notice | undefined;
  problems: readonly Bilingual[] | undefined;
  onMode(mode: KioskMode): void;
}

/** Which money the till handles. Switching is stored with Save (production asks first). */
export function EnvironmentSection({
  settings,
  mode,
  disabled,
  notice,
  problems,
  onMode,
}: EnvironmentSectionProps) {
  const t = useT();
  const bilingual = useBilingual();
  const fixed = settings.environmentFixed;
  return (
    <section className="panel settings-section" aria-labelledby="settings-environment-title">
      <h3 id="settings-environment-title">{t('settings.environment.title')}</h3>
      {fixed && (
        <p className="settings-note" data-testid="environment-fixed">
          <BilingualText text={bilingual('settings.environment.fixed')} />
        </p>
      )}
      <fieldset
        className="choice-list"
        disabled={disabled || fixed}
        aria-describedby={problems === undefined ? undefined : 'problems-mode'}
      >
        <legend className="visually-hidden">{t('settings.environment.title')}</legend>
        {KIOSK_MODES.map((value) => {
          const needsKey = !fixed && value !== 'training' && !settings.keys[value].stored;
          return (
            <label key={value} className="choice" data-mode={value}>
              <input
                type="radio"
                name="settings-mode"
                value={value}
                data-testid={`mode-${value}`}
                checked={mode === value}
                onChange={() => onMode(value)}
              />
              <span className="choice-text">
                <span className="choice-name">{t(`settings.environment.${value}`)}</span>
                <span className="choice-hint">{t(`settings.environment.${value}Hint`)}</span>
                {needsKey && <span className="choice-warning">{t('settings.keys.notStored')}</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      <FieldProblems id="problems-mode" problems={problems} />
      <div aria-live="assertive">
        {notice !== undefined && <NoticeBox notice={notice} testId="environment-error" />}
      </div>
    </section>
  );
}
