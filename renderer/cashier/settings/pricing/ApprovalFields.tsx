import { useT } from '../../../shared/language.ts';
import { CheckField, TextField } from '../FormControls.tsx';
import type { ProblemsBySlot } from '../settings-draft.ts';
import type { PricingDraft } from './pricing-draft.ts';

interface ApprovalFieldsProps {
  draft: PricingDraft;
  problems: ProblemsBySlot;
  onChange(next: PricingDraft): void;
}

/** Above which discount the cashier needs the manager's PIN: a percentage and an amount, or never. */
export function ApprovalFields({ draft, problems, onChange }: ApprovalFieldsProps) {
  const t = useT();
  const set = (changes: Partial<PricingDraft>) => onChange({ ...draft, ...changes });
  return (
    <fieldset className="field approval-fields">
      <legend>{t('settings.pricing.approval.title')}</legend>
      <CheckField
        id="approval-on"
        label={t('settings.pricing.approval.on')}
        checked={draft.approvalOn}
        hint={draft.approvalOn ? t('settings.pricing.approval.hint') : t('settings.pricing.approval.offHint')}
        onChange={(approvalOn) =>
          set(
            // Ticking it for the first time offers a common starting point rather than empty boxes.
            approvalOn && draft.approvalPercentText === '' && draft.approvalAmountText === ''
              ? { approvalOn, approvalPercentText: '10', approvalAmountText: '50000' }
              : { approvalOn },
          )
        }
      />
      {draft.approvalOn && (
        <div className="approval-row">
          <TextField
            id="approval-percent"
            className="short-field"
            label={t('settings.pricing.approval.percent')}
            inputMode="decimal"
            value={draft.approvalPercentText}
            problems={problems.approvalPercent}
            after={<span className="field-unit">%</span>}
            onChange={(approvalPercentText) => set({ approvalPercentText })}
          />
          <TextField
            id="approval-amount"
            className="short-field"
            label={t('settings.pricing.approval.amount')}
            inputMode="numeric"
            value={draft.approvalAmountText}
            problems={problems.approvalAmount}
            onChange={(approvalAmountText) => set({ approvalAmountText })}
          />
        </div>
      )}
    </fieldset>
  );
}
