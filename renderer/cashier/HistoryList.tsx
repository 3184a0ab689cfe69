import { memo } from 'react';
import type { ScreenOrder } from '../../common/contract.ts';
import { formatRupiah, formatTime, paymentTypeName } from '../shared/format.ts';
import { useLanguage, useT } from '../shared/language.ts';

/** Memoised: the list changes with the history, not with every key the cashier presses. */
export const HistoryList = memo(function HistoryList({
  orders,
  loaded,
}: {
  orders: readonly ScreenOrder[];
  loaded: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="panel history" aria-labelledby="history-title">
      <h2 id="history-title">{t('cashier.history.title')}</h2>
      {loaded && orders.length === 0 && <p className="history-empty">{t('cashier.history.empty')}</p>}
      <ol className="history-list" data-testid="history-list">
        {orders.map((order) => (
          <li
            key={order.orderId}
            className="history-row"
            data-testid="history-row"
            data-order-id={order.orderId}
            data-state={order.state}
          >
            <span className="history-time">
              <time dateTime={new Date(order.createdAt).toISOString()}>
                {formatTime(order.createdAt, language)}
              </time>
            </span>
            <span className="history-amount">{formatRupiah(order.grossAmount)}</span>
            <span className="history-type">{paymentTypeName(order.paidWith ?? order.paymentType)}</span>
            <span className="history-state" data-tone={order.state}>
              {t(`cashier.order.state.${order.state}`)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
});
