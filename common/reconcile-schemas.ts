/**
 * Payload shapes of reconciliation's commands. The date's shape only: whether it is a real
 * calendar day, and not in the future, is judged in main (a bilingual 'reconcile-bad-date').
 */
import { z } from 'zod';
import type { ReconcileManagerCommands } from './reconcile-contract.ts';

const date = z.string().max(10);
const managerPin = z.string().max(64);

export const RECONCILE_SCHEMAS = {
  'reconcile.start': z.strictObject({ date, managerPin: managerPin.optional() }),
  'reconcile.status': z.strictObject({ managerPin: managerPin.optional() }),
  'reconcile.findings': z.strictObject({ date, managerPin: managerPin.optional() }),
} as const satisfies Record<keyof ReconcileManagerCommands, z.ZodType>;
