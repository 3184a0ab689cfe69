/** The day's reports and shifts as lines for a person at the till (--json prints them raw). */
import type { PeriodReport, RangeReport, ReportFigures, ShiftView } from '../../common/day-contract.ts';
import { shopDateTime } from '../reports/csv.ts';
import { hourLabel, reportWords } from '../reports/words.ts';
import { alignRight, rupiah, table } from './format.ts';

const w = reportWords('en');

function figureLines(f: ReportFigures, offset: number): string[] {
  const lines: string[] = [];
  lines.push(`${w.salesTotal}: ${f.counts.sales} sale(s), ${rupiah(f.salesAmount)}`);
  const tenders = alignRight(
    f.tenders.map((t) => [w.tender[t.tender], String(t.count), rupiah(t.amount)]),
    2,
  );
  lines.push('', ...table(['TENDER', 'COUNT', 'AMOUNT'], tenders));
  if (f.paymentTypes.length > 0) {
    const rows = alignRight(
      f.paymentTypes.map((p) => [
        p.paymentType,
        p.issuer === '' ? '-' : p.issuer,
        String(p.count),
        rupiah(p.amount),
      ]),
      3,
    );
    lines.push('', ...table(['PAID WITH', 'ISSUER', 'COUNT', 'AMOUNT'], rows));
  }
  const c = f.counts;
  lines.push(
    '',
    `Voided ${c.voided}; QRIS/GoPay settled ${c.settled}, expired ${c.expired}, cancelled ${c.cancelled}, ` +
      `denied ${c.denied}, failed ${c.failed}; still open ${c.stillOpen}`,
    `Subtotal ${rupiah(f.subtotal)}; discounts ${rupiah(f.discounts.line + f.discounts.order)}; ` +
      `service ${rupiah(f.service)}; tax added ${rupiah(f.tax.added)}, included ${rupiah(f.tax.included)}; ` +
      `rounding ${rupiah(f.rounding)}`,
    f.refunds.included
      ? `Refunds: ${f.refunds.count}, ${rupiah(f.refunds.amount)}`
      : `Refunds: ${f.refunds.note.en}`,
  );
  if (f.byHour.length > 0) {
    const rows = alignRight(
      f.byHour.map((h) => [hourLabel(h.hour), String(h.count), rupiah(h.amount)]),
      2,
    );
    lines.push('', ...table(['HOUR', 'SALES', 'AMOUNT'], rows));
  }
  if (f.byItem.length > 0) {
    const rows = alignRight(
      f.byItem.map((i) => [i.name === '' ? w.noItems : i.name, String(i.quantity), rupiah(i.amount)]),
      2,
    );
    lines.push('', ...table(['ITEM', 'QTY', 'AMOUNT'], rows));
  }
  for (const s of f.shifts)
    lines.push('', ...drawerLines(s.shiftId, s.cashier, s.openedAt, s.closedAt, s, offset));
  if (f.cashOutsideShifts > 0) lines.push('', `${w.cashOutsideShifts}: ${rupiah(f.cashOutsideShifts)}`);
  return lines;
}

function drawerLines(
  id: number,
  cashier: string | null,
  openedAt: number,
  closedAt: number | null,
  s: { drawer: ShiftView['drawer']; counted: number | null; difference: number | null },
  offset: number,
): string[] {
  const d = s.drawer;
  const until = closedAt === null ? 'still open' : shopDateTime(closedAt, offset);
  const rows = alignRight(
    [
      [w.drawer.float, rupiah(d.float)],
      [w.drawer.cashReceived, rupiah(d.cashReceived)],
      [w.drawer.changeGiven, rupiah(-d.changeGiven)],
      [w.drawer.cashReturned, rupiah(-d.cashReturned)],
      [w.drawer.cashRefunds, d.refundsIncluded ? rupiah(-d.cashRefunds) : 'not recorded yet'],
      [w.drawer.cashIn, rupiah(d.cashIn)],
      [w.drawer.cashOut, rupiah(-d.cashOut)],
      [w.drawer.expected, rupiah(d.expected)],
      ...(s.counted === null ? [] : [[w.counted, rupiah(s.counted)]]),
      ...(s.difference === null ? [] : [[w.difference, rupiah(s.difference)]]),
    ],
    1,
  );
  return [
    `Shift ${id} (${cashier ?? w.noCashier}), ${shopDateTime(openedAt, offset)} - ${until}`,
    ...table(['DRAWER', ''], rows),
  ];
}

export function periodText(report: PeriodReport): string[] {
  const offset = report.utcOffsetMinutes;
  const from = report.from === null ? w.firstPeriod : shopDateTime(report.from, offset);
  return [
    `${report.kind === 'z' ? `Z report ${report.label}` : 'X report (nothing closed)'}` +
      `${report.training ? ' - TRAINING' : ''}, business day ${report.businessDate}`,
    `Period: ${from} - ${shopDateTime(report.to, offset)}`,
    ...(report.hash === null ? [] : [`Seal: ${report.hash}`]),
    '',
    ...figureLines(report.figures, offset),
  ];
}

export function rangeText(report: RangeReport): string[] {
  const days = alignRight(
    report.days.map((d) => [d.date, String(d.sales), rupiah(d.amount)]),
    2,
  );
  return [
    `Sales ${report.from} - ${report.to}${report.training ? ' - TRAINING' : ''}`,
    '',
    ...table(['DAY', 'SALES', 'AMOUNT'], days),
    '',
    ...figureLines(report.figures, report.utcOffsetMinutes),
  ];
}

export function shiftText(shift: ShiftView, utcOffsetMinutes: number): string[] {
  const lines = drawerLines(
    shift.shiftId,
    shift.cashier?.name ?? null,
    shift.openedAt,
    shift.closedAt,
    shift,
    utcOffsetMinutes,
  );
  for (const m of shift.movements) lines.push(`  cash ${m.kind}: ${rupiah(m.amount)} (${m.reason})`);
  return lines;
}
