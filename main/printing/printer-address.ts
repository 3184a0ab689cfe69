/**
 * A raw printer written as one string, as in Settings and `kiosk print --printer`:
 * "tcp://HOST[:PORT]" (port 9100 by default; IPv6 in brackets) or a device path ("/dev/usb/lp0",
 * "COM3" is not a path Node can write on Windows, so Windows shops use the OS printer).
 */
import { DevicePrinter } from './device.ts';
import type { DevicePrinterOptions } from './device.ts';
import type { Bilingual } from './errors.ts';
import { DEFAULT_RAW_PORT, TcpPrinter } from './tcp.ts';
import type { TcpPrinterOptions } from './tcp.ts';
import type { PrinterTransport } from './transport.ts';

export type PrinterAddress = { kind: 'tcp'; host: string; port: number } | { kind: 'device'; path: string };

export class PrinterAddressError extends Error {
  readonly bilingual: Bilingual;
  constructor(id: string, en: string) {
    super(en);
    this.name = 'PrinterAddressError';
    this.bilingual = { id, en };
  }
}

const TCP = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?\/?$/;

export function parsePrinterAddress(text: string): PrinterAddress {
  const value = text.trim();
  if (value === '') {
    throw new PrinterAddressError('Alamat printer kosong.', 'The printer address is empty.');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const match = TCP.exec(value);
    if (match === null) {
      throw new PrinterAddressError(
        `Alamat printer "${value}" tidak dikenal; tulis tcp://HOST:PORT atau jalur perangkat.`,
        `The printer address "${value}" is not understood; write tcp://HOST:PORT or a device path.`,
      );
    }
    const port = match[2] === undefined ? DEFAULT_RAW_PORT : Number(match[2]);
    if (port < 1 || port > 65_535) {
      throw new PrinterAddressError(
        `Port printer harus 1–65535, bukan ${match[2]}.`,
        `The printer port must be 1–65535, not ${match[2]}.`,
      );
    }
    return { kind: 'tcp', host: (match[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  if (value.includes('\0')) {
    throw new PrinterAddressError('Jalur perangkat tidak valid.', 'The device path is not valid.');
  }
  return { kind: 'device', path: value };
}

export function transportFor(
  address: PrinterAddress,
  options: {
    tcp?: Omit<TcpPrinterOptions, 'host' | 'port'>;
    device?: Omit<DevicePrinterOptions, 'path'>;
  } = {},
): PrinterTransport {
  return address.kind === 'tcp'
    ? new TcpPrinter({ ...options.tcp, host: address.host, port: address.port })
    : new DevicePrinter({ ...options.device, path: address.path });
}
