import { useCallback, useEffect, useState } from 'react';
import type {
  CsvRequest,
  DayApi,
  DayStatus,
  PeriodReport,
  RangeReport,
  ReportPrintRequest,
  ZSummary,
} from '../../../common/day-contract.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { formatRupiah } from '../../shared/format.ts';
import { useT } from '../../shared/language.ts';
import { daysBefore, shopDateTime } from './day-model.ts';
import { downloadCsv } from './download.ts';
import { PeriodReportView, RangeReportView } from './ReportView.tsx';
import { useDayAction } from './use-day-action.ts';
import { ReconcilePanel } from '../reconcile/ReconcilePanel.tsx';
import type { ReconcileLink } from '../reconcile/reconcile-link.ts';
import { ZReconcileWarning } from '../reconcile/ZReconcileWarning.tsx';

interface ReportsTabProps {
  api: DayApi;
  reconcile: ReconcileLink;
  status: DayStatus;
  onChanged(): void;
}

type Shown =
  | { kind: 'period'; report: PeriodReport; csv: CsvRequest }
  | { kind: 'range'; report: RangeReport; csv: CsvRequest };

/** The X any time, the Z (after a confirmation, with the manager PIN once one exists), past Zs, a date range. */
export function ReportsTab({ api, reconcile, status, onChanged }: ReportsTabProps) {
  const t = useT();
  const action = useDayAction();
  const [shown, setShown] = useState<Shown | undefined>();
  const [printed, setPrinted] = useState<'original' | 'copy' | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [pin, setPin] = useState('');
  const [history, setHistory] = useState<ZSummary[]>([]);
  const [from, setFrom] = useState(daysBefore(status.businessDate, 6));
  const [to, setTo] = useState(status.businessDate);

  const loadHistory = useCallback(() => {
    api.zList(10).then(setHistory, () => undefined);
  }, [api]);
  useEffect(loadHistory, [loadHistory]);

  const show = async (load: () => Promise<Shown>) => {
    const next = await action.run(load);
    if (next !== undefined) {
      setShown(next);
      setPrinted(undefined);
    }
  };
  const x = () => show(async () => ({ kind: 'period', report: await api.x(), csv: { kind: 'x' } }));
  const z = () =>
    show(async () => {
      const report = await api.z(status.managerPinSet ? pin : undefined);
      setConfirming(false);
      setPin('');
      loadHistory();
      onChanged();
      return { kind: 'period', report, csv: { kind: 'z', number: report.number ?? 0 } };
    });
  const zGet = (number: number) =>
    show(async () => ({ kind: 'period', report: await api.zGet(number), csv: { kind: 'z', number } }));
  const range = () =>
    show(async () => ({
      kind: 'range',
      report: await api.range(from, to),
      csv: { kind: 'range', from, to },
    }));
  const csv = async (request: CsvRequest) => {
    const file = await action.run(() => api.csv(request));
    if (file !== undefined) downloadCsv(file.csv, file.fileName);
  };
  // An X prints as it is now (a new X); a Z prints as it was closed, a COPY after its first print.
  const print = async (request: ReportPrintRequest) => {
    setPrinted(undefined);
    const job = await action.run(() => api.print(request));
    if (job !== undefined) setPrinted(job.copy ? 'copy' : 'original');
  };

  return (
    <div className="day-reports">
      <div className="day-columns">
        <section className="day-card">
          <button type="button" data-testid="report-x" disabled={action.busy} onClick={() => void x()}>
            {t('day.reports.x')}
          </button>
        </section>
        <ReconcilePanel
          link={reconcile}
          businessDate={status.businessDate}
          utcOffsetMinutes={status.utcOffsetMinutes}
        />
        <section className="day-card" data-testid="z-form">
          <h3>{t('day.reports.zTitle')}</h3>
          <p className="day-hint">{t('day.reports.zHint')}</p>
          {!confirming ? (
            <button
              type="button"
              data-testid="report-z"
              disabled={action.busy}
              onClick={() => setConfirming(true)}
            >
              {t('day.reports.z')}
            </button>
          ) : (
            <div className="day-row confirm">
              <ZReconcileWarning link={reconcile} date={status.businessDate} />
              {status.managerPinSet && (
                <>
                  <label htmlFor="z-pin">{t('day.reports.managerPin')}</label>
                  <input
                    id="z-pin"
                    data-testid="z-pin"
                    type="password"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={8}
                    value={pin}
                    onChange={(event) => setPin(event.target.value)}
                  />
                </>
              )}
              <button
                type="button"
                className="danger-button"
                data-testid="report-z-confirm"
                disabled={action.busy}
                onClick={() => void z()}
              >
                {action.busy ? t('day.reports.working') : t('day.reports.zConfirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('day.reports.cancel')}
              </button>
            </div>
          )}
        </section>
        <section className="day-card" data-testid="z-history">
          <h3>{t('day.reports.history')}</h3>
          {history.length === 0 ? (
            <p className="day-hint">{t('day.reports.noHistory')}</p>
          ) : (
            <ul>
              {history.map((h) => (
                <li key={h.number}>
                  <button
                    type="button"
                    data-testid={`z-show-${h.number}`}
                    onClick={() => void zGet(h.number)}
                  >
                    {t('day.reports.show')} {h.label}
                  </button>{' '}
                  {h.businessDate} · {shopDateTime(h.closedAt, status.utcOffsetMinutes)} ·{' '}
                  {formatRupiah(h.salesAmount)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="day-card" data-testid="range-form">
          <h3>{t('day.reports.rangeTitle')}</h3>
          <div className="day-row">
            <label htmlFor="range-from">{t('day.reports.from')}</label>
            <input
              id="range-from"
              data-testid="range-from"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
            <label htmlFor="range-to">{t('day.reports.to')}</label>
            <input
              id="range-to"
              data-testid="range-to"
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
            <button
              type="button"
              data-testid="range-show"
              disabled={action.busy}
              onClick={() => void range()}
            >
              {t('day.reports.showRange')}
            </button>
          </div>
        </section>
      </div>
      {action.notice !== undefined && <NoticeBox notice={action.notice} testId="report-error" />}
      {shown !== undefined && (
        <div className="day-report-shown">
          <div className="day-row">
            <button
              type="button"
              className="primary-button"
              data-testid="report-csv"
              onClick={() => void csv(shown.csv)}
            >
              {t('day.reports.csv')}
            </button>
            <span className="day-hint">{t('day.reports.csvHint')}</span>
            {shown.kind === 'period' && (
              <button
                type="button"
                data-testid="report-print"
                disabled={action.busy}
                onClick={() =>
                  void print(
                    shown.report.number === null ? { kind: 'x' } : { kind: 'z', number: shown.report.number },
                  )
                }
              >
                {t('day.reports.print')}
              </button>
            )}
            {printed !== undefined && (
              <span className="day-hint" role="status" data-testid="report-printed">
                {t(printed === 'copy' ? 'day.reports.printedCopy' : 'day.reports.printed')}
              </span>
            )}
          </div>
          {shown.kind === 'period' ? (
            <PeriodReportView report={shown.report} />
          ) : (
            <RangeReportView report={shown.report} />
          )}
        </div>
      )}
    </div>
  );
}
