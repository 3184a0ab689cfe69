import type { TimelineCall, TimelineEntry } from '../../../common/history-contract.ts';
import { useT, type Translate } from '../../shared/language.ts';
import { shopTimeWithMillis, useShopTime } from '../../shared/shop-clock.ts';

function callText(t: Translate, call: TimelineCall): string {
  const parts = [
    call.outcome,
    call.httpStatus === undefined ? undefined : t('history.timeline.http', { status: call.httpStatus }),
    call.statusCode === undefined ? undefined : t('history.timeline.statusCode', { code: call.statusCode }),
    call.ms === undefined ? undefined : t('history.timeline.latency', { ms: call.ms }),
    call.transactionStatus,
    call.repeated === undefined
      ? undefined
      : t('history.timeline.repeated', {
          count: call.repeated.count,
          seconds: Math.round((call.repeated.lastAt - call.repeated.firstAt) / 1000),
        }),
    call.ambiguous === true ? t('history.timeline.ambiguous') : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(' · ');
}

/** The random tail tells a sale's orders apart; the whole id is in the cell's title and the payments. */
function shortId(orderId: string): string {
  return orderId.length > 10 ? `…${orderId.slice(-6)}` : orderId;
}

function factsText(facts: TimelineEntry['facts']): string {
  return Object.entries(facts)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ');
}

/**
 * Everything journaled about a sale and its orders, oldest first, on the shop's clock to the
 * millisecond: each gateway call with endpoint, HTTP status, status_code and latency; each state
 * change; the QR; cancel requests; security findings. What the gateway said, as the till heard it.
 */
export function TimelineTable({ entries }: { entries: readonly TimelineEntry[] }) {
  const t = useT();
  const shop = useShopTime();
  return (
    <section className="history-timeline" aria-labelledby="history-timeline-title">
      <h4 id="history-timeline-title">{t('history.timeline.title')}</h4>
      <table className="history-table timeline-table" data-testid="history-timeline">
        <thead>
          <tr>
            <th scope="col">{t('history.timeline.time', { zone: shop.zone })}</th>
            <th scope="col">{t('history.timeline.who')}</th>
            <th scope="col">{t('history.timeline.what')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, i) => (
            <tr
              // The journal's order is the identity here: entries never move.
              key={i}
              data-testid="timeline-entry"
              data-kind={entry.kind}
              data-operation={entry.call?.operation}
              data-outcome={entry.call?.outcome}
              data-tone={entry.kind === 'security' ? 'alert' : undefined}
            >
              <td className="timeline-time">{shopTimeWithMillis(entry.at, shop)}</td>
              <td className="timeline-who" title={entry.orderId}>
                {entry.orderId === undefined ? t('history.timeline.sale') : shortId(entry.orderId)}
              </td>
              <td className="timeline-what">
                <span className="timeline-kind">{t(`history.timeline.kinds.${entry.kind}`)}</span>
                {entry.call !== undefined && (
                  <>
                    {' '}
                    <code className="timeline-endpoint" data-testid="timeline-endpoint">
                      {entry.call.endpoint}
                    </code>{' '}
                    <span className="timeline-call" data-testid="timeline-call">
                      {callText(t, entry.call)}
                    </span>
                  </>
                )}
                {entry.kind === 'state' && (
                  <span className="timeline-state">
                    {' '}
                    {entry.from} → {entry.to}
                  </span>
                )}
                {Object.keys(entry.facts).length > 0 && (
                  <span className="timeline-facts"> ({factsText(entry.facts)})</span>
                )}
                {entry.text !== undefined && <span className="timeline-text"> — {entry.text}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
