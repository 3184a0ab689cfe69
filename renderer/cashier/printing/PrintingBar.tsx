import { useCallback, useState } from 'react';
import type { CashierApi, CashierSnapshot, PublicSettings } from '../../../common/contract.ts';
import type { PrinterCondition } from '../../../common/printing.ts';
import { BilingualText, NoticeBox } from '../../shared/Bilingual.tsx';
import { noticeFromError, type Notice } from '../../shared/errors.ts';
import { formatRupiah } from '../../shared/format.ts';
import { useBilingual, useT } from '../../shared/language.ts';
import type { Session } from '../../shared/session.ts';
import { PrintPage } from './PrintPage.tsx';
import { usePrinting } from './use-printing.ts';
import './printing.css';

/** Conditions the cashier must hear about: a receipt cannot print until someone acts. */
const PROBLEMS: ReadonlySet<PrinterCondition> = new Set([
  'unreachable',
  'paper-out',
  'cover-open',
  'offline',
  'error',
]);

/**
 * The cashier's printer line: how the receipt printer is, in plain words; the last receipt and
 * its reprint (always a COPY); the "print the receipt?" question when the manager chose to ask;
 * and the page the browser prints. Whatever happens here, the sale is already recorded.
 */
export function PrintingBar({
  session,
  settings,
}: {
  session: Session<CashierApi, CashierSnapshot>;
  settings: PublicSettings;
}) {
  const t = useT();
  const bilingual = useBilingual();
  const [notice, setNotice] = useState<Notice>();
  const onError = useCallback(
    (error: unknown) => setNotice(noticeFromError(error, bilingual('common.unexpectedError'))),
    [bilingual],
  );
  const printing = usePrinting(session, settings.sound, onError);
  const { snapshot } = printing;
  const printer = snapshot?.receiptPrinter ?? null;
  const page =
    printing.page === undefined ? null : <PrintPage request={printing.page} onDone={printing.pageDone} />;
  if (snapshot === undefined || (printer === null && snapshot.ask === null)) return page;

  const problem = printer !== null && PROBLEMS.has(printer.condition);
  const lastSale = snapshot.lastSale;
  const job = snapshot.lastJob;
  return (
    <section
      className="printing-bar"
      data-testid="printing-bar"
      data-problem={problem}
      aria-label={t('printing.settings.receiptPrinter')}
    >
      {printer !== null && (
        <div
          className="printer-status"
          data-testid="printer-status"
          data-condition={printer.condition}
          data-waiting={printer.waiting}
          data-attempts={job?.attempts ?? 0}
          role={problem ? 'alert' : 'status'}
        >
          <span className="printer-status-title">
            {printer.name}: {t(`printing.condition.${printer.condition}`)}
          </span>
          {problem && printer.problem !== undefined && (
            <span className="printer-status-detail" data-testid="printer-problem">
              <BilingualText text={printer.problem} />
            </span>
          )}
          {problem && <span className="printer-status-safe">{t('printing.saleSafe')}</span>}
          {job !== null && (
            <span
              className="printer-job"
              data-testid="receipt-job"
              data-state={job.state}
              data-copy={job.copy}
            >
              {t(`printing.job.${job.state}`)}
              {job.copy ? ` (${t('printing.job.copy')})` : ''}
            </span>
          )}
        </div>
      )}
      {snapshot.ask !== null && (
        <div className="receipt-ask" data-testid="receipt-ask" role="alertdialog" aria-live="assertive">
          <span>{t('printing.ask.question', { total: formatRupiah(snapshot.ask.total) })}</span>
          <button
            type="button"
            className="primary-button"
            data-testid="receipt-ask-yes"
            onClick={() => void printing.answer(snapshot.ask?.saleId ?? '', true)}
          >
            {t('printing.ask.yes')}
          </button>
          <button
            type="button"
            data-testid="receipt-ask-no"
            onClick={() => void printing.answer(snapshot.ask?.saleId ?? '', false)}
          >
            {t('printing.ask.no')}
          </button>
        </div>
      )}
      <div className="printing-actions">
        {problem && (
          <button type="button" data-testid="printer-retry" onClick={() => void printing.retry()}>
            {t('printing.retry')}
          </button>
        )}
        {printer !== null && lastSale !== null && (
          <button
            type="button"
            data-testid="reprint-button"
            data-sale-id={lastSale.saleId}
            title={t('printing.reprintHint')}
            onClick={() => {
              setNotice(undefined);
              void printing.reprint(lastSale.saleId);
            }}
          >
            {t('printing.reprint')}
          </button>
        )}
      </div>
      {notice !== undefined && <NoticeBox notice={notice} testId="printing-error" />}
      {page}
    </section>
  );
}
