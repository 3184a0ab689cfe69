/**
 * A chosen CSV file, read in the screen before it is sent: it must be UTF-8 (a spreadsheet's
 * "CSV" in a Windows code page would otherwise arrive with its accents replaced, and the main
 * process could no longer tell), and within the size the contract accepts. The import's own
 * result is put in order here too: file-wide problems first, then by line.
 */
import { CATALOGUE_CSV_MAX_BYTES } from '../../../../common/catalogue-contract.ts';
import type { Bilingual } from '../../../shared/errors.ts';

export type CsvRead = { ok: true; text: string } | { ok: false; reason: 'not-utf8' | 'too-large' | 'empty' };

export function decodeCsvBytes(bytes: Uint8Array): CsvRead {
  if (bytes.byteLength > CATALOGUE_CSV_MAX_BYTES) return { ok: false, reason: 'too-large' };
  let text: string;
  try {
    // fatal: a byte that is not UTF-8 refuses the file; the BOM Excel writes is dropped.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
  return text.trim() === '' ? { ok: false, reason: 'empty' } : { ok: true, text };
}

export interface LineProblem {
  /** 1-based line of the file (the header is line 1); undefined for the file as a whole. */
  line: number | undefined;
  message: Bilingual;
}

export function importProblems(problems: readonly { message: Bilingual; line?: number }[]): LineProblem[] {
  return problems
    .map((problem, index) => ({ line: problem.line, message: problem.message, index }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.index - b.index)
    .map(({ line, message }) => ({ line, message }));
}
