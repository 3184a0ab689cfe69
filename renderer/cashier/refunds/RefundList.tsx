import type { RefundView } from '../../../common/refund-contract.ts';
import { BilingualText } from '../../shared/Bilingual.tsx';
import { formatRupiah } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { shopDateTime, useShopTime } from '../../shared/shop-clock.ts';

/** Who asked, in words; an unknown name (a newer main) is shown as it came. */
function useWho() {
  const t = useT();
  return (by: string) => {
    const key = `refunds.who.${by}`;
    const words = t(key);
    return words === key ? by : words;
  };
}

/** Every refund of the sale or order: made here, found at the gateway, or charged back. */
export function RefundList({ refunds }: { refunds: readonly RefundView[] }) {
  const t = useT();
  const shop = useShopTime();
  const who = useWho();
  if (refunds.length === 0) return null;
  return (
    <div className="refund-list">
      <h5>{t('refunds.list.title')}</h5>
      <table className="history-table" data-testid="refund-list">
        <thead>
          <tr>
            <th scope="col">{t('refunds.list.time')}</th>
            <th scope="col" className="amount">
              {t('refunds.list.amount')}
            </th>
            <th scope="col">{t('refunds.list.how')}</th>
            <th scope="col">{t('refunds.list.state')}</th>
            <th scope="col">{t('refunds.list.origin')}</th>
            <th scope="col">{t('refunds.list.reason')}</th>
            <th scope="col">{t('refunds.list.who')}</th>
          </tr>
        </thead>
        <tbody>
          {refunds.map((r) => (
            <tr
              key={r.refundKey}
              data-testid="refund-row"
              data-state={r.state}
              data-origin={r.origin}
              data-tender={r.tender}
            >
              <td>
                <time dateTime={new Date(r.createdAt).toISOString()}>{shopDateTime(r.createdAt, shop)}</time>
              </td>
              <td className="amount">{formatRupiah(r.amount)}</td>
              <td>{t(`refunds.tender.${r.tender}`)}</td>
              <td>
                <span className="refund-state" data-state={r.state}>
                  {t(`refunds.state.${r.state}`)}
                </span>
                {r.refusal !== undefined && (
                  <span className="refund-refusal">
                    <BilingualText text={r.refusal.message} />
                  </span>
                )}
              </td>
              <td>{t(`refunds.origin.${r.origin}`)}</td>
              <td>{r.reason}</td>
              <td>{who(r.requestedBy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
