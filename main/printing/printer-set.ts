/**
 * The printers of the settings as the queue drives them: each PrinterConfig becomes a raw
 * transport (network, device file) or a page printer (the OS printer the shell hands in, or the
 * cashier screen's browser). A printer keeps its transport while its settings stay the same, so
 * what a TcpPrinter has learnt (that this printer never answers status) is not forgotten.
 */
import type { PrinterConfig } from '../../common/printing-contract.ts';
import { parseNetworkAddress } from '../../common/printing-settings.ts';
import { DevicePrinter } from './device.ts';
import type { DevicePrinterOptions } from './device.ts';
import { PrinterError } from './errors.ts';
import type { QueuePrinter } from './job-output.ts';
import type { PagePrinter } from './os-printer.ts';
import { TcpPrinter } from './tcp.ts';
import type { TcpPrinterOptions } from './tcp.ts';
import type { PrinterTransport } from './transport.ts';

export interface PrinterSetOptions {
  /** The operating system's printer: the desktop shell's silent print. Absent in browser mode. */
  osPrinter: PagePrinter | undefined;
  browserPrinter: PagePrinter;
  tcp?: Omit<TcpPrinterOptions, 'host' | 'port'>;
  device?: Omit<DevicePrinterOptions, 'path'>;
}

/** Browser mode has no silent OS printing: a job for it fails, saying what to choose instead. */
const NO_OS_PRINTER: PagePrinter = {
  target: 'system printer',
  print: () =>
    Promise.reject(
      new PrinterError('printer-not-configured', {
        message: {
          id: 'Printer sistem hanya dapat dipakai di aplikasi desktop; di mode browser pilih jenis "browser".',
          en: 'The system printer works only in the desktop app; in browser mode choose the "browser" kind.',
        },
      }),
    ),
};

export class PrinterSet {
  readonly #options: PrinterSetOptions;
  readonly #built = new Map<string, { key: string; printer: QueuePrinter }>();

  constructor(options: PrinterSetOptions) {
    this.#options = options;
  }

  /** The queue's view of `config`, or undefined when it cannot be driven (a bad address). */
  get(config: PrinterConfig): QueuePrinter | undefined {
    const key = JSON.stringify([config.kind, config.address, config.width]);
    const known = this.#built.get(config.id);
    if (known !== undefined && known.key === key) return known.printer;
    const printer = this.#build(config);
    if (printer !== undefined) this.#built.set(config.id, { key, printer });
    return printer;
  }

  /** The raw transport of a printer, for a status question (none for page printers). */
  transport(config: PrinterConfig): PrinterTransport | undefined {
    const printer = this.get(config);
    return printer?.kind === 'raw' ? printer.transport : undefined;
  }

  #build(config: PrinterConfig): QueuePrinter | undefined {
    switch (config.kind) {
      case 'tcp': {
        const address = parseNetworkAddress(config.address);
        if (address === undefined) return undefined;
        const transport = new TcpPrinter({ ...this.#options.tcp, host: address.host, port: address.port });
        return { kind: 'raw', transport, width: config.width };
      }
      case 'device':
        return {
          kind: 'raw',
          transport: new DevicePrinter({ ...this.#options.device, path: config.address }),
          width: config.width,
        };
      case 'os': {
        const printer = this.#options.osPrinter ?? NO_OS_PRINTER;
        const name = config.address.trim();
        return { kind: 'page', printer, width: config.width, ...(name === '' ? {} : { deviceName: name }) };
      }
      case 'browser':
        return { kind: 'page', printer: this.#options.browserPrinter, width: config.width };
    }
  }
}
