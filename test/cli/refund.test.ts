/**
 * `kiosk pin set` and `kiosk refund`: the PIN from KIOSK_MANAGER_PIN or typed unechoed at a
 * terminal, checked before anything is opened; refunds through the gateway or the drawer, their
 * refusals with exit codes and words in both languages, and the day report after them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayReport } from '../../common/order.ts';
import type { RefundOutcome } from '../../common/refund-contract.ts';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { cli, cliInProcess, jsonLines, orderEvents, tempDir, type KioskEnv } from './helpers.ts';

const PIN = '13579';

function expectBilingual(stderr: string): void {
  expect(stderr).toMatch(/\n {2}id: \S/);
  expect(stderr).toMatch(/\n {2}en: \S/);
}

/** Whether anything opened the journal (its file is made on first open). */
function journalOpened(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'journal.sqlite'));
}

describe('kiosk pin set', () => {
  it('creates the first manager PIN from KIOSK_MANAGER_PIN, and never replaces one', async () => {
    const dataDir = tempDir();
    const made = await cliInProcess(['pin', 'set'], { KIOSK_DATA_DIR: dataDir, KIOSK_MANAGER_PIN: PIN });
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Manager PIN created');
    const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as {
      manager: { pin: { hash: string } | null };
    };
    // Stored as a hash, never as typed.
    expect(stored.manager.pin?.hash).toBeDefined();
    expect(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).not.toContain(PIN);

    const again = await cliInProcess(['pin', 'set'], { KIOSK_DATA_DIR: dataDir, KIOSK_MANAGER_PIN: '2468' });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('A manager PIN already exists');
    expectBilingual(again.stderr);
  });

  it('asks twice at a terminal, unechoed, and refuses two PINs that differ or a PIN of the wrong form', async () => {
    const dataDir = tempDir();
    const differ = await cliInProcess(['pin', 'set'], { KIOSK_DATA_DIR: dataDir }, ['2468', '2469']);
    expect(differ.code).toBe(2);
    expect(differ.asked).toHaveLength(2);
    expect(differ.stderr).toContain('The two PINs differ');
    const short = await cliInProcess(['pin', 'set'], { KIOSK_DATA_DIR: dataDir }, ['12', '12']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('PIN harus 4 sampai 8 angka.');
    const made = await cliInProcess(['pin', 'set'], { KIOSK_DATA_DIR: dataDir }, ['2468', '2468']);
    expect(made.code).toBe(0);
    expect(made.stdout + made.stderr).not.toContain('2468');
  });

  it('without a terminal and without KIOSK_MANAGER_PIN it says how to give one (a real process)', async () => {
    const result = await cli(['pin', 'set'], { KIOSK_DATA_DIR: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KIOSK_MANAGER_PIN');
    expectBilingual(result.stderr);
  });
});

describe('kiosk refund in training mode', () => {
  async function paidSale(env: KioskEnv, amount: string): Promise<string> {
    const sale = await cliInProcess(['charge', amount, '--type', 'qris', '--simulate', 'pay'], env);
    expect(sale.code).toBe(0);
    return orderEvents(sale.stdout)[0]?.order.orderId ?? '';
  }

  it('partial, then the rest (JSON), then nothing left; the day report counts each refund once', async () => {
    const env = { KIOSK_DATA_DIR: tempDir(), KIOSK_MANAGER_PIN: PIN };
    expect((await cliInProcess(['pin', 'set'], env)).code).toBe(0);
    const orderId = await paidSale(env, '44000');

    const part = await cliInProcess(['refund', orderId, '4.000', '--reason', 'Satu porsi kurang'], env);
    expect(part.code).toBe(0);
    expect(part.stdout).toMatch(/REFUNDED\s+Rp 4\.000\s+QRIS\/GoPay\s+R\d{8}-/);
    expect(part.stdout).toContain('left to refund: Rp 40.000');

    const rest = await cliInProcess(['refund', orderId, '--reason', 'Batal', '--json'], env);
    expect(rest.code).toBe(0);
    const outcome = jsonLines(rest.stdout)[0] as unknown as RefundOutcome & { type: string };
    expect(outcome).toMatchObject({
      type: 'refund',
      complete: true,
      refunds: [{ amount: 40_000, state: 'refunded', requestedBy: 'cli (manager PIN)' }],
      summary: { refunded: 44_000, left: 0 },
    });

    const none = await cliInProcess(['refund', orderId, '--reason', 'lagi'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('refund refused (refund-too-large)');
    expectBilingual(none.stderr);

    const report = await cliInProcess(['report', '--json'], env);
    const day = jsonLines(report.stdout)[0] as unknown as DayReport;
    expect(day).toMatchObject({
      settledAmount: 44_000,
      refundedCount: 2,
      refundedAmount: 44_000,
      settledNetAmount: 0,
    });
    const table = await cliInProcess(['report'], env);
    expect(table.stdout).toContain('Refunds made that day');
    expect(table.stdout).toContain('Settled less QRIS/GoPay refunds: Rp 0');
  });

  it('a wrong PIN, no PIN yet, no reason: refused with nothing opened or sent', async () => {
    const dataDir = tempDir();
    const env = { KIOSK_DATA_DIR: dataDir };
    const noPin = await cliInProcess(['refund', 'K20260101-000000-AAAAAA', '--reason', 'x'], {
      ...env,
      KIOSK_MANAGER_PIN: PIN,
    });
    expect(noPin.code).toBe(2);
    expect(noPin.stderr).toContain('kiosk pin set');
    // Nothing was opened: not even the journal's file exists.
    expect(journalOpened(dataDir)).toBe(false);
    await cliInProcess(['pin', 'set'], { ...env, KIOSK_MANAGER_PIN: PIN });
    const wrong = await cliInProcess(['refund', 'K20260101-000000-AAAAAA', '--reason', 'x'], env, ['0000']);
    expect(wrong.code).toBe(2);
    expect(wrong.asked).toEqual(['kiosk: manager PIN (PIN manajer): ']);
    expect(wrong.stderr).toContain('The manager PIN is wrong.');
    expectBilingual(wrong.stderr);
    expect(journalOpened(dataDir)).toBe(false);
    // The right PIN, typed: the order is unknown, said in both languages.
    const unknown = await cliInProcess(['refund', 'K20260101-000000-AAAAAA', '--reason', 'x'], env, [PIN]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('refund refused (unknown-order)');
  });

  it('a cash sale is refunded from the drawer: no gateway involved', async () => {
    // The till's cash sale is made through the screens; here, through the services the CLI opens.
    const dataDir = tempDir();
    const env = { KIOSK_DATA_DIR: dataDir, KIOSK_MANAGER_PIN: PIN };
    await cliInProcess(['pin', 'set'], env);
    const { openKiosk } = await import('../../main/host/kiosk-services.ts');
    const { configFromEnv } = await import('../../main/host/env-config.ts');
    const services = await openKiosk(configFromEnv({ KIOSK_DATA_DIR: dataDir }));
    const sale = await services.till.start({
      lines: [{ name: 'Gorengan', unitPrice: 6000, quantity: 2 }],
      tender: { kind: 'cash', received: 12_000 },
    });
    await services.close();
    const result = await cliInProcess(['refund', sale.saleId, '5000', '--reason', 'Dingin'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/REFUNDED\s+Rp 5\.000\s+cash/);
    expect(result.stderr).toContain('Hand Rp 5.000 in cash from the drawer');
    expectBilingual(result.stderr);
  });
});

describe('kiosk refund in sandbox mode, against an emulator the test owns', () => {
  let emu: RunningEmulator;
  let env: KioskEnv;
  beforeEach(async () => {
    emu = await startEmulator();
    env = {
      KIOSK_MODE: 'sandbox',
      MIDTRANS_API_URL: emu.url,
      MIDTRANS_SERVER_KEY: emu.serverKey,
      KIOSK_DATA_DIR: tempDir(),
      KIOSK_MANAGER_PIN: PIN,
    };
    await cliInProcess(['pin', 'set'], env);
  });
  afterEach(async () => {
    await emu.close();
  });

  async function paidAt(issuer: string): Promise<string> {
    const sale = await cliInProcess(['charge', '30000', '--type', 'qris'], env);
    const orderId = orderEvents(sale.stdout)[0]?.order.orderId ?? '';
    emu.control.pay(orderId, { issuer });
    const status = await cliInProcess(['status', orderId], env);
    expect(jsonLines(status.stdout)[0]).toMatchObject({ state: 'settlement' });
    return orderId;
  }

  it('the issuer declines: exit 6, the plain reason in both languages, nothing refunded', async () => {
    emu.control.setRefundRules({ deniedIssuers: ['ovo'] });
    const orderId = await paidAt('ovo');
    const result = await cliInProcess(['refund', orderId, '--reason', 'Salah'], env);
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('refund refused (refund-refused)');
    expect(result.stderr).toContain("The customer's bank or wallet declined this refund.");
    expectBilingual(result.stderr);
    expect(emu.control.get(orderId)?.refunds).toEqual([]);
  });

  it('a lost answer is confirmed by looking it up (a real process, the PIN from the environment)', async () => {
    const orderId = await paidAt('gopay');
    emu.control.injectFault({ target: 'refund', fault: { kind: 'drop-response' } });
    const result = await cli(['refund', orderId, '10000', '--reason', 'Kurang satu'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/REFUNDED\s+Rp 10\.000/);
    expect(emu.control.get(orderId)?.refunds.map((r) => r.amount)).toEqual([10_000]);
    expect(result.stdout + result.stderr).not.toContain(emu.serverKey);
    expect(result.stdout + result.stderr).not.toContain(PIN);
  });

  it('still in doubt at the timeout: exit 4, and "kiosk recover" settles it later, once', async () => {
    const orderId = await paidAt('gopay');
    emu.control.injectFault({ target: 'refund', fault: { kind: 'http-error', httpStatus: 503 } });
    const doubt = await cliInProcess(['refund', orderId, '--reason', 'Batal', '--timeout', '1'], env);
    expect(doubt.code).toBe(4);
    expect(doubt.stdout).toContain('IN DOUBT');
    expect(doubt.stderr).toContain('Do not refund it again');
    expect(emu.control.get(orderId)?.refunds).toEqual([]);
    // The default settle window is 20 s; recover waits for it, then sends the same refund_key again.
    const recover = await cliInProcess(['recover', '--timeout', '40'], env);
    expect(recover.code).toBe(0);
    const lines = jsonLines(recover.stdout);
    expect(lines[0]).toMatchObject({ type: 'recovery', refunds: { resumed: [expect.any(String)] } });
    expect(lines.filter((l) => l.type === 'refund').at(-1)).toMatchObject({ refund: { state: 'refunded' } });
    expect(emu.control.get(orderId)?.refunds.map((r) => r.amount)).toEqual([30_000]);
  }, 60_000);
});
