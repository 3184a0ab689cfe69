/**
 * The cashier's shortcut buttons. A shop may list its own in a JSON file; training mode, with no
 * file, gets a few warung staples so a trainee can ring up items on the first start.
 */
import { z } from 'zod';
import type { KioskMode, QuickItem } from '../../common/contract.ts';
import { ITEM_NAME_MAX_LENGTH, MAX_AMOUNT, MIN_AMOUNT, PAYMENT_TYPES } from '../../common/midtrans-limits.ts';
import { ITEM_ID_PATTERN } from '../../common/sale-input.ts';
import { readJson } from '../fs/json-file.ts';

/** More buttons than this do not fit any cashier screen; a longer file is a mistake. */
const MAX_QUICK_ITEMS = 100;
const HIGHEST_PRICE = Math.max(...PAYMENT_TYPES.map((type) => MAX_AMOUNT[type]));

const quickItem = z.strictObject({
  id: z.string().regex(ITEM_ID_PATTERN, 'use 1–50 letters, digits, "-", "_" or "."'),
  name: z.string().trim().min(1).max(ITEM_NAME_MAX_LENGTH),
  price: z.number().int('must be whole rupiah').min(MIN_AMOUNT).max(HIGHEST_PRICE),
});
const quickItemList = z.array(z.unknown()).max(MAX_QUICK_ITEMS);

export const TRAINING_QUICK_ITEMS: readonly QuickItem[] = [
  { id: 'kopi-susu', name: 'Kopi Susu', price: 18_000 },
  { id: 'es-teh-manis', name: 'Es Teh Manis', price: 8_000 },
  { id: 'nasi-goreng', name: 'Nasi Goreng', price: 25_000 },
  { id: 'mie-ayam', name: 'Mie Ayam', price: 20_000 },
  { id: 'pisang-goreng', name: 'Pisang Goreng', price: 12_000 },
  { id: 'air-mineral', name: 'Air Mineral', price: 5_000 },
];

export class QuickItemsFileError extends Error {
  constructor(file: string, problem: string) {
    super(`Quick items file ${file}: ${problem}`);
    this.name = 'QuickItemsFileError';
  }
}

function describeEntry(entry: unknown, index: number): string {
  const name =
    typeof entry === 'object' && entry !== null && 'name' in entry && typeof entry.name === 'string'
      ? ` ("${entry.name.slice(0, 60)}")`
      : '';
  return `entry ${index + 1}${name}`;
}

/** Reads and checks the shop's list; throws QuickItemsFileError naming the file and the entry. */
export function readQuickItemsFile(file: string): QuickItem[] | undefined {
  let raw: unknown;
  try {
    raw = readJson(file);
  } catch (error) {
    throw new QuickItemsFileError(file, `not readable JSON (${(error as Error).message})`);
  }
  if (raw === undefined) return undefined;
  const list = quickItemList.safeParse(raw);
  if (!list.success) {
    throw new QuickItemsFileError(file, `must be a JSON array of at most ${MAX_QUICK_ITEMS} items`);
  }
  const items: QuickItem[] = [];
  const seen = new Set<string>();
  list.data.forEach((entry, index) => {
    const parsed = quickItem.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new QuickItemsFileError(file, `${describeEntry(entry, index)}: ${field}${issue?.message ?? ''}`);
    }
    // The cashier's cart keys its lines by id: two buttons with one id would merge into one line.
    if (seen.has(parsed.data.id)) {
      throw new QuickItemsFileError(
        file,
        `${describeEntry(entry, index)}: id "${parsed.data.id}" is used twice`,
      );
    }
    seen.add(parsed.data.id);
    items.push(parsed.data);
  });
  return items;
}

export function loadQuickItems(mode: KioskMode, file: string | undefined): QuickItem[] {
  if (file !== undefined) {
    const items = readQuickItemsFile(file);
    if (items !== undefined) return items;
    console.error(`Quick items file ${file} does not exist; using the ${mode} mode default list.`);
  }
  return mode === 'training' ? TRAINING_QUICK_ITEMS.map((item) => ({ ...item })) : [];
}
