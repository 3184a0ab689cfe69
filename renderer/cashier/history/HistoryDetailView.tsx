import type { CashierApi } from '../../../common/contract.ts';
import type {
  HistoryDetail,
  HistoryReceiptView,
  HistoryRefundView,
} from '../../../common/history-contract.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { formatRupiah, paymentTypeName } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { shopDateTime, useShopTime } from '../../shared/shop-clock.ts';
import { RefundPanel } from '../refunds/RefundPanel.tsx';
import { TimelineTable } from './TimelineTable.tsx';
import type { OpenDetail } from './use-history.ts';

/**
 * Receipts printed for this sale: the printing module fills the list once it merges. Nothing is
 * shown while it is empty.
 */
export function ReceiptsSection({ receipts }: { receipts: readonly HistoryReceiptView[] }) {
  const t = useT();
  const shop = useShopTime();
  if (receipts.length === 0) return null;
  return (
    <section className="history-section" data-testid="history-receipts">
      <h4>{t('history.detail.receipts')}</h4>
      <ul>
        {receipts.map((r, i) => (
          <li key={i}>
            {shopDateTime(r.at, shop)} · {r.kind} · {r.state}
            {r.printer === undefined ? '' : ` · ${r.printer}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Refunds of this sale: the refunds module fills the list once it merges; nothing while empty. */
export function RefundsSection({ refunds }: { refunds: readonly HistoryRefundView[] }) {
  const t = useT();
  const shop = useShopTime();
  if (refunds.length === 0) return null;
  return (
    <section className="history-section" data-testid="history-refunds">
      <h4>{t('history.detail.refunds')}</h4>
      <ul>
        {refunds.map((r, i) => (
          <li key={i}>
            {shopDateTime(r.at, shop)} · {formatRupiah(r.amount)} · {r.method} · {r.state}
            {r.reason === undefined ? '' : ` · ${r.reason}`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Lines({ detail }: { detail: HistoryDetail }) {
  const t = useT();
  const sale = detail.sale;
  if (sale === undefined && detail.items.length === 0) return null;
  const lines =
    sale?.breakdown.lines.map((l) => ({
      name: l.name,
      quantity: l.quantity,
      unit: l.unitPrice,
      total: l.total,
    })) ??
    detail.items.map((i) => ({
      name: i.name,
      quantity: i.quantity,
      unit: i.price,
      total: i.price * i.quantity,
    }));
  const b = sale?.breakdown;
  return (
    <section className="history-section">
      <h4>{t('history.detail.lines')}</h4>
      <table className="history-table" data-testid="history-lines">
        <thead>
          <tr>
            <th scope="col">{t('history.detail.item')}</th>
            <th scope="col" className="amount">
              {t('history.detail.quantity')}
            </th>
            <th scope="col" className="amount">
              {t('history.detail.unitPrice')}
            </th>
            <th scope="col" className="amount">
              {t('history.detail.lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i} data-testid="history-line">
              <td>{l.name}</td>
              <td className="amount">{l.quantity}</td>
              <td className="amount">{formatRupiah(l.unit)}</td>
              <td className="amount">{formatRupiah(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {b !== undefined && (
        <dl className="history-totals">
          <dt>{t('history.detail.subtotal')}</dt>
          <dd>{formatRupiah(b.subtotal)}</dd>
          {b.lineDiscounts + b.orderDiscount > 0 && (
            <>
              <dt>{t('history.detail.discounts')}</dt>
              <dd>−{formatRupiah(b.lineDiscounts + b.orderDiscount)}</dd>
            </>
          )}
          {b.service > 0 && (
            <>
              <dt>{t('history.detail.service')}</dt>
              <dd>{formatRupiah(b.service)}</dd>
            </>
          )}
          {b.tax.amount > 0 && (
            <>
              <dt>{b.tax.inclusive ? t('history.detail.taxIncluded') : t('history.detail.tax')}</dt>
              <dd>{formatRupiah(b.tax.amount)}</dd>
            </>
          )}
          <dt>{t('history.detail.total')}</dt>
          <dd data-testid="history-total">{formatRupiah(b.total)}</dd>
          {b.cashTotal !== b.total && (
            <>
              <dt>{t('history.detail.cashTotal')}</dt>
              <dd>{formatRupiah(b.cashTotal)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function Payments({ detail }: { detail: HistoryDetail }) {
  const t = useT();
  const none = detail.cash.length === 0 && detail.charges.length === 0;
  return (
    <section className="history-section">
      <h4>{t('history.detail.payments')}</h4>
      {none && <p>{t('history.detail.noPayments')}</p>}
      <ul className="history-payments" data-testid="history-payments">
        {detail.cash.map((c, i) => (
          <li key={`cash-${i}`} data-testid="history-payment" data-kind="cash" data-state={c.state}>
            {t('history.detail.cash', {
              amount: formatRupiah(c.amount),
              received: formatRupiah(c.received),
              change: formatRupiah(c.change),
            })}
            {c.state === 'returned' && ` — ${t('history.detail.cashReturned')}`}
          </li>
        ))}
        {detail.charges.map((c) => (
          <li key={c.orderId} data-testid="history-payment" data-kind={c.paymentType} data-state={c.state}>
            <strong>{paymentTypeName(c.paymentType)}</strong> {formatRupiah(c.amount)} · {c.orderId} ·{' '}
            {t(`cashier.order.state.${c.state}`)}
            {c.paidWith !== undefined &&
              ` · ${t('history.detail.paidWith', { method: `${paymentTypeName(c.paidWith)}${c.issuer === undefined ? '' : ` (${c.issuer})`}` })}`}
            {c.endReason !== undefined && ` · ${t(`cashier.order.reason.${c.endReason}`)}`}
            {c.transactionId !== undefined && (
              <span className="history-transaction">
                {' '}
                · {t('history.detail.transaction', { id: c.transactionId })}
              </span>
            )}
            {c.alert !== undefined && (
              <p className="history-alert" role="alert">
                {t('history.detail.alert', { alert: c.detail ?? c.alert })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One sale (or bare order): what was sold, how it was paid, receipts, refunds and its whole record. */
export function HistoryDetailView({
  api,
  online,
  open,
  onClose,
  onChanged,
}: {
  api: CashierApi;
  online: boolean;
  open: OpenDetail;
  onClose(): void;
  /** A refund was made or resolved: read the detail again. */
  onChanged(): void;
}) {
  const t = useT();
  const shop = useShopTime();
  const { detail } = open;
  return (
    <section
      className="panel history-detail"
      data-testid="history-detail"
      data-id={open.id}
      aria-labelledby="history-detail-title"
    >
      <header className="history-detail-header">
        <h3 id="history-detail-title">
          {open.kind === 'sale' ? t('history.detail.sale') : t('history.detail.order')} {open.id}
        </h3>
        <button type="button" data-testid="history-detail-close" onClick={onClose}>
          {t('history.detail.close')}
        </button>
      </header>
      {open.notice !== undefined && <NoticeBox notice={open.notice} testId="history-detail-error" />}
      {detail === undefined && open.notice === undefined && (
        <p className="loading" role="status">
          {t('history.detail.loading')}
        </p>
      )}
      {detail !== undefined && (
        <>
          <p className="history-summary" data-testid="history-summary" data-state={detail.row.state}>
            <span className="history-badge" data-tone={detail.row.state}>
              {t(`history.states.${detail.row.state}`)}
            </span>{' '}
            <strong>{formatRupiah(detail.row.amount)}</strong> ·{' '}
            {shopDateTime(detail.row.createdAt, shop, true)} ·{' '}
            {t('history.detail.businessDay', { date: detail.row.businessDate })}
          </p>
          {detail.sale?.voidReason !== undefined && (
            <p>
              {t('history.detail.voided', {
                reason: t(`history.detail.voidReason.${detail.sale.voidReason}`),
              })}
            </p>
          )}
          <Lines detail={detail} />
          <Payments detail={detail} />
          <ReceiptsSection receipts={detail.receipts} />
          <RefundsSection refunds={detail.refunds} />
          <RefundPanel
            key={`${open.kind}:${open.id}`}
            api={api}
            detail={detail}
            online={online}
            onChanged={onChanged}
          />
          <TimelineTable entries={detail.timeline} />
        </>
      )}
    </section>
  );
}
