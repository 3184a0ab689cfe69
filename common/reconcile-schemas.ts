/**
 * Payload shapes of reconciliation's commands. The date's shape only: whether it is a real
 * calendar day, and not in the future, is judged in main (a bilingual 'reconcile-bad-date').
 */
import { z } from 'zod';
import type { ReconcileCashierCommands } from './reconcile-contract.ts';

const date = z.string().max(10);

export const RECONCILE_SCHEMAS = {
  'reconcile.start': z.strictObject({ date }),
  'reconcile.status': z.strictObject({}),
  'reconcile.findings': z.strictObject({ date }),
  'reconcile.csv': z.strictObject({ date }),
} as const satisfies Record<keyof ReconcileCashierCommands, z.ZodType>;
