/**
 * `kiosk reconcile` in sandbox mode against an emulator the test owns: the day's sales are made
 * by the CLI and left pending, the gateway's truth is changed through emu.control, and reconcile
 * finds it, adopts what it may, writes the CSV and exits with its documented codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { cliInProcess, jsonLines, orderEvents, tempDir, type KioskEnv } from './helpers.ts';

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

async function pendingSale(amount: string): Promise<string> {
  const sale = await cliInProcess(['charge', amount, '--type', 'qris'], env);
  expect(sale.code).toBe(0);
  return orderEvents(sale.stdout)[0]?.order.orderId ?? '';
}

describe('kiosk reconcile', () => {
  it('finds a payment made at the gateway, adopts it, writes the CSV, exits 7; then 0', async () => {
    const paid = await pendingSale('25000');
    await pendingSale('12000');
    emu.control.pay(paid, { via: 'qris' });
    const csv = path.join(env.KIOSK_DATA_DIR ?? '', 'findings.csv');
    const first = await cliInProcess(['reconcile', '--rate', '50', '--csv', csv], env);
    expect(first.code).toBe(8);
    expect(first.stdout).toMatch(/money-at-risk\s+paid-at-gateway\s+\S+\s+pending Rp 25000\s+settlement/);
    expect(first.stderr).toContain('2 order(s) reached the gateway');
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('run;time;order_id;kind;severity;here;gateway;adopted;action');
    expect(lines[1]).toContain(`;${paid};paid-at-gateway;money-at-risk;pending Rp 25000;`);

    const status = await cliInProcess(['status', paid], env);
    expect(jsonLines(status.stdout)[0]).toMatchObject({ state: 'settlement' });

    const again = await cliInProcess(['reconcile', '--rate', '50', '--json'], env);
    expect(again.code).toBe(0);
    expect(jsonLines(again.stdout)).toEqual([
      expect.objectContaining({ type: 'reconcile-run', state: 'done', checked: 2, findings: 0 }),
    ]);
  });

  it('refuses a bad date or rate in both languages, with nothing asked', async () => {
    const bad = await cliInProcess(['reconcile', '--date', '2026-02-30'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--date harus tanggal kalender');
    const future = await cliInProcess(['reconcile', '--date', '2999-01-01'], env);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/id: Tanggal "2999-01-01" tidak valid/);
    expect(future.stderr).toMatch(/en: The date "2999-01-01" is not valid/);
    const rate = await cliInProcess(['reconcile', '--rate', '0'], env);
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('--rate harus');
    expect(emu.control.requests().filter((r) => r.target === 'status')).toHaveLength(0);
  });
});
