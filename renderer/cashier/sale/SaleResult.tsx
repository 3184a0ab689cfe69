import type { SaleView } from '../../../common/till-contract.ts';
import { BilingualText } from '../../shared/Bilingual.tsx';
import { formatRupiah } from '../../shared/format.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import { saleMoney } from './sale-money.ts';

/**
 * How a sale ended when no QR result says it: paid in cash (the change to hand back, large), or
 * voided (the cash to give back, if any was taken).
 */
export function SaleResult({ sale, onNewSale }: { sale: SaleView; onNewSale(): void }) {
  const t = useT();
  const bilingual = useBilingual();
  const money = saleMoney(sale);
  const returned = sale.cash.filter((c) => c.state === 'returned').reduce((sum, c) => sum + c.amount, 0);
  const paid = sale.state === 'paid';
  return (
    <section
      className="panel live-order sale-result"
      data-testid="sale-result"
      data-state={sale.state}
      data-tone={paid ? 'paid' : 'unpaid'}
      role="status"
    >
      <p className="live-state">{t(paid ? 'cashier.result.paid' : 'cashier.result.voided')}</p>
      <p className="live-amount">
        {formatRupiah(paid ? money.cashTaken + money.settled : sale.breakdown.total)}
      </p>
      {paid && money.cashReceived > 0 && (
        <>
          <p className="result-received">
            {t('cashier.result.received', { amount: formatRupiah(money.cashReceived) })}
          </p>
          <p className="result-change">
            <span>{t('cashier.tender.change')} </span>
            <span className="change-amount" data-testid="result-change">
              {formatRupiah(money.change)}
            </span>
          </p>
        </>
      )}
      {!paid && returned > 0 && (
        <p className="live-warning" data-testid="result-return-cash">
          <BilingualText text={bilingual('cashier.result.returnCash', { amount: formatRupiah(returned) })} />
        </p>
      )}
      <div className="live-actions">
        <button type="button" className="primary-button" data-testid="new-sale-button" onClick={onNewSale}>
          {t('cashier.order.newSale')}
          <span className="button-hint"> {t('cashier.order.newSaleHint')}</span>
        </button>
      </div>
    </section>
  );
}
