import type { SaleView } from '../../../common/till-contract.ts';
import { formatRupiah, paymentTypeName } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { Totals } from '../cart/Totals.tsx';
import { saleMoney } from './sale-money.ts';

/**
 * The sale on screen as it was recorded (its own copy of the lines), then how it has been paid:
 * cash taken (received and change, or given back), QRIS/GoPay charges and their states.
 */
export function SaleBill({ sale }: { sale: SaleView }) {
  const t = useT();
  const { breakdown } = sale;
  const money = saleMoney(sale);
  const cashOnly = sale.charges.length === 0;
  return (
    <section
      className="panel cart sale-bill"
      aria-labelledby="sale-bill-title"
      data-testid="sale-bill"
      data-sale-id={sale.saleId}
    >
      <h2 id="sale-bill-title">{t('cashier.bill.title')}</h2>
      <ul className="cart-lines">
        {breakdown.lines.map((line) => (
          <li key={line.index} className="cart-line">
            <div className="cart-line-main">
              <span className="cart-name">
                {line.quantity} × {line.name}
              </span>
              <span className="cart-line-total">{formatRupiah(line.net)}</span>
            </div>
          </li>
        ))}
      </ul>
      <Totals breakdown={breakdown} cash={cashOnly} />
      <ul className="tenders" data-testid="sale-tenders">
        {sale.cash.map((cash) => (
          <li key={cash.tenderId} data-testid="sale-tender-cash" data-state={cash.state}>
            {t(cash.state === 'returned' ? 'cashier.bill.cashReturned' : 'cashier.bill.cashTaken', {
              amount: formatRupiah(cash.amount),
            })}
            {cash.state === 'taken' && cash.change > 0 && (
              <>
                {' '}
                ·{' '}
                {t('cashier.bill.receivedChange', {
                  received: formatRupiah(cash.received),
                  change: formatRupiah(cash.change),
                })}
              </>
            )}
          </li>
        ))}
        {sale.charges.map((charge) => (
          <li key={charge.orderId} data-testid="sale-tender-charge" data-state={charge.state}>
            {paymentTypeName(charge.paymentType)} {formatRupiah(charge.amount)} ·{' '}
            {t(`cashier.order.state.${charge.state}`)}
          </li>
        ))}
      </ul>
      {sale.state === 'open' && money.dueByCharge > 0 && (
        <p className="sale-due" data-testid="sale-due">
          {t('cashier.bill.due', { amount: formatRupiah(money.dueByCharge) })}
        </p>
      )}
    </section>
  );
}
