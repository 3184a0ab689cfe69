/**
 * How the CLI prints without a print queue: it must not take over the jobs of a kiosk running
 * beside it, so it sends only its own job, on record as 'sending' before a byte leaves (a crash
 * mid-print leaves it for the kiosk to take as maybe printed), then printed or failed.
 */
import { randomUUID } from 'node:crypto';
import type { PaperWidth } from '../../common/printing.ts';
import type { PrinterConfig } from '../../common/printing-contract.ts';
import { systemClock } from '../clock.ts';
import { PrinterError } from '../printing/errors.ts';
import { sendPayload } from '../printing/job-output.ts';
import type { PrintJobRecord, PrintJobStore } from '../printing/job-store.ts';
import { parsePrinterAddress, PrinterAddressError, transportFor } from '../printing/printer-address.ts';
import { jobView } from '../printing/queue.ts';
import type { PrinterTransport } from '../printing/transport.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import type { Output } from './io.ts';
import type { CliPrintingSettings } from './printing-settings.ts';
import { UsageError } from './usage.ts';

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

/** `--printer` when given, else the kiosk's receipt printer; refused in both languages when neither. */
export function cliTransport(
  option: string | undefined,
  settings: CliPrintingSettings,
): { transport: PrinterTransport; configured: PrinterConfig | undefined } {
  const configured = settings.printers.find((p) => p.id === settings.receipt.printerId);
  const target = option ?? configuredAddress(configured);
  try {
    return { transport: transportFor(parsePrinterAddress(target)), configured };
  } catch (error) {
    if (!(error instanceof PrinterAddressError)) throw error;
    throw new UsageError(`--printer: ${error.bilingual.en}`, `--printer: ${error.bilingual.id}`);
  }
}

export type CliJob = Pick<PrintJobRecord, 'kind' | 'payload' | 'copy' | 'orderId' | 'saleId' | 'key'>;

/** Records the job, sends it, records how it ended; prints the job's view and a note. */
export async function sendJournaled(
  store: PrintJobStore,
  out: Output,
  printer: { transport: PrinterTransport; width: PaperWidth },
  what: CliJob,
  label: string,
): Promise<ExitCode> {
  const now = systemClock.now();
  const job: PrintJobRecord = {
    ...what,
    id: randomUUID(),
    printerId: `cli:${printer.transport.target}`.slice(0, 64),
    drawer: false,
    drawerMissed: false,
    maybePrinted: false,
    state: 'sending',
    attempts: 1,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  };
  store.insert(job);
  try {
    await sendPayload(
      job.payload,
      { kind: 'raw', transport: printer.transport, width: printer.width },
      {
        copy: job.copy,
        drawer: false,
      },
    );
  } catch (error) {
    const failure = error instanceof PrinterError ? error : new PrinterError('unexpected', { cause: error });
    const failed = store.transition(job.id, ['sending'], {
      state: 'failed',
      maybePrinted: failure.maybePrinted,
      updatedAt: systemClock.now(),
      lastError: { code: failure.code, message: failure.bilingual },
    });
    if (failed !== undefined) out.json(jobView(failed));
    out.refusal(`printing ${label} to ${printer.transport.target} failed`, failure.bilingual);
    return EXIT.printFailed;
  }
  const printed = store.transition(job.id, ['sending'], {
    state: 'printed',
    printedAt: systemClock.now(),
    updatedAt: systemClock.now(),
  });
  out.json(jobView(printed ?? job));
  out.note(`${label} printed to ${printer.transport.target}${job.copy ? ' as SALINAN / COPY' : ''}`);
  return EXIT.ok;
}
