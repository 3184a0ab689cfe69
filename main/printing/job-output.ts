/**
 * Sends one job's payload to one configured printer: ESC/POS bytes to a raw transport, or the
 * print page to the OS printer. The queue decides copy and drawer; this only renders and sends.
 */
import type { PaperWidth } from '../../common/printing.ts';
import {
  asCopy,
  DEFAULT_DRAWER_PULSE,
  drawerOnlyJob,
  receiptLengthMm,
  titleOf,
  toEscPos,
  toPrintPage,
  toSvg,
} from '../receipts/index.ts';
import type { DrawerPulse, EscPosDialect, ReceiptSource } from '../receipts/index.ts';
import { PrinterError } from './errors.ts';
import type { PrintPayload } from './job-store.ts';
import type { PagePrinter } from './os-printer.ts';
import type { PrinterTransport } from './transport.ts';

/** A printer as the queue knows it, looked up by id from the settings. */
export type QueuePrinter =
  | {
      kind: 'raw';
      transport: PrinterTransport;
      width: PaperWidth;
      dialect?: EscPosDialect;
      drawerPulse?: DrawerPulse;
    }
  | { kind: 'page'; printer: PagePrinter; width: PaperWidth; deviceName?: string };

export interface OutputChoice {
  copy: boolean;
  drawer: boolean;
}

export interface OutputResult {
  /** False when a drawer pulse was asked for but this printer cannot send one. */
  drawerSent: boolean;
}

function render<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PrinterError) throw error;
    throw new PrinterError('render-failed', { cause: error });
  }
}

export async function sendPayload(
  payload: PrintPayload,
  printer: QueuePrinter,
  choice: OutputChoice,
): Promise<OutputResult> {
  if (printer.kind === 'page') {
    if (payload.type === 'drawer') return { drawerSent: false };
    const source: ReceiptSource = choice.copy ? asCopy(payload) : payload;
    const { html, lengthMm, svg } = render(() => {
      const drawn = toSvg(source, printer.width);
      return { html: toPrintPage(source, printer.width), lengthMm: receiptLengthMm(drawn), svg: drawn };
    });
    const job = { html, width: printer.width, lengthMm, svg, title: titleOf(source) };
    await printer.printer.print(
      printer.deviceName === undefined ? job : { ...job, deviceName: printer.deviceName },
    );
    return { drawerSent: false };
  }
  const pulse = printer.drawerPulse ?? DEFAULT_DRAWER_PULSE;
  const bytes = render(() => {
    if (payload.type === 'drawer') return drawerOnlyJob(pulse);
    const source: ReceiptSource = choice.copy ? asCopy(payload) : payload;
    const options = { width: printer.width, dialect: printer.dialect ?? 'generic' } as const;
    return toEscPos(source, choice.drawer ? { ...options, drawer: pulse } : options);
  });
  await printer.transport.send(bytes);
  return { drawerSent: choice.drawer || payload.type === 'drawer' };
}
