/**
 * `kiosk print <order_id>`: sends a paid sale's receipt to a printer, the kiosk's receipt printer
 * or the one given (tcp://HOST:PORT, or a device file). It is recorded in the journal like any
 * print, and it says "SALINAN / COPY" whenever a receipt of that sale may already be on paper.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { PrinterConfig } from '../../../common/printing-contract.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { Journal } from '../../journal/journal.ts';
import { PrinterError } from '../../printing/errors.ts';
import { sendPayload } from '../../printing/job-output.ts';
import type { PrintJobRecord } from '../../printing/job-store.ts';
import { parsePrinterAddress, PrinterAddressError, transportFor } from '../../printing/printer-address.ts';
import { jobView } from '../../printing/queue.ts';
import { SqliteJobStore } from '../../printing/sqlite-job-store.ts';
import { systemClock } from '../../clock.ts';
import { orderIdArgument, parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { readPrintingSettings } from '../printing-settings.ts';
import { findReceipt, ReceiptLookupError } from '../receipt-lookup.ts';
import { reportLookup, widthOption } from '../receipt-options.ts';
import { UsageError } from '../usage.ts';

const OPTIONS = { printer: { type: 'string' }, width: { type: 'string' } } as const;

/** The address written as `--printer` takes it, from the kiosk's receipt printer. */
function configuredAddress(printer: PrinterConfig | undefined): string {
  if (printer === undefined) {
    throw new UsageError(
      'no receipt printer is set up in the settings: give --printer tcp://HOST:PORT or a device file',
      'Belum ada printer struk di pengaturan: beri --printer tcp://HOST:PORT atau berkas perangkat.',
    );
  }
  if (printer.kind === 'tcp') return `tcp://${printer.address}`;
  if (printer.kind === 'device') return printer.address;
  throw new UsageError(
    `the receipt printer "${printer.name}" is a ${printer.kind} printer, which only the kiosk's screens can use: give --printer`,
    `Printer struk "${printer.name}" berjenis ${printer.kind}, yang hanya dapat dipakai layar kiosk: beri --printer.`,
  );
}

export async function printCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('print', argv, OPTIONS, ['order_id']);
  const id = orderIdArgument('print', positionals[0]);
  const settings = readPrintingSettings(config.dataDir);
  const configured = settings.printers.find((p) => p.id === settings.receipt.printerId);
  const target = values.printer ?? configuredAddress(configured);
  let transport;
  try {
    transport = transportFor(parsePrinterAddress(target));
  } catch (error) {
    if (!(error instanceof PrinterAddressError)) throw error;
    throw new UsageError(`--printer: ${error.bilingual.en}`, `--printer: ${error.bilingual.id}`);
  }
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
    const now = systemClock.now();
    const copy = found.earlier.length > 0;
    // On record before a byte is sent: a crash mid-print leaves a job 'sending', which the kiosk
    // takes as maybe printed.
    const job: PrintJobRecord = {
      id: randomUUID(),
      printerId: `cli:${transport.target}`.slice(0, 64),
      kind: 'receipt',
      orderId: found.orderId,
      ...(found.saleId === undefined ? {} : { saleId: found.saleId }),
      payload: { type: 'receipt', document: found.document },
      drawer: false,
      drawerMissed: false,
      copy,
      maybePrinted: false,
      state: 'sending',
      attempts: 1,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    };
    store.insert(job);
    try {
      await sendPayload(job.payload, { kind: 'raw', transport, width }, { copy, drawer: false });
    } catch (error) {
      const failure =
        error instanceof PrinterError ? error : new PrinterError('unexpected', { cause: error });
      const failed = store.transition(job.id, ['sending'], {
        state: 'failed',
        maybePrinted: failure.maybePrinted,
        updatedAt: systemClock.now(),
        lastError: { code: failure.code, message: failure.bilingual },
      });
      if (failed !== undefined) out.json(jobView(failed));
      out.refusal(`printing ${found.orderId} to ${transport.target} failed`, failure.bilingual);
      return EXIT.printFailed;
    }
    const printed = store.transition(job.id, ['sending'], {
      state: 'printed',
      printedAt: systemClock.now(),
      updatedAt: systemClock.now(),
    });
    out.json(jobView(printed ?? job));
    out.note(`receipt of ${found.orderId} printed to ${transport.target}${copy ? ' as SALINAN / COPY' : ''}`);
    return EXIT.ok;
  } finally {
    journal.close();
  }
}
