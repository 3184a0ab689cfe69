import { describe, expect, it } from 'vitest';
import { conditionOfError } from '../../main/printing/errors.ts';
import { silentPrintOptions, osPrintFailure } from '../../main/printing/os-printer.ts';
import { parsePrinterAddress, PrinterAddressError } from '../../main/printing/printer-address.ts';
import { blockingProblem, conditionOf, decodeStatus } from '../../main/printing/status.ts';

describe('DLE EOT status', () => {
  it('decodes a ready printer', () => {
    const status = decodeStatus({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 });
    expect(status).toEqual({
      kind: 'known',
      online: true,
      coverOpen: false,
      paperOut: false,
      paperNearEnd: false,
      error: false,
      partial: false,
    });
    expect(conditionOf(status)).toBe('ready');
    expect(blockingProblem(status)).toBeNull();
  });

  it('decodes the bytes a printer out of paper sends (0x1A, 0x32, 0x7E)', () => {
    const status = decodeStatus({ 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e });
    expect(status).toMatchObject({ online: false, paperOut: true, paperNearEnd: true, coverOpen: false });
    expect(blockingProblem(status)).toBe('paper-out');
    expect(conditionOf(status)).toBe('paper-out');
  });

  it('decodes cover open, near end and errors', () => {
    expect(conditionOf(decodeStatus({ 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 }))).toBe('cover-open');
    expect(conditionOf(decodeStatus({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e }))).toBe('paper-near-end');
    expect(conditionOf(decodeStatus({ 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 }))).toBe('error');
    expect(conditionOf(decodeStatus({ 1: 0x1a, 2: 0x12, 3: 0x12, 4: 0x12 }))).toBe('offline');
  });

  it('calls no answer, or a byte that is not a status answer, unknown — never a problem', () => {
    for (const replies of [{}, { 1: 0x00 }, { 1: 0xff }, { 1: 0x41 }]) {
      const status = decodeStatus(replies);
      expect(status).toEqual({ kind: 'unknown', reason: 'no-answer' });
      expect(blockingProblem(status)).toBeNull();
      expect(conditionOf(status)).toBe('unknown');
    }
    expect(decodeStatus({ 1: 0x12 })).toMatchObject({ kind: 'known', online: true, partial: true });
  });

  it('maps failures to the condition the cashier sees', () => {
    expect(conditionOfError('device-missing')).toBe('unreachable');
    expect(conditionOfError('paper-out')).toBe('paper-out');
    expect(conditionOfError('connection-lost')).toBe('unknown');
  });
});

describe('printer addresses', () => {
  it('reads tcp addresses and device paths', () => {
    expect(parsePrinterAddress('tcp://192.168.1.50')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parsePrinterAddress('tcp://printer.local:9101')).toEqual({
      kind: 'tcp',
      host: 'printer.local',
      port: 9101,
    });
    expect(parsePrinterAddress('tcp://[fe80::1]:9100')).toEqual({ kind: 'tcp', host: 'fe80::1', port: 9100 });
    expect(parsePrinterAddress(' /dev/usb/lp0 ')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
  });

  it('refuses what it cannot use, in both languages', () => {
    for (const bad of ['', 'http://printer', 'tcp://host:0', 'tcp://host:70000', 'tcp://a b']) {
      expect(() => parsePrinterAddress(bad)).toThrow(PrinterAddressError);
    }
    try {
      parsePrinterAddress('tcp://host:70000');
    } catch (error) {
      expect((error as PrinterAddressError).bilingual).toEqual({
        id: 'Port printer harus 1–65535, bukan 70000.',
        en: 'The printer port must be 1–65535, not 70000.',
      });
    }
  });
});

describe('OS printer options', () => {
  it('sizes the page in microns to the roll and the receipt, silently, with no margins', () => {
    expect(silentPrintOptions({ html: '', width: 80, lengthMm: 142.2, deviceName: 'POS-80' })).toEqual({
      silent: true,
      printBackground: true,
      color: false,
      margins: { marginType: 'none' },
      pageSize: { width: 80_000, height: 143_000 },
      deviceName: 'POS-80',
    });
    expect(silentPrintOptions({ html: '', width: 58, lengthMm: 5 }).pageSize).toEqual({
      width: 58_000,
      height: 30_000,
    });
  });

  it("words Electron's failure reason in both languages", () => {
    const error = osPrintFailure('Print job failed', 'POS-58');
    expect(error.code).toBe('os-print-failed');
    expect(error.maybePrinted).toBe(true);
    expect(error.bilingual.id).toContain('Printer sistem gagal mencetak: Print job failed');
    expect(osPrintFailure('Invalid printer settings').maybePrinted).toBe(false);
  });
});
