/**
 * The catalogue's CSV form. Parsing and quoting are csv-parse / csv-stringify's job; this file
 * decides the columns, the separator and what a spreadsheet does to cells.
 *
 * - UTF-8 with a BOM and CRLF line ends: Excel opens it as UTF-8 only with the BOM.
 * - Semicolon-separated: Excel with Indonesian regional settings (comma as the decimal
 *   separator) splits CSV on ";" when the file is opened with a double click; a comma file would
 *   land in one column there. Import accepts both, choosing by the header row.
 * - A header row with these column names (Indonesian names are accepted on import as well).
 * - Codes made only of digits are written as ="0899…" so Excel keeps them as text: otherwise it
 *   drops leading zeros and shows 8991234567890 as 8,99123E+12 (and saves it that way).
 * - Text that starts with = + - @ is written with a leading ' so no spreadsheet runs it as a
 *   formula ("CSV injection"); import removes both disguises again.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { catalogueProblem } from './types.ts';
import type { CatalogueProblem, CatalogueResult } from './types.ts';

export const CSV_COLUMNS = [
  'id',
  'sku',
  'barcode',
  'name',
  'category',
  'price',
  'active',
  'position',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CsvColumn[] = ['name', 'price'];

const ALIASES: Readonly<Record<string, CsvColumn>> = {
  ...Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])),
  nama: 'name',
  harga: 'price',
  kategori: 'category',
  aktif: 'active',
  urutan: 'position',
  posisi: 'position',
  'kode batang': 'barcode',
};

export const EXPORT_DELIMITER = ';';
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
export const MAX_CSV_ROWS = 20_000;

export interface CsvRow {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  cells: Partial<Record<CsvColumn, string>>;
}

export interface CsvTable {
  delimiter: ';' | ',';
  columns: CsvColumn[];
  rows: CsvRow[];
}

const fail = <T>(...problems: CatalogueProblem[]): CatalogueResult<T> => ({ ok: false, problems });

function decode(input: string | Uint8Array): string | undefined {
  if (typeof input === 'string') return input.replace(/^\ufeff/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return undefined;
  }
}

/** Undoes what export did to keep a spreadsheet's hands off a cell. */
export function unguard(cell: string): string {
  const t = cell.trim();
  const quoted = /^="(.*)"$/.exec(t);
  if (quoted) return quoted[1] ?? '';
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}

function guard(value: string): string {
  if (/^\d+$/.test(value)) return `="${value}"`;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function headerColumn(cell: string): CsvColumn | undefined {
  return ALIASES[
    cell
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, ' ')
  ];
}

function chooseDelimiter(text: string): ';' | ',' {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const score = (d: string) =>
    firstLine.split(d).filter((cell) => headerColumn(cell.replace(/"/g, '')) !== undefined).length;
  const semicolon = score(';');
  const comma = score(',');
  if (semicolon !== comma) return semicolon > comma ? ';' : ',';
  return firstLine.split(';').length >= firstLine.split(',').length ? ';' : ',';
}

export function readCatalogueCsv(input: string | Uint8Array): CatalogueResult<CsvTable> {
  if (input.length > MAX_CSV_BYTES) {
    return fail(
      catalogueProblem('csv-too-large', 'file', 'Berkas lebih dari 10 MB.', 'The file is larger than 10 MB.'),
    );
  }
  const decoded = decode(input);
  if (decoded === undefined) {
    return fail(
      catalogueProblem(
        'csv-not-utf8',
        'file',
        'Berkas bukan UTF-8. Di Excel simpan sebagai "CSV UTF-8 (Comma delimited)".',
        'The file is not UTF-8. In Excel, save it as "CSV UTF-8 (Comma delimited)".',
      ),
    );
  }
  // One line end, so csv-parse's line count matches what an editor shows (a CRLF inside a quoted
  // cell would otherwise count twice).
  const text = decoded.replace(/\r\n?/g, '\n');
  if (text.trim() === '')
    return fail(catalogueProblem('csv-empty', 'file', 'Berkas kosong.', 'The file is empty.'));
  const delimiter = chooseDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return fail(
      catalogueProblem(
        'csv-unreadable',
        'file',
        `CSV tidak terbaca (${(error as Error).message}). Periksa tanda kutip.`,
        `The CSV cannot be read (${(error as Error).message}). Check the quotes.`,
        typeof line === 'number' ? line : undefined,
      ),
    );
  }
  const [header, ...body] = records;
  if (header === undefined)
    return fail(catalogueProblem('csv-empty', 'file', 'Berkas kosong.', 'The file is empty.'));
  const columns = headerColumns(header.record, startLine(header));
  if (!columns.ok) return columns;
  if (body.length > MAX_CSV_ROWS) {
    return fail(
      catalogueProblem(
        'csv-too-large',
        'file',
        `Paling banyak ${MAX_CSV_ROWS} baris barang.`,
        `At most ${MAX_CSV_ROWS} item rows.`,
      ),
    );
  }
  const problems: CatalogueProblem[] = [];
  const rows: CsvRow[] = [];
  for (const entry of body) {
    const line = startLine(entry);
    const cells: Partial<Record<CsvColumn, string>> = {};
    let stray = false;
    entry.record.forEach((raw, index) => {
      const column = columns.value[index];
      if (column === undefined || column === null) stray ||= raw.trim() !== '';
      else cells[column] = unguard(raw);
    });
    if (stray) {
      problems.push(
        catalogueProblem(
          'csv-row-width',
          'file',
          'Ada isi di luar kolom yang berjudul; periksa pemisah (; atau ,) di baris ini.',
          'There is a value outside the titled columns; check the separators (; or ,) on this line.',
          line,
        ),
      );
    }
    rows.push({ line, cells });
  }
  if (problems.length > 0) return fail(...problems);
  const present = columns.value.filter((c): c is CsvColumn => c !== null);
  return { ok: true, value: { delimiter, columns: present, rows } };
}

function startLine(entry: { record: string[]; info: { lines: number } }): number {
  const breaks = entry.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return entry.info.lines - breaks;
}

/** The column of each header cell; null for a blank header cell (a trailing separator). */
function headerColumns(cells: string[], line: number): CatalogueResult<(CsvColumn | null)[]> {
  const problems: CatalogueProblem[] = [];
  const seen = new Set<CsvColumn>();
  const columns = cells.map((raw) => {
    const cell = raw.trim();
    if (cell === '') return null;
    const column = headerColumn(cell);
    if (column === undefined) {
      problems.push(
        catalogueProblem(
          'csv-column-unknown',
          'header',
          `Kolom "${cell.slice(0, 40)}" tidak dikenal. Kolom yang dikenal: ${CSV_COLUMNS.join(', ')}.`,
          `Unknown column "${cell.slice(0, 40)}". Known columns: ${CSV_COLUMNS.join(', ')}.`,
          line,
        ),
      );
      return null;
    }
    if (seen.has(column)) {
      problems.push(
        catalogueProblem(
          'csv-column-duplicate',
          'header',
          `Kolom "${cell}" muncul dua kali.`,
          `The column "${cell}" appears twice.`,
          line,
        ),
      );
    }
    seen.add(column);
    return column;
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) {
      problems.push(
        catalogueProblem(
          'csv-column-missing',
          'header',
          `Kolom "${required}" wajib ada di baris judul.`,
          `The header row must have a "${required}" column.`,
          line,
        ),
      );
    }
  }
  return problems.length > 0 ? fail(...problems) : { ok: true, value: columns };
}

export interface ExportRow {
  id: number;
  sku: string | null;
  barcode: string | null;
  name: string;
  category: string | null;
  price: number;
  active: boolean;
  position: number;
}

export function writeCatalogueCsv(rows: readonly ExportRow[]): string {
  const records = rows.map((r) => [
    String(r.id),
    guard(r.sku ?? ''),
    guard(r.barcode ?? ''),
    guard(r.name),
    guard(r.category ?? ''),
    String(r.price),
    r.active ? '1' : '0',
    String(r.position),
  ]);
  return stringify([[...CSV_COLUMNS], ...records], {
    delimiter: EXPORT_DELIMITER,
    record_delimiter: 'windows',
    bom: true,
  });
}
