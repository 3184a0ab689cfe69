/**
 * A sale crashed at every step it takes: the kiosk child SIGKILLs itself just before or just
 * after an exact journal write (see crash-point.ts), and the next kiosk recovers it while making
 * the next sale. Random kills find the races; this sweep makes sure no step is skipped, in
 * particular "the gateway answered, the journal does not know yet" (before each gateway write).
 */
import { describe, expect, it } from 'vitest';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { RunningEmulator } from '../../main/emulator/index.ts';
import { Customers } from './customers.ts';
import { baseSpec, cleanups, dataDir, emulator, recoverToFinal, spawnKiosk } from './fixture.ts';
import { createdIds, journalFile, journalProblems, journalRows, qrProblems } from './harness.ts';
import { alwaysViolations } from './invariants.ts';
import type { CrashPoint } from './protocol.ts';
import { rng } from './random.ts';

interface SweepScenario {
  paymentType: PaymentType;
  /**
   * Customers pay every QR at the gateway (else nobody pays); 'held': every payment is held for
   * review (fraud_status challenge) and accepted a moment later, so kills land while it is held.
   */
  customerPays: boolean | 'held';
  prepare(emu: RunningEmulator): void;
  qrDownloadAttempts?: number;
  kioskTimeoutMs: number;
}

interface SweepResult {
  points: string[];
  rows: Awaited<ReturnType<typeof recoverToFinal>>;
}

async function sweep(scenario: SweepScenario): Promise<SweepResult> {
  const emu = await emulator(2);
  const dir = dataDir();
  const file = journalFile(dir);
  scenario.prepare(emu);
  if (scenario.customerPays === 'held') {
    const reviewer = setInterval(() => holdThenAccept(emu), 30);
    cleanups.push(() => clearInterval(reviewer));
  } else if (scenario.customerPays) {
    // Every QR the gateway holds is paid within moments, whether or not the kiosk has shown it
    // yet: a kiosk that died right after journaling "pending" shows it again once restarted.
    const customers = new Customers(emu.control, rng(1));
    customers.start([20, 40], 1, 'pay');
    cleanups.push(() => customers.stop());
  }
  const created = new Set<string>();
  const points: string[] = [];
  const plans: Omit<CrashPoint, 'n'>[] = [{ when: 'after' }, { when: 'before', label: 'gateway' }];

  let lives = 0;
  for (const plan of plans) {
    for (let n = 1; ; n++) {
      lives += 1;
      expect(n, 'a sale that never ends').toBeLessThan(40);
      const child = spawnKiosk({
        ...baseSpec(emu, dir),
        sales: 1,
        paymentTypes: [scenario.paymentType],
        kioskTimeoutMs: scenario.kioskTimeoutMs,
        crashAt: { ...plan, n },
        ...(scenario.qrDownloadAttempts === undefined
          ? {}
          : { qrDownloadAttempts: scenario.qrDownloadAttempts }),
      });
      const end = await child.waitFor(
        (l) => l.t === 'crash-point' || l.t === 'no-crash',
        20_000,
        'the crash point',
      );
      const exit = await child.kill();
      for (const id of createdIds(child.lines)) created.add(id);
      expect(child.errors(), child.describe()).toEqual([]);
      if (end.t !== 'crash-point') break;

      const point = `${plan.when} #${n} ${end.label}`;
      points.push(point);
      const context = `crash ${point}\n${child.describe()}`;
      expect(exit.signal, context).toBe('SIGKILL');
      expect(journalProblems(file), context).toEqual([]);
      const rows = journalRows(file);
      const qr = qrProblems(rows);
      expect(qr, context).toEqual([]);
      expect(
        alwaysViolations({ rows, ledger: emu.control.list(), requests: emu.control.requests(), created }),
        context,
      ).toEqual([]);
    }
  }
  const rows = await recoverToFinal(emu, dir, created);
  // One sale per life, the ones killed before announcing it included.
  expect(rows).toHaveLength(lives);
  return { points, rows };
}

/** Pays every pending QR with a fraud challenge, and accepts each held payment after 1.2 s (several of the kiosk's looks). */
function holdThenAccept(emu: RunningEmulator): void {
  for (const tx of emu.control.list()) {
    try {
      if (tx.transactionStatus === 'pending') emu.control.pay(tx.transactionId, { fraudStatus: 'challenge' });
      else if (tx.fraudStatus === 'challenge' && Date.now() - tx.statusChangedAtMs > 1200)
        emu.control.review(tx.transactionId, 'accept');
    } catch {
      // The till's own Expire or Cancel won the race for this one.
    }
  }
}

function report(name: string, result: SweepResult): void {
  console.log(`[crash] sweep ${name}: ${result.points.length} crash points\n  ${result.points.join('\n  ')}`);
}

describe('a sale crashed before and after every journal write', () => {
  it('qris, paid: every sale ends paid exactly once', async () => {
    const result = await sweep({
      paymentType: 'qris',
      customerPays: true,
      prepare: () => {},
      // Long enough that no sale times out between lives, however slow the machine.
      kioskTimeoutMs: 60_000,
    });
    report('qris paid', result);
    expect(result.rows.map((r) => r.state)).toEqual(result.rows.map(() => 'settlement'));
    expect(result.points.some((p) => p.startsWith('before') && p.includes('gateway charge ok'))).toBe(true);
  }, 60_000);

  it('qris held for review, then accepted: every sale passes through "review" and ends paid exactly once', async () => {
    const result = await sweep({
      paymentType: 'qris',
      customerPays: 'held',
      prepare: () => {},
      kioskTimeoutMs: 60_000,
    });
    report('qris held then accepted', result);
    expect(result.rows.map((r) => r.state)).toEqual(result.rows.map(() => 'settlement'));
    expect(result.points.some((p) => p.includes('pending→review'))).toBe(true);
  }, 90_000);

  it('gopay whose QR cannot be downloaded: every sale is cancelled, never left payable', async () => {
    const result = await sweep({
      paymentType: 'gopay',
      customerPays: false,
      qrDownloadAttempts: 1,
      // Short: an order caught in the known window below only ends at its kiosk deadline.
      kioskTimeoutMs: 3000,
      prepare: (emu) =>
        emu.control.injectFault({
          target: 'qr-code',
          times: Infinity,
          fault: { kind: 'http-error', httpStatus: 500 },
        }),
    });
    report('gopay without QR', result);
    for (const row of result.rows) {
      // Cancelled for want of a QR, or failed if a slow restart let the kiosk deadline pass
      // before the charge was ever made; never left payable until it expires.
      expect(['cancel', 'failed']).toContain(row.state);
    }
  }, 60_000);

  it('a crash right after "pending" without a QR still leaves the cancel under way (one commit)', async () => {
    const emu = await emulator();
    const dir = dataDir();
    emu.control.injectFault({
      target: 'qr-code',
      times: Infinity,
      fault: { kind: 'http-error', httpStatus: 500 },
    });
    const child = spawnKiosk({
      ...baseSpec(emu, dir),
      sales: 1,
      paymentTypes: ['gopay'],
      qrDownloadAttempts: 1,
      crashAt: { when: 'after', n: 1, label: 'transition charging→pending' },
    });
    await child.waitFor((l) => l.t === 'crash-point', 20_000, 'the crash point');
    await child.kill();
    expect(qrProblems(journalRows(journalFile(dir)))).toEqual([]);
  }, 30_000);
});
