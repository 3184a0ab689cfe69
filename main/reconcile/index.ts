/**
 * Reconciliation with Midtrans: for one business day, the status of every order that reached the
 * gateway, compared with the journal; differences recorded as findings, the gateway's truth
 * adopted as new journal events where a safe path exists. One face: the Reconciler.
 */
export {
  DEFAULT_RECONCILE_RATE,
  midnightBounds,
  Reconciler,
  type DayBounds,
  type ReconcileGateway,
  type ReconcilerDeps,
  type ReconcilerOptions,
  type RunHalt,
} from './reconciler.ts';
export { doorsOf } from './doors.ts';
export type { AdoptionDoors } from './judge.ts';
export { ReconcileError } from './reconcile-errors.ts';
export { findingsCsv } from './findings-csv.ts';
export type { Sleep } from './pacer.ts';
