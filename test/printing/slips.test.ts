/**
 * Slips on the receipt printer, on the real stack: a training kiosk (journal in a temp folder, the
 * in-process emulator over HTTP, the refund desk) and a fake ESC/POS printer on 127.0.0.1. X and
 * Z reports printed through the day's command; a refund's slip printed once, with the drawer's
 * one pulse for cash, and never again after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterConfig, ReceiptOptions } from '../../common/printing-contract.ts';
import type { SaleView, TillSaleRequest } from '../../common/till-contract.ts';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk, type KioskServices, type OpenOptions } from '../../main/host/kiosk-services.ts';
import type { PrintingConfig } from '../../main/printing/print-service.ts';
import { PrintingRefusal } from '../../main/printing/refusal.ts';
import { REFUND_SLIP_TITLE } from '../../main/printing/refund-slip.ts';
import { COPY_MARK } from '../../main/receipts/index.ts';
import { dayHandlers } from '../../main/screen-api/day-commands.ts';
import { FAST_POLL } from '../checkout/harness.ts';
import { decodeEscPos, type DecodedPaper } from '../support/escpos-decode.ts';
import { FakePrinter } from '../support/fake-printer.ts';

const FAST = { firstMs: 50, factor: 2, maxMs: 200 };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Rig {
  dir: string;
  fake: FakePrinter;
  config: PrintingConfig;
  services: KioskServices;
  papers(count: number): Promise<DecodedPaper[]>;
  /** Closes the kiosk and opens it again on the same folder (a restart). */
  restart(): Promise<void>;
}

function printingConfig(fake: FakePrinter, receipt: Partial<ReceiptOptions>, drawer = true): PrintingConfig {
  const printers: PrinterConfig[] = [
    { id: 'kasir', name: 'Kasir', kind: 'tcp', address: `127.0.0.1:${fake.port}`, width: 58, drawer },
  ];
  return {
    shopName: 'Warung Uji',
    language: 'id',
    printers,
    receipt: {
      printerId: 'kasir',
      autoPrint: 'always',
      shopAddress: 'Jl. Uji No. 1',
      npwp: '',
      footer: 'Terima kasih',
      ...receipt,
    },
  };
}

async function rig(
  options: {
    receipt?: Partial<ReceiptOptions>;
    refunds?: OpenOptions['refunds'];
    /** A second printer holding the drawer (the receipt printer then has none). */
    drawerPrinter?: FakePrinter;
  } = {},
): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-slips-'));
  const fake = await FakePrinter.start();
  const config = printingConfig(fake, options.receipt ?? {}, options.drawerPrinter === undefined);
  if (options.drawerPrinter !== undefined) {
    const port = options.drawerPrinter.port;
    config.printers = [
      ...config.printers,
      { id: 'laci', name: 'Laci', kind: 'tcp', address: `127.0.0.1:${port}`, width: 58, drawer: true },
    ];
  }
  const open = async () => {
    const services = await openKiosk(configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir }), {
      engine: { chargeSettleMs: 0, poll: FAST_POLL },
      printing: { config: () => config, queue: { backoff: FAST, maxAttempts: 20 } },
      ...(options.refunds === undefined ? {} : { refunds: options.refunds }),
    });
    services.engine.start();
    services.till.recover();
    services.refunds.start();
    return services;
  };
  const r: Rig = {
    dir,
    fake,
    config,
    services: await open(),
    papers: async (count) => (await fake.waitForPrintJobs(count)).map((job) => decodeEscPos(job.bytes)),
    async restart() {
      await r.services.close();
      r.services = await open();
    },
  };
  cleanups.push(async () => {
    await r.services.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return r;
}

const cashSale: TillSaleRequest = {
  lines: [{ name: 'Kopi Susu', unitPrice: 18_000, quantity: 2 }],
  tender: { kind: 'cash', received: 50_000 },
};

async function paidByQris(r: Rig, amount: number, issuer: string): Promise<SaleView> {
  const sale = await r.services.till.start({
    lines: [{ name: 'Nasi Goreng', unitPrice: amount, quantity: 1 }],
    tender: { kind: 'gateway', paymentType: 'qris' },
  });
  const orderId = sale.liveOrderId ?? sale.charges[0]?.orderId ?? '';
  r.services.emulator?.control.pay(orderId, { issuer });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const view = r.services.till.view(sale.saleId);
    if (view?.state === 'paid') return view;
    if (Date.now() > deadline) throw new Error(`sale ${sale.saleId} not paid`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The paper as one text: ids longer than a 58 mm line wrap. */
const text = (paper: DecodedPaper | undefined) => paper?.lines.join(' ').replace(/\s+/g, ' ') ?? '';
const copies = (paper: DecodedPaper) => paper.lines.filter((l) => l.includes(COPY_MARK)).length;
const pulses = (paper: DecodedPaper) => paper.events.filter((e) => e.type === 'drawer').length;
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe('X and Z slips', () => {
  it('prints a Z through the day command; printed again it is a COPY saying what the first said', async () => {
    const r = await rig();
    await r.services.till.start(cashSale);
    await r.papers(1); // the sale's receipt
    const z = await r.services.day.reports.z();
    const handlers = dayHandlers(r.services.day, r.services.printing);
    const first = await handlers['report.print']({ kind: 'z', number: z.number ?? 0 });
    expect(first).toMatchObject({ kind: 'report', copy: false });
    const [, paper] = await r.papers(2);
    expect(text(paper)).toContain('Z-0001');
    expect(paper?.lines.some((l) => /Rp 36\.000$/.test(l))).toBe(true);
    expect(copies(paper!)).toBe(0);
    expect(pulses(paper!)).toBe(0);

    r.config.shopName = 'Warung Baru';
    const again = await handlers['report.print']({ kind: 'z', number: z.number ?? 0 });
    expect(again).toMatchObject({ kind: 'report', copy: true });
    const [, , copy] = await r.papers(3);
    expect(copies(copy!)).toBe(2);
    expect(text(copy)).toContain('Z-0001');
    expect(text(copy)).toContain('Warung Uji');
    expect(text(copy)).not.toContain('Warung Baru');
  });

  it('prints an X as an original each time (it is a new report)', async () => {
    const r = await rig();
    await r.services.till.start(cashSale);
    await r.papers(1);
    const handlers = dayHandlers(r.services.day, r.services.printing);
    await handlers['report.print']({ kind: 'x' });
    await handlers['report.print']({ kind: 'x' });
    const [, one, two] = await r.papers(3);
    expect(text(one)).toContain('LAPORAN X');
    expect(copies(one!)).toBe(0);
    expect(copies(two!)).toBe(0);
  });

  it('no receipt printer: refused in both languages, nothing queued', async () => {
    const r = await rig({ receipt: { printerId: null } });
    await r.services.till.start(cashSale);
    const z = await r.services.day.reports.z();
    const handlers = dayHandlers(r.services.day, r.services.printing);
    let refusal: unknown;
    try {
      await handlers['report.print']({ kind: 'z', number: z.number ?? 0 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(PrintingRefusal);
    expect((refusal as PrintingRefusal).code).toBe('no-receipt-printer');
    expect((refusal as PrintingRefusal).bilingual.id).toContain('printer struk');
    expect((refusal as PrintingRefusal).bilingual.en).toContain('receipt printer');
    // And a kiosk with no printing at all (the bare CLI's services) says the same.
    const bare = dayHandlers(r.services.day, undefined);
    expect(() => bare['report.print']({ kind: 'x' })).toThrow(PrintingRefusal);
    await settle();
    // The cash sale's drawer pulse is all that reached the printer.
    expect(r.fake.printJobs.map((j) => decodeEscPos(j.bytes).lines.length)).toEqual([0]);
  });
});

describe('refund slips', () => {
  it('a cash refund prints one slip carrying the drawer’s one pulse', async () => {
    const r = await rig();
    const sale = await r.services.till.start(cashSale);
    await r.papers(1);
    const outcome = await r.services.refunds.create(
      { saleId: sale.saleId, amount: 10_000, reason: 'Kopi tumpah' },
      'manager-pin',
    );
    const refund = outcome.refunds[0];
    expect(refund).toMatchObject({ tender: 'cash', state: 'refunded' });
    const [receipt, slip] = await r.papers(2);
    expect(pulses(receipt!)).toBe(1); // the sale's cash
    expect(pulses(slip!)).toBe(1); // the refund's cash, with its slip
    const words = text(slip);
    expect(words).toContain(REFUND_SLIP_TITLE);
    expect(words).toContain('Warung Uji');
    expect(words).toMatch(/Dikembalikan Rp 10\.000/);
    expect(words).toContain('Tunai (dari laci)');
    expect(words.replace(/\s/g, '')).toContain(sale.saleId);
    expect(words).toContain('Kopi tumpah');
    expect(words).toContain('Manajer (PIN)');
    expect(words).toContain('LATIHAN / TRAINING');
    expect(copies(slip!)).toBe(0);
    await settle();
    expect(r.fake.printJobs).toHaveLength(2);
  });

  it('a QRIS refund prints its slip with the wallet, and no drawer', async () => {
    const r = await rig();
    const sale = await paidByQris(r, 25_000, 'ovo');
    await r.papers(1);
    const orderId = sale.charges[0]?.orderId ?? '';
    const outcome = await r.services.refunds.create({ orderId, reason: 'Salah pesan' }, 'manager');
    expect(outcome.refunds[0]).toMatchObject({ tender: 'gateway', state: 'refunded' });
    const [, slip] = await r.papers(2);
    expect(text(slip)).toContain(REFUND_SLIP_TITLE);
    expect(text(slip)).toMatch(/Dikembalikan Rp 25\.000/);
    expect(text(slip)).toContain('QRIS (OVO)');
    expect(text(slip).replace(/\s/g, '')).toContain(orderId);
    expect(pulses(slip!)).toBe(0);
  });

  it('a restart after a refund does not print its slip again; one left waiting prints once', async () => {
    const r = await rig();
    const first = await r.services.till.start(cashSale);
    const second = await r.services.till.start(cashSale);
    await r.papers(2);
    await r.services.refunds.create({ saleId: first.saleId, reason: 'Batal' }, 'manager-pin');
    await r.papers(3);
    // The printer goes away before the second refund: its slip waits in the journal.
    await r.fake.refuseConnections();
    await r.services.refunds.create({ saleId: second.saleId, reason: 'Tutup' }, 'manager-pin');
    await r.restart();
    await r.fake.acceptConnections();
    await r.services.printing?.retry();
    const papers = await r.papers(4);
    expect(text(papers[3])).toContain('Tutup');
    expect(copies(papers[3]!)).toBe(0);
    await r.restart();
    await settle(500);
    expect(r.fake.printJobs).toHaveLength(4);
    const slips = r.services.journal.database
      .prepare(`SELECT job_key FROM print_jobs WHERE kind = 'refund' ORDER BY created_at`)
      .all() as { job_key: string }[];
    expect(slips).toHaveLength(2);
    expect(slips.every((s) => s.job_key.startsWith('refund:'))).toBe(true);
  });

  it('a drawer on its own printer: the slip prints without it, and the drawer opens there once', async () => {
    const drawer = await FakePrinter.start();
    cleanups.push(() => drawer.close());
    const r = await rig({ drawerPrinter: drawer });
    const sale = await r.services.till.start(cashSale);
    await r.papers(1);
    await drawer.waitForPrintJobs(1); // the sale's cash
    await r.services.refunds.create({ saleId: sale.saleId, reason: 'Batal' }, 'manager-pin');
    const [, slip] = await r.papers(2);
    expect(text(slip)).toContain(REFUND_SLIP_TITLE);
    expect(pulses(slip!)).toBe(0);
    const [, pulse] = (await drawer.waitForPrintJobs(2)).map((j) => decodeEscPos(j.bytes));
    expect(pulse?.lines).toEqual([]);
    expect(pulses(pulse!)).toBe(1);
    await settle();
    expect(drawer.printJobs).toHaveLength(2);
    expect(r.fake.printJobs).toHaveLength(2);
  });

  it("'never': no slip, but a cash refund still opens the drawer, once", async () => {
    const r = await rig({ receipt: { autoPrint: 'never' } });
    const sale = await r.services.till.start(cashSale);
    await r.papers(1);
    await r.services.refunds.create({ saleId: sale.saleId, reason: 'Batal' }, 'manager-pin');
    const [, pulse] = await r.papers(2);
    expect(pulse?.lines).toEqual([]);
    expect(pulses(pulse!)).toBe(1);
    await settle();
    expect(r.fake.printJobs).toHaveLength(2);
  });
});
