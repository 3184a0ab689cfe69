import { useEffect, useMemo, useRef, useState } from 'react';
import type { CashierApi } from '../../../common/contract.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import { cutoffText, useShopTime } from '../../shared/shop-clock.ts';
import { checkForm, EMPTY_FORM, problemsByField, type HistoryForm } from './history-form.ts';
import { HistoryDetailView } from './HistoryDetailView.tsx';
import { HistoryFilters } from './HistoryFilters.tsx';
import { HistoryResults } from './HistoryResults.tsx';
import { useHistory } from './use-history.ts';

/**
 * The cashier window's history, in place of the sale view: search and filters, the results a page
 * at a time, and one sale's detail beside them. Opens on the newest sales.
 */
export function HistoryScreen({
  api,
  online,
  onClose,
}: {
  api: CashierApi;
  /** Connected to main: refunds need it. */
  online: boolean;
  onClose(): void;
}) {
  const t = useT();
  const bilingual = useBilingual();
  const shop = useShopTime();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const unexpected = useMemo(() => bilingual('common.unexpectedError'), [bilingual]);
  const history = useHistory(api, unexpected);
  const { search } = history;
  const [form, setForm] = useState<HistoryForm>(EMPTY_FORM);
  // Problems show once the cashier has tried to search, or for a field as soon as it holds text.
  const [tried, setTried] = useState(false);
  const check = checkForm(form);
  const shown = problemsByField(
    check.problems.filter((p) => {
      if (tried) return true;
      const typed: Record<string, string> = {
        id: form.idText,
        amount: form.amountText,
        from: form.from,
        to: form.to,
        issuer: form.issuer,
      };
      return (typed[p.field] ?? '') !== '' || p.code === 'date-range-reversed';
    }),
  );

  const started = useRef(false);
  useEffect(() => {
    // Once per opening (a language switch must not throw away the cashier's search).
    if (started.current) return;
    started.current = true;
    headingRef.current?.focus();
    search({});
  }, [search]);

  const submit = () => {
    setTried(true);
    // A refused field is explained beside it; nothing is sent.
    if (check.problems.length === 0) search(check.query);
  };

  return (
    <main className="history-screen" data-testid="history-screen" aria-labelledby="history-title">
      <header className="history-header">
        <h2 id="history-title" ref={headingRef} tabIndex={-1}>
          {t('history.title')}
        </h2>
        <p className="history-zone" data-testid="history-zone">
          {t('history.zoneNote', { zone: shop.zone, hour: cutoffText(shop) })}
        </p>
        <button type="button" className="primary-button" data-testid="history-back" onClick={onClose}>
          {t('history.back')}
        </button>
      </header>
      <div className="history-body" data-detail={history.open !== undefined}>
        <div className="history-column">
          <HistoryFilters
            form={form}
            problems={shown}
            searching={history.results.status === 'loading'}
            onEdit={(changes) => setForm((f) => ({ ...f, ...changes }))}
            onSearch={submit}
            onClear={() => {
              setForm(EMPTY_FORM);
              setTried(false);
              search({});
            }}
          />
          <HistoryResults
            results={history.results}
            selected={history.open === undefined ? undefined : `${history.open.kind}:${history.open.id}`}
            onOpen={(row) => history.openDetail(row.kind, row.id)}
            onMore={history.more}
          />
        </div>
        {history.open !== undefined && (
          <HistoryDetailView
            api={api}
            online={online}
            open={history.open}
            onClose={history.closeDetail}
            onChanged={history.reloadDetail}
          />
        )}
      </div>
    </main>
  );
}
