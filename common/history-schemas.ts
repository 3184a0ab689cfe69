/**
 * Payload shapes of the history's commands. Shapes only: dates, amounts, ids and the rest are
 * judged by checkHistoryQuery (common/history-input.ts), whose refusals name the field in both
 * languages; the bounds here only keep absurd payloads out.
 */
import { z } from 'zod';
import { HISTORY_KINDS, type HistoryCashierCommands } from './history-contract.ts';

const text = (max: number) => z.string().max(max);

export const HISTORY_SCHEMAS = {
  'history.search': z.strictObject({
    id: text(100).optional(),
    amount: z.number().optional(),
    from: text(40).optional(),
    to: text(40).optional(),
    state: text(40).optional(),
    tender: text(40).optional(),
    paymentType: text(40).optional(),
    issuer: text(100).optional(),
    cursor: text(200).optional(),
    limit: z.number().optional(),
  }),
  'history.detail': z.strictObject({ kind: z.enum(HISTORY_KINDS), id: text(100).min(1) }),
} as const satisfies Record<keyof HistoryCashierCommands, z.ZodType>;
