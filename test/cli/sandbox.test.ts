/**
 * Sandbox mode against an emulator the test owns: the CLI is a separate process talking real
 * HTTP to it, and the test plays the customer (and the gateway's truth) through emu.control.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderView } from '../../common/order.ts';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { chargeIdempotencyKey, MidtransClient } from '../../main/midtrans/client.ts';
import {
  cli,
  cliInProcess,
  journalOrderCount,
  jsonLines,
  orderEvents,
  startCli,
  stateTrail,
  tempDir,
  waitForLine,
  type KioskEnv,
} from './helpers.ts';

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

/** In-process by default: the tests that need a real process say so. */
async function pendingSale(type: 'gopay' | 'qris' = 'gopay', run = cliInProcess): Promise<string> {
  const sale = await run(['charge', '25000', '--type', type], env);
  expect(sale.code).toBe(0);
  expect(stateTrail(sale.stdout)).toEqual(['created', 'charging', 'pending']);
  return orderEvents(sale.stdout)[0]?.order.orderId ?? '';
}

describe('kiosk in sandbox mode', () => {
  it('returns once the QR is ready; status then sees the payment made at the gateway', async () => {
    const orderId = await pendingSale('gopay', cli);
    expect(emu.control.get(orderId)?.transactionStatus).toBe('pending');
    emu.control.pay(orderId);

    const status = await cli(['status', orderId], env);
    expect(status.code).toBe(0);
    const [view] = jsonLines(status.stdout) as unknown as OrderView[];
    expect(view).toMatchObject({ orderId, state: 'settlement', paymentType: 'gopay', paidWith: 'qris' });
    expect(status.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('pretty-prints status on request', async () => {
    const orderId = await pendingSale('qris');
    const status = await cliInProcess(['status', orderId, '--pretty'], env);
    expect(status.code).toBe(4);
    expect(status.stdout).toContain(`\n  "orderId": "${orderId}",\n`);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'pending' });
  });

  it('cancels a pending order at the gateway too', async () => {
    const orderId = await pendingSale();
    const cancel = await cli(['cancel', orderId], env);
    expect(cancel.code).toBe(0);
    expect(jsonLines(cancel.stdout)).toEqual([expect.objectContaining({ orderId, state: 'cancel' })]);
    expect(emu.control.get(orderId)?.transactionStatus).toBe('cancel');
  });

  it('reports a payment that beat the cancel: it stands, exit 3', async () => {
    const orderId = await pendingSale();
    emu.control.pay(orderId);
    const cancel = await cliInProcess(['cancel', orderId], env);
    expect(cancel.code).toBe(3);
    expect(jsonLines(cancel.stdout)[0]).toMatchObject({ state: 'settlement' });
    expect(cancel.stderr).toContain('NOT CANCELLED');
    expect(emu.control.get(orderId)?.transactionStatus).toBe('settlement');
  });

  it('refuses to cancel an order this till never journaled', async () => {
    const cancel = await cliInProcess(['cancel', 'K20260101-000000-NOPE00'], env);
    expect(cancel.code).toBe(2);
    expect(cancel.stderr).toContain('tidak ada di jurnal');
  });

  it('follows a journaled order to its end with recover, in a new process', async () => {
    const orderId = await pendingSale();
    emu.control.pay(orderId, { via: 'gopay', issuer: 'gopay' });
    const recover = await cli(['recover', '--timeout', '10'], env);
    expect(recover.code).toBe(0);
    const [summary, ...events] = jsonLines(recover.stdout);
    expect(summary).toMatchObject({ type: 'recovery', resumed: [orderId], otherEnvironment: [] });
    const last = orderEvents(recover.stdout).at(-1);
    expect(last?.order).toMatchObject({ orderId, state: 'settlement', paidWith: 'gopay' });
    expect(events.some((e) => e.type === 'health')).toBe(true);

    const again = await cliInProcess(['recover'], env);
    expect(again.code).toBe(0);
    expect(jsonLines(again.stdout)).toEqual([expect.objectContaining({ type: 'recovery', resumed: [] })]);
  });

  it('waits with --timeout and exits 4 while the customer has not paid', async () => {
    const result = await cliInProcess(['charge', '1000', '--wait', '--timeout', '1'], env);
    expect(result.code).toBe(4);
    expect(stateTrail(result.stdout).at(-1)).toBe('pending');
    expect(result.stderr).toContain('gave up waiting after 1 s');
  });

  it('asks the gateway about an order this till never journaled', async () => {
    const client = new MidtransClient({ serverKey: emu.serverKey, baseUrl: emu.url });
    try {
      await client.charge(
        { paymentType: 'qris', orderId: 'OTHER-TILL-1', grossAmount: 7000 },
        {
          idempotencyKey: chargeIdempotencyKey('OTHER-TILL-1', 1),
        },
      );
    } finally {
      client.close();
    }
    emu.control.pay('OTHER-TILL-1');
    const status = await cliInProcess(['status', 'OTHER-TILL-1'], env);
    expect(status.code).toBe(0);
    expect(jsonLines(status.stdout)[0]).toMatchObject({
      inJournal: false,
      orderId: 'OTHER-TILL-1',
      transactionStatus: 'settlement',
      paid: true,
      grossAmount: 7000,
    });
    expect(status.stderr).toContain("NOT in this till's journal");

    const unknown = await cliInProcess(['status', 'NO-SUCH-ORDER'], env);
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('does not know it (404)');
  });

  it('finishes the sale when whoever reads stdout goes away', async () => {
    const { child, done } = startCli(['charge', '3000'], env);
    const line = await waitForLine(child, (l) => l.includes('"state":"created"'));
    child.stdout?.destroy();
    const orderId = (JSON.parse(line) as { order: OrderView }).order.orderId;
    expect((await done).code).toBe(0);
    const status = await cliInProcess(['status', orderId], env);
    expect(jsonLines(status.stdout)[0]).toMatchObject({ state: 'pending' });
  });

  it('ends the sale as failed when the gateway cannot be reached, saying so', async () => {
    await emu.close();
    const result = await cliInProcess(['charge', '1000'], env);
    expect(result.code).toBe(3);
    expect(stateTrail(result.stdout)).toEqual(['created', 'charging', 'failed']);
    expect(jsonLines(result.stdout)).toContainEqual(
      expect.objectContaining({ type: 'health', health: 'unreachable' }),
    );
    expect(orderEvents(result.stdout).at(-1)?.order.endReason).toBe('charge-not-received');
  });

  it('exits 4 when the charge answer was lost, and status keeps saying so', async () => {
    emu.control.injectFault({ target: 'charge', fault: { kind: 'reset' } });
    const result = await cliInProcess(['charge', '1000'], env);
    expect(result.code).toBe(4);
    expect(stateTrail(result.stdout).at(-1)).toBe('charging');
    expect(result.stderr).toContain('kiosk recover');
    const orderId = orderEvents(result.stdout)[0]?.order.orderId ?? '';

    const status = await cliInProcess(['status', orderId], env);
    expect(status.code).toBe(4);
    expect(jsonLines(status.stdout)[0]).toMatchObject({ orderId, state: 'charging' });
  });

  it('leaves orders of another gateway alone', async () => {
    const orderId = await pendingSale();
    const other = await startEmulator();
    try {
      const otherEnv = { ...env, MIDTRANS_API_URL: other.url, MIDTRANS_SERVER_KEY: other.serverKey };
      const status = await cliInProcess(['status', orderId], otherEnv);
      expect(status.code).toBe(4);
      expect(status.stderr).toContain(`journaled for gateway "custom:${emu.url}"`);
      expect(jsonLines(status.stdout)[0]).toMatchObject({ orderId, state: 'pending' });

      const cancel = await cliInProcess(['cancel', orderId], otherEnv);
      expect(cancel.code).toBe(2);
      expect(cancel.stderr).toContain('tercatat untuk gateway');

      const recover = await cliInProcess(['recover'], otherEnv);
      expect(recover.code).toBe(0);
      expect(jsonLines(recover.stdout)[0]).toMatchObject({ resumed: [], otherEnvironment: [orderId] });
      expect(other.control.requests()).toEqual([]);
    } finally {
      await other.close();
    }
    expect(emu.control.get(orderId)?.transactionStatus).toBe('pending');
  });

  it('pages through history with --before', async () => {
    const first = await pendingSale();
    const second = await pendingSale('qris');
    const page = jsonLines((await cliInProcess(['list', '--json', '--limit', '1'], env)).stdout);
    expect(page).toEqual([expect.objectContaining({ orderId: second }), { nextCursor: expect.any(Number) }]);
    const cursor = String((page[1] as { nextCursor: number }).nextCursor);
    const older = await cliInProcess(['list', '--json', '--limit', '1', '--before', cursor], env);
    expect(jsonLines(older.stdout)).toEqual([expect.objectContaining({ orderId: first })]);
    const table = await cliInProcess(['list', '--limit', '1'], env);
    expect(table.stdout).toContain(`Older sales: kiosk list --before ${cursor}`);
  });

  it('refuses --simulate outside training mode, journaling nothing', async () => {
    const result = await cliInProcess(['charge', '1000', '--simulate', 'pay'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('training mode');
    expect(result.stderr).toContain('mode latihan');
    expect(emu.control.list()).toEqual([]);
    expect(journalOrderCount(env.KIOSK_DATA_DIR ?? '')).toBe(0);
  });
});

describe('kiosk doctor', () => {
  it('passes against a reachable gateway with the right key, never printing the key', async () => {
    const result = await cliInProcess(['doctor'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('All checks passed.');
    expect(result.stdout).toMatch(/PASS\s+gateway\s+.*reachable/);
    expect(result.stdout + result.stderr).not.toContain(emu.serverKey);
    expect(result.stdout).toContain(`${emu.serverKey.length} characters`);
  });

  it('says 401 when the key is refused, and still never prints it', async () => {
    const wrongKey = 'SB-Mid-server-WrongKeyWrongKey0123456789';
    const result = await cli(['doctor', '--json'], { ...env, MIDTRANS_SERVER_KEY: wrongKey });
    expect(result.code).toBe(5);
    const [report] = jsonLines(result.stdout);
    expect(report).toMatchObject({ ok: false });
    const checks = (report as { checks: { name: string; verdict: string; detail: string }[] }).checks;
    expect(checks.find((c) => c.name === 'gateway')).toMatchObject({ verdict: 'fail' });
    expect(checks.find((c) => c.name === 'gateway')?.detail).toMatch(/401, the server key was refused/);
    expect(checks.find((c) => c.name === 'key')).toMatchObject({ verdict: 'pass' });
    expect(result.stdout + result.stderr).not.toContain(wrongKey);
    expect(result.stdout + result.stderr).not.toContain(wrongKey.slice(6));
  });

  it('warns about a key that looks like the other environment', async () => {
    const result = await cliInProcess(['doctor'], {
      ...env,
      MIDTRANS_SERVER_KEY: 'Mid-server-looks-like-prod',
    });
    expect(result.stdout).toMatch(/WARN\s+key\s+.*looks like a production key/);
    expect(result.stdout + result.stderr).not.toContain('Mid-server-looks-like-prod');
  });

  it('fails the configuration when production is pointed anywhere but Midtrans, and sends nothing', async () => {
    const before = emu.control.requests().length;
    const result = await cliInProcess(['doctor'], {
      ...env,
      KIOSK_MODE: 'production',
      MIDTRANS_SERVER_KEY: 'Mid-server-abcdefghijkl',
    });
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(
      /FAIL\s+config\s+MIDTRANS_API_URL: Production talks only to https:\/\/api\.midtrans\.com/,
    );
    expect(emu.control.requests().length).toBe(before);
  });

  it('says unreachable when nothing answers', async () => {
    await emu.close();
    const result = await cliInProcess(['doctor'], env);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/FAIL\s+gateway\s+.*unreachable, could not connect/);
    expect(result.stdout).toMatch(/PASS\s+journal/);
  });

  it('reports a bad configuration as a failed check', async () => {
    const result = await cliInProcess(['doctor', '--json'], { ...env, KIOSK_MODE: 'bogus' });
    expect(result.code).toBe(5);
    const report = jsonLines(result.stdout)[0] as {
      checks: { name: string; verdict: string; detail: string }[];
    };
    expect(report.checks.map((c) => [c.name, c.verdict])).toEqual([
      ['config', 'fail'],
      ['data-dir', 'pass'],
      ['journal', 'pass'],
      ['gateway', 'skip'],
    ]);
    expect(report.checks[0]?.detail).toContain('KIOSK_MODE');
  });
});
