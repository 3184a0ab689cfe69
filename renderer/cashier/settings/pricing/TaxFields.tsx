import { percentText } from '../../../../common/pricing/problems.ts';
import type { Language } from '../../../../common/contract.ts';
import { useLanguage, useT } from '../../../shared/language.ts';
import { parsePercentText, parseWholeText } from '../number-text.ts';
import type { ProblemsBySlot } from '../settings-draft.ts';
import { CheckField, RadioChoices, TextField } from '../FormControls.tsx';
import { effectiveRate } from './example-bill.ts';
import { FieldProblems } from '../FieldProblems.tsx';
import { withTaxKind, type PricingDraft } from './pricing-draft.ts';

interface TaxFieldsProps {
  draft: PricingDraft;
  problems: ProblemsBySlot;
  onChange(next: PricingDraft): void;
}

const percentWords = (value: number, language: Language) => percentText(value)[language];

/** The DPP fraction said in words, with the rate it comes to, as the owner checks it against a faktur. */
function DppSentence({ draft }: { draft: PricingDraft }) {
  const t = useT();
  const language = useLanguage();
  const rate = parsePercentText(draft.rateText);
  const numerator = parseWholeText(draft.dppNumeratorText);
  const denominator = parseWholeText(draft.dppDenominatorText);
  if (!Number.isFinite(rate)) return null;
  const text = !draft.dppOn
    ? t('settings.pricing.dppWhole', { rate: percentWords(rate, language) })
    : Number.isFinite(numerator) && Number.isFinite(denominator) && denominator > 0
      ? t('settings.pricing.dppExplain', {
          rate: percentWords(rate, language),
          numerator,
          denominator,
          effective: percentWords(effectiveRate(rate, numerator, denominator), language),
        })
      : undefined;
  if (text === undefined) return null;
  return (
    <p className="settings-note" id="dpp-explain" data-testid="dpp-explain" aria-live="polite">
      {text}
    </p>
  );
}

/** Which tax, at what rate, inside or on top of the prices, and (PPN) on what fraction. */
export function TaxFields({ draft, problems, onChange }: TaxFieldsProps) {
  const t = useT();
  const set = (changes: Partial<PricingDraft>) => onChange({ ...draft, ...changes });
  return (
    <>
      <RadioChoices
        name="tax-kind"
        legend={t('settings.pricing.taxKind')}
        layout="cards"
        value={draft.taxKind}
        problems={problems.taxKind}
        options={[
          { value: 'none', label: t('settings.pricing.tax.none'), hint: t('settings.pricing.tax.noneHint') },
          { value: 'pb1', label: t('settings.pricing.tax.pb1'), hint: t('settings.pricing.tax.pb1Hint') },
          { value: 'ppn', label: t('settings.pricing.tax.ppn'), hint: t('settings.pricing.tax.ppnHint') },
        ]}
        onChange={(kind) => onChange(withTaxKind(draft, kind))}
      />
      {draft.taxKind !== 'none' && (
        <>
          <TextField
            id="tax-rate"
            className="short-field"
            label={t('settings.pricing.rate')}
            hint={t('settings.pricing.rateHint')}
            inputMode="decimal"
            value={draft.rateText}
            problems={problems.taxRate}
            after={<span className="field-unit">%</span>}
            onChange={(rateText) => set({ rateText })}
          />
          <RadioChoices
            name="tax-inclusive"
            legend={t('settings.pricing.inclusive')}
            layout="cards"
            value={draft.inclusive ? 'yes' : 'no'}
            problems={problems.taxInclusive}
            options={[
              { value: 'no', label: t('settings.pricing.inclusiveNo') },
              { value: 'yes', label: t('settings.pricing.inclusiveYes') },
            ]}
            onChange={(value) => set({ inclusive: value === 'yes' })}
          />
        </>
      )}
      {draft.taxKind === 'ppn' && (
        <div className="dpp-fields">
          <CheckField
            id="dpp-on"
            label={t('settings.pricing.dppOn')}
            checked={draft.dppOn}
            hint={t('settings.pricing.dppHint')}
            onChange={(dppOn) => set({ dppOn })}
          />
          {draft.dppOn && (
            <div className="fraction-row" role="group" aria-label={t('settings.pricing.dppLabel')}>
              <TextField
                id="dpp-numerator"
                className="short-field"
                label={t('settings.pricing.dppNumerator')}
                inputMode="numeric"
                value={draft.dppNumeratorText}
                problems={undefined}
                invalid={problems.dpp !== undefined}
                problemsId="problems-dpp"
                onChange={(dppNumeratorText) => set({ dppNumeratorText })}
              />
              <span className="fraction-bar" aria-hidden="true">
                /
              </span>
              <TextField
                id="dpp-denominator"
                className="short-field"
                label={t('settings.pricing.dppDenominator')}
                inputMode="numeric"
                value={draft.dppDenominatorText}
                problems={undefined}
                invalid={problems.dpp !== undefined}
                problemsId="problems-dpp"
                onChange={(dppDenominatorText) => set({ dppDenominatorText })}
              />
            </div>
          )}
          <FieldProblems id="problems-dpp" problems={problems.dpp} />
          <DppSentence draft={draft} />
        </div>
      )}
      {draft.taxKind !== 'none' && (
        <RadioChoices
          name="tax-scope"
          legend={t('settings.pricing.scope')}
          value={draft.scope}
          problems={problems.taxScope}
          hint={t('settings.pricing.scopeHint')}
          options={[
            { value: 'bill', label: t('settings.pricing.scopeBill') },
            { value: 'line', label: t('settings.pricing.scopeLine') },
          ]}
          onChange={(scope) => set({ scope })}
        />
      )}
    </>
  );
}
