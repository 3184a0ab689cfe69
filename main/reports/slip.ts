/**
 * An X or Z report as a printable slip (main/receipts' SlipDocument, kind 'report'): the hook for
 * the PrintService, which will print it on the receipt printer like any slip. Nothing here prints;
 * the numbers are the report's own, never recomputed.
 */
import type { PeriodReport } from '../../common/day-contract.ts';
import type { ShopHeader, SlipDocument, SlipRow } from '../receipts/document.ts';
import { hourLabel, reportWords, type ReportLanguage } from './words.ts';

export interface SlipOptions {
  shop: ShopHeader;
  language: ReportLanguage;
  /** A reprint of a Z: "SALINAN / COPY". */
  copy?: boolean;
}

export function periodSlip(report: PeriodReport, options: SlipOptions): SlipDocument {
  const w = reportWords(options.language);
  const f = report.figures;
  const rows: SlipRow[] = [];
  rows.push({ label: w.salesTotal, amount: f.salesAmount, strong: true });
  rows.push({ label: w.count.sales, value: String(f.counts.sales) });
  rows.push({ label: w.tenders.toUpperCase(), ruleAbove: true });
  for (const t of f.tenders) rows.push({ label: `${w.tender[t.tender]} (${t.count})`, amount: t.amount });
  if (f.paymentTypes.length > 0) rows.push({ label: w.paymentTypes.toUpperCase(), ruleAbove: true });
  for (const p of f.paymentTypes) {
    const issuer = p.issuer === '' ? '' : ` ${p.issuer}`;
    rows.push({ label: `${p.paymentType}${issuer} (${p.count})`, amount: p.amount });
  }
  rows.push({ label: w.counts.toUpperCase(), ruleAbove: true });
  for (const [key, label] of Object.entries(w.count) as [keyof typeof f.counts, string][]) {
    rows.push({ label, value: String(f.counts[key]) });
  }
  rows.push({ label: w.subtotal, amount: f.subtotal, ruleAbove: true });
  rows.push({ label: w.lineDiscounts, amount: f.discounts.line });
  rows.push({ label: w.orderDiscount, amount: f.discounts.order });
  rows.push({ label: w.service, amount: f.service });
  rows.push({ label: w.taxAdded, amount: f.tax.added });
  rows.push({ label: w.taxIncluded, amount: f.tax.included });
  rows.push({ label: w.rounding, amount: f.rounding });
  rows.push({ label: w.refunds.toUpperCase(), ruleAbove: true });
  if (f.refunds.included) {
    rows.push({ label: `${w.refunds} (${f.refunds.count})`, amount: f.refunds.amount });
    for (const t of f.refunds.byTender) {
      rows.push({ label: `${w.tender[t.tender]} (${t.count})`, amount: t.amount });
    }
  } else rows.push({ label: f.refunds.note[options.language] });
  if (f.byHour.length > 0) rows.push({ label: w.byHour.toUpperCase(), ruleAbove: true });
  for (const h of f.byHour) rows.push({ label: `${hourLabel(h.hour)} (${h.count})`, amount: h.amount });
  if (f.byItem.length > 0) rows.push({ label: w.byItem.toUpperCase(), ruleAbove: true });
  for (const i of f.byItem) {
    rows.push({ label: `${i.quantity} x ${i.name === '' ? w.noItems : i.name}`, amount: i.amount });
  }
  for (const s of f.shifts) {
    rows.push({
      label: `${w.shift.toUpperCase()} ${s.shiftId}: ${s.cashier ?? w.noCashier}`,
      ruleAbove: true,
    });
    rows.push({ label: w.drawer.float, amount: s.drawer.float });
    rows.push({ label: w.drawer.cashReceived, amount: s.drawer.cashReceived });
    rows.push({ label: w.drawer.changeGiven, amount: s.drawer.changeGiven });
    rows.push({ label: w.drawer.cashReturned, amount: s.drawer.cashReturned });
    rows.push({ label: w.drawer.cashIn, amount: s.drawer.cashIn });
    rows.push({ label: w.drawer.cashOut, amount: s.drawer.cashOut });
    rows.push({ label: w.drawer.expected, amount: s.drawer.expected, strong: true });
    if (s.counted !== null) rows.push({ label: w.counted, amount: s.counted });
    if (s.difference !== null) rows.push({ label: w.difference, amount: s.difference, strong: true });
  }
  if (f.cashOutsideShifts > 0) {
    rows.push({ label: w.cashOutsideShifts, amount: f.cashOutsideShifts, ruleAbove: true });
  }
  const r = f.reconciliation;
  if (r !== undefined) {
    rows.push({ label: w.reconciliation.toUpperCase(), ruleAbove: true });
    if (!r.reconciled) rows.push({ label: w.notReconciled });
    for (const run of r.runs) {
      rows.push({ label: `${w.reconcileRun} ${run.runId}: ${run.businessDate}`, value: String(run.checked) });
    }
    if (r.reconciled) {
      rows.push({ label: w.reconcileChecked, value: String(r.checked) });
      rows.push({ label: w.reconcileFindings, value: String(r.findings) });
      for (const k of r.byKind) rows.push({ label: w.findingKind[k.kind], value: String(k.count) });
      rows.push({ label: w.reconcileMoneyAtRisk, value: String(r.moneyAtRisk), strong: r.moneyAtRisk > 0 });
      rows.push({ label: w.reconcileToDecide, value: String(r.toDecide) });
    }
  }
  return {
    title: `${report.kind === 'z' ? w.zTitle : w.xTitle}${report.number === null ? '' : ` ${report.label}`}`,
    shop: options.shop,
    time: report.to,
    utcOffsetMinutes: report.utcOffsetMinutes,
    subtitle: `${w.businessDate}: ${report.businessDate}`,
    rows,
    ...(report.hash === null ? {} : { footer: `${w.hash}: ${report.hash.slice(0, 16)}` }),
    language: options.language,
    training: report.training,
    copy: options.copy ?? false,
  };
}
