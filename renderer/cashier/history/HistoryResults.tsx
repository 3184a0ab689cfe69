import type { HistoryRow, HistoryTenderView } from '../../../common/history-contract.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { formatRupiah, paymentTypeName } from '../../shared/format.ts';
import { useT, type Translate } from '../../shared/language.ts';
import { shopDateTime, useShopTime } from '../../shared/shop-clock.ts';
import type { HistoryResults as Results } from './use-history.ts';

interface HistoryResultsProps {
  results: Results;
  selected: string | undefined;
  onOpen(row: HistoryRow): void;
  onMore(): void;
}

function tenderText(t: Translate, tender: HistoryTenderView): string {
  const name = tender.kind === 'cash' ? t('history.tenders.cash') : paymentTypeName(tender.kind);
  const issuer = tender.issuer === undefined ? '' : ` (${tender.issuer})`;
  return `${name} ${formatRupiah(tender.amount)}${issuer}`;
}

/** One row per sale or bare order: its time on the shop's clock, amount, state and tenders. */
export function HistoryResults({ results, selected, onOpen, onMore }: HistoryResultsProps) {
  const t = useT();
  const shop = useShopTime();
  const { rows, status } = results;
  return (
    <section
      className="panel history-results"
      aria-labelledby="history-results-title"
      aria-busy={status === 'loading'}
    >
      <h3 id="history-results-title">{t('history.results.title')}</h3>
      <div aria-live="assertive">
        {results.notice !== undefined && <NoticeBox notice={results.notice} testId="history-error" />}
      </div>
      {status === 'done' && rows.length === 0 && results.notice === undefined && (
        <p className="history-empty" data-testid="history-empty">
          {t('history.results.empty')}
        </p>
      )}
      {rows.length > 0 && (
        <table className="history-table" data-testid="history-results">
          <thead>
            <tr>
              <th scope="col">{t('history.results.time')}</th>
              <th scope="col">{t('history.results.id')}</th>
              <th scope="col" className="amount">
                {t('history.results.amount')}
              </th>
              <th scope="col">{t('history.results.state')}</th>
              <th scope="col">{t('history.results.tenders')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.kind}:${row.id}`}
                data-testid="history-result"
                data-kind={row.kind}
                data-id={row.id}
                data-state={row.state}
                data-tender={row.tender ?? 'none'}
                aria-selected={selected === `${row.kind}:${row.id}`}
              >
                <td>
                  <time dateTime={new Date(row.createdAt).toISOString()}>
                    {shopDateTime(row.createdAt, shop)}
                  </time>
                </td>
                <td className="history-id">
                  <button
                    type="button"
                    className="link-button"
                    data-testid="history-open"
                    aria-label={t('history.results.open', { id: row.id })}
                    onClick={() => onOpen(row)}
                  >
                    {row.id}
                  </button>
                </td>
                <td className="amount">{formatRupiah(row.amount)}</td>
                <td>
                  <span className="history-badge" data-tone={row.state}>
                    {t(`history.states.${row.state}`)}
                  </span>
                </td>
                <td className="history-tenders">
                  {row.tenders.length === 0
                    ? t('history.tenders.none')
                    : row.tenders.map((tender) => tenderText(t, tender)).join(' + ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status === 'loading' && (
        <p className="loading" role="status">
          {t('history.results.loading')}
        </p>
      )}
      {results.searchedBackTo !== undefined && (
        <p className="history-partial" data-testid="history-partial">
          {t('history.results.searchedBackTo', { date: results.searchedBackTo })}
        </p>
      )}
      {results.nextCursor !== undefined && (
        <button
          type="button"
          className="history-more"
          data-testid="history-more"
          disabled={status === 'loading'}
          onClick={onMore}
        >
          {t('history.results.more')}
        </button>
      )}
    </section>
  );
}
