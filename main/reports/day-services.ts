/**
 * The day's services over one journal: shifts (with the cashier list and the sale gate) and the
 * reports, sharing the refunds input so the drawer and the reports can never count refunds
 * differently. openKiosk builds one; the CLI and the tests use the same.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../clock.ts';
import type { ManagerGate } from '../shifts/manager-gate.ts';
import { ShiftService } from '../shifts/shift-service.ts';
import type { CsvLanguage } from './csv.ts';
import { recordedReconciliation, type ReconcileInput } from './reconcile-input.ts';
import { recordedRefunds } from './recorded-refunds.ts';
import type { RefundInput } from './refund-input.ts';
import { ReportService } from './report-service.ts';

export interface DayServices {
  shifts: ShiftService;
  reports: ReportService;
}

export interface DayOptions {
  db: BetterSqlite3.Database;
  environment: string;
  clock: Clock;
  utcOffsetMinutes: number;
  /** The business day's cut-off hour (default 0: midnight). */
  cutoffHour?: number;
  manager?: ManagerGate;
  language?: () => CsvLanguage;
  /** Where refunds are read (default: the refunds journal in the same file). */
  refunds?: RefundInput;
  /** Where reconciliation is read (default: its tables in the same file). */
  reconcile?: ReconcileInput;
}

export function openDay(options: DayOptions): DayServices {
  const refunds = options.refunds ?? recordedRefunds(options.db);
  const common = {
    db: options.db,
    environment: options.environment,
    clock: options.clock,
    utcOffsetMinutes: options.utcOffsetMinutes,
    cutoffHour: options.cutoffHour ?? 0,
    refunds,
    ...(options.manager === undefined ? {} : { manager: options.manager }),
  };
  const shifts = new ShiftService(common);
  const reports = new ReportService({
    ...common,
    reconcile: options.reconcile ?? recordedReconciliation(options.db),
    shifts,
    ...(options.language === undefined ? {} : { language: options.language }),
  });
  return { shifts, reports };
}
