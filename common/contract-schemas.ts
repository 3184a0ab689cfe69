/**
 * The payload schema of every command in `contract.ts`. The main process parses each call with
 * these before doing anything (browser mode's WebSocket now, Electron IPC in the shell); a screen
 * never needs to import them, so their weight stays out of the bundles.
 *
 * `sale.start` checks only the shape here: amounts and items are judged by `checkSale`, whose
 * refusals are specific and bilingual.
 */
import { z } from 'zod';
import type { AnyCommand } from './contract.ts';
import { GATEWAY_ENVIRONMENTS, KIOSK_MODES, LANGUAGES, SIMULATED_OUTCOMES } from './contract.ts';
import { CATALOGUE_SCHEMAS } from './catalogue-schemas.ts';
import { DAY_SCHEMAS } from './day-schemas.ts';
import { HISTORY_SCHEMAS } from './history-schemas.ts';
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN, PAYMENT_TYPES } from './midtrans-limits.ts';
import { CASH_ROUNDING_UNITS, ROUNDING_MODES, TAX_KINDS, TAX_SCOPES } from './pricing/types.ts';
import { RECONCILE_SCHEMAS } from './reconcile-schemas.ts';
import { REFUND_SCHEMAS } from './refund-schemas.ts';
import { TILL_SCHEMAS } from './till-schemas.ts';
import { PRINTING_SCHEMAS, PRINTING_SETTINGS_SHAPE } from './printing-schemas.ts';

const empty = z.strictObject({});
const orderId = z.string().min(1).max(ORDER_ID_MAX_LENGTH).regex(ORDER_ID_PATTERN);
const wholeRupiah = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const cursor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const itemShape = z.strictObject({
  id: z.string().max(64),
  name: z.string().max(200),
  price: z.number(),
  quantity: z.number(),
});

const displayBill = z.strictObject({
  lines: z
    .array(z.strictObject({ name: z.string().max(200), quantity: z.number(), amount: z.number() }))
    .max(500),
  subtotal: z.number(),
  discounts: z.number(),
  service: z.number(),
  tax: z
    .strictObject({
      kind: z.enum(['pb1', 'ppn']),
      ratePercent: z.number(),
      amount: z.number(),
      inclusive: z.boolean(),
    })
    .optional(),
  total: z.number(),
  cashPaid: z.number(),
  change: z.number(),
  due: z.number(),
});

// Shapes only: lengths, ranges and formats are judged by settings-input.ts, whose refusals
// name the field in both languages. The bounds here only keep absurd payloads out.
const pin = z.string().max(64);
const environment = z.enum(GATEWAY_ENVIRONMENTS);
const customerDisplay = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('window') }),
  z.strictObject({ kind: z.literal('display'), displayId: z.number().int(), label: z.string().max(200) }),
]);
const settingsPatch = z.strictObject({
  mode: z.enum(KIOSK_MODES).optional(),
  merchantName: z.string().max(400).optional(),
  language: z.enum(LANGUAGES).optional(),
  paymentTypes: z.array(z.enum(PAYMENT_TYPES)).max(10).optional(),
  kioskTimeoutSeconds: z.number().optional(),
  customerDisplay: customerDisplay.optional(),
  pricing: z
    .strictObject({
      tax: z.strictObject({
        kind: z.enum(TAX_KINDS),
        ratePercent: z.number(),
        inclusive: z.boolean(),
        dpp: z.strictObject({ numerator: z.number(), denominator: z.number() }).optional(),
        scope: z.enum(TAX_SCOPES).optional(),
      }),
      servicePercent: z.number().optional(),
      serviceTaxed: z.boolean(),
      taxRounding: z.enum(ROUNDING_MODES),
      fractionRounding: z.enum(ROUNDING_MODES),
      cashRounding: z.strictObject({
        unit: z.union(CASH_ROUNDING_UNITS.map((unit) => z.literal(unit))),
        mode: z.enum(ROUNDING_MODES),
      }),
    })
    .optional(),
  discountApproval: z.strictObject({ percent: z.number(), amount: z.number() }).nullable().optional(),
  shopTime: z.strictObject({ zone: z.string().max(10), cutoffHour: z.number() }).optional(),
  ...PRINTING_SETTINGS_SHAPE,
});

export const COMMAND_SCHEMAS = {
  'kiosk.snapshot': empty,
  ...TILL_SCHEMAS,
  ...CATALOGUE_SCHEMAS,
  ...DAY_SCHEMAS,
  ...HISTORY_SCHEMAS,
  ...PRINTING_SCHEMAS,
  ...RECONCILE_SCHEMAS,
  'sale.cancel': z.strictObject({ orderId }),
  'sale.checkNow': z.strictObject({ orderId }),
  'sale.simulate': z.strictObject({ orderId, outcome: z.enum(SIMULATED_OUTCOMES) }),
  'history.page': z.strictObject({
    before: cursor.optional(),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  'report.day': z.strictObject({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  }),
  'settings.setLanguage': z.strictObject({ language: z.enum(LANGUAGES) }),
  'display.showCart': z.strictObject({
    cart: z
      .strictObject({
        amount: wholeRupiah,
        items: z.array(itemShape).max(200),
        bill: displayBill.optional(),
      })
      .nullable(),
  }),
  'manager.status': empty,
  'manager.createPin': z.strictObject({ pin }),
  'manager.unlock': z.strictObject({ pin }),
  'manager.lock': empty,
  'manager.changePin': z.strictObject({ pin }),
  'settings.read': empty,
  'settings.update': z.strictObject({ patch: settingsPatch }),
  'key.set': z.strictObject({ environment, key: z.string().max(1024) }),
  'key.acceptWeakStorage': z.strictObject({ pin: z.string().max(64) }),
  'key.clear': z.strictObject({ environment }),
  'key.test': z.strictObject({ environment, key: z.string().max(1024).optional() }),
  ...REFUND_SCHEMAS,
  'display.snapshot': empty,
} as const satisfies Record<AnyCommand, z.ZodType>;
