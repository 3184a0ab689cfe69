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
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN, PAYMENT_TYPES } from './midtrans-limits.ts';

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
});

export const COMMAND_SCHEMAS = {
  'kiosk.snapshot': empty,
  'sale.start': z.strictObject({
    paymentType: z.string().max(32),
    amount: z.union([z.number(), z.string().max(32), z.null()]).optional(),
    items: z.array(itemShape).max(200).optional(),
  }),
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
  'display.snapshot': empty,
} as const satisfies Record<AnyCommand, z.ZodType>;
