/**
 * `kiosk receipt <order_id>`: a paid sale's receipt as the kiosk printed it, as text (what the
 * paper says, line by line), ESC/POS bytes or an SVG, to stdout or a file. A sale id works too.
 */
import { join } from 'node:path';
import type { KioskConfig } from '../../host/env-config.ts';
import { Journal } from '../../journal/journal.ts';
import { toEscPos, toSvg, toTextLines, type ReceiptSource } from '../../receipts/index.ts';
import { orderIdArgument, parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { readPrintingSettings } from '../printing-settings.ts';
import { findReceipt, ReceiptLookupError, type FoundReceipt } from '../receipt-lookup.ts';
import { reportLookup, widthOption, writeOut } from '../receipt-options.ts';
import { UsageError } from '../usage.ts';

const OPTIONS = {
  width: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;
const FORMATS = ['text', 'escpos', 'svg'] as const;

export async function receiptCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('receipt', argv, OPTIONS, ['order_id']);
  const id = orderIdArgument('receipt', positionals[0]);
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format must be text, escpos or svg, not "${format}"`,
      `--format harus text, escpos atau svg, bukan "${format}".`,
    );
  }
  const settings = readPrintingSettings(config.dataDir);
  const configured = settings.printers.find((p) => p.id === settings.receipt.printerId);
  const width = widthOption(values.width, configured?.width ?? 58);
  let found: FoundReceipt;
  const journal = Journal.open(join(config.dataDir, 'journal.sqlite'));
  try {
    found = findReceipt(journal, id, settings);
  } catch (error) {
    if (error instanceof ReceiptLookupError) return reportLookup(out, error, id);
    throw error;
  } finally {
    journal.close();
  }
  const source: ReceiptSource = { type: 'receipt', document: found.document };
  const data =
    format === 'escpos'
      ? toEscPos(source, { width })
      : format === 'svg'
        ? `${toSvg(source, width)}\n`
        : `${toTextLines(source, width).join('\n')}\n`;
  if (values.out !== undefined) {
    const refused = writeOut(out, values.out, data);
    if (refused !== undefined) return refused;
    out.note(`receipt of ${found.orderId} (${width} mm, ${format}) written to ${values.out}`);
  } else if (typeof data === 'string') {
    out.raw(data);
  } else {
    out.bytes(data);
  }
  return EXIT.ok;
}
