/**
 * The checks of the printing settings (printers, receipt options, sound), run by the settings
 * screen as the manager types and by the main process before anything is stored. Like the other
 * settings checks: a stable code, the field, and plain words in both languages that name the
 * printer concerned, so a manager with three printers knows which one to fix.
 */
import { PAPER_WIDTHS } from './printing.ts';
import {
  AUTO_PRINT_MODES,
  MAX_PRINTERS,
  PRINTER_KINDS,
  RAW_PRINTER_KINDS,
  type PrinterConfig,
  type ReceiptOptions,
  type SoundSettings,
} from './printing-contract.ts';

export type PrintingProblemCode =
  | 'printers-too-many'
  | 'printer-id'
  | 'printer-name'
  | 'printer-kind'
  | 'printer-address'
  | 'printer-width'
  | 'printer-drawer'
  | 'receipt-printer-unknown'
  | 'receipt-auto-print'
  | 'receipt-text'
  | 'receipt-npwp'
  | 'sound-volume';

export interface PrintingProblem {
  code: PrintingProblemCode;
  field: 'printers' | 'receipt' | 'sound';
  message: { id: string; en: string };
}

export const PRINTER_NAME_MAX_LENGTH = 30;
export const SHOP_ADDRESS_MAX_LENGTH = 120;
export const SHOP_ADDRESS_MAX_LINES = 3;
export const FOOTER_MAX_LENGTH = 300;
export const FOOTER_MAX_LINES = 6;
const ADDRESS_MAX_LENGTH = 200;
const PRINTER_ID = /^[a-z0-9][a-z0-9-]{0,23}$/;
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- the same, with line breaks allowed
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$/;
const IPV6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/;

function printerProblem(code: PrintingProblemCode, id: string, en: string): PrintingProblem {
  return { code, field: 'printers', message: { id, en } };
}

function receiptProblem(code: PrintingProblemCode, id: string, en: string): PrintingProblem {
  return { code, field: 'receipt', message: { id, en } };
}

/** "host", "host:port", "[v6]:port"; a leading "tcp://" is allowed. Undefined when not an address. */
export function parseNetworkAddress(text: string): { host: string; port: number } | undefined {
  const value = text
    .trim()
    .replace(/^tcp:\/\//i, '')
    .replace(/\/$/, '');
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(value);
  if (match === null) return undefined;
  const host = match[1] ?? '';
  const port = match[2] === undefined ? 9100 : Number(match[2]);
  if (port < 1 || port > 65_535) return undefined;
  if (!HOST_NAME.test(host) && !IPV6.test(host)) return undefined;
  return { host: host.replace(/^\[|\]$/g, ''), port };
}

/** How each printer is named in a message: its name, or its place in the list. */
function label(printer: PrinterConfig, index: number): { id: string; en: string } {
  const name = typeof printer.name === 'string' ? printer.name.trim() : '';
  return name === ''
    ? { id: `Printer ${index + 1}`, en: `Printer ${index + 1}` }
    : { id: `"${name}"`, en: `"${name}"` };
}

function addressProblems(printer: PrinterConfig, who: { id: string; en: string }): PrintingProblem[] {
  const address = typeof printer.address === 'string' ? printer.address : '';
  const bad = (id: string, en: string) => [
    printerProblem('printer-address', `${who.id}: ${id}`, `${who.en}: ${en}`),
  ];
  if (address.length > ADDRESS_MAX_LENGTH || CONTROL.test(address)) {
    return bad(
      'alamatnya terlalu panjang atau berisi karakter tak terbaca.',
      'its address is too long or has unreadable characters.',
    );
  }
  switch (printer.kind) {
    case 'tcp':
      return parseNetworkAddress(address) === undefined
        ? bad(
            'tulis alamat jaringannya sebagai HOST atau HOST:PORT, misalnya 192.168.1.50:9100.',
            'write its network address as HOST or HOST:PORT, for example 192.168.1.50:9100.',
          )
        : [];
    case 'device':
      return address.startsWith('/') && address.length > 1
        ? []
        : bad(
            'tulis jalur perangkatnya, misalnya /dev/usb/lp0 atau /dev/ttyUSB0.',
            'write its device path, for example /dev/usb/lp0 or /dev/ttyUSB0.',
          );
    case 'os':
      return [];
    case 'browser':
      return address === ''
        ? []
        : bad(
            'printer browser tidak memakai alamat; kosongkan.',
            'a browser printer takes no address; leave it empty.',
          );
  }
}

function onePrinter(printer: PrinterConfig, index: number): PrintingProblem[] {
  const who = label(printer, index);
  const problems: PrintingProblem[] = [];
  if (typeof printer.id !== 'string' || !PRINTER_ID.test(printer.id)) {
    problems.push(
      printerProblem(
        'printer-id',
        `${who.id}: kode printer tidak valid.`,
        `${who.en}: the printer's code is not valid.`,
      ),
    );
  }
  const name = typeof printer.name === 'string' ? printer.name.trim() : '';
  if (name === '' || [...name].length > PRINTER_NAME_MAX_LENGTH || CONTROL.test(name)) {
    problems.push(
      printerProblem(
        'printer-name',
        `Printer ${index + 1}: beri nama 1–${PRINTER_NAME_MAX_LENGTH} karakter, misalnya "Kasir".`,
        `Printer ${index + 1}: give it a name of 1–${PRINTER_NAME_MAX_LENGTH} characters, such as "Till".`,
      ),
    );
  }
  if (!(PRINTER_KINDS as readonly unknown[]).includes(printer.kind)) {
    problems.push(
      printerProblem(
        'printer-kind',
        `${who.id}: jenis printer tidak dikenal.`,
        `${who.en}: unknown printer kind.`,
      ),
    );
    return problems;
  }
  problems.push(...addressProblems(printer, who));
  if (!(PAPER_WIDTHS as readonly unknown[]).includes(printer.width)) {
    problems.push(
      printerProblem(
        'printer-width',
        `${who.id}: lebar kertas 58 atau 80 mm.`,
        `${who.en}: paper width 58 or 80 mm.`,
      ),
    );
  }
  if (typeof printer.drawer !== 'boolean') {
    problems.push(
      printerProblem(
        'printer-drawer',
        `${who.id}: pilih ya atau tidak untuk laci uang.`,
        `${who.en}: choose yes or no for the cash drawer.`,
      ),
    );
  } else if (printer.drawer && !RAW_PRINTER_KINDS.includes(printer.kind)) {
    problems.push(
      printerProblem(
        'printer-drawer',
        `${who.id}: laci uang hanya dapat dibuka lewat printer jaringan atau USB/serial (printer sistem dan browser tidak dapat).`,
        `${who.en}: a cash drawer opens only through a network or USB/serial printer (the system and browser printers cannot).`,
      ),
    );
  }
  return problems;
}

export function printersProblems(printers: readonly PrinterConfig[]): PrintingProblem[] {
  if (!Array.isArray(printers)) {
    return [
      printerProblem('printers-too-many', 'Daftar printer tidak valid.', 'The printer list is not valid.'),
    ];
  }
  if (printers.length > MAX_PRINTERS) {
    return [
      printerProblem(
        'printers-too-many',
        `Paling banyak ${MAX_PRINTERS} printer.`,
        `At most ${MAX_PRINTERS} printers.`,
      ),
    ];
  }
  const problems = printers.flatMap(onePrinter);
  const ids = printers.map((p) => p.id);
  if (new Set(ids).size !== ids.length) {
    problems.push(
      printerProblem('printer-id', 'Dua printer memakai kode yang sama.', 'Two printers have the same code.'),
    );
  }
  return problems;
}

function textProblems(
  text: unknown,
  what: { id: string; en: string },
  maxLength: number,
  maxLines: number,
): PrintingProblem[] {
  if (typeof text !== 'string') {
    return [receiptProblem('receipt-text', `${what.id} tidak valid.`, `${what.en} is not valid.`)];
  }
  if ([...text].length > maxLength || text.split('\n').length > maxLines) {
    return [
      receiptProblem(
        'receipt-text',
        `${what.id} paling banyak ${maxLength} karakter dalam ${maxLines} baris.`,
        `${what.en} can have at most ${maxLength} characters on ${maxLines} lines.`,
      ),
    ];
  }
  if (CONTROL_BUT_NEWLINE.test(text.replace(/\r\n/g, '\n'))) {
    return [
      receiptProblem(
        'receipt-text',
        `${what.id} berisi karakter yang tidak dapat dicetak.`,
        `${what.en} contains characters that cannot be printed.`,
      ),
    ];
  }
  return [];
}

/** NPWP: the 15-digit form (01.234.567.8-901.000) or the 16-digit one (NIK-based, from 2024). */
export function npwpProblems(npwp: string): PrintingProblem[] {
  const value = npwp.trim();
  if (value === '') return [];
  const digits = value.replace(/[.\- ]/g, '');
  if (/^\d{15}$/.test(digits) || /^\d{16}$/.test(digits)) return [];
  return [
    receiptProblem(
      'receipt-npwp',
      'NPWP harus 15 atau 16 angka (titik dan tanda minus boleh), misalnya 01.234.567.8-901.000.',
      'The NPWP must be 15 or 16 digits (dots and dashes allowed), for example 01.234.567.8-901.000.',
    ),
  ];
}

export function receiptOptionsProblems(receipt: ReceiptOptions): PrintingProblem[] {
  if (typeof receipt !== 'object' || receipt === null) {
    return [
      receiptProblem('receipt-text', 'Pengaturan struk tidak valid.', 'The receipt options are not valid.'),
    ];
  }
  const problems: PrintingProblem[] = [];
  if (
    receipt.printerId !== null &&
    (typeof receipt.printerId !== 'string' || !PRINTER_ID.test(receipt.printerId))
  ) {
    problems.push(
      receiptProblem('receipt-printer-unknown', 'Printer struk tidak dikenal.', 'Unknown receipt printer.'),
    );
  }
  if (!(AUTO_PRINT_MODES as readonly unknown[]).includes(receipt.autoPrint)) {
    problems.push(
      receiptProblem('receipt-auto-print', 'Pilih kapan struk dicetak.', 'Choose when receipts print.'),
    );
  }
  problems.push(
    ...textProblems(
      receipt.shopAddress,
      { id: 'Alamat toko', en: 'The shop address' },
      SHOP_ADDRESS_MAX_LENGTH,
      SHOP_ADDRESS_MAX_LINES,
    ),
    ...textProblems(
      receipt.footer,
      { id: 'Catatan kaki struk', en: 'The receipt footer' },
      FOOTER_MAX_LENGTH,
      FOOTER_MAX_LINES,
    ),
  );
  if (typeof receipt.npwp !== 'string') {
    problems.push(receiptProblem('receipt-npwp', 'NPWP tidak valid.', 'The NPWP is not valid.'));
  } else {
    problems.push(...npwpProblems(receipt.npwp));
  }
  return problems;
}

/** The receipt printer must be one of the printers: checked on the two together. */
export function receiptPrinterProblems(
  printers: readonly PrinterConfig[],
  receipt: ReceiptOptions,
): PrintingProblem[] {
  if (receipt.printerId === null || printers.some((p) => p.id === receipt.printerId)) return [];
  return [
    receiptProblem(
      'receipt-printer-unknown',
      'Printer struk yang dipilih sudah tidak ada di daftar printer; pilih yang lain.',
      'The chosen receipt printer is no longer in the printer list; choose another.',
    ),
  ];
}

export function soundProblems(sound: SoundSettings): PrintingProblem[] {
  const ok =
    typeof sound === 'object' &&
    sound !== null &&
    Number.isSafeInteger(sound.volume) &&
    sound.volume >= 0 &&
    sound.volume <= 100 &&
    typeof sound.muted === 'boolean';
  return ok
    ? []
    : [
        {
          code: 'sound-volume',
          field: 'sound',
          message: { id: 'Volume harus angka bulat 0–100.', en: 'The volume must be a whole number 0–100.' },
        },
      ];
}
