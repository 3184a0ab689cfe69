import type { PaymentType } from '../../common/midtrans-limits.ts';
import { formatRupiah, paymentTypeName } from '../shared/format.ts';
import { useT } from '../shared/language.ts';
import type { TenderKind } from './tender/tender.ts';

interface ChargeButtonProps {
  kind: TenderKind;
  paymentType: PaymentType | undefined;
  /** What the button asks for: the total, the cash total, or a split's QRIS/GoPay rest. */
  payable: number | undefined;
  /** A split's cash part. */
  cash: number | undefined;
  /** Why Charge cannot be pressed now, in the cashier's language; undefined when it can. */
  reason: string | undefined;
  starting: boolean;
  reasonId: string;
  onCharge(): void;
}

export function ChargeButton({
  kind,
  paymentType,
  payable,
  cash,
  reason,
  starting,
  reasonId,
  onCharge,
}: ChargeButtonProps) {
  const t = useT();
  let label = t('cashier.charge.buttonEmpty');
  if (starting) label = t('cashier.charge.starting');
  else if (payable !== undefined && payable > 0) {
    const amount = formatRupiah(payable);
    if (kind === 'cash') label = t('cashier.charge.cashButton', { amount });
    else if (kind === 'split' && cash !== undefined)
      label = t('cashier.charge.splitButton', {
        cash: formatRupiah(cash),
        type: paymentTypeName(paymentType ?? 'qris'),
        amount,
      });
    else label = t('cashier.charge.button', { amount });
  }
  return (
    <div className="charge">
      <button
        type="button"
        className="charge-button"
        data-testid="charge-button"
        data-tender={kind}
        disabled={reason !== undefined}
        aria-describedby={reasonId}
        onClick={onCharge}
      >
        {label}
      </button>
      <p id={reasonId} className="charge-reason" data-testid="charge-reason">
        {reason ?? ''}
      </p>
    </div>
  );
}
