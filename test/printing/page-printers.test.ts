/**
 * The two page printers the print service drives besides the raw ones: the cashier screen's
 * browser (a page handed over and acknowledged), and the system printer where there is none
 * (browser mode), which must say what to choose instead.
 */
import { describe, expect, it } from 'vitest';
import type { PrintPageRequest } from '../../common/printing-contract.ts';
import { BrowserPagePrinter } from '../../main/printing/browser-printer.ts';
import { PrinterError } from '../../main/printing/errors.ts';
import { PrinterSet } from '../../main/printing/printer-set.ts';
import { TcpPrinter } from '../../main/printing/tcp.ts';

const JOB = {
  html: '<!doctype html>',
  width: 58 as const,
  lengthMm: 80,
  svg: '<svg></svg>',
  title: 'KIOSK-1',
};

async function rejection(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => expect.fail('expected the print to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return error as PrinterError;
}

describe('BrowserPagePrinter', () => {
  it('hands the receipt to the screen and resolves when the screen has printed it', async () => {
    const sent: PrintPageRequest[] = [];
    const printer = new BrowserPagePrinter({ emit: (r) => sent.push(r), newId: () => 'r-1' });
    const printing = printer.print(JOB);
    expect(sent).toEqual([{ requestId: 'r-1', svg: '<svg></svg>', width: 58, title: 'KIOSK-1' }]);
    expect(printer.done('r-2', true)).toBe(false);
    expect(printer.done('r-1', true)).toBe(true);
    await expect(printing).resolves.toBeUndefined();
    expect(printer.done('r-1', true)).toBe(false);
  });

  it('a browser that refused: not printed; no answer in time: maybe printed, so the next print is a COPY', async () => {
    const printer = new BrowserPagePrinter({ emit: () => undefined, timeoutMs: 30, newId: () => 'r' });
    const refused = printer.print(JOB);
    printer.done('r', false);
    const no = await rejection(refused);
    expect(no).toMatchObject({ code: 'os-print-failed', maybePrinted: false });
    expect(no.bilingual.en).toContain('The browser refused to print');
    const silent = await rejection(printer.print(JOB));
    expect(silent).toMatchObject({ code: 'os-print-failed', maybePrinted: true });
    expect(silent.bilingual.id).toContain('Layar kasir tidak mencetak struk');
  });

  it('stopping gives up every page still waiting, as maybe printed', async () => {
    const printer = new BrowserPagePrinter({ emit: () => undefined });
    const waiting = printer.print(JOB);
    printer.cancelAll();
    expect((await rejection(waiting)).maybePrinted).toBe(true);
  });
});

describe('PrinterSet', () => {
  const browser = new BrowserPagePrinter({ emit: () => undefined });

  it('has no system printer in browser mode: the job fails saying to choose the browser kind', async () => {
    const set = new PrinterSet({ osPrinter: undefined, browserPrinter: browser });
    const os = set.get({ id: 'w', name: 'W', kind: 'os', address: 'POS-80', width: 80, drawer: false });
    expect(os).toMatchObject({ kind: 'page', width: 80, deviceName: 'POS-80' });
    if (os?.kind !== 'page') throw new Error('not a page printer');
    const error = await rejection(os.printer.print(JOB));
    expect(error.code).toBe('printer-not-configured');
    expect(error.bilingual.en).toContain('in browser mode choose the "browser" kind');
  });

  it('keeps a printer’s transport while its settings stay the same, and builds a new one when they change', () => {
    const set = new PrinterSet({ osPrinter: undefined, browserPrinter: browser });
    const config = {
      id: 'k',
      name: 'K',
      kind: 'tcp' as const,
      address: '127.0.0.1:9100',
      width: 58 as const,
      drawer: true,
    };
    const first = set.transport(config);
    expect(first).toBeInstanceOf(TcpPrinter);
    expect(set.transport({ ...config, name: 'Renamed' })).toBe(first);
    expect(set.transport({ ...config, address: '127.0.0.1:9101' })).not.toBe(first);
    expect(set.get({ ...config, address: 'not an address' })).toBeUndefined();
    expect(set.get({ ...config, kind: 'browser', address: '' })).toMatchObject({
      kind: 'page',
      printer: browser,
    });
  });
});
