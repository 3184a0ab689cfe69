/**
 * CSV import and export of the catalogue. An import is all or nothing: every row is checked
 * first, against the other rows and against the items already stored, and every problem is
 * reported with its line; only a clean file is written, in one transaction.
 *
 * Import UPSERTS, it does not replace: a row updates the item with its `id` (as exported), else
 * the item with its SKU, else it adds a new item (an id this kiosk does not know, e.g. from
 * another till's export, adds too). Items not in the file are left alone, so a file with only
 * price changes is a valid import; removing an item is a separate act (deactivate), never a side
 * effect of a missing row. Columns absent from the file keep their stored values.
 */
import type { CatalogueStore } from './store.ts';
import { checkBarcode, checkCategoryName, checkItemName, checkSku, parsePriceText } from './checks.ts';
import { readCatalogueCsv, writeCatalogueCsv } from './csv-format.ts';
import type { CsvColumn, CsvRow } from './csv-format.ts';
import { taken } from './store-problems.ts';
import { catalogueProblem } from './types.ts';
import type { CatalogueItem, CatalogueProblem, CatalogueResult } from './types.ts';
import { applyPlan, type RowPlan } from './csv-apply.ts';

export interface ImportSummary {
  rows: number;
  added: number;
  updated: number;
  categoriesAdded: number;
  delimiter: ';' | ',';
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 'ya', 'aktif']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'tidak', 'nonaktif', 'non-aktif']);

function parseRow(
  row: CsvRow,
  columns: readonly CsvColumn[],
  problems: CatalogueProblem[],
): (Omit<RowPlan, 'match'> & { id: number | undefined }) | undefined {
  const { line, cells } = row;
  const has = (c: CsvColumn) => columns.includes(c);
  const before = problems.length;
  const take = <T>(
    checked: { ok: true; value: T } | { ok: false; problem: CatalogueProblem },
  ): T | undefined => {
    if (checked.ok) return checked.value;
    problems.push(checked.problem);
    return undefined;
  };
  const name = take(checkItemName(cells.name ?? '', line));
  const price = take(parsePriceText(cells.price ?? '', line));
  const sku = has('sku') ? take(checkSku(cells.sku, line)) : undefined;
  const barcode = has('barcode') ? take(checkBarcode(cells.barcode, line)) : undefined;
  let category: string | null | undefined;
  if (has('category'))
    category = (cells.category ?? '') === '' ? null : take(checkCategoryName(cells.category ?? '', line));
  let id: number | undefined;
  const idText = cells.id ?? '';
  if (idText !== '') {
    if (/^\d{1,15}$/.test(idText) && Number(idText) > 0) id = Number(idText);
    else
      problems.push(
        catalogueProblem(
          'id-invalid',
          'id',
          `id "${idText.slice(0, 20)}" harus angka bulat positif.`,
          `The id "${idText.slice(0, 20)}" must be a positive whole number.`,
          line,
        ),
      );
  }
  let active: boolean | undefined;
  const activeText = (cells.active ?? '').toLowerCase();
  if (activeText !== '') {
    if (TRUE_WORDS.has(activeText)) active = true;
    else if (FALSE_WORDS.has(activeText)) active = false;
    else
      problems.push(
        catalogueProblem(
          'active-invalid',
          'active',
          `Kolom active "${activeText.slice(0, 20)}" harus 1/0, ya/tidak.`,
          `The active value "${activeText.slice(0, 20)}" must be 1/0 or yes/no.`,
          line,
        ),
      );
  }
  let position: number | undefined;
  const positionText = cells.position ?? '';
  if (positionText !== '') {
    if (/^\d{1,6}$/.test(positionText)) position = Number(positionText);
    else
      problems.push(
        catalogueProblem(
          'position-invalid',
          'position',
          `Urutan "${positionText.slice(0, 20)}" harus angka bulat 0 atau lebih.`,
          `The position "${positionText.slice(0, 20)}" must be a whole number from 0.`,
          line,
        ),
      );
  }
  if (problems.length > before || name === undefined || price === undefined) return undefined;
  return { line, id, name, price, sku, barcode, category, active, position };
}

/** Same value on two lines: reported on the later one, naming the first. */
function duplicateInFile(
  column: 'id' | 'sku' | 'barcode',
  value: string,
  line: number,
  first: number,
): CatalogueProblem {
  const code = column === 'id' ? 'id-duplicate' : column === 'sku' ? 'sku-duplicate' : 'barcode-duplicate';
  const label =
    column === 'barcode'
      ? { id: 'Kode batang', en: 'Barcode' }
      : { id: column.toUpperCase(), en: column.toUpperCase() };
  return catalogueProblem(
    code,
    column,
    `${label.id} ${value} juga ada di baris ${first}.`,
    `${label.en} ${value} is also on line ${first}.`,
    line,
  );
}

export function planImport(
  store: CatalogueStore,
  input: string | Uint8Array,
): CatalogueResult<{ plans: RowPlan[]; delimiter: ';' | ',' }> {
  const table = readCatalogueCsv(input);
  if (!table.ok) return table;
  const problems: CatalogueProblem[] = [];
  const parsed = table.value.rows.map((row) => parseRow(row, table.value.columns, problems));

  const existing = store.list({ includeInactive: true });
  const byId = new Map(existing.map((i) => [i.id, i]));
  const bySku = new Map(existing.filter((i) => i.sku !== null).map((i) => [i.sku as string, i]));
  const firstLine = {
    id: new Map<string, number>(),
    sku: new Map<string, number>(),
    barcode: new Map<string, number>(),
  };
  const matchedBy = new Map<number, number>();
  const plans: RowPlan[] = [];
  for (const row of parsed) {
    if (row === undefined) continue;
    const { id, ...rest } = row;
    for (const [column, value] of [
      ['id', id === undefined ? undefined : String(id)],
      ['sku', row.sku],
      ['barcode', row.barcode],
    ] as const) {
      if (value === undefined || value === null) continue;
      const first = firstLine[column].get(value);
      if (first !== undefined) problems.push(duplicateInFile(column, value, row.line, first));
      else firstLine[column].set(value, row.line);
    }
    const match = (id !== undefined ? byId.get(id) : undefined) ?? (row.sku ? bySku.get(row.sku) : undefined);
    if (match) {
      const other = matchedBy.get(match.id);
      if (other !== undefined) {
        problems.push(
          catalogueProblem(
            'id-duplicate',
            'id',
            `Baris ini mengubah barang "${match.name}" yang juga diubah baris ${other}.`,
            `This line changes the item "${match.name}", which line ${other} changes too.`,
            row.line,
          ),
        );
      } else matchedBy.set(match.id, row.line);
    }
    plans.push({ ...rest, match });
  }

  // Codes of stored items the file does not touch stay theirs: a row may not take them.
  const updated = new Map(plans.filter((p) => p.match).map((p) => [p.match?.id, p]));
  for (const column of ['sku', 'barcode'] as const) {
    const kept = new Map<string, CatalogueItem>();
    for (const item of existing) {
      const plan = updated.get(item.id);
      const finalValue = plan && plan[column] !== undefined ? plan[column] : item[column];
      if (finalValue !== null && finalValue !== undefined) kept.set(finalValue, item);
    }
    for (const plan of plans) {
      const value = plan[column];
      if (value === undefined || value === null) continue;
      const owner = kept.get(value);
      if (owner && owner.id !== plan.match?.id && !updated.has(owner.id))
        problems.push(taken(column, value, owner, plan.line));
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { ok: false, problems };
  }
  return { ok: true, value: { plans, delimiter: table.value.delimiter } };
}

export function importCatalogueCsv(
  store: CatalogueStore,
  input: string | Uint8Array,
): CatalogueResult<ImportSummary> {
  return store.db
    .transaction(() => {
      const planned = planImport(store, input);
      if (!planned.ok) return planned;
      const applied = applyPlan(store, planned.value.plans);
      return {
        ok: true as const,
        value: { rows: planned.value.plans.length, delimiter: planned.value.delimiter, ...applied },
      };
    })
    .immediate();
}

export function exportCatalogueCsv(store: CatalogueStore): string {
  const names = new Map(store.categories().map((c) => [c.id, c.name]));
  return writeCatalogueCsv(
    store.list({ includeInactive: true }).map((item) => ({
      ...item,
      category: item.categoryId === null ? null : (names.get(item.categoryId) ?? null),
    })),
  );
}
