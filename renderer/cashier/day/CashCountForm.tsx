import { DENOMINATIONS } from '../../../common/day-contract.ts';
import { formatRupiah } from '../../shared/format.ts';
import { BilingualText } from '../../shared/Bilingual.tsx';
import { useBilingual, useT } from '../../shared/language.ts';
import { readCount, type CountDraft } from './day-model.ts';

interface CashCountFormProps {
  draft: CountDraft;
  onChange(draft: CountDraft): void;
  /** Prefix of each row's test id: `${testId}-note50000`. */
  testId: string;
  disabled?: boolean;
}

/** One row per note and coin (Rp 100.000 down to Rp 100), the total beneath as it is typed. */
export function CashCountForm({ draft, onChange, testId, disabled = false }: CashCountFormProps) {
  const t = useT();
  const bilingual = useBilingual();
  const { total, bad } = readCount(draft);
  return (
    <fieldset className="cash-count" data-testid={testId} disabled={disabled}>
      <legend>{t('day.count.title')}</legend>
      <div className="cash-count-rows">
        {DENOMINATIONS.map((d) => {
          const id = `${testId}-${d.key}`;
          const value = formatRupiah(d.value);
          return (
            <label key={d.key} className="cash-count-row" htmlFor={id}>
              <span>
                {d.form === 'note' ? t('day.count.note', { value }) : t('day.count.coin', { value })}
              </span>
              <input
                id={id}
                data-testid={id}
                inputMode="numeric"
                autoComplete="off"
                aria-label={`${d.form === 'note' ? t('day.count.note', { value }) : t('day.count.coin', { value })}: ${t('day.count.pieces')}`}
                aria-invalid={bad.includes(d.key)}
                value={draft[d.key] ?? ''}
                onChange={(event) => onChange({ ...draft, [d.key]: event.target.value })}
              />
            </label>
          );
        })}
      </div>
      <p className="cash-count-total" data-testid={`${testId}-total`} aria-live="polite">
        {t('day.count.total', { amount: formatRupiah(total) })}
      </p>
      {bad.length > 0 && (
        <p className="day-problem" role="alert">
          <BilingualText text={bilingual('day.count.notDigits')} />
        </p>
      )}
    </fieldset>
  );
}
