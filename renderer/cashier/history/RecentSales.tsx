import type { ScreenOrder } from '../../../common/contract.ts';
import { formatRupiah, paymentTypeName } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { shopTimeOfDay, useShopTime } from '../../shared/shop-clock.ts';

interface RecentSalesProps {
  orders: readonly ScreenOrder[];
  loaded: boolean;
  /** Opens the full history; absent (or disabled with a reason) while a sale is under way. */
  onOpenHistory(): void;
  openReason: string | undefined;
}

/** The last few QRIS/GoPay orders beside the sale, times on the shop's clock; the rest is a tap away. */
export function RecentSales({ orders, loaded, onOpenHistory, openReason }: RecentSalesProps) {
  const t = useT();
  const shop = useShopTime();
  return (
    <section className="panel history" aria-labelledby="history-title">
      <div className="recent-header">
        <h2 id="history-title">{t('cashier.history.title')}</h2>
        <button
          type="button"
          className="history-open-button"
          data-testid="history-open-button"
          disabled={openReason !== undefined}
          title={openReason}
          onClick={onOpenHistory}
        >
          {t('history.open')}
        </button>
      </div>
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
                {shopTimeOfDay(order.createdAt, shop)}
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
}
