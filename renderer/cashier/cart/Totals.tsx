import type { PriceBreakdown } from '../../../common/pricing/index.ts';
import { formatPercent, formatRupiah } from '../../shared/format.ts';
import { useLanguage, useT } from '../../shared/language.ts';

interface TotalsProps {
  breakdown: PriceBreakdown | undefined;
  /** Cash only: the total rounded to the shop's coin is shown too. */
  cash: boolean;
}

/**
 * The bill's figures under the lines: subtotal, what came off, service, tax (added, or the part
 * the prices contain), and the total; for cash, the rounding and the cash total. Rows that are
 * zero are left out, so a shop without tax or service sees only its total.
 */
export function Totals({ breakdown, cash }: TotalsProps) {
  const t = useT();
  const language = useLanguage();
  const b = breakdown;
  const discounts = b === undefined ? 0 : b.lineDiscounts + b.orderDiscount;
  const row = (testId: string, label: string, amount: number, negative = false) => (
    <div className="totals-row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{negative ? `−${formatRupiah(amount)}` : formatRupiah(amount)}</dd>
    </div>
  );
  const rounding = cash && b !== undefined && b.cashRounding !== 0;
  return (
    <dl className="totals" data-testid="totals">
      {b !== undefined && (discounts > 0 || b.service > 0 || b.tax.amount > 0) && (
        <>
          {row('totals-subtotal', t('cashier.totals.subtotal'), b.subtotal)}
          {discounts > 0 && row('totals-discounts', t('cashier.totals.discounts'), discounts, true)}
          {b.service > 0 &&
            row(
              'totals-service',
              t('cashier.totals.service', { rate: formatPercent(b.servicePercent, language) }),
              b.service,
            )}
          {b.tax.amount > 0 &&
            row(
              'totals-tax',
              t(b.tax.inclusive ? 'cashier.totals.taxIncluded' : 'cashier.totals.taxAdded', {
                tax: b.tax.kind === 'pb1' ? 'PB1' : 'PPN',
                rate: formatPercent(b.tax.ratePercent, language),
              }),
              b.tax.amount,
            )}
        </>
      )}
      <div className="totals-row totals-total">
        <dt>{t('cashier.cart.total')}</dt>
        <dd data-testid="cart-total">{formatRupiah(b?.total ?? 0)}</dd>
      </div>
      {rounding && b !== undefined && (
        <>
          {row('totals-cash-rounding', t('cashier.totals.cashRounding'), b.cashRounding)}
          <div className="totals-row totals-total">
            <dt>{t('cashier.totals.cashTotal')}</dt>
            <dd data-testid="cash-total">{formatRupiah(b.cashTotal)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
