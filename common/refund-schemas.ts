/**
 * Payload shapes of the refunds' commands. Shapes only: the amount, the reason and which of
 * orderId and saleId is given are judged by common/refund-input.ts (in main, before anything is
 * journaled), whose refusals name the field in both languages.
 */
import { z } from 'zod';
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN } from './midtrans-limits.ts';
import type { RefundManagerCommands } from './refund-contract.ts';

const orderId = z.string().min(1).max(ORDER_ID_MAX_LENGTH).regex(ORDER_ID_PATTERN);
const saleId = z.string().min(1).max(64);
const managerPin = z.string().max(64);

export const REFUND_SCHEMAS = {
  'refund.create': z.strictObject({
    orderId: orderId.optional(),
    saleId: saleId.optional(),
    amount: z.number().optional(),
    reason: z.string().max(1000),
    managerPin: managerPin.optional(),
  }),
  'refund.list': z.strictObject({
    orderId: orderId.optional(),
    saleId: saleId.optional(),
    managerPin: managerPin.optional(),
  }),
} as const satisfies Record<keyof RefundManagerCommands, z.ZodType>;
