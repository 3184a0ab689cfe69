/**
 * `kiosk charge` through the till: catalogue items by SKU, an order discount, cash with change,
 * cash and QRIS together, and the kiosk's own pricing settings read from the data folder. Real
 * journal in a temp folder; training mode's built-in emulator (or one the test owns) on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PricingSettings } from '../../common/pricing/types.ts';
import type { DiscountApproval } from '../../common/till-contract.ts';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { defaultDocument } from '../../main/settings/settings-document.ts';
import type { SaleLine } from '../../main/cli/sale-words.ts';
import {
  cli,
  cliInProcess,
  journalFingerprint,
  journalOrderCount,
  journaledSales,
  jsonLines,
  orderEvents,
  stateTrail,
  tempDir,
  type KioskEnv,
} from './helpers.ts';

function saleLines(stdout: string): SaleLine['sale'][] {
  return jsonLines(stdout)
    .filter((line) => line.type === 'sale')
    .map((line) => (line as unknown as SaleLine).sale);
}

function writeSettings(
  dataDir: string,
  pricing: Partial<PricingSettings>,
  discountApproval: DiscountApproval | null = null,
): void {
  const document = defaultDocument();
  fs.writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({ ...document, pricing: { ...document.pricing, ...pricing }, discountApproval }),
  );
}

describe('kiosk charge in cash, from the catalogue (training mode)', () => {
  it('sells SKUs with an order discount for cash: paid at once, change given, no gateway call', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const result = await cliInProcess(
      ['charge', '--sku', 'kopi-susu:2', '--sku', 'teh-botol', '--discount', '10%', '--cash', '50.000'],
      env,
    );
    expect(result.code).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.every((line) => line.type === 'sale')).toBe(true);
    const [sale] = saleLines(result.stdout);
    expect(lines).toHaveLength(1);
    expect(sale).toMatchObject({
      state: 'paid',
      breakdown: {
        subtotal: 42_000,
        orderDiscount: 4_200,
        discounts: 4_200,
        service: 0,
        tax: { kind: 'none', amount: 0 },
        total: 37_800,
        cashTotal: 37_800,
      },
      tenders: [{ kind: 'cash', amount: 37_800, received: 50_000, change: 12_200, state: 'taken' }],
      paid: 37_800,
      due: 0,
      change: 12_200,
    });
    expect(sale?.breakdown.lines.map((l) => [l.sku, l.name, l.unitPrice, l.quantity])).toEqual([
      ['kopi-susu', 'Kopi Susu', 18_000, 2],
      ['teh-botol', 'Teh Botol 350 ml', 6_000, 1],
    ]);
    expect(result.stderr).toContain('is PAID: cash Rp 37.800 (received Rp 50.000, change Rp 12.200)');
    expect(journalOrderCount(env.KIOSK_DATA_DIR)).toBe(0);
    expect(journaledSales(env.KIOSK_DATA_DIR)).toEqual([
      { saleId: sale?.saleId, state: 'paid', cash: 37_800 },
    ]);
  });

  it('takes the exact cash, a rupiah discount and a free amount line beside the SKUs', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const result = await cliInProcess(
      ['charge', '7000', '--sku', 'nasi-goreng', '--discount', '2000', '--cash', '30000'],
      env,
    );
    expect(result.code).toBe(0);
    const [sale] = saleLines(result.stdout);
    expect(sale?.breakdown.lines.map((l) => [l.name, l.unitPrice])).toEqual([
      ['Nasi Goreng', 25_000],
      ['Jumlah', 7_000],
    ]);
    expect(sale).toMatchObject({ breakdown: { subtotal: 32_000, total: 30_000 }, change: 0, state: 'paid' });
  });

  it('prices with the kiosk settings found in the data folder: service, PB1 and cash rounding', async () => {
    const dataDir = tempDir();
    writeSettings(dataDir, {
      tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
      servicePercent: 5,
      cashRounding: { unit: 500, mode: 'half-up' },
    });
    const result = await cliInProcess(['charge', '--sku', 'kopi-susu', '--cash', '25000'], {
      KIOSK_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    const [sale] = saleLines(result.stdout);
    // 18.000 + 5 % service 900 = 18.900; PB1 10 % of it 1.890 → 20.790, paid in cash as 21.000.
    expect(sale?.breakdown).toMatchObject({
      subtotal: 18_000,
      service: 900,
      tax: { kind: 'pb1', ratePercent: 10, amount: 1_890, inclusive: false },
      total: 20_790,
      cashTotal: 21_000,
      cashRounding: 210,
    });
    expect(sale?.tenders).toEqual([
      { kind: 'cash', amount: 21_000, received: 25_000, change: 4_000, state: 'taken' },
    ]);
    expect(result.stderr).toContain('PB1 10% Rp 1.890 added');
  });

  it('prices with the defaults, saying why, when the settings file does not parse', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{"pricing": ');
    const result = await cliInProcess(['charge', '--sku', 'kopi-susu', '--cash', '18000'], {
      KIOSK_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('could not be read (not valid JSON); pricing with the defaults');
    expect(saleLines(result.stdout)[0]?.breakdown.total).toBe(18_000);
  });
});

describe('kiosk charge with cash and QRIS together (training mode)', () => {
  it('charges only the rest by QRIS, with item details that add up to it, and ends paid', async () => {
    const dataDir = tempDir();
    writeSettings(dataDir, { tax: { kind: 'ppn', ratePercent: 11, inclusive: false } });
    const result = await cliInProcess(
      ['charge', '--sku', 'nasi-goreng:2', '--discount', '5000', '--cash', '20000', '--type', 'qris'].concat([
        '--simulate',
        'pay',
      ]),
      { KIOSK_DATA_DIR: dataDir },
    );
    expect(result.code).toBe(0);
    expect(stateTrail(result.stdout)).toEqual(['created', 'charging', 'pending', 'settlement']);
    const sales = saleLines(result.stdout);
    // 50.000 − 5.000 = 45.000, PPN 11 % 4.950 → 49.950: 20.000 in cash, 29.950 by QRIS.
    expect(sales[0]).toMatchObject({
      state: 'open',
      breakdown: {
        subtotal: 50_000,
        orderDiscount: 5_000,
        tax: { kind: 'ppn', amount: 4_950 },
        total: 49_950,
      },
      tenders: [{ kind: 'cash', amount: 20_000, received: 20_000, change: 0 }],
      due: 29_950,
    });
    const order = orderEvents(result.stdout).at(-1)?.order;
    expect(order).toMatchObject({ state: 'settlement', grossAmount: 29_950, saleId: sales[0]?.saleId });
    const items = order?.items ?? [];
    expect(items.reduce((sum, item) => sum + item.price * item.quantity, 0)).toBe(29_950);
    expect(items).toContainEqual({ id: 'cash-paid', name: 'Dibayar tunai', price: -20_000, quantity: 1 });
    expect(sales.at(-1)).toMatchObject({
      state: 'paid',
      paid: 49_950,
      due: 0,
      tenders: [
        { kind: 'cash', amount: 20_000 },
        {
          kind: 'gateway',
          paymentType: 'qris',
          orderId: order?.orderId,
          amount: 29_950,
          state: 'settlement',
        },
      ],
    });
    expect(journaledSales(dataDir)).toEqual([{ saleId: sales[0]?.saleId, state: 'paid', cash: 20_000 }]);
  });

  it('keeps the sale open with its cash when the QRIS part expires, and says what to do (exit 3)', async () => {
    const dataDir = tempDir();
    const result = await cli(
      ['charge', '--sku', 'soto-ayam', '--cash', '10000', '--type', 'qris', '--simulate', 'expire'],
      { KIOSK_DATA_DIR: dataDir },
    );
    expect(result.code).toBe(3);
    expect(stateTrail(result.stdout).at(-1)).toBe('expire');
    expect(saleLines(result.stdout).at(-1)).toMatchObject({
      state: 'open',
      paid: 10_000,
      due: 8_000,
      tenders: [
        { kind: 'cash', amount: 10_000 },
        { kind: 'gateway', amount: 8_000, state: 'expire' },
      ],
    });
    expect(result.stderr).toContain(
      'the sale stays open with Rp 10.000 in cash recorded and Rp 8.000 still due',
    );
    expect(journaledSales(dataDir)).toEqual([expect.objectContaining({ state: 'open', cash: 10_000 })]);
  });
});

describe('kiosk charge refuses what the till would refuse, writing nothing', () => {
  it('refuses a discount above the manager threshold: the PIN is taken on the screen only', async () => {
    const dataDir = tempDir();
    writeSettings(dataDir, {}, { percent: 10, amount: 10_000 });
    await cliInProcess(['list'], { KIOSK_DATA_DIR: dataDir }); // the first start seeds the catalogue
    const before = journalFingerprint(dataDir);
    const result = await cliInProcess(
      ['charge', '--sku', 'nasi-goreng', '--discount', '20%', '--cash', '50000'],
      {
        KIOSK_DATA_DIR: dataDir,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sale refused (discount-needs-approval)');
    expect(result.stderr).toContain(
      'id: Diskon di atas batas yang ditetapkan manajer memerlukan PIN manajer',
    );
    expect(result.stdout).toBe('');
    expect(journalFingerprint(dataDir)).toEqual(before);
    // Within the threshold it goes through.
    const within = await cliInProcess(
      ['charge', '--sku', 'nasi-goreng', '--discount', '10%', '--cash', '50000'],
      {
        KIOSK_DATA_DIR: dataDir,
      },
    );
    expect(within.code).toBe(0);
    expect(journalFingerprint(dataDir)).not.toEqual(before);
  });
});

describe('kiosk charge with cash and QRIS against a gateway the test owns (sandbox mode)', () => {
  let emu: RunningEmulator;
  let env: KioskEnv;

  beforeEach(async () => {
    emu = await startEmulator();
    env = {
      KIOSK_MODE: 'sandbox',
      MIDTRANS_API_URL: emu.url,
      MIDTRANS_SERVER_KEY: emu.serverKey,
      KIOSK_DATA_DIR: tempDir(),
    };
  });

  afterEach(async () => {
    await emu.close();
  });

  it('returns at QR ready with the cash recorded; recover closes the sale once the rest is paid', async () => {
    const sale = await cli(['charge', '30000', '--cash', '12.000', '--type', 'gopay'], env);
    expect(sale.code).toBe(0);
    expect(stateTrail(sale.stdout)).toEqual(['created', 'charging', 'pending']);
    const orderId = orderEvents(sale.stdout)[0]?.order.orderId ?? '';
    expect(emu.control.get(orderId)).toMatchObject({ transactionStatus: 'pending', grossAmount: 18_000 });
    expect(saleLines(sale.stdout).at(-1)).toMatchObject({
      state: 'open',
      due: 18_000,
      tenders: [
        { kind: 'cash', amount: 12_000 },
        { kind: 'gateway', paymentType: 'gopay', orderId, amount: 18_000, state: 'pending' },
      ],
    });

    emu.control.pay(orderId);
    const recover = await cli(['recover', '--timeout', '30'], env);
    expect(recover.code).toBe(0);
    expect(jsonLines(recover.stdout)[0]).toMatchObject({ type: 'recovery', resumed: [orderId] });
    expect(journaledSales(env.KIOSK_DATA_DIR ?? '')).toEqual([
      expect.objectContaining({ state: 'paid', cash: 12_000 }),
    ]);
  });
});
