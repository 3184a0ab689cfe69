/**
 * Training mode end to end, as support staff would run it: separate processes that share only
 * the data folder (journal, QR images, the built-in emulator's ledger).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DayReport, OrderView } from '../../common/order.ts';
import {
  cli,
  cliInProcess,
  jsonLines,
  orderEvents,
  startCli,
  stateTrail,
  tempDir,
  waitForLine,
} from './helpers.ts';

describe('kiosk in training mode', () => {
  it('runs a whole QRIS sale headless, and later processes see it', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const sale = await cli(['charge', '44000', '--type', 'qris', '--wait', '--simulate', 'pay'], env);
    expect(sale.stderr).toContain('PAID');
    expect(sale.code).toBe(0);
    expect(stateTrail(sale.stdout)).toEqual(['created', 'charging', 'pending', 'settlement']);
    const events = orderEvents(sale.stdout);
    const pending = events.find((e) => e.order.state === 'pending');
    expect(pending?.previousState).toBe('charging');
    expect(pending?.order.qr?.path).toBeDefined();
    expect(fs.existsSync(pending?.order.qr?.path ?? '')).toBe(true);
    const orderId = events[0]?.order.orderId ?? '';
    expect(new Set(events.map((e) => e.order.orderId))).toEqual(new Set([orderId]));
    expect(events.at(-1)?.order).toMatchObject({
      grossAmount: 44000,
      paymentType: 'qris',
      state: 'settlement',
    });

    const list = await cli(['list', '--json'], env);
    expect(list.code).toBe(0);
    const listed = jsonLines(list.stdout) as unknown as OrderView[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ orderId, state: 'settlement', grossAmount: 44000 });

    const report = await cli(['report', '--json'], env);
    expect(report.code).toBe(0);
    const day = jsonLines(report.stdout)[0] as unknown as DayReport;
    expect(day).toMatchObject({ settledCount: 1, settledAmount: 44000, openCount: 0 });
    expect(day.lines).toEqual([expect.objectContaining({ state: 'settlement', count: 1, amount: 44000 })]);

    // A later process starts the emulator again from its saved ledger and asks it.
    const status = await cli(['status', orderId], env);
    expect(status.code).toBe(0);
    expect(jsonLines(status.stdout)).toEqual([expect.objectContaining({ orderId, state: 'settlement' })]);
  });

  it('shows history and the day report as tables for people', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    expect((await cliInProcess(['list'], env)).stdout).toContain('No sales on this till yet.');
    const sale = await cliInProcess(['charge', '1.250.000', '--type', 'gopay', '--simulate', 'pay'], env);
    expect(sale.code).toBe(0);
    const list = await cliInProcess(['list'], env);
    expect(list.stdout).toMatch(/ORDER ID\s+TIME \(WIB\)\s+TYPE\s+AMOUNT\s+STATE\s+PAID WITH/);
    expect(list.stdout).toMatch(/gopay\s+Rp 1\.250\.000\s+settlement\s+qris \(gopay\)/);
    const report = await cliInProcess(['report'], env);
    expect(report.stdout).toContain('Settled: 1 sale(s), Rp 1.250.000');
  });

  it.each([
    ['deny', 'deny'],
    ['expire', 'expire'],
  ])('--simulate %s ends the sale unpaid with exit 3', async (action, state) => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const result = await cliInProcess(['charge', '5000', '--simulate', action], env);
    expect(result.code).toBe(3);
    expect(stateTrail(result.stdout).at(-1)).toBe(state);
    expect(result.stderr).toContain('ended unpaid');
  });

  it('rings up items; the amount is their sum', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const result = await cliInProcess(
      ['charge', '--item', 'KOPI-1:Kopi susu: gula aren:18.000:2', '--item', 'ROTI-2:Roti:8000:1'],
      env,
    );
    expect(result.code).toBe(0);
    const last = orderEvents(result.stdout).at(-1)?.order;
    expect(last).toMatchObject({ state: 'pending', grossAmount: 44000 });
    expect(last?.items).toEqual([
      { id: 'KOPI-1', name: 'Kopi susu: gula aren', price: 18000, quantity: 2 },
      { id: 'ROTI-2', name: 'Roti', price: 8000, quantity: 1 },
    ]);
  });

  it('lets the kiosk timeout expire an unpaid QR', async () => {
    const env = { KIOSK_DATA_DIR: tempDir(), KIOSK_TIMEOUT_SECONDS: '1' };
    const result = await cliInProcess(['charge', '1000', '--wait'], env);
    expect(result.code).toBe(3);
    expect(orderEvents(result.stdout).at(-1)?.order).toMatchObject({
      state: 'expire',
      endReason: 'kiosk-timeout',
    });
  });

  it('stops cleanly on SIGTERM, keeping the open order for recover', async () => {
    const env = { KIOSK_DATA_DIR: tempDir() };
    const { child, done } = startCli(['charge', '1000', '--wait'], env);
    const line = await waitForLine(child, (l) => l.includes('"state":"pending"'));
    const orderId = (JSON.parse(line) as { order: OrderView }).order.orderId;
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('interrupted');
    expect(result.stderr).toContain('kiosk recover');

    const recovered = await cliInProcess(['recover', '--timeout', '1'], env);
    expect(jsonLines(recovered.stdout)[0]).toMatchObject({ type: 'recovery', resumed: [orderId] });
    expect(recovered.code).toBe(4);
  });
});
