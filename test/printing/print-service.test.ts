/**
 * The print service on the real stack: the till and engine of a training kiosk (journal in a temp
 * folder, the in-process emulator over HTTP) and a fake ESC/POS printer on 127.0.0.1. Sales are
 * made through the till as the cashier's screen makes them; what reaches the paper is decoded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterConfig, PrintingSnapshot, ReceiptOptions } from '../../common/printing-contract.ts';
import type { SaleView, TillSaleRequest } from '../../common/till-contract.ts';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk, type KioskServices } from '../../main/host/kiosk-services.ts';
import type { PrintingConfig } from '../../main/printing/print-service.ts';
import { PrintingRefusal } from '../../main/printing/refusal.ts';
import { SqliteDrawerLog } from '../../main/printing/drawer-log.ts';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { FAST_POLL } from '../checkout/harness.ts';
import { decodeEscPos, type DecodedPaper } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';

const FAST = { firstMs: 50, factor: 2, maxMs: 200 };
const SLOW = { firstMs: 60_000, factor: 2, maxMs: 60_000 };

interface Rig {
  services: KioskServices;
  fake: FakePrinter;
  config: PrintingConfig;
  snapshots: PrintingSnapshot[];
  sell(request: TillSaleRequest): Promise<SaleView>;
  paidByQris(amount: number, issuer: string): Promise<SaleView>;
  papers(count: number): Promise<DecodedPaper[]>;
  until(match: (s: PrintingSnapshot) => boolean, what: string): Promise<PrintingSnapshot>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(
  options: {
    receipt?: Partial<ReceiptOptions>;
    printers?: (fake: FakePrinter) => PrinterConfig[];
    backoff?: typeof FAST;
  } = {},
): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-print-'));
  const fake = await FakePrinter.start();
  const printers = options.printers?.(fake) ?? [
    { id: 'kasir', name: 'Kasir', kind: 'tcp', address: `127.0.0.1:${fake.port}`, width: 58, drawer: true },
  ];
  const config: PrintingConfig = {
    shopName: 'Warung Uji',
    language: 'id',
    printers,
    receipt: {
      printerId: printers[0]?.id ?? null,
      autoPrint: 'always',
      shopAddress: 'Jl. Uji No. 1',
      npwp: '',
      footer: 'Terima kasih',
      ...options.receipt,
    },
  };
  const services = await openKiosk(configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir }), {
    engine: { chargeSettleMs: 0, poll: FAST_POLL },
    printing: { config: () => config, queue: { backoff: options.backoff ?? FAST, maxAttempts: 20 } },
  });
  services.engine.start();
  services.till.recover();
  cleanups.push(async () => {
    await services.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const printing = services.printing;
  if (printing === undefined) throw new Error('no print service');
  const snapshots: PrintingSnapshot[] = [];
  let wake: (() => void)[] = [];
  printing.on((event) => {
    if (event.type !== 'snapshot') return;
    snapshots.push(event.snapshot);
    const w = wake;
    wake = [];
    for (const f of w) f();
  });
  const until = async (match: (s: PrintingSnapshot) => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = snapshots.find(match);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`no printing snapshot with ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  const paidSale = async (saleId: string) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const view = services.till.view(saleId);
      if (view?.state === 'paid') return view;
      if (Date.now() > deadline) throw new Error(`sale ${saleId} not paid`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    services,
    fake,
    config,
    snapshots,
    until,
    sell: (request) => services.till.start(request),
    async paidByQris(amount, issuer) {
      const sale = await services.till.start({
        lines: [{ name: 'Nasi Goreng', unitPrice: amount, quantity: 1 }],
        tender: { kind: 'gateway', paymentType: 'qris' },
      });
      const orderId = sale.liveOrderId ?? sale.charges[0]?.orderId ?? '';
      services.emulator?.control.pay(orderId, { issuer });
      return paidSale(sale.saleId);
    },
    papers: async (count) => (await fake.waitForPrintJobs(count)).map((job) => decodeEscPos(job.bytes)),
  };
}

const cashSale = (received = 50_000): TillSaleRequest => ({
  lines: [
    { name: 'Kopi Susu', unitPrice: 18_000, quantity: 2 },
    { name: 'Roti Bakar', unitPrice: 9_000, quantity: 1 },
  ],
  tender: { kind: 'cash', received },
});

/** The paper as one text: an order id longer than a 58 mm line wraps. */
const text = (paper: DecodedPaper | undefined) => paper?.lines.join(' ').replace(/\s+/g, ' ') ?? '';
const copies = (paper: DecodedPaper) => paper.lines.filter((l) => l.includes(COPY_MARK)).length;
const drawerPulses = (paper: DecodedPaper) => paper.events.filter((e) => e.type === 'drawer').length;

describe('PrintService', () => {
  it('prints a cash sale the moment it is paid, opening the drawer with it', async () => {
    const r = await rig();
    const sale = await r.sell(cashSale());
    expect(sale.state).toBe('paid');
    const [paper] = await r.papers(1);
    expect(drawerPulses(paper!)).toBe(1);
    expect(text(paper)).toContain(`No. pesanan: ${sale.saleId}`);
    expect(paper?.lines.some((l) => l.includes('Warung Uji'))).toBe(true);
    expect(paper?.lines.some((l) => /^Tunai diterima +Rp 50\.000$/.test(l))).toBe(true);
    expect(paper?.lines.some((l) => /^Kembalian +Rp 5\.000$/.test(l))).toBe(true);
    expect(copies(paper!)).toBe(0);
    const after = await r.until((s) => s.lastJob?.state === 'printed', 'the receipt printed');
    expect(after).toMatchObject({
      lastSale: { saleId: sale.saleId, total: 45_000 },
      receiptPrinter: { printerId: 'kasir', condition: 'ready', waiting: 0 },
      ask: null,
    });
  });

  it('prints a QRIS sale with the issuer and transaction id once the gateway settles it, with no drawer', async () => {
    const r = await rig();
    const sale = await r.paidByQris(44_000, 'ovo');
    const [paper] = await r.papers(1);
    const charge = sale.charges[0];
    expect(text(paper)).toContain(`No. pesanan: ${charge?.orderId}`);
    expect(paper?.lines.some((l) => /^QRIS \(OVO\) +Rp 44\.000$/.test(l))).toBe(true);
    // A transaction id is wider than a 58 mm line: it continues on the next.
    expect(paper?.lines.join('').replace(/\s/g, '')).toContain(`IDtransaksi:${charge?.transactionId}`);
    expect(paper?.lines.filter((l) => l.includes('LATIHAN / TRAINING'))).toHaveLength(2);
    expect(drawerPulses(paper!)).toBe(0);
    // Paid once, printed once, however many times the till announces the sale.
    r.services.till.recover();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.fake.printJobs).toHaveLength(1);
  });

  it('reprints as COPY, without the drawer, saying what the first receipt said', async () => {
    const r = await rig();
    const sale = await r.sell(cashSale());
    await r.papers(1);
    r.config.receipt.footer = 'Footer changed after the sale';
    const job = r.services.printing!.reprint(sale.saleId);
    expect(job).toMatchObject({ kind: 'receipt', copy: true });
    const [, copy] = await r.papers(2);
    expect(copies(copy!)).toBe(2);
    expect(drawerPulses(copy!)).toBe(0);
    expect(copy?.lines.some((l) => l.includes('Terima kasih'))).toBe(true);
    expect(copy?.lines.some((l) => l.includes('Footer changed'))).toBe(false);
  });

  it('printer down: the sale is paid and untouched, the cashier reads why; after it returns, a reprint prints once, as COPY', async () => {
    const r = await rig({ backoff: SLOW });
    await r.fake.refuseConnections();
    const sale = await r.sell(cashSale());
    expect(sale).toMatchObject({ state: 'paid', due: 0 });
    const down = await r.until(
      (s) => s.receiptPrinter?.condition === 'unreachable',
      'the printer unreachable',
    );
    expect(down.receiptPrinter?.problem?.id).toContain('Printer tidak terjangkau');
    expect(down.receiptPrinter?.problem?.en).toContain('Printer unreachable');
    expect(down.receiptPrinter?.waiting).toBe(1);
    expect(r.services.till.view(sale.saleId)).toMatchObject({ state: 'paid', paid: 45_000 });

    await r.fake.acceptConnections();
    const job = r.services.printing!.reprint(sale.saleId);
    expect(job).toMatchObject({ copy: true, attempts: 1 });
    const [paper] = await r.papers(1);
    expect(copies(paper!)).toBe(2);
    // The drawer opens with the sale or not at all: minutes later nobody is at the till.
    expect(drawerPulses(paper!)).toBe(0);
    await r.until(
      (s) => s.lastJob?.state === 'printed' && s.receiptPrinter?.condition === 'ready',
      'ready again',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.fake.printJobs).toHaveLength(1);
  });

  it('a printer that drops the connection mid-receipt: the next print says COPY, and it prints once', async () => {
    const r = await rig();
    r.fake.resetAfterBytes = 150;
    r.services.printing!.on((event) => {
      if (event.type === 'snapshot' && event.snapshot.lastJob?.problem !== undefined)
        r.fake.resetAfterBytes = null;
    });
    await r.paidByQris(30_000, 'dana');
    const [cut, again] = await r.papers(2);
    expect(r.fake.jobs[0]?.ended).toBe('reset');
    expect(copies(cut!)).toBe(0);
    expect(copies(again!)).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(r.fake.printJobs).toHaveLength(2);
  });

  it("'ask': nothing prints until the cashier says so; the drawer still opens for the cash", async () => {
    const r = await rig({ receipt: { autoPrint: 'ask' } });
    const sale = await r.sell(cashSale());
    const asked = await r.until((s) => s.ask !== null, 'the question');
    expect(asked.ask).toEqual({ saleId: sale.saleId, total: 45_000 });
    const [pulse] = await r.papers(1);
    expect(pulse?.lines).toEqual([]);
    expect(drawerPulses(pulse!)).toBe(1);

    const job = r.services.printing!.answer(sale.saleId, true);
    expect(job).toMatchObject({ kind: 'receipt', copy: false });
    const [, receipt] = await r.papers(2);
    expect(text(receipt)).toContain(`No. pesanan: ${sale.saleId}`);
    expect(copies(receipt!)).toBe(0);
    expect(r.services.printing!.snapshot().ask).toBeNull();

    const second = await r.sell(cashSale(45_000));
    await r.until((s) => s.ask?.saleId === second.saleId, 'the second question');
    expect(r.services.printing!.answer(second.saleId, false)).toBeNull();
    expect(r.services.printing!.snapshot().ask).toBeNull();
    await r.papers(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.fake.printJobs.map((j) => decodeEscPos(j.bytes).lines.length > 0)).toEqual([false, true, false]);
  });

  it("'never': only the drawer opens; the receipt prints when asked, as COPY", async () => {
    const r = await rig({ receipt: { autoPrint: 'never' } });
    const sale = await r.sell(cashSale());
    const [pulse] = await r.papers(1);
    expect(pulse?.events.map((e) => e.type)).toEqual(['init', 'drawer']);
    r.services.printing!.reprint(sale.saleId);
    const [, copy] = await r.papers(2);
    expect(copies(copy!)).toBe(2);
  });

  it('a drawer on its own printer opens there; the receipt goes to the receipt printer', async () => {
    const drawerPrinter = await FakePrinter.start();
    cleanups.push(() => drawerPrinter.close());
    const r = await rig({
      printers: (fake) => [
        {
          id: 'kasir',
          name: 'Kasir',
          kind: 'tcp',
          address: `127.0.0.1:${fake.port}`,
          width: 80,
          drawer: false,
        },
        {
          id: 'laci',
          name: 'Laci',
          kind: 'tcp',
          address: `127.0.0.1:${drawerPrinter.port}`,
          width: 58,
          drawer: true,
        },
      ],
    });
    await r.sell(cashSale());
    const [receipt] = await r.papers(1);
    const [pulse] = (await drawerPrinter.waitForPrintJobs(1)).map((j) => decodeEscPos(j.bytes));
    expect(drawerPulses(receipt!)).toBe(0);
    expect(receipt?.lines.some((l) => l.length > 32)).toBe(true);
    expect(pulse?.events.map((e) => e.type)).toEqual(['init', 'drawer']);
  });

  it('test print: the printer, its paper and a column ruler', async () => {
    const r = await rig();
    r.services.printing!.testPrint('kasir');
    const [page] = await r.papers(1);
    expect(page?.lines.some((l) => l.includes('CETAK UJI'))).toBe(true);
    expect(page?.lines).toContain(`  Kasir (tcp 127.0.0.1:${r.fake.port})`);
    expect(page?.lines).toContain('12345678901234567890123456789012');
    expect(() => r.services.printing!.testPrint('dapur')).toThrow(PrintingRefusal);
  });

  it('open drawer: refused without the right PIN, opened with it, every attempt journaled', async () => {
    const r = await rig();
    const printing = r.services.printing!;
    expect(() => printing.openDrawer('kasir', 'wrong')).toThrow(/Wrong manager PIN/);
    expect(() => printing.openDrawer('kasir', 'locked')).toThrow(PrintingRefusal);
    const job = printing.openDrawer('kasir', 'ok');
    expect(job).toMatchObject({ kind: 'drawer' });
    const [pulse] = await r.papers(1);
    expect(pulse?.events.map((e) => e.type)).toEqual(['init', 'drawer']);
    const log = new SqliteDrawerLog(r.services.journal.database).recent(10);
    expect(log.map((o) => [o.outcome, o.jobId])).toEqual([
      ['opened', job.id],
      ['pin-locked', undefined],
      ['pin-wrong', undefined],
    ]);
  });

  it('refuses the drawer of a printer without one, and any print with no receipt printer; the sale is paid all the same', async () => {
    const r = await rig({
      printers: (fake) => [
        {
          id: 'kasir',
          name: 'Kasir',
          kind: 'tcp',
          address: `127.0.0.1:${fake.port}`,
          width: 58,
          drawer: false,
        },
      ],
      receipt: { printerId: null },
    });
    const sale = await r.sell(cashSale());
    expect(sale.state).toBe('paid');
    expect(() => r.services.printing!.openDrawer('kasir', 'ok')).toThrow(/not set up with a cash drawer/);
    expect(() => r.services.printing!.reprint(sale.saleId)).toThrow(/No receipt printer/);
    expect(new SqliteDrawerLog(r.services.journal.database).recent(1)[0]?.outcome).toBe('no-drawer');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.fake.jobs).toHaveLength(0);
  });

  it('previews the last sale with the options being edited, at either width', async () => {
    const r = await rig({ receipt: { autoPrint: 'never' } });
    const before = r.services.printing!.preview(58);
    expect(before.lines).toContain('No. pesanan: CONTOH-0001');
    const sale = await r.sell(cashSale());
    const preview = r.services.printing!.preview(80, {
      ...r.config.receipt,
      footer: 'Sampai jumpa lagi',
      npwp: '01.234.567.8-901.000',
    });
    expect(preview.width).toBe(80);
    expect(preview.svg.startsWith('<svg')).toBe(true);
    expect(preview.lines.join(' ')).toContain(`No. pesanan: ${sale.saleId}`);
    expect(preview.lines.some((l) => l.includes('Sampai jumpa lagi'))).toBe(true);
    expect(preview.lines.some((l) => l.includes('NPWP 01.234.567.8-901.000'))).toBe(true);
  });
});
