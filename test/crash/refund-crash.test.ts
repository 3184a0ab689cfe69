/**
 * A refund crashed at every write it makes: the kiosk child SIGKILLs itself just before or just
 * after each write of the refund (the refunds table, and each gateway call journaled in the
 * order's log), and another kiosk on the journal (this test's process, starting its refund desk
 * as at start-up) settles it. Whatever the kill left, the refund is made at the
 * gateway at most once, never under a key the journal did not have first, and once recovered the
 * journal and the gateway agree: made once (and journaled as refunded), or not at all.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../main/emulator/index.ts';
import { openKiosk, type KioskServices } from '../../main/host/kiosk-services.ts';
import { RefundStore } from '../../main/refunds/refund-store.ts';
import { cleanups, dataDir, emulator } from './fixture.ts';
import { journalFile, journalProblems, KioskChild, withJournal } from './harness.ts';
import type { CrashPoint } from './protocol.ts';
import type { RefundChildSpec } from './refund-child.ts';

const REFUND_CHILD = fileURLToPath(new URL('./refund-child.ts', import.meta.url));
const SETTLE_MS = 300;

function spawnRefundChild(spec: RefundChildSpec): KioskChild {
  const child = new KioskChild(spec, REFUND_CHILD);
  cleanups.push(() => child.kill());
  return child;
}

/** The journal's refunds of one order, read on a connection of its own. */
function journaled(dir: string, orderId: string) {
  return withJournal(journalFile(dir), (journal) => new RefundStore(journal.database).ofOrder(orderId));
}

/** What must hold right after any kill. */
function alwaysViolations(emu: RunningEmulator, dir: string, orderId: string): string[] {
  const out: string[] = [];
  const atGateway = (emu.control.get(orderId)?.refunds ?? []).filter((r) => r.kind === 'refund');
  const rows = journaled(dir, orderId);
  const keys = new Set(rows.map((r) => r.refundKey));
  if (atGateway.length > 1) out.push(`${orderId}: refunded ${atGateway.length} times at the gateway`);
  for (const refund of atGateway) {
    if (!keys.has(refund.refundKey))
      out.push(`${orderId}: the gateway made refund ${refund.refundKey}, which the journal never held`);
  }
  for (const row of rows.filter((r) => r.state === 'refunded' && r.origin === 'kiosk')) {
    if (!atGateway.some((r) => r.refundKey === row.refundKey))
      out.push(`${orderId}: refund ${row.refundKey} journaled as made, unknown at the gateway`);
  }
  return out;
}

/** Once recovered: nothing in doubt, and the journal says exactly what the gateway did. */
function finalViolations(emu: RunningEmulator, dir: string, orderId: string, amount: number): string[] {
  const out = alwaysViolations(emu, dir, orderId);
  const rows = journaled(dir, orderId);
  for (const row of rows.filter((r) => r.state === 'requested')) out.push(`${row.refundKey}: still in doubt`);
  const atGateway = (emu.control.get(orderId)?.refunds ?? []).filter((r) => r.kind === 'refund');
  const made = rows.filter((r) => r.state === 'refunded' && r.origin === 'kiosk');
  if (made.length !== atGateway.length)
    out.push(`${orderId}: ${made.length} refund(s) journaled as made, ${atGateway.length} at the gateway`);
  for (const refund of atGateway) {
    if (refund.amount !== amount)
      out.push(`${orderId}: the gateway refunded ${refund.amount}, not ${amount}`);
  }
  return out;
}

interface Scenario {
  /** Injected into the emulator before each life's refund is asked for. */
  prepare(emu: RunningEmulator): void;
}

async function paidOrder(services: KioskServices, emu: RunningEmulator, amount: number): Promise<string> {
  const order = await services.engine.startSale({ paymentType: 'qris', amount });
  emu.control.pay(order.orderId);
  const done = await services.engine.waitForFinal(order.orderId, 10_000);
  expect(done.state).toBe('settlement');
  return order.orderId;
}

async function sweep(scenario: Scenario): Promise<string[]> {
  const emu = await emulator();
  const dir = dataDir();
  // This process makes the paid orders; the children refund them.
  const services = await openKiosk(
    {
      mode: 'sandbox',
      apiUrl: emu.url,
      serverKey: emu.serverKey,
      dataDir: dir,
      kioskTimeoutMs: 60_000,
      paymentTypes: undefined,
    },
    {
      engine: { chargeSettleMs: 300, poll: { fastMs: 100, errorBaseMs: 100, errorCapMs: 500 } },
      refunds: { settings: { settleMs: SETTLE_MS, retryBaseMs: 50, retryCapMs: 300 } },
    },
  );
  cleanups.push(() => services.close());
  const base = { apiUrl: emu.url, serverKey: emu.serverKey, dataDir: dir, settleMs: SETTLE_MS };
  const points: string[] = [];
  const plans: Omit<CrashPoint, 'n'>[] = [{ when: 'after' }, { when: 'before' }];
  for (const plan of plans) {
    for (let n = 1; ; n++) {
      expect(n, 'a refund that never settles').toBeLessThan(20);
      const amount = 1000 * n + (plan.when === 'after' ? 0 : 500);
      const orderId = await paidOrder(services, emu, amount);
      emu.control.clearFaults();
      scenario.prepare(emu);
      const child = spawnRefundChild({
        ...base,
        refund: { orderId },
        crashAt: { ...plan, n },
      });
      const end = await child.waitFor(
        (l) => l.t === 'crash-point' || l.t === 'no-crash',
        20_000,
        'the crash point',
      );
      const exit = await child.kill();
      expect(child.errors(), child.describe()).toEqual([]);
      emu.control.clearFaults();
      if (end.t !== 'crash-point') break;
      const point = `${plan.when} #${n} ${end.label}`;
      points.push(point);
      const context = `crash ${point}\n${child.describe()}`;
      expect(exit.signal, context).toBe('SIGKILL');
      expect(journalProblems(journalFile(dir)), context).toEqual([]);
      expect(alwaysViolations(emu, dir, orderId), context).toEqual([]);

      // Another kiosk on the journal (this process's) starts up and settles what the kill left in doubt.
      const recovery = services.refunds.start();
      await services.refunds.waitForOutcome(recovery.resumed, 20_000);
      expect(finalViolations(emu, dir, orderId, amount), context).toEqual([]);
    }
  }
  return points;
}

function report(name: string, points: string[]): void {
  console.log(`[crash] refund sweep ${name}: ${points.length} crash points\n  ${points.join('\n  ')}`);
}

describe('a refund crashed before and after every write', () => {
  it('a plain refund: made exactly once, or not at all, after any kill', async () => {
    const points = await sweep({ prepare: () => {} });
    report('plain', points);
    expect(points.some((p) => p.startsWith('after') && p.endsWith('request'))).toBe(true);
    expect(points.some((p) => p.startsWith('before') && p.includes('gateway refund ok'))).toBe(true);
    expect(points.some((p) => p.includes('resolve refunded'))).toBe(true);
  }, 180_000);

  it('a refund whose first answer is a 5xx (resent with its own key): made exactly once after any kill', async () => {
    const points = await sweep({
      prepare: (emu) =>
        emu.control.injectFault({ target: 'refund', fault: { kind: 'http-error', httpStatus: 503 } }),
    });
    report('5xx then resend', points);
    expect(points.some((p) => p.includes('resent'))).toBe(true);
    expect(points.some((p) => p.includes('gateway refund server-error'))).toBe(true);
  }, 180_000);
});
