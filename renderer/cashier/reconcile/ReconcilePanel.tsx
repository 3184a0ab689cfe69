/**
 * "Reconcile with Midtrans" for a business day, on the day screen before the Z: start (or resume,
 * or run again), the progress as the run goes (checked of total, its rate, a pause and its reason,
 * resumed after a restart), and the findings grouped by severity with the money at risk loudest —
 * what was adopted into the journal, what a manager must decide — and their CSV.
 */
import { useState } from 'react';
import type { FindingView, RunView } from '../../../common/reconcile-contract.ts';
import { NoticeBox } from '../../shared/Bilingual.tsx';
import { useT } from '../../shared/language.ts';
import { shopClock } from '../day/day-model.ts';
import { downloadCsv } from '../day/download.ts';
import { useDayAction } from '../day/use-day-action.ts';
import type { ReconcileLink } from './reconcile-link.ts';
import { countFindings, groupBySeverity, startWord } from './reconcile-model.ts';
import { useReconcileDay } from './use-reconcile.ts';

interface ReconcilePanelProps {
  link: ReconcileLink;
  /** Today's business day (the default, and the latest day that can be chosen). */
  businessDate: string;
  utcOffsetMinutes: number;
}

export function ReconcilePanel({ link, businessDate, utcOffsetMinutes }: ReconcilePanelProps) {
  const t = useT();
  const action = useDayAction();
  const [date, setDate] = useState(businessDate);
  const { day, loaded } = useReconcileDay(link, date);
  const word = startWord(day);
  const counts = countFindings(day.findings);

  const start = () => void action.run(() => link.api.start(date));
  const csv = async () => {
    const file = await action.run(() => link.api.csv(date));
    if (file !== undefined) downloadCsv(file.csv, file.fileName);
  };

  return (
    <section className="day-card reconcile-panel" data-testid="reconcile-panel">
      <h3>{t('reconcile.title')}</h3>
      <p className="day-hint">{t('reconcile.hint', { rate: day.run?.rate ?? 2 })}</p>
      <div className="day-row">
        <label htmlFor="reconcile-date">{t('reconcile.date')}</label>
        <input
          id="reconcile-date"
          data-testid="reconcile-date"
          type="date"
          max={businessDate}
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
        <button
          type="button"
          className="primary-button"
          data-testid="reconcile-start"
          disabled={action.busy || word === 'running' || date === ''}
          onClick={start}
        >
          {word === 'running'
            ? t('reconcile.running')
            : word === 'resume'
              ? t('reconcile.resume')
              : word === 'again'
                ? t('reconcile.again')
                : t('reconcile.start')}
        </button>
      </div>
      {action.notice !== undefined && <NoticeBox notice={action.notice} testId="reconcile-error" />}
      {loaded && day.run === undefined && <p data-testid="reconcile-never">{t('reconcile.never')}</p>}
      {day.run !== undefined && <RunProgress run={day.run} utcOffsetMinutes={utcOffsetMinutes} />}
      {day.run !== undefined && (
        <p className="reconcile-summary" data-testid="reconcile-summary">
          {counts.all === 0 ? (
            t('reconcile.summary.none')
          ) : (
            <>
              <strong>{t('reconcile.summary.findings', { count: counts.all })}</strong>
              {counts.moneyAtRisk > 0 && (
                <> · {t('reconcile.summary.moneyAtRisk', { count: counts.moneyAtRisk })}</>
              )}
              {' · '}
              {t('reconcile.summary.adopted', { count: counts.adopted })}
              {' · '}
              {t('reconcile.summary.decide', { count: counts.toDecide })}
            </>
          )}
        </p>
      )}
      {groupBySeverity(day.findings).map((group) => (
        <div
          key={group.severity}
          className={`reconcile-group reconcile-${group.severity}`}
          data-testid={`reconcile-group-${group.severity}`}
          role={group.severity === 'money-at-risk' ? 'alert' : undefined}
        >
          <h4>
            {t(`reconcile.severity.${group.severity}`)} ({group.findings.length})
          </h4>
          <ul>
            {group.findings.map((finding) => (
              <FindingItem key={finding.id} finding={finding} utcOffsetMinutes={utcOffsetMinutes} />
            ))}
          </ul>
        </div>
      ))}
      {day.findings.length > 0 && (
        <div className="day-row">
          <button type="button" data-testid="reconcile-csv" disabled={action.busy} onClick={() => void csv()}>
            {t('reconcile.csv')}
          </button>
        </div>
      )}
    </section>
  );
}

function RunProgress({ run, utcOffsetMinutes }: { run: RunView; utcOffsetMinutes: number }) {
  const t = useT();
  return (
    <div className="reconcile-progress" data-testid="reconcile-progress" data-state={run.state}>
      <progress max={Math.max(run.total, 1)} value={run.total === 0 ? 1 : run.checked} />
      <span>{t('reconcile.progress', { checked: run.checked, total: run.total, rate: run.rate })}</span>
      {run.state === 'done' && run.finishedAt !== undefined && (
        <span data-testid="reconcile-done">
          {t('reconcile.done', { time: shopClock(run.finishedAt, utcOffsetMinutes) })}
        </span>
      )}
      {run.resumed && <span data-testid="reconcile-resumed">{t('reconcile.resumed')}</span>}
      {run.backingOffUntil !== undefined && run.paused === undefined && (
        <span>{t('reconcile.backingOff', { time: shopClock(run.backingOffUntil, utcOffsetMinutes) })}</span>
      )}
      {run.paused !== undefined && (
        <p className="reconcile-paused" data-testid="reconcile-paused" data-reason={run.paused.reason}>
          <strong>{t('reconcile.paused.title')}:</strong> {t(`reconcile.paused.${run.paused.reason}`)}{' '}
          {t('reconcile.paused.action')}
        </p>
      )}
    </div>
  );
}

function FindingItem({ finding, utcOffsetMinutes }: { finding: FindingView; utcOffsetMinutes: number }) {
  const t = useT();
  return (
    <li className="reconcile-finding" data-testid="reconcile-finding" data-kind={finding.kind}>
      <strong>{t(`reconcile.kind.${finding.kind}`)}</strong>
      <span className="reconcile-order">
        {finding.orderId} · {shopClock(finding.at, utcOffsetMinutes)}
      </span>
      <span>{t('reconcile.here', { value: finding.here })}</span>
      <span>{t('reconcile.gateway', { value: finding.gateway })}</span>
      <span
        className={finding.adopted ? 'reconcile-adopted' : 'reconcile-decide'}
        data-testid={finding.adopted ? 'reconcile-adopted' : 'reconcile-decide'}
      >
        {finding.adopted ? t('reconcile.adopted') : t('reconcile.decide')}
      </span>
      <span className="day-hint">{finding.action}</span>
    </li>
  );
}
