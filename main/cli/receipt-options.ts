/** The options `kiosk receipt` and `kiosk print` share, and how their refusals are worded. */
import { writeFileSync } from 'node:fs';
import type { PaperWidth } from '../../common/printing.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import type { Output } from './io.ts';
import type { ReceiptLookupError } from './receipt-lookup.ts';
import { UsageError } from './usage.ts';

export function widthOption(text: string | undefined, fallback: PaperWidth): PaperWidth {
  if (text === undefined) return fallback;
  if (text === '58' || text === '80') return Number(text) as PaperWidth;
  throw new UsageError(
    `--width must be 58 or 80 (mm), not "${text}"`,
    `--width harus 58 atau 80 (mm), bukan "${text}".`,
  );
}

/** An order that is not there, or not paid, has no receipt: said in both languages, exit 3. */
export function reportLookup(out: Output, error: ReceiptLookupError, id: string): ExitCode {
  out.refusal(
    'no receipt',
    error.reason === 'unknown'
      ? {
          id: `${id} bukan pesanan atau penjualan di kasir ini.`,
          en: `${id} is not an order or a sale of this till.`,
        }
      : {
          id: `${id} belum lunas, jadi belum ada struknya.`,
          en: `${id} is not paid, so it has no receipt.`,
        },
  );
  return EXIT.endedUnpaid;
}

/** Writes the output file; a path that cannot be written is the caller's to fix (exit 2). */
export function writeOut(out: Output, file: string, data: string | Uint8Array): ExitCode | undefined {
  try {
    writeFileSync(file, data);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    out.refusal(`--out ${file}`, {
      id: `Berkas ${file} tidak dapat ditulis (${code}). Periksa foldernya dan izinnya.`,
      en: `The file ${file} cannot be written (${code}). Check its folder and permissions.`,
    });
    return EXIT.usage;
  }
}
