import type { CustomerDisplayChoice, DisplayInfo } from '../../../common/contract.ts';
import { BilingualText } from '../../shared/Bilingual.tsx';
import type { Bilingual } from '../../shared/errors.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import { displayOptions, type DisplayOption } from './display-options.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { sameDisplayChoice } from './settings-draft.ts';

interface DisplaySectionProps {
  displays: readonly DisplayInfo[];
  choice: CustomerDisplayChoice;
  problems: readonly Bilingual[] | undefined;
  onChoice(choice: CustomerDisplayChoice): void;
}

interface Option extends DisplayOption {
  name: string;
  hint: string | undefined;
}

/** Where the customer display goes. Browser mode sees no monitors, so it only explains itself. */
export function DisplaySection({ displays, choice, problems, onChoice }: DisplaySectionProps) {
  const t = useT();
  const bilingual = useBilingual();
  const options: Option[] = displayOptions(displays, choice).map((option) => {
    const { display } = option;
    if (option.choice.kind === 'auto')
      return { ...option, name: t('settings.display.auto'), hint: t('settings.display.autoHint') };
    if (option.choice.kind === 'window')
      return { ...option, name: t('settings.display.window'), hint: t('settings.display.windowHint') };
    const label = option.choice.label;
    const details: string[] = [];
    if (display !== undefined) details.push(`${display.width}×${display.height}`);
    if (display?.primary === true) details.push(t('settings.display.primary'));
    if (option.missing) details.push(t('settings.display.notConnected'));
    return { ...option, name: label, hint: details.join(' · ') };
  });
  return (
    <section className="panel settings-section" aria-labelledby="settings-display-title">
      <h3 id="settings-display-title">{t('settings.display.title')}</h3>
      {displays.length === 0 ? (
        <p className="settings-note" data-testid="display-none">
          <BilingualText text={bilingual('settings.display.none')} />
        </p>
      ) : (
        <fieldset
          className="choice-list"
          aria-describedby={problems === undefined ? undefined : 'problems-customer-display'}
        >
          <legend className="visually-hidden">{t('settings.display.title')}</legend>
          {options.map((option) => (
            <label key={option.key} className="choice" data-missing={option.missing}>
              <input
                type="radio"
                name="settings-customer-display"
                data-testid={`display-choice-${option.key}`}
                checked={sameDisplayChoice(option.choice, choice)}
                onChange={() => onChoice(option.choice)}
              />
              <span className="choice-text">
                <span className="choice-name">{option.name}</span>
                {option.hint !== undefined && option.hint !== '' && (
                  <span className={option.missing ? 'choice-warning' : 'choice-hint'}>{option.hint}</span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <FieldProblems id="problems-customer-display" problems={problems} />
    </section>
  );
}
