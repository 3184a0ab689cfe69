import { formatRupiah } from '../shared/format.ts';
import { useT } from '../shared/language.ts';

interface ChargeButtonProps {
  amount: number | undefined;
  /** Why Charge cannot be pressed now, in the cashier's language; undefined when it can. */
  reason: string | undefined;
  starting: boolean;
  reasonId: string;
  onCharge(): void;
}

export function ChargeButton({ amount, reason, starting, reasonId, onCharge }: ChargeButtonProps) {
  const t = useT();
  let label = t('cashier.charge.buttonEmpty');
  if (starting) label = t('cashier.charge.starting');
  else if (amount !== undefined && amount > 0)
    label = t('cashier.charge.button', { amount: formatRupiah(amount) });
  return (
    <div className="charge">
      <button
        type="button"
        className="charge-button"
        data-testid="charge-button"
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
