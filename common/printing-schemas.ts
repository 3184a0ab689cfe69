/**
 * Payload shapes of printing's commands and of its settings. Shapes only, with bounds that keep
 * absurd payloads out: the values are judged by common/printing-settings.ts, whose refusals name
 * the printer and the field in both languages.
 */
import { z } from 'zod';
import { AUTO_PRINT_MODES, PRINTER_KINDS } from './printing-contract.ts';
import type { PrintingCashierCommands, PrintingManagerCommands } from './printing-contract.ts';

const empty = z.strictObject({});
const id = z.string().min(1).max(64);
const width = z.union([z.literal(58), z.literal(80)]);

export const printerShape = z.strictObject({
  id: z.string().max(64),
  name: z.string().max(200),
  kind: z.enum(PRINTER_KINDS),
  address: z.string().max(400),
  width: z.number(),
  drawer: z.boolean(),
});

export const receiptShape = z.strictObject({
  printerId: z.string().max(64).nullable(),
  autoPrint: z.enum(AUTO_PRINT_MODES),
  shopAddress: z.string().max(1000),
  npwp: z.string().max(100),
  footer: z.string().max(2000),
});

export const soundShape = z.strictObject({ volume: z.number(), muted: z.boolean() });

/** The settings patch's printing fields (contract-schemas.ts adds them to `settings.update`). */
export const PRINTING_SETTINGS_SHAPE = {
  printers: z.array(printerShape).max(20).optional(),
  receipt: receiptShape.optional(),
  sound: soundShape.optional(),
};

export const PRINTING_SCHEMAS = {
  'printing.snapshot': empty,
  'printing.reprint': z.strictObject({ saleId: id }),
  'printing.answer': z.strictObject({ saleId: id, print: z.boolean() }),
  'printing.retry': empty,
  'printing.pageDone': z.strictObject({ requestId: id, ok: z.boolean() }),
  'printing.test': z.strictObject({ printerId: id }),
  'printing.openDrawer': z.strictObject({ printerId: id, pin: z.string().max(64) }),
  'printing.preview': z.strictObject({ width, receipt: receiptShape.optional() }),
} as const satisfies Record<keyof PrintingCashierCommands | keyof PrintingManagerCommands, z.ZodType>;
