import type { PeriodReport, RangeReport, ReportFigures, TenderKind } from '../../../common/day-contract.ts';
import { formatRupiah, paymentTypeName } from '../../shared/format.ts';
import { useLanguage, useT, type Translate } from '../../shared/language.ts';
import { differenceKind, shopDateTime } from './day-model.ts';

type Row = [label: string, value: string, testId?: string];

function Table({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) {
  if (rows.length === 0) return null;
  return (
    <section className="report-section" data-testid={testId}>
      <h4>{title}</h4>
      <table>
        <tbody>
          {rows.map(([label, value, id], i) => (
            <tr key={`${label}-${i}`} {...(id === undefined ? {} : { 'data-testid': id })}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const rp = (amount: number) => formatRupiah(amount);

function tenderName(t: Translate, tender: TenderKind): string {
  return tender === 'cash' ? t('day.report.cash') : paymentTypeName(tender);
}

function Figures({ figures: f, offset }: { figures: ReportFigures; offset: number }) {
  const t = useT();
  const language = useLanguage();
  const c = f.counts;
  const hour = (h: number) => `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59`;
  return (
    <>
      <p className="report-total" data-testid="report-sales-total">
        <span>{t('day.report.salesTotal')}</span> <strong>{rp(f.salesAmount)}</strong>{' '}
        <span>{t('day.report.salesCount', { count: c.sales })}</span>
      </p>
      <Table
        title={t('day.report.tenders')}
        testId="report-tenders"
        rows={f.tenders.map((x) => [
          `${tenderName(t, x.tender)} (${x.count})`,
          rp(x.amount),
          `tender-${x.tender}`,
        ])}
      />
      <Table
        title={t('day.report.paymentTypes')}
        testId="report-payment-types"
        rows={f.paymentTypes.map((p) => [
          `${paymentTypeName(p.paymentType)} · ${p.issuer === '' ? t('day.report.noIssuer') : p.issuer} (${p.count})`,
          rp(p.amount),
        ])}
      />
      <Table
        title={t('day.report.counts')}
        testId="report-counts"
        rows={[
          [t('day.report.voided'), String(c.voided)],
          [t('day.report.settled'), String(c.settled)],
          [t('day.report.expired'), String(c.expired)],
          [t('day.report.cancelled'), String(c.cancelled)],
          [t('day.report.denied'), String(c.denied)],
          [t('day.report.failed'), String(c.failed)],
          [t('day.report.stillOpen'), String(c.stillOpen)],
        ]}
      />
      <Table
        title={t('day.report.totals')}
        testId="report-totals"
        rows={[
          [t('day.report.subtotal'), rp(f.subtotal)],
          [t('day.report.discounts'), rp(-(f.discounts.line + f.discounts.order))],
          [t('day.report.service'), rp(f.service)],
          [t('day.report.taxAdded'), rp(f.tax.added)],
          [t('day.report.taxIncluded'), rp(f.tax.included)],
          [t('day.report.rounding'), rp(f.rounding)],
          ...(f.refunds.included
            ? [[t('day.report.refunds'), rp(-f.refunds.amount), 'report-refunds-total'] as Row]
            : []),
        ]}
      />
      {!f.refunds.included && (
        <p className="report-note" data-testid="report-refunds">
          {t('day.report.refunds')}: {f.refunds.note[language]}
        </p>
      )}
      <Table
        title={t('day.report.byHour')}
        testId="report-hours"
        rows={f.byHour.map((h) => [`${hour(h.hour)} (${h.count})`, rp(h.amount)])}
      />
      <Table
        title={t('day.report.byItem')}
        testId="report-items"
        rows={f.byItem.map((i) => [
          `${i.quantity} × ${i.name === '' ? t('day.report.noItems') : i.name}`,
          rp(i.amount),
        ])}
      />
      {f.shifts.map((s) => {
        const d = s.drawer;
        const rows: Row[] = [
          [
            shopDateTime(s.openedAt, offset),
            s.closedAt === null ? t('day.report.stillOpenShift') : shopDateTime(s.closedAt, offset),
          ],
          [t('day.drawer.float'), rp(d.float)],
          [t('day.drawer.cashReceived'), rp(d.cashReceived)],
          [t('day.drawer.changeGiven'), rp(-d.changeGiven)],
          [t('day.drawer.cashReturned'), rp(-d.cashReturned)],
          [
            t('day.drawer.cashRefunds'),
            d.refundsIncluded ? rp(-d.cashRefunds) : t('day.drawer.refundsNotRecorded'),
          ],
          [t('day.drawer.cashIn'), rp(d.cashIn)],
          [t('day.drawer.cashOut'), rp(-d.cashOut)],
          [t('day.drawer.expected'), rp(d.expected), 'shift-expected'],
        ];
        if (s.counted !== null) rows.push([t('day.shift.counted'), rp(s.counted), 'shift-counted']);
        if (s.difference !== null) {
          rows.push([
            t('day.shift.difference'),
            `${rp(s.difference)} (${t(`day.shift.${differenceKind(s.difference)}`)})`,
            'shift-difference',
          ]);
        }
        return (
          <Table
            key={s.shiftId}
            title={t('day.report.shiftLine', { id: s.shiftId, cashier: s.cashier ?? t('day.noCashier') })}
            testId={`report-shift-${s.shiftId}`}
            rows={rows}
          />
        );
      })}
      {f.cashOutsideShifts > 0 && (
        <p className="report-note">
          {t('day.report.cashOutsideShifts')}: {rp(f.cashOutsideShifts)}
        </p>
      )}
      <ReconciliationLine figures={f} />
    </>
  );
}

/** The reconciliation line; none on a Z closed before reconciliation was counted. */
function ReconciliationLine({ figures }: { figures: ReportFigures }) {
  const t = useT();
  const r = figures.reconciliation;
  if (r === undefined) return null;
  if (!r.reconciled) {
    return (
      <p className="report-note" data-testid="report-reconciliation" data-reconciled="false">
        {t('day.report.reconciliation')}: {t('day.report.notReconciled')}
      </p>
    );
  }
  return (
    <div data-testid="report-reconciliation" data-reconciled="true">
      <Table
        title={t('day.report.reconciliation')}
        testId="report-reconciliation-table"
        rows={[
          ...r.runs.map((run): Row => [
            t('day.report.reconcileRun', { date: run.businessDate }),
            String(run.checked),
          ]),
          [t('day.report.reconcileChecked'), String(r.checked), 'report-reconcile-checked'],
          [t('day.report.reconcileFindings'), String(r.findings), 'report-reconcile-findings'],
          ...r.byKind.map((k): Row => [
            t(`reconcile.kind.${k.kind}`),
            String(k.count),
            `report-reconcile-${k.kind}`,
          ]),
          [t('day.report.reconcileMoneyAtRisk'), String(r.moneyAtRisk), 'report-reconcile-money-at-risk'],
          [t('day.report.reconcileToDecide'), String(r.toDecide)],
        ]}
      />
    </div>
  );
}

export function PeriodReportView({ report }: { report: PeriodReport }) {
  const t = useT();
  const offset = report.utcOffsetMinutes;
  const from = report.from === null ? t('day.report.firstPeriod') : shopDateTime(report.from, offset);
  return (
    <article className="report" data-testid="report" data-kind={report.kind} data-label={report.label}>
      <h3>
        {report.kind === 'z' ? t('day.report.zTitle', { label: report.label }) : t('day.report.xTitle')}
      </h3>
      <p>{t('day.businessDate', { date: report.businessDate })}</p>
      <p>{t('day.report.period', { from, to: shopDateTime(report.to, offset) })}</p>
      {report.training && <p className="report-training">{t('day.report.training')}</p>}
      {report.hash !== null && (
        <p className="report-seal">{t('day.report.seal', { hash: report.hash.slice(0, 16) })}</p>
      )}
      <Figures figures={report.figures} offset={offset} />
    </article>
  );
}

export function RangeReportView({ report }: { report: RangeReport }) {
  const t = useT();
  return (
    <article className="report" data-testid="report" data-kind="range">
      <h3>{t('day.report.rangeTitle', { from: report.from, to: report.to })}</h3>
      {report.training && <p className="report-training">{t('day.report.training')}</p>}
      <Table
        title={t('day.report.byDay')}
        testId="report-days"
        rows={report.days.map((d) => [`${d.date} (${d.sales})`, rp(d.amount)])}
      />
      <Figures figures={report.figures} offset={report.utcOffsetMinutes} />
    </article>
  );
}
