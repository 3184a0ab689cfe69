/** `kiosk log <order_id>`: the timeline support staff read, in text and JSON, on the shop's clock. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryDetail } from '../../common/history-contract.ts';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import { cli, cliInProcess, orderEvents, tempDir } from './helpers.ts';

function env(dir: string) {
  return { KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir };
}

async function paidCharge(dir: string, amount: string): Promise<string> {
  const sale = await cliInProcess(['charge', amount, '--type', 'qris', '--simulate', 'pay'], env(dir));
  expect(sale.code).toBe(0);
  const orderId = orderEvents(sale.stdout)[0]?.order.orderId;
  if (orderId === undefined) throw new Error('charge printed no order');
  return orderId;
}

describe('kiosk log', () => {
  it('prints a paid order: its payment and every gateway call with endpoint, HTTP status, status_code, latency', async () => {
    const dir = tempDir();
    const orderId = await paidCharge(dir, '44000');
    const log = await cliInProcess(['log', orderId], env(dir));
    expect(log.code).toBe(0);
    const text = log.stdout;
    // The CLI's charge rings up a till sale: the order is that sale's payment, and the sale is shown.
    expect(text).toMatch(new RegExp(`^Order ${orderId} is a payment of sale S\\d{8}-\\d{6}-\\w+`, 'm'));
    expect(text).toMatch(/^Sale S\d{8}-\d{6}-\w+: paid, Rp 44\.000, qris/m);
    expect(text).toMatch(/business day \d{4}-\d{2}-\d{2} \(WIB, the day turns at 00:00\)/);
    expect(text).toMatch(/POST \/v2\/charge {2}ok {2}HTTP 200 {2}status_code 201 {2}\d+ ms {2}pending/);
    expect(text).toMatch(
      /GET \/v2\/\{id\}\/status {2}ok {2}HTTP 200 {2}status_code 200 {2}\d+ ms {2}settlement/,
    );
    expect(text).toMatch(/state created → charging/);
    expect(text).toMatch(/state pending → settlement/);
    expect(text).toMatch(/QR written \(source local\)/);
    // The timeline is on the shop's clock, to the millisecond.
    expect(text).toMatch(/^ {2}\d{2}:\d{2}:\d{2}\.\d{3} {2}K\d{8}-/m);
    expect(text).not.toContain(dir);
  });

  it('--json prints the same detail the screen reads', async () => {
    const dir = tempDir();
    const orderId = await paidCharge(dir, '15.000');
    const log = await cliInProcess(['log', orderId, '--json'], env(dir));
    expect(log.code).toBe(0);
    const detail = JSON.parse(log.stdout) as HistoryDetail;
    expect(detail.row).toMatchObject({ kind: 'sale', state: 'paid', amount: 15_000 });
    expect(detail.charges[0]).toMatchObject({ orderId, state: 'settlement' });
    expect(detail.timeline.some((e) => e.call?.endpoint === 'POST /v2/charge')).toBe(true);
    expect(log.stdout).not.toContain(dir);
  });

  it('a till sale by its sale id, or by the order that pays it: lines, cash and the timeline, in the shop zone', async () => {
    const dir = tempDir();
    // The app's stored shop time: WITA, the day turning at 04:00.
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 99, shopTime: { zone: 'WITA', cutoffHour: 4 } }),
    );
    const services = await openKiosk({
      ...configFromEnv(env(dir)),
      shopTime: { zone: 'WITA', cutoffHour: 4 },
    });
    let saleId: string;
    try {
      const sale = await services.till.start({
        lines: [
          { name: 'Kopi susu', unitPrice: 22_000, quantity: 2 },
          { name: 'Roti bakar', unitPrice: 25_000, quantity: 1 },
        ],
        tender: { kind: 'cash', received: 100_000 },
      });
      saleId = sale.saleId;
    } finally {
      await services.close();
    }
    const log = await cliInProcess(['log', saleId], env(dir));
    expect(log.code).toBe(0);
    expect(log.stdout).toMatch(new RegExp(`^Sale ${saleId}: paid, Rp 69\\.000, cash`, 'm'));
    expect(log.stdout).toMatch(/WITA, the day turns at 04:00/);
    expect(log.stdout).toMatch(/2 × Kopi susu @ Rp 22\.000 {2}= Rp 44\.000/);
    expect(log.stdout).toMatch(/cash Rp 69\.000 \(received Rp 100\.000, change Rp 31\.000\): taken/);
    expect(log.stdout).toMatch(/Timeline \(WITA\)/);
    expect(log.stdout).toMatch(/sale-created \(total 69000, lines 2\)/);
    expect(log.stdout).toMatch(/cash-taken \(amount 69000, received 100000, change 31000\)/);
  });

  it('an id this till never saw: exit 3, said in both languages; bad input: exit 2; no journal is created', async () => {
    const dir = tempDir();
    const missing = await cliInProcess(['log', 'K20261124-101500-ABCDEF'], env(dir));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/id: Tidak ada penjualan atau pesanan/);
    expect(missing.stderr).toMatch(/en: There is no sale or order/);
    expect(existsSync(join(dir, 'journal.sqlite'))).toBe(false);
    await paidCharge(dir, '5000');
    expect((await cliInProcess(['log', 'K20261124-101500-ABCDEF'], env(dir))).code).toBe(3);
    const bad = await cliInProcess(['log', 'K2026 1124'], env(dir));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bukan nomor pesanan/);
    expect((await cliInProcess(['log'], env(dir))).code).toBe(2);
  });

  it('runs as the real command', async () => {
    const dir = tempDir();
    const orderId = await paidCharge(dir, '7000');
    const log = await cli(['log', orderId], env(dir));
    expect(log.code).toBe(0);
    expect(log.stdout).toContain(`Order ${orderId} is a payment of sale`);
  });
});
