import type { PaymentType } from '../../../common/midtrans-limits.ts';
import { paymentTypeName } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import type { TenderKind } from './tender.ts';

interface TenderChoiceProps {
  enabled: readonly PaymentType[];
  kind: TenderKind;
  paymentType: PaymentType | undefined;
  disabled: boolean;
  onChange(kind: TenderKind, paymentType?: PaymentType): void;
  onPaymentType(type: PaymentType): void;
}

/**
 * How the customer pays: each QRIS/GoPay type the till takes, Cash, or Split (cash now, the rest
 * by QRIS/GoPay, which of the two chosen below it when the till takes both).
 */
export function TenderChoice({
  enabled,
  kind,
  paymentType,
  disabled,
  onChange,
  onPaymentType,
}: TenderChoiceProps) {
  const t = useT();
  return (
    <div className="tender-choice">
      <div className="segmented tender-kinds" role="group" aria-label={t('cashier.tender.label')}>
        {enabled.map((type) => (
          <button
            key={type}
            type="button"
            data-testid={`payment-type-${type}`}
            aria-pressed={kind === 'gateway' && paymentType === type}
            disabled={disabled}
            onClick={() => onChange('gateway', type)}
          >
            {paymentTypeName(type)}
          </button>
        ))}
        <button
          type="button"
          data-testid="tender-cash"
          aria-pressed={kind === 'cash'}
          disabled={disabled}
          onClick={() => onChange('cash')}
        >
          {t('cashier.tender.cash')}
        </button>
        {enabled.length > 0 && (
          <button
            type="button"
            data-testid="tender-split"
            aria-pressed={kind === 'split'}
            disabled={disabled}
            onClick={() => onChange('split')}
          >
            {t('cashier.tender.split')}
          </button>
        )}
      </div>
      {kind === 'split' && enabled.length > 1 && (
        <PaymentTypePicker
          enabled={enabled}
          value={paymentType}
          disabled={disabled}
          label={t('cashier.tender.restBy')}
          testIdPrefix="split-type"
          onChange={onPaymentType}
        />
      )}
    </div>
  );
}

interface PickerProps {
  enabled: readonly PaymentType[];
  value: PaymentType | undefined;
  disabled: boolean;
  label: string;
  testIdPrefix: string;
  onChange(type: PaymentType): void;
}

/** QRIS or GoPay, for the rest of a split sale or for charging an open sale again. */
export function PaymentTypePicker({ enabled, value, disabled, label, testIdPrefix, onChange }: PickerProps) {
  return (
    <div className="payment-type-picker">
      <span className="picker-label">{label}</span>
      <div className="segmented" role="group" aria-label={label}>
        {enabled.map((type) => (
          <button
            key={type}
            type="button"
            data-testid={`${testIdPrefix}-${type}`}
            aria-pressed={value === type}
            disabled={disabled}
            onClick={() => onChange(type)}
          >
            {paymentTypeName(type)}
          </button>
        ))}
      </div>
    </div>
  );
}
