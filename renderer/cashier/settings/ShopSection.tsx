import { LANGUAGES, type Language } from '../../../common/contract.ts';
import { PAYMENT_TYPES, type PaymentType } from '../../../common/midtrans-limits.ts';
import {
  KIOSK_TIMEOUT_MAX_SECONDS,
  KIOSK_TIMEOUT_MIN_SECONDS,
  MERCHANT_NAME_MAX_LENGTH,
} from '../../../common/settings-input.ts';
import { formatMinutes, paymentTypeName } from '../../shared/format.ts';
import { useLanguage, useT } from '../../shared/language.ts';
import { FieldProblems } from './FieldProblems.tsx';
import { parseSeconds, type ProblemsBySlot, type SettingsDraft } from './settings-draft.ts';

interface ShopSectionProps {
  draft: SettingsDraft;
  problems: ProblemsBySlot;
  onEdit(changes: Partial<SettingsDraft>): void;
}

function describedBy(...ids: (string | false)[]): string | undefined {
  const list = ids.filter((id): id is string => id !== false);
  return list.length === 0 ? undefined : list.join(' ');
}

/** The merchant's name, the screens' language, what the till accepts and how long a customer has. */
export function ShopSection({ draft, problems, onEdit }: ShopSectionProps) {
  const t = useT();
  const language = useLanguage();
  const seconds = parseSeconds(draft.timeoutText);
  const toggleType = (type: PaymentType, on: boolean) => {
    const types = on ? [...draft.paymentTypes, type] : draft.paymentTypes.filter((x) => x !== type);
    onEdit({ paymentTypes: PAYMENT_TYPES.filter((x) => types.includes(x)) });
  };
  return (
    <section className="panel settings-section" aria-labelledby="settings-shop-title">
      <h3 id="settings-shop-title">{t('settings.shop.title')}</h3>

      <div className="field">
        <label htmlFor="merchant-name-input">{t('settings.shop.merchantName')}</label>
        <input
          id="merchant-name-input"
          data-testid="merchant-name-input"
          type="text"
          autoComplete="off"
          value={draft.merchantName}
          aria-invalid={problems.merchantName !== undefined}
          aria-describedby={describedBy(
            'merchant-name-hint',
            problems.merchantName !== undefined && 'problems-merchant-name',
          )}
          onChange={(event) => onEdit({ merchantName: event.currentTarget.value })}
        />
        <p className="field-hint" id="merchant-name-hint">
          {t('settings.shop.merchantNameHint', { max: MERCHANT_NAME_MAX_LENGTH })}
        </p>
        <FieldProblems id="problems-merchant-name" problems={problems.merchantName} />
      </div>

      <fieldset className="field inline-choices">
        <legend>{t('settings.shop.language')}</legend>
        {LANGUAGES.map((value: Language) => (
          <label key={value} className="inline-choice" lang={value}>
            <input
              type="radio"
              name="settings-language"
              value={value}
              data-testid={`settings-language-${value}`}
              checked={draft.language === value}
              onChange={() => onEdit({ language: value })}
            />
            {t(`cashier.language.${value}`)}
          </label>
        ))}
        <FieldProblems id="problems-language" problems={problems.language} />
      </fieldset>

      <fieldset
        className="field inline-choices"
        aria-describedby={problems.paymentTypes === undefined ? undefined : 'problems-payment-types'}
      >
        <legend>{t('settings.shop.paymentTypes')}</legend>
        {PAYMENT_TYPES.map((type) => (
          <label key={type} className="inline-choice">
            <input
              type="checkbox"
              data-testid={`settings-payment-${type}`}
              checked={draft.paymentTypes.includes(type)}
              onChange={(event) => toggleType(type, event.currentTarget.checked)}
            />
            {paymentTypeName(type)}
          </label>
        ))}
        <FieldProblems id="problems-payment-types" problems={problems.paymentTypes} />
      </fieldset>

      <div className="field">
        <label htmlFor="timeout-input">{t('settings.shop.timeout')}</label>
        <div className="timeout-row">
          <input
            id="timeout-input"
            data-testid="timeout-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="timeout-input"
            value={draft.timeoutText}
            aria-invalid={problems.timeoutText !== undefined}
            aria-describedby={describedBy(
              'timeout-hint',
              'timeout-minutes',
              problems.timeoutText !== undefined && 'problems-timeout',
            )}
            onChange={(event) => onEdit({ timeoutText: event.currentTarget.value })}
          />
          <span id="timeout-minutes" data-testid="timeout-minutes" className="timeout-minutes">
            {Number.isFinite(seconds)
              ? t('settings.shop.timeoutMinutes', { minutes: formatMinutes(seconds, language) })
              : ''}
          </span>
        </div>
        <p className="field-hint" id="timeout-hint">
          {t('settings.shop.timeoutHint', { min: KIOSK_TIMEOUT_MIN_SECONDS, max: KIOSK_TIMEOUT_MAX_SECONDS })}
        </p>
        <FieldProblems id="problems-timeout" problems={problems.timeoutText} />
      </div>
    </section>
  );
}
