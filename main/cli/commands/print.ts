/**
 * `kiosk print <order_id>`: sends a paid sale's receipt to a printer, the kiosk's receipt printer
 * or the one given (tcp://HOST:PORT, or a device file). It is recorded in the journal like any
 * print, and it says "SALINAN / COPY" whenever a receipt of that sale may already be on paper.
 */
import { join } from 'node:path';
import type { KioskConfig } from '../../host/env-config.ts';
import { Journal } from '../../journal/journal.ts';
import { SqliteJobStore } from '../../printing/sqlite-job-store.ts';
import { orderIdArgument, parseCommand } from '../args.ts';
import type { ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { cliTransport, sendJournaled } from '../journaled-send.ts';
import { readPrintingSettings } from '../printing-settings.ts';
import { findReceipt, ReceiptLookupError } from '../receipt-lookup.ts';
import { reportLookup, widthOption } from '../receipt-options.ts';

const OPTIONS = { printer: { type: 'string' }, width: { type: 'string' } } as const;

export async function printCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('print', argv, OPTIONS, ['order_id']);
  const id = orderIdArgument('print', positionals[0]);
  const settings = readPrintingSettings(config.dataDir);
  const { transport, configured } = cliTransport(values.printer, settings);
  const width = widthOption(values.width, values.printer === undefined ? (configured?.width ?? 58) : 58);

  const journal = Journal.open(join(config.dataDir, 'journal.sqlite'));
  try {
    let found;
    try {
      found = findReceipt(journal, id, settings);
    } catch (error) {
      if (error instanceof ReceiptLookupError) return reportLookup(out, error, id);
      throw error;
    }
    const store = new SqliteJobStore(journal.database);
    const what = {
      kind: 'receipt' as const,
      orderId: found.orderId,
      ...(found.saleId === undefined ? {} : { saleId: found.saleId }),
      payload: { type: 'receipt' as const, document: found.document },
      copy: found.earlier.length > 0,
    };
    return await sendJournaled(store, out, { transport, width }, what, `receipt of ${found.orderId}`);
  } finally {
    journal.close();
  }
}
