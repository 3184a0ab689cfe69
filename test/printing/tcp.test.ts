import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toEscPos } from '../../main/receipts/index.ts';
import { PrinterError } from '../../main/printing/errors.ts';
import { TcpPrinter } from '../../main/printing/tcp.ts';
import type { TcpPrinterOptions } from '../../main/printing/tcp.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';
import { saleDocument } from '../receipts/fixtures.ts';

let fake: FakePrinter;

beforeEach(async () => {
  fake = await FakePrinter.start();
});
afterEach(async () => {
  await fake.close();
});

function printer(options: Partial<TcpPrinterOptions> = {}): TcpPrinter {
  return new TcpPrinter({ host: fake.host, port: fake.port, ...options });
}

async function failure(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the print to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return error as PrinterError;
}

const receipt = (width: 58 | 80 = 58) => toEscPos({ type: 'receipt', document: saleDocument() }, { width });

describe('TcpPrinter', () => {
  it('delivers the whole job, and the paper says the receipt', async () => {
    const bytes = receipt(80);
    const result = await printer().send(bytes);
    expect(result.bytes).toBe(bytes.length);
    expect(result.status).toMatchObject({ kind: 'known', online: true, paperOut: false });
    const [job] = await fake.waitForPrintJobs(1);
    expect(Buffer.compare(job?.bytes ?? Buffer.alloc(0), Buffer.from(bytes))).toBe(0);
    expect(job?.statusRequests).toEqual([1, 2, 3, 4]);
    const paper = decodeEscPos(job?.bytes ?? Buffer.alloc(0));
    expect(paper.lines).toContain('No. pesanan: KIOSK-20261124-0001');
    expect(paper.events.filter((e) => e.type === 'cut')).toHaveLength(1);
  });

  it('names the address when nothing listens there', async () => {
    await fake.refuseConnections();
    const error = await failure(printer().send(receipt()));
    expect(error.code).toBe('unreachable');
    expect(error.maybePrinted).toBe(false);
    expect(error.bilingual.id).toContain('Printer tidak terjangkau');
    expect(error.bilingual.en).toContain(`Printer unreachable`);
    expect(error.bilingual.en).toContain(`tcp://127.0.0.1:${fake.port}`);
  });

  it('reports a printer that resets the connection mid-job as maybe printed', async () => {
    fake.resetAfterBytes = 200;
    const bytes = receipt(80);
    expect(bytes.length).toBeGreaterThan(1000);
    const error = await failure(printer().send(bytes));
    expect(error.code).toBe('connection-lost');
    expect(error.maybePrinted).toBe(true);
    expect(error.bilingual.id).toContain('menutup koneksi di tengah cetak');
    expect(error.bilingual.en).toContain('closed the connection mid-job');
    expect(fake.jobs[0]?.ended).toBe('reset');
  });

  for (const [state, code, id] of [
    [{ paperOut: true }, 'paper-out', 'Kertas printer habis'],
    [{ coverOpen: true }, 'cover-open', 'Penutup printer terbuka'],
    [{ online: false }, 'offline', 'offline'],
    [{ error: true }, 'printer-error', 'kesalahan'],
  ] as const) {
    it(`refuses to send while the printer says ${code}, and sends nothing`, async () => {
      fake.setState(state);
      const error = await failure(printer().send(receipt()));
      expect(error.code).toBe(code);
      expect(error.maybePrinted).toBe(false);
      expect(error.bilingual.id).toContain(id);
      expect(fake.printJobs).toHaveLength(0);
    });
  }

  it('reads the status: ready, near end, out of paper, cover open', async () => {
    const p = printer();
    expect(await p.status()).toMatchObject({
      kind: 'known',
      online: true,
      paperNearEnd: false,
      partial: false,
    });
    fake.setState({ paperNearEnd: true });
    expect(await p.status()).toMatchObject({
      kind: 'known',
      online: true,
      paperNearEnd: true,
      paperOut: false,
    });
    fake.setState({ paperOut: true });
    expect(await p.status()).toMatchObject({ kind: 'known', online: false, paperOut: true });
    fake.setState({ paperOut: false, paperNearEnd: false, coverOpen: true });
    expect(await p.status()).toMatchObject({
      kind: 'known',
      online: false,
      coverOpen: true,
      paperOut: false,
    });
  });

  it('calls a silent printer unknown after a short wait, and still prints', async () => {
    fake.answerStatus = false;
    const p = printer({ statusTimeoutMs: 150 });
    const started = performance.now();
    expect(await p.status()).toEqual({ kind: 'unknown', reason: 'no-answer' });
    // Generous bound: only that it did not wait for a long default.
    expect(performance.now() - started).toBeLessThan(3000);
    const result = await p.send(receipt());
    expect(result.status.kind).toBe('unknown');
    const jobs = await fake.waitForPrintJobs(1);
    const lines = decodeEscPos(jobs[0]?.bytes ?? Buffer.alloc(0)).lines;
    expect(lines).toContain(`TOTAL${' '.repeat(32 - 5 - 9)}Rp 63.500`);
  });

  it("stops asking a printer that never answers ('auto'), but keeps asking with 'always'", async () => {
    fake.answerStatus = false;
    const auto = printer({ statusTimeoutMs: 100 });
    await auto.send(receipt());
    await auto.send(receipt());
    await fake.waitForPrintJobs(2);
    expect(fake.jobs.map((j) => j.statusRequests)).toEqual([[1], []]);
    const always = printer({ statusTimeoutMs: 100, checkStatus: 'always' });
    await always.send(receipt());
    await fake.waitForPrintJobs(3);
    expect(fake.jobs[2]?.statusRequests).toEqual([1]);
  });

  it('prints again once a refused printer is back', async () => {
    await fake.refuseConnections();
    expect((await failure(printer().send(receipt()))).code).toBe('unreachable');
    await fake.acceptConnections();
    await printer().send(receipt());
    expect(await fake.waitForPrintJobs(1)).toHaveLength(1);
  });
});
