/**
 * `kiosk report x|z|range`: the X (nothing closed), the Z (closes the period since the last Z;
 * `--number N` shows a stored one again) and the date-range report, as text, JSON or a CSV file
 * for a spreadsheet, and with `--print` on the receipt printer (or `--printer ADDRESS`). Plain
 * `kiosk report` keeps its old meaning (report.ts).
 */
import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomicSync } from '../../fs/atomic-file.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { periodCsv, rangeCsv } from '../../reports/csv.ts';
import { dateOption, parseCommand } from '../args.ts';
import { periodText, rangeText } from '../day-text.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { cliTransport } from '../journaled-send.ts';
import { readPrintingSettings } from '../printing-settings.ts';
import { widthOption } from '../receipt-options.ts';
import { printReportSlip } from '../report-slip.ts';
import { withKiosk } from '../services.ts';
import { SqliteJobStore } from '../../printing/sqlite-job-store.ts';
import { UsageError } from '../usage.ts';

const OPTIONS = {
  json: { type: 'boolean' },
  csv: { type: 'string' },
  lang: { type: 'string' },
  date: { type: 'string' },
  number: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  verify: { type: 'boolean' },
  print: { type: 'boolean' },
  printer: { type: 'string' },
  width: { type: 'string' },
} as const;

export const DAY_REPORT_KINDS = ['x', 'z', 'range'] as const;
type Kind = (typeof DAY_REPORT_KINDS)[number];

export async function dayReportCommand(
  kind: Kind,
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values } = parseCommand(`report ${kind}`, argv, OPTIONS, []);
  const language = values.lang ?? 'id';
  if (language !== 'id' && language !== 'en') {
    throw new UsageError(
      `--lang must be id or en, not "${language}"`,
      `--lang harus id atau en, bukan "${language}".`,
    );
  }
  const number = values.number === undefined ? undefined : zNumber(values.number);
  if (kind === 'range') {
    // Left to the report's own check, which words a missing, impossible or reversed date itself.
    if (values.from === undefined || values.to === undefined) {
      throw new UsageError(
        'report range needs --from YYYY-MM-DD and --to YYYY-MM-DD',
        '"report range" memerlukan --from YYYY-MM-DD dan --to YYYY-MM-DD.',
      );
    }
  }
  const date = kind === 'z' ? dateOption(values.date) : undefined;
  if (values.csv !== undefined) assertWritable(values.csv);
  // Before a Z is closed: a printer that cannot be reached is a usage error, nothing closed yet.
  const printer = values.print === true ? reportPrinter(kind, values, config) : undefined;
  return withKiosk(config, async ({ day, journal }) => {
    const { reports } = day;
    if (kind === 'range') {
      const report = reports.range(values.from ?? '', values.to ?? '');
      if (values.csv !== undefined) save(out, values.csv, rangeCsv(report, language).csv);
      if (values.json === true) out.json(report);
      else for (const line of rangeText(report)) out.line(line);
      return EXIT.ok;
    }
    if (kind === 'z' && values.verify === true) {
      const problems = reports.verify();
      const count = reports.zBook.all(day.shifts.environment).length;
      if (values.json === true) out.json({ zReports: count, problems });
      for (const problem of problems) out.note(problem);
      if (values.json !== true) {
        out.line(
          problems.length === 0
            ? `${count} Z report(s): numbered without gaps, each seal right, each one's figures the journal's own`
            : `${problems.length} problem(s) in ${count} Z report(s)`,
        );
      }
      return problems.length === 0 ? EXIT.ok : EXIT.doctorFailed;
    }
    const report =
      kind === 'x' ? reports.x() : number !== undefined ? reports.zGet(number) : reports.closeZ(date);
    if (values.csv !== undefined) save(out, values.csv, periodCsv(report, language).csv);
    if (values.json === true) out.json(report);
    else for (const line of periodText(report)) out.line(line);
    if (printer === undefined) return EXIT.ok;
    return printReportSlip(report, new SqliteJobStore(journal.database), out, printer, printer.settings);
  });
}

function reportPrinter(
  kind: Kind,
  values: { printer?: string | undefined; width?: string | undefined; verify?: boolean | undefined },
  config: KioskConfig,
) {
  if (kind === 'range' || values.verify === true) {
    throw new UsageError(
      '--print prints an X or a Z report (not a range, not --verify)',
      '--print mencetak laporan X atau Z (bukan rentang tanggal, bukan --verify).',
    );
  }
  const settings = readPrintingSettings(config.dataDir);
  const { transport, configured } = cliTransport(values.printer, settings);
  const width = widthOption(values.width, values.printer === undefined ? (configured?.width ?? 58) : 58);
  return { transport, width, settings };
}

function zNumber(text: string): number {
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) {
    throw new UsageError(
      `--number must be a Z number such as 12, not "${text}"`,
      `--number harus nomor Z seperti 12, bukan "${text}".`,
    );
  }
  return Number(text);
}

function save(out: Output, file: string, csv: string): void {
  writeFileAtomicSync(file, csv);
  out.note(`CSV written to ${file} (semicolon-separated, UTF-8 with BOM, for Excel and LibreOffice)`);
}

export function isDayReportKind(value: string | undefined): value is Kind {
  return value !== undefined && (DAY_REPORT_KINDS as readonly string[]).includes(value);
}

/** Before a Z is closed: a CSV that could not be written must not leave the owner without it. */
function assertWritable(file: string): void {
  try {
    accessSync(dirname(resolve(file)), constants.W_OK);
  } catch {
    throw new UsageError(
      `--csv: the folder of "${file}" does not exist or cannot be written`,
      `--csv: folder untuk "${file}" tidak ada atau tidak dapat ditulisi.`,
    );
  }
}
