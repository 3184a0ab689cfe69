import { CASH_ROUNDING_UNITS, ROUNDING_MODES, type RoundingMode } from '../../../../common/pricing/index.ts';
import { formatRupiah } from '../../../shared/format.ts';
import { useT } from '../../../shared/language.ts';
import { CheckField, RadioChoices, TextField, type RadioOption } from '../FormControls.tsx';
import type { ProblemsBySlot } from '../settings-draft.ts';
import type { PricingDraft } from './pricing-draft.ts';

interface ChargeFieldsProps {
  draft: PricingDraft;
  problems: ProblemsBySlot;
  onChange(next: PricingDraft): void;
}

// Literal keys, so the i18n test sees every one of them.
const MODE_WORDS: Record<RoundingMode, string> = {
  'half-up': 'settings.pricing.mode.halfUp',
  down: 'settings.pricing.mode.down',
  up: 'settings.pricing.mode.up',
};

/** The service charge, how fractions of a rupiah round, and cash rounding to a coin. */
export function ChargeFields({ draft, problems, onChange }: ChargeFieldsProps) {
  const t = useT();
  const set = (changes: Partial<PricingDraft>) => onChange({ ...draft, ...changes });
  const modes: RadioOption<RoundingMode>[] = ROUNDING_MODES.map((mode) => ({
    value: mode,
    label: t(MODE_WORDS[mode]),
  }));
  return (
    <>
      <TextField
        id="service-percent"
        className="short-field"
        label={t('settings.pricing.service')}
        hint={t('settings.pricing.serviceHint')}
        inputMode="decimal"
        value={draft.serviceText}
        problems={problems.service}
        after={<span className="field-unit">%</span>}
        onChange={(serviceText) => set({ serviceText })}
      />
      <CheckField
        id="service-taxed"
        label={t('settings.pricing.serviceTaxed')}
        checked={draft.serviceTaxed}
        onChange={(serviceTaxed) => set({ serviceTaxed })}
      />
      <RadioChoices
        name="tax-rounding"
        legend={t('settings.pricing.taxRounding')}
        value={draft.taxRounding}
        problems={problems.taxRounding}
        options={modes}
        onChange={(taxRounding) => set({ taxRounding })}
      />
      <RadioChoices
        name="fraction-rounding"
        legend={t('settings.pricing.fractionRounding')}
        value={draft.fractionRounding}
        problems={problems.fractionRounding}
        options={modes}
        onChange={(fractionRounding) => set({ fractionRounding })}
      />
      <RadioChoices
        name="cash-unit"
        legend={t('settings.pricing.cashUnit')}
        value={draft.cashUnit}
        problems={problems.cashUnit}
        hint={t('settings.pricing.cashHint')}
        options={CASH_ROUNDING_UNITS.map((unit) => ({
          value: unit,
          label:
            unit === 0
              ? t('settings.pricing.cashNone')
              : t('settings.pricing.cashTo', { amount: formatRupiah(unit) }),
        }))}
        onChange={(cashUnit) => set({ cashUnit })}
      />
      {draft.cashUnit !== 0 && (
        <RadioChoices
          name="cash-mode"
          legend={t('settings.pricing.cashMode')}
          value={draft.cashMode}
          problems={problems.cashMode}
          options={modes}
          onChange={(cashMode) => set({ cashMode })}
        />
      )}
    </>
  );
}
