import './pricing.css';
import { useT } from '../../../shared/language.ts';
import { FieldProblems } from '../FieldProblems.tsx';
import type { ProblemsBySlot } from '../settings-draft.ts';
import { ApprovalFields } from './ApprovalFields.tsx';
import { ChargeFields } from './ChargeFields.tsx';
import { ExampleBill } from './ExampleBill.tsx';
import { readPricingDraft, samePricing, type PricingDraft } from './pricing-draft.ts';
import { TaxFields } from './TaxFields.tsx';

interface PricingSectionProps {
  draft: PricingDraft;
  /** As last saved: the example says when what it shows is not saved yet. */
  saved: PricingDraft;
  problems: ProblemsBySlot;
  onChange(next: PricingDraft): void;
}

/** Tax, service charge, rounding and the discount threshold, with an example bill priced live. */
export function PricingSection({ draft, saved, problems, onChange }: PricingSectionProps) {
  const t = useT();
  const read = readPricingDraft(draft);
  const changed = !samePricing(read, readPricingDraft(saved));
  return (
    <section
      className="panel settings-section pricing-section"
      aria-labelledby="settings-pricing-title"
      data-testid="pricing-section"
    >
      <h3 id="settings-pricing-title">{t('settings.pricing.title')}</h3>
      <p className="field-hint section-hint">{t('settings.pricing.intro')}</p>
      <FieldProblems id="problems-pricing" problems={problems.pricing} />
      <div className="pricing-columns">
        <div className="pricing-fields">
          <TaxFields draft={draft} problems={problems} onChange={onChange} />
          <ChargeFields draft={draft} problems={problems} onChange={onChange} />
          <ApprovalFields draft={draft} problems={problems} onChange={onChange} />
        </div>
        <ExampleBill read={read} changed={changed} />
      </div>
    </section>
  );
}
