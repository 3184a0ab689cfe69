/**
 * Findings as CSV, the same form as the catalogue's export (main/catalogue/csv-format.ts): UTF-8
 * with a BOM and CRLF (Excel reads UTF-8 only with the BOM), semicolon-separated (Excel with
 * Indonesian regional settings splits on ";"), csv-stringify doing the quoting. Order ids are
 * text that may begin with digits and text may begin with = + - @: both are disguised the same
 * way the catalogue does, so no spreadsheet mangles or runs them. Times are shop time (the offset
 * given) written YYYY-MM-DD HH:MM:SS.
 */
import { stringify } from 'csv-stringify/sync';
import type { FindingView } from '../../common/reconcile-contract.ts';

export const FINDINGS_CSV_COLUMNS = [
  'run',
  'time',
  'order_id',
  'kind',
  'severity',
  'here',
  'gateway',
  'adopted',
  'action',
] as const;

function guard(value: string): string {
  if (/^\d+$/.test(value)) return `="${value}"`;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function shopTime(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function findingsCsv(findings: readonly FindingView[], utcOffsetMinutes: number): string {
  const records = findings.map((f) => [
    String(f.runId),
    shopTime(f.at, utcOffsetMinutes),
    guard(f.orderId),
    f.kind,
    f.severity,
    guard(f.here),
    guard(f.gateway),
    f.adopted ? '1' : '0',
    guard(f.action),
  ]);
  return stringify([[...FINDINGS_CSV_COLUMNS], ...records], {
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
  });
}
