/**
 * One error model for every printer. Callers branch on `code`, and on `maybePrinted`: when true,
 * some of the job's bytes reached the printer before it failed, so the receipt may be on the
 * paper (whole or cut off); printing it again must say "SALINAN / COPY".
 */
import type { PrinterCondition } from '../../common/printing.ts';

export type PrinterErrorCode =
  /** Nothing answered at the address (refused, no route, no such host, connect timeout). */
  | 'unreachable'
  /** The printer said so before the job was sent. */
  | 'paper-out'
  | 'cover-open'
  | 'offline'
  | 'printer-error'
  /** The printer closed the connection (or reset it) before taking the whole job. */
  | 'connection-lost'
  /** The printer stopped taking bytes for longer than the write timeout. */
  | 'write-timeout'
  | 'device-missing'
  | 'device-not-writable'
  | 'device-busy'
  | 'device-not-a-printer'
  | 'device-write-failed'
  /** The operating system's printer (webContents.print) refused or failed the job. */
  | 'os-print-failed'
  /** The job names a printer the settings do not have. */
  | 'printer-not-configured'
  /** The job's document could not be rendered (bad data; retrying will not help). */
  | 'render-failed'
  /** A failure with no known cause: counted as maybe printed. */
  | 'unexpected';

export type Bilingual = { id: string; en: string };

const WORDS: Record<PrinterErrorCode, Bilingual> = {
  unreachable: {
    id: 'Printer tidak terjangkau. Periksa kabel, daya dan alamatnya.',
    en: 'Printer unreachable. Check its cable, power and address.',
  },
  'paper-out': { id: 'Kertas printer habis.', en: 'The printer is out of paper.' },
  'cover-open': { id: 'Penutup printer terbuka.', en: 'The printer cover is open.' },
  offline: { id: 'Printer sedang offline.', en: 'The printer is offline.' },
  'printer-error': {
    id: 'Printer melaporkan kesalahan (pemotong kertas atau suhu kepala cetak).',
    en: 'The printer reports an error (cutter or print head temperature).',
  },
  'connection-lost': {
    id: 'Printer menutup koneksi di tengah cetak; struk mungkin terpotong.',
    en: 'The printer closed the connection mid-job; the receipt may be cut off.',
  },
  'write-timeout': {
    id: 'Printer berhenti menerima data di tengah cetak.',
    en: 'The printer stopped taking data mid-job.',
  },
  'device-missing': {
    id: 'Perangkat printer tidak ditemukan. Periksa kabel USB dan jalurnya.',
    en: 'The printer device does not exist. Check the USB cable and the path.',
  },
  'device-not-writable': {
    id: 'Perangkat printer tidak dapat ditulisi (izin ditolak).',
    en: 'The printer device is not writable (permission denied).',
  },
  'device-busy': {
    id: 'Perangkat printer sedang dipakai program lain.',
    en: 'Another program is using the printer device.',
  },
  'device-not-a-printer': {
    id: 'Jalur itu bukan perangkat printer.',
    en: 'That path is not a printer device.',
  },
  'device-write-failed': {
    id: 'Gagal menulis ke perangkat printer.',
    en: 'Writing to the printer device failed.',
  },
  'os-print-failed': {
    id: 'Printer sistem gagal mencetak.',
    en: "The system's printer failed to print.",
  },
  'printer-not-configured': {
    id: 'Printer ini belum diatur di Pengaturan.',
    en: 'This printer is not set up in Settings.',
  },
  unexpected: {
    id: 'Pencetakan gagal karena kesalahan tak terduga.',
    en: 'Printing failed with an unexpected error.',
  },
  'render-failed': {
    id: 'Struk ini tidak dapat disusun untuk dicetak.',
    en: 'This receipt could not be prepared for printing.',
  },
};

export function printerWords(code: PrinterErrorCode): Bilingual {
  return { ...WORDS[code] };
}

export interface PrinterErrorInit {
  /** Where: "tcp://192.168.1.50:9100", "/dev/usb/lp0". Added to the message. */
  target?: string;
  maybePrinted?: boolean;
  bytesWritten?: number;
  cause?: unknown;
  message?: Bilingual;
}

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  readonly bilingual: Bilingual;
  readonly maybePrinted: boolean;
  readonly bytesWritten: number;
  readonly target: string | undefined;

  constructor(code: PrinterErrorCode, init: PrinterErrorInit = {}) {
    const words = init.message ?? WORDS[code];
    const where = init.target === undefined ? '' : ` (${init.target})`;
    super(`${words.en}${where}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PrinterError';
    this.code = code;
    this.bilingual = { id: `${words.id}${where}`, en: `${words.en}${where}` };
    this.maybePrinted = init.maybePrinted ?? false;
    this.bytesWritten = init.bytesWritten ?? 0;
    this.target = init.target;
  }
}

/** The cashier-screen condition a failure implies. */
export function conditionOfError(code: PrinterErrorCode): PrinterCondition {
  switch (code) {
    case 'paper-out':
    case 'cover-open':
    case 'offline':
    case 'unreachable':
      return code;
    case 'printer-error':
      return 'error';
    case 'device-missing':
    case 'device-not-writable':
    case 'device-busy':
    case 'device-not-a-printer':
    case 'printer-not-configured':
      return 'unreachable';
    default:
      return 'unknown';
  }
}
