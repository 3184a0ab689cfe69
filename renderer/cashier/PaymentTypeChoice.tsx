import type { PaymentType } from '../../common/midtrans-limits.ts';
import { paymentTypeName } from '../shared/format.ts';
import { useT } from '../shared/language.ts';

interface PaymentTypeChoiceProps {
  enabled: readonly PaymentType[];
  value: PaymentType | undefined;
  disabled: boolean;
  onChange(type: PaymentType): void;
}

/** A segmented choice, shown only when the till accepts more than one payment type. */
export function PaymentTypeChoice({ enabled, value, disabled, onChange }: PaymentTypeChoiceProps) {
  const t = useT();
  if (enabled.length < 2) return null;
  return (
    <div className="segmented" role="group" aria-label={t('cashier.paymentType.label')}>
      {enabled.map((type) => (
        <button
          key={type}
          type="button"
          data-testid={`payment-type-${type}`}
          aria-pressed={value === type}
          disabled={disabled}
          onClick={() => onChange(type)}
        >
          {paymentTypeName(type)}
        </button>
      ))}
    </div>
  );
}
