/**
 * Payload shapes of the till's commands. Shapes only: amounts, names and discounts are judged by
 * the pricing checks (common/pricing), whose refusals name the field in both languages; the bounds
 * here only keep absurd payloads out.
 */
import { z } from 'zod';
import { PAYMENT_TYPES } from './midtrans-limits.ts';
import type { TillCashierCommands } from './till-contract.ts';

const number = z.number();
const saleId = z.string().min(1).max(64);
const discount = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), value: number }),
  z.strictObject({ kind: z.literal('amount'), value: number }),
]);
const line = z.strictObject({
  itemId: z.string().max(64).optional(),
  sku: z.string().max(64).optional(),
  name: z.string().max(400),
  unitPrice: number,
  quantity: number,
  discount: discount.optional(),
});
const paymentType = z.enum(PAYMENT_TYPES);
const tender = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('gateway'), paymentType }),
  z.strictObject({ kind: z.literal('cash'), received: number }),
  z.strictObject({ kind: z.literal('split'), cash: number, paymentType }),
]);

export const TILL_SCHEMAS = {
  'sale.start': z.strictObject({
    lines: z.array(line).max(500),
    orderDiscount: discount.optional(),
    tender,
    managerPin: z.string().max(64).optional(),
  }),
  'sale.payRestInCash': z.strictObject({ saleId, received: number }),
  'sale.chargeAgain': z.strictObject({ saleId, paymentType }),
  'sale.void': z.strictObject({ saleId }),
} as const satisfies Record<keyof TillCashierCommands, z.ZodType>;
