/**
 * `kiosk catalogue import FILE.csv | export [FILE.csv] | list [--json]`: the catalogue the
 * Electron app and browser mode sell from, which lives in the journal's database. An import is all
 * or nothing (main/catalogue/csv-import.ts): any bad row refuses the whole file, and every problem
 * is printed with its line in both languages.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { CatalogueInputError } from '../../catalogue/catalogue-service.ts';
import { MAX_CSV_BYTES } from '../../catalogue/csv-format.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { writeFileAtomic } from '../../fs/atomic-file.ts';
import { parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { withKiosk } from '../services.ts';
import { UsageError } from '../usage.ts';
import { listCatalogue } from './catalogue-list.ts';

const SUBCOMMANDS = ['import', 'export', 'list'] as const;

export async function catalogueCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'import':
      return importCommand(rest, out, config);
    case 'export':
      return exportCommand(rest, out, config);
    case 'list':
      return listCatalogue(rest, out, config);
    default:
      throw new UsageError(
        `catalogue needs one of ${SUBCOMMANDS.join(', ')}${sub === undefined ? '' : `, not "${sub}"`}`,
        `"catalogue" memerlukan salah satu dari ${SUBCOMMANDS.join(', ')}${sub === undefined ? '' : `, bukan "${sub}"`}.`,
      );
  }
}

/** A file that cannot be read or written is the caller's to fix: bad input, nothing changed. */
class FileRefusal extends Error {
  readonly words: { id: string; en: string };
  constructor(words: { id: string; en: string }) {
    super(words.en);
    this.name = 'FileRefusal';
    this.words = words;
  }
}

/**
 * At most one byte more than the import accepts: a larger file is refused by the import's own
 * size check without being read whole.
 */
function readCsvFile(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new FileRefusal({
      id: `Berkas ${file} tidak bisa dibuka (${code}).`,
      en: `Cannot open ${file} (${code}).`,
    });
  }
  try {
    const buffer = Buffer.alloc(MAX_CSV_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new FileRefusal({
      id: `Berkas ${file} tidak bisa dibaca (${code}).`,
      en: `Cannot read ${file} (${code}).`,
    });
  } finally {
    closeSync(fd);
  }
}

async function importCommand(argv: readonly string[], out: Output, config: KioskConfig): Promise<ExitCode> {
  const { positionals } = parseCommand('catalogue import', argv, {}, ['file']);
  const file = positionals[0];
  if (file === undefined) {
    throw new UsageError(
      'catalogue import needs the CSV file to import: kiosk catalogue import FILE.csv',
      '"catalogue import" memerlukan berkas CSV yang diimpor: kiosk catalogue import BERKAS.csv',
    );
  }
  let csv: Uint8Array;
  try {
    csv = readCsvFile(file);
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    out.refusal('catalogue import refused', error.words);
    return EXIT.usage;
  }
  return withKiosk(config, async ({ catalogue }) => {
    try {
      const { summary } = catalogue.importCsv(csv);
      out.json({ type: 'catalogue-import', file: resolve(file), ...summary });
      out.note(
        `imported ${summary.rows} row(s) from ${file}: ${summary.added} added, ${summary.updated} updated, ` +
          `${summary.categoriesAdded} new categor${summary.categoriesAdded === 1 ? 'y' : 'ies'}`,
      );
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof CatalogueInputError)) throw error;
      for (const problem of error.problems) {
        const where = problem.line === undefined ? '' : `, line ${problem.line}`;
        out.refusal(`catalogue import refused (${problem.code}${where})`, problem.message);
      }
      out.note(
        `nothing was imported: ${error.problems.length} problem(s) in ${file} ` +
          `(tidak ada yang diimpor: ${error.problems.length} masalah)`,
      );
      return EXIT.usage;
    }
  });
}

async function exportCommand(argv: readonly string[], out: Output, config: KioskConfig): Promise<ExitCode> {
  const { positionals } = parseCommand('catalogue export', argv, {}, ['file']);
  const file = positionals[0];
  return withKiosk(config, async ({ catalogue }) => {
    const { csv } = catalogue.exportCsv();
    const items = catalogue.snapshot().items.length;
    if (file === undefined) {
      out.raw(csv);
      return EXIT.ok;
    }
    try {
      // A crash or a full disk leaves the old file whole, never half a catalogue.
      await writeFileAtomic(resolve(file), csv);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      out.refusal('catalogue export refused', {
        id: `Berkas ${file} tidak bisa ditulis (${code}); tidak ada yang diubah.`,
        en: `Cannot write ${file} (${code}); nothing was changed.`,
      });
      return EXIT.usage;
    }
    out.note(`exported ${items} item(s) to ${file}`);
    return EXIT.ok;
  });
}
