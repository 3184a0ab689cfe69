/**
 * `kiosk report x|z … --print`: the report's slip on the receipt printer (or `--printer`), sent by
 * the CLI itself (journaled-send.ts: never a running kiosk's jobs). A Z's first print is keyed by
 * its number as the kiosk keys it, so a Z printed again, here or at the till, is a COPY.
 */
import type { PeriodReport } from '../../common/day-contract.ts';
import type { PaperWidth } from '../../common/printing.ts';
import type { PrintJobStore } from '../printing/job-store.ts';
import { receiptContext } from '../printing/printing-config.ts';
import { zKeyOf } from '../printing/slip-jobs.ts';
import type { PrinterTransport } from '../printing/transport.ts';
import { periodSlip } from '../reports/slip.ts';
import type { ExitCode } from './exit-codes.ts';
import type { Output } from './io.ts';
import { sendJournaled, type CliJob } from './journaled-send.ts';
import type { CliPrintingSettings } from './printing-settings.ts';

export function printReportSlip(
  report: PeriodReport,
  store: PrintJobStore,
  out: Output,
  printer: { transport: PrinterTransport; width: PaperWidth },
  settings: CliPrintingSettings,
): Promise<ExitCode> {
  const key =
    report.number === null ? undefined : zKeyOf({ environment: report.environment, number: report.number });
  const first = key === undefined ? undefined : store.byKey(key);
  let what: CliJob;
  if (first !== undefined) {
    what = { kind: 'report', payload: first.payload, copy: true };
  } else {
    const { shop } = receiptContext(settings, {
      training: report.training,
      utcOffsetMinutes: report.utcOffsetMinutes,
    });
    const slip = periodSlip(report, { shop, language: settings.language });
    what = {
      kind: 'report',
      payload: { type: 'slip', document: slip },
      copy: false,
      ...(key === undefined ? {} : { key }),
    };
  }
  return sendJournaled(store, out, printer, what, report.number === null ? 'the X report' : report.label);
}
