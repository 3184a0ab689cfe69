/**
 * Payload shapes of the day's commands. Shapes only: amounts may arrive as numbers or as typed
 * text, so the day's own checks (day-input.ts) can say exactly what is wrong with a value in both
 * languages ("not a number", "negative", "not whole"); the bounds here keep absurd payloads out.
 */
import { z } from 'zod';
import { DENOMINATIONS } from './day-contract.ts';
import type { DayCashierCommands } from './day-contract.ts';

const empty = z.strictObject({});
const amount = z.union([z.number(), z.string().max(40)]);
const pin = z.string().max(64);
const date = z.string().max(20);
const count = z.strictObject(
  Object.fromEntries(DENOMINATIONS.map((d) => [d.key, z.number().optional()])) as Record<
    (typeof DENOMINATIONS)[number]['key'],
    z.ZodOptional<z.ZodNumber>
  >,
);
const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const DAY_SCHEMAS = {
  'day.status': empty,
  'shift.open': z.strictObject({
    float: amount.optional(),
    count: count.optional(),
    cashierId: id.optional(),
    pin: pin.optional(),
  }),
  'shift.cash': z.strictObject({ kind: z.enum(['in', 'out']), amount, reason: z.string().max(1000) }),
  'shift.close': z.strictObject({
    counted: amount.optional(),
    count: count.optional(),
    note: z.string().max(2000).optional(),
  }),
  'report.x': empty,
  'report.z': z.strictObject({ managerPin: pin.optional(), date: date.optional() }),
  'report.zList': z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
  'report.zGet': z.strictObject({ number: id }),
  'report.range': z.strictObject({ from: date, to: date }),
  'report.csv': z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('x') }),
    z.strictObject({ kind: z.literal('z'), number: id }),
    z.strictObject({ kind: z.literal('range'), from: date, to: date }),
  ]),
  'report.print': z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('x') }),
    z.strictObject({ kind: z.literal('z'), number: id }),
  ]),
  'cashier.list': z.strictObject({ managerPin: pin.optional() }),
  'cashier.save': z.strictObject({
    managerPin: pin.optional(),
    id: id.optional(),
    name: z.string().max(400),
    pin: pin.optional(),
    active: z.boolean(),
  }),
  'shift.setPolicy': z.strictObject({ managerPin: pin.optional(), salesWithoutShift: z.boolean() }),
} as const satisfies Record<keyof DayCashierCommands, z.ZodType>;
