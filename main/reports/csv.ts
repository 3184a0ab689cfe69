/**
 * The reports as CSV that a spreadsheet opens correctly, written by csv-stringify (quoting is
 * where hand-written CSV goes wrong). The choices, the same as the catalogue's export:
 *
 * - Semicolon-separated: Excel set to Indonesian (comma as the decimal separator) uses ";" as its
 *   list separator, so a double-clicked comma file would land in one column there; LibreOffice
 *   and Google Sheets detect ";" on their own.
 * - UTF-8 with a BOM, CRLF line ends: Excel reads a CSV as UTF-8 only when it starts with a BOM
 *   (otherwise "Rp" survives but a cashier called "Dédé" or an item "Crème brûlée" does not).
 * - Amounts are plain whole numbers (250000, -2000), no grouping, no "Rp", no decimals: whatever
 *   the spreadsheet's locale, they are numbers it can add up; the header says the unit (_rp).
 * - Times are shop time written "2026-12-01 08:05 WIB", as text.
 * - Text that starts with = + - @ (or a tab or carriage return) gets a leading ' so no
 *   spreadsheet runs it as a formula ("CSV injection"): item and cashier names are typed by people.
 *
 * One table, six columns (section, name, detail, count, quantity, amount), so it can be filtered
 * and summed as it is.
 */
import { stringify } from 'csv-stringify/sync';
import type { PeriodReport, RangeReport, ReportFigures } from '../../common/day-contract.ts';
import { zoneLabel } from '../receipts/shop-time.ts';
import { hourLabel, reportWords, type ReportLanguage, type ReportWords } from './words.ts';

export type CsvLanguage = ReportLanguage;

type Cell = string | number | null;
type Row = [Cell, Cell, Cell, Cell, Cell, Cell];

export const REPORT_CSV_DELIMITER = ';';

function guard(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function render(words: ReportWords, rows: Row[]): string {
  return stringify([words.columns, ...rows.map((row) => row.map(guard))], {
    delimiter: REPORT_CSV_DELIMITER,
    record_delimiter: 'windows',
    bom: true,
    cast: { number: (value) => String(value) },
  });
}

/** "2026-12-01 08:05 WIB" in the shop's zone. */
export function shopDateTime(ms: number, utcOffsetMinutes: number): string {
  const local = new Date(ms + utcOffsetMinutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${zoneLabel(utcOffsetMinutes)}`;
}

function figureRows(w: ReportWords, f: ReportFigures, offset: number, language: CsvLanguage): Row[] {
  const rows: Row[] = [];
  rows.push([w.sales, w.salesTotal, null, f.counts.sales, null, f.salesAmount]);
  for (const t of f.tenders) rows.push([w.tenders, w.tender[t.tender], null, t.count, null, t.amount]);
  for (const p of f.paymentTypes) {
    rows.push([
      w.paymentTypes,
      p.paymentType,
      p.issuer === '' ? w.noIssuer : p.issuer,
      p.count,
      null,
      p.amount,
    ]);
  }
  for (const [key, label] of Object.entries(w.count) as [keyof ReportFigures['counts'], string][]) {
    rows.push([w.counts, label, null, f.counts[key], null, null]);
  }
  rows.push([w.totals, w.subtotal, null, null, null, f.subtotal]);
  rows.push([w.totals, w.lineDiscounts, null, null, null, f.discounts.line]);
  rows.push([w.totals, w.orderDiscount, null, null, null, f.discounts.order]);
  rows.push([w.totals, w.service, null, null, null, f.service]);
  rows.push([w.totals, w.taxAdded, null, null, null, f.tax.added]);
  rows.push([w.totals, w.taxIncluded, null, null, null, f.tax.included]);
  rows.push([w.totals, w.rounding, null, null, null, f.rounding]);
  rows.push([w.refunds, w.refundsIncluded, f.refunds.included ? w.yes : w.no, null, null, null]);
  rows.push([w.refunds, w.refunds, f.refunds.note[language], f.refunds.count, null, f.refunds.amount]);
  for (const t of f.refunds.byTender)
    rows.push([w.refunds, w.tender[t.tender], null, t.count, null, t.amount]);
  for (const h of f.byHour) rows.push([w.byHour, hourLabel(h.hour), null, h.count, null, h.amount]);
  for (const i of f.byItem) {
    rows.push([w.byItem, i.name === '' ? w.noItems : i.name, i.sku, null, i.quantity, i.amount]);
  }
  for (const s of f.shifts) {
    const name = `${w.shift} ${s.shiftId} (${s.cashier ?? w.noCashier})`;
    const when = `${shopDateTime(s.openedAt, offset)} - ${
      s.closedAt === null ? w.stillOpen : shopDateTime(s.closedAt, offset)
    }`;
    const d = s.drawer;
    rows.push([w.shift, name, when, d.cashSales, null, null]);
    for (const key of Object.keys(w.drawer) as (keyof ReportWords['drawer'])[]) {
      rows.push([w.shift, name, w.drawer[key], null, null, d[key]]);
    }
    rows.push([w.shift, name, w.counted, null, null, s.counted]);
    rows.push([w.shift, name, w.difference, null, null, s.difference]);
  }
  rows.push([w.outsideShifts, w.cashOutsideShifts, null, null, null, f.cashOutsideShifts]);
  rows.push(...reconciliationRows(w, f));
  return rows;
}

/** Absent on Zs closed before reconciliation was counted: they get no rows, as they printed none. */
function reconciliationRows(w: ReportWords, f: ReportFigures): Row[] {
  const r = f.reconciliation;
  if (r === undefined) return [];
  if (!r.reconciled) return [[w.reconciliation, w.notReconciled, null, 0, null, null]];
  const rows: Row[] = r.runs.map((run) => [
    w.reconciliation,
    `${w.reconcileRun} ${run.runId}`,
    run.businessDate,
    run.checked,
    null,
    null,
  ]);
  rows.push([w.reconciliation, w.reconcileChecked, null, r.checked, null, null]);
  rows.push([w.reconciliation, w.reconcileFindings, null, r.findings, null, null]);
  for (const k of r.byKind) rows.push([w.reconciliation, w.findingKind[k.kind], k.kind, k.count, null, null]);
  rows.push([w.reconciliation, w.reconcileMoneyAtRisk, null, r.moneyAtRisk, null, null]);
  rows.push([w.reconciliation, w.reconcileToDecide, null, r.toDecide, null, null]);
  return rows;
}

export function periodCsv(report: PeriodReport, language: CsvLanguage): { csv: string; fileName: string } {
  const w = reportWords(language);
  const offset = report.utcOffsetMinutes;
  const rows: Row[] = [
    [w.report, report.kind === 'z' ? w.zTitle : w.xTitle, report.label, null, null, null],
    [w.report, w.businessDate, report.businessDate, null, null, null],
    [
      w.report,
      w.from,
      report.from === null ? w.firstPeriod : shopDateTime(report.from, offset),
      null,
      null,
      null,
    ],
    [w.report, w.to, shopDateTime(report.to, offset), null, null, null],
    [w.report, w.environment, report.training ? w.training : report.environment, null, null, null],
  ];
  if (report.hash !== null) rows.push([w.report, w.hash, report.hash, null, null, null]);
  if (report.previousHash !== null)
    rows.push([w.report, w.previousHash, report.previousHash, null, null, null]);
  rows.push(...figureRows(w, report.figures, offset, language));
  const stamp = shopDateTime(report.to, offset).slice(0, 16).replace(' ', '_').replace(':', '');
  const fileName = report.kind === 'z' ? `${report.label}_${report.businessDate}.csv` : `X_${stamp}.csv`;
  return { csv: render(w, rows), fileName };
}

export function rangeCsv(report: RangeReport, language: CsvLanguage): { csv: string; fileName: string } {
  const w = reportWords(language);
  const rows: Row[] = [
    [w.report, w.rangeTitle, null, null, null, null],
    [w.report, w.from, report.from, null, null, null],
    [w.report, w.to, report.to, null, null, null],
    [w.report, w.environment, report.training ? w.training : report.environment, null, null, null],
  ];
  for (const d of report.days) rows.push([w.byDay, d.date, null, d.sales, null, d.amount]);
  rows.push(...figureRows(w, report.figures, report.utcOffsetMinutes, language));
  return { csv: render(w, rows), fileName: `${w.report}_${report.from}_${report.to}.csv` };
}
