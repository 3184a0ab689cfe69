/** Payload shapes of the catalogue's commands; the catalogue's own checks judge the values. */
import { z } from 'zod';
import {
  CATALOGUE_CSV_MAX_BYTES,
  type CatalogueCashierCommands,
  type CatalogueManagerCommands,
} from './catalogue-contract.ts';

const empty = z.strictObject({});
const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const ids = z.array(id).max(100_000);
const item = z.strictObject({
  name: z.string().max(400),
  price: z.number(),
  categoryId: id.nullable().optional(),
  sku: z.string().max(200).nullable().optional(),
  barcode: z.string().max(200).nullable().optional(),
  active: z.boolean().optional(),
});

export const CATALOGUE_SCHEMAS = {
  'catalogue.list': empty,
  'catalogue.saveItem': z.strictObject({ id: id.optional(), item }),
  'catalogue.setActive': z.strictObject({ id, active: z.boolean() }),
  'catalogue.reorderItems': z.strictObject({ categoryId: id.nullable(), ids }),
  'catalogue.saveCategory': z.strictObject({ id: id.optional(), name: z.string().max(400) }),
  'catalogue.reorderCategories': z.strictObject({ ids }),
  'catalogue.import': z.strictObject({ csv: z.string().max(CATALOGUE_CSV_MAX_BYTES) }),
  'catalogue.export': empty,
} as const satisfies Record<keyof CatalogueCashierCommands | keyof CatalogueManagerCommands, z.ZodType>;
