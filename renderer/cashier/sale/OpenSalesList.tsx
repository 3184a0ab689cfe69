import type { SaleView } from '../../../common/till-contract.ts';
import { formatRupiah, formatTime } from '../../shared/format.ts';
import { useLanguage, useT } from '../../shared/language.ts';
import { saleMoney } from './sale-money.ts';

interface OpenSalesListProps {
  sales: readonly SaleView[];
  /** Why none can be opened now (a sale on screen, items in the cart); undefined when they can. */
  blocked: string | undefined;
  onOpen(saleId: string): void;
}

/**
 * Sales still owed money that are not on screen: left for later, or found open after a restart.
 * Each says what was taken in cash and what is due, and opens to be settled.
 */
export function OpenSalesList({ sales, blocked, onOpen }: OpenSalesListProps) {
  const t = useT();
  const language = useLanguage();
  if (sales.length === 0) return null;
  return (
    <section className="panel open-sales" data-testid="open-sales" aria-labelledby="open-sales-title">
      <h2 id="open-sales-title">{t('cashier.open.listTitle', { count: sales.length })}</h2>
      <ul className="open-sales-list">
        {sales.map((sale) => {
          const money = saleMoney(sale);
          return (
            <li
              key={sale.saleId}
              className="open-sales-row"
              data-testid="open-sales-row"
              data-sale-id={sale.saleId}
            >
              <span className="open-sales-text">
                <time dateTime={new Date(sale.createdAt).toISOString()}>
                  {formatTime(sale.createdAt, language)}
                </time>{' '}
                {t('cashier.open.listDue', { amount: formatRupiah(money.dueByCharge) })}
                {money.cashTaken > 0 && (
                  <> · {t('cashier.open.listCash', { amount: formatRupiah(money.cashTaken) })}</>
                )}
              </span>
              <button
                type="button"
                className="secondary-button"
                data-testid={`open-sale-${sale.saleId}`}
                disabled={blocked !== undefined}
                title={blocked}
                onClick={() => onOpen(sale.saleId)}
              >
                {t('cashier.open.settle')}
              </button>
            </li>
          );
        })}
      </ul>
      {blocked !== undefined && <p className="open-sales-blocked">{blocked}</p>}
    </section>
  );
}
