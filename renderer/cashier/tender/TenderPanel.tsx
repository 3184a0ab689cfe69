import type { PaymentType } from '../../../common/midtrans-limits.ts';
import type { PriceBreakdown } from '../../../common/pricing/index.ts';
import { paymentTypeName } from '../../shared/format.ts';
import { entryAmount } from '../keypad/amount-entry.ts';
import { CashEntry } from './CashEntry.tsx';
import { quickCash, type TenderCheck, type TenderKind } from './tender.ts';
import { TenderChoice } from './TenderChoice.tsx';

interface TenderPanelProps {
  enabled: readonly PaymentType[];
  kind: TenderKind;
  paymentType: PaymentType | undefined;
  cashDigits: string;
  breakdown: PriceBreakdown | undefined;
  check: TenderCheck | undefined;
  disabled: boolean;
  onChange(kind: TenderKind, paymentType?: PaymentType): void;
  onPaymentType(type: PaymentType): void;
  onCashFocus(): void;
  onCashText(text: string): void;
}

/** The tender of the sale being rung up: the choice, then the cash typed for Cash or Split. */
export function TenderPanel(props: TenderPanelProps) {
  const { kind, breakdown, check, disabled } = props;
  const cash = entryAmount(props.cashDigits);
  const payable = kind === 'cash' ? (breakdown?.cashTotal ?? 0) : (breakdown?.total ?? 0);
  return (
    <section className="tender" data-testid="tender" data-kind={kind}>
      <TenderChoice
        enabled={props.enabled}
        kind={kind}
        paymentType={props.paymentType}
        disabled={disabled}
        onChange={props.onChange}
        onPaymentType={props.onPaymentType}
      />
      {kind !== 'gateway' && (
        <CashEntry
          purpose={kind === 'cash' ? 'received' : 'part'}
          cash={cash}
          quick={breakdown === undefined ? [] : quickCash(kind, payable, breakdown.total)}
          change={check?.change}
          remainder={check?.remainder}
          remainderType={props.paymentType === undefined ? undefined : paymentTypeName(props.paymentType)}
          disabled={disabled}
          onFocus={props.onCashFocus}
          onText={props.onCashText}
          onQuick={(amount) => props.onCashText(String(amount))}
        />
      )}
    </section>
  );
}
