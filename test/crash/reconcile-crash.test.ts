/**
 * A reconciliation run crashed at every write it makes: the kiosk child SIGKILLs itself just
 * before or just after the run row, each order's check (committed with its findings and
 * adoptions), each journal event written inside that transaction (a kill mid-transaction), and
 * the run's end. Right after any kill an order's check and its adoption are both in the journal
 * or neither is; a second life resumes the same run, and in the end each order was adopted and
 * found exactly once — the payment made at the gateway settled once, the dashboard refund
 * journaled once.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../main/emulator/index.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import { businessDateOf, WIB_OFFSET_MINUTES } from '../../main/journal/business-date.ts';
import type { Journal } from '../../main/journal/journal.ts';
import { cleanups, dataDir, emulator } from './fixture.ts';
import { journalFile, journalProblems, KioskChild, withJournal } from './harness.ts';
import type { CrashPoint } from './protocol.ts';
import type { ReconcileChildSpec } from './reconcile-child.ts';

const CHILD = fileURLToPath(new URL('./reconcile-child.ts', import.meta.url));

interface Day {
  dir: string;
  /** Pending when the kiosk stopped; paid at the gateway afterwards. */
  latePaid: string;
  /** Paid here; refunded on the dashboard afterwards. */
  dashboardRefund: string;
  clean: string;
}

async function makeDay(emu: RunningEmulator): Promise<Day> {
  const dir = dataDir();
  const services = await openKiosk({
    mode: 'sandbox',
    apiUrl: emu.url,
    serverKey: emu.serverKey,
    dataDir: dir,
    kioskTimeoutMs: 600_000,
    paymentTypes: undefined,
  });
  try {
    const paid = async (amount: number) => {
      const order = await services.engine.startSale({ paymentType: 'qris', amount });
      emu.control.pay(order.orderId, { via: 'qris' });
      expect((await services.engine.waitForFinal(order.orderId, 10_000)).state).toBe('settlement');
      return order.orderId;
    };
    const latePaid = (await services.engine.startSale({ paymentType: 'qris', amount: 21_000 })).orderId;
    const dashboardRefund = await paid(22_000);
    const clean = await paid(23_000);
    return { dir, latePaid, dashboardRefund, clean };
  } finally {
    await services.close();
  }
}

function read<T>(dir: string, fn: (journal: Journal) => T): T {
  return withJournal(journalFile(dir), fn);
}

function checked(journal: Journal, orderId: string): number {
  return (
    journal.database
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM reconcile_checks WHERE order_id = ?')
      .get(orderId)?.n ?? 0
  );
}

function foundRefunds(journal: Journal, orderId: string): number {
  return (
    journal.database
      .prepare<[string], { n: number }>(
        "SELECT count(*) AS n FROM refunds WHERE order_id = ? AND origin = 'gateway'",
      )
      .get(orderId)?.n ?? 0
  );
}

/** What must hold right after any kill: an order's check and its adoption together, or neither. */
function alwaysViolations(day: Day): string[] {
  return read(day.dir, (journal) => {
    const out: string[] = [];
    const late = checked(journal, day.latePaid);
    const settled = journal.get(day.latePaid)?.state === 'settlement' ? 1 : 0;
    if (late !== settled) out.push(`late payment: ${late} check(s) but settled ${settled}`);
    const refunded = checked(journal, day.dashboardRefund);
    const found = foundRefunds(journal, day.dashboardRefund);
    if (refunded !== found) out.push(`dashboard refund: ${refunded} check(s) but ${found} refund(s) adopted`);
    const notes = journal.events(day.latePaid).filter((e) => e.detail.reconciliation !== undefined).length;
    if (notes !== late) out.push(`late payment: ${notes} reconciliation note(s) for ${late} check(s)`);
    return out;
  });
}

/** Once the second life has finished the run: everything exactly once. */
function finalViolations(day: Day): string[] {
  return read(day.dir, (journal) => {
    const out: string[] = [];
    const runs = journal.database
      .prepare<[], { state: string }>('SELECT state FROM reconcile_runs')
      .all()
      .map((r) => r.state);
    if (runs.join() !== 'done') out.push(`runs: ${runs.join() || 'none'}`);
    for (const id of [day.latePaid, day.dashboardRefund, day.clean]) {
      if (checked(journal, id) !== 1) out.push(`${id}: checked ${checked(journal, id)} times`);
    }
    const settles = journal.events(day.latePaid).filter((e) => e.toState === 'settlement').length;
    if (settles !== 1) out.push(`late payment settled ${settles} times`);
    if (foundRefunds(journal, day.dashboardRefund) !== 1)
      out.push('the dashboard refund is not journaled exactly once');
    const findings = journal.database
      .prepare<[], { order_id: string; kind: string }>(
        'SELECT order_id, kind FROM reconcile_findings ORDER BY id',
      )
      .all()
      .map(
        (f) =>
          `${f.order_id === day.latePaid ? 'late' : f.order_id === day.dashboardRefund ? 'refund' : 'clean'} ${f.kind}`,
      )
      .sort();
    if (findings.join() !== ['late paid-at-gateway', 'refund refunded-at-gateway'].join())
      out.push(`findings: ${findings.join(', ')}`);
    return out;
  });
}

function spawn(spec: ReconcileChildSpec): KioskChild {
  const child = new KioskChild(spec, CHILD);
  cleanups.push(() => child.kill());
  return child;
}

describe('a reconciliation run crashed before and after every write', () => {
  it('leaves each adoption whole or absent, and a resumed run counts nothing twice', async () => {
    const emu = await emulator();
    const date = businessDateOf(Date.now(), WIB_OFFSET_MINUTES);
    const points: string[] = [];
    const plans: Omit<CrashPoint, 'n'>[] = [{ when: 'after' }, { when: 'before' }];
    for (const plan of plans) {
      for (let n = 1; ; n++) {
        expect(n, 'a run that never ends').toBeLessThan(30);
        const day = await makeDay(emu);
        emu.control.pay(day.latePaid, { via: 'qris' });
        emu.control.refund(day.dashboardRefund, { amount: 5000 });
        const base = { apiUrl: emu.url, serverKey: emu.serverKey, dataDir: day.dir, date };
        const child = spawn({ ...base, crashAt: { ...plan, n } });
        const end = await child.waitFor(
          (l) => l.t === 'crash-point' || l.t === 'no-crash',
          20_000,
          'the crash point',
        );
        const exit = await child.kill();
        expect(child.errors(), child.describe()).toEqual([]);
        if (end.t !== 'crash-point') break;
        const point = `${plan.when} #${n} ${end.label}`;
        points.push(point);
        const context = `crash ${point}\n${child.describe()}`;
        expect(exit.signal, context).toBe('SIGKILL');
        expect(journalProblems(journalFile(day.dir)), context).toEqual([]);
        expect(alwaysViolations(day), context).toEqual([]);

        // The next life resumes the run (or starts it, if the kill came before its row); a run
        // the kill left done needs no next life.
        const finished = read(day.dir, (journal) =>
          journal.database.prepare("SELECT 1 FROM reconcile_runs WHERE state = 'done'").get(),
        );
        if (finished === undefined) {
          const next = spawn({ ...base, crashAt: { when: 'after', n: 10_000 } });
          const done = await next.waitFor((l) => l.t === 'reconcile-done', 20_000, 'the resumed run');
          await next.kill();
          expect(done, context).toEqual({ t: 'reconcile-done', halt: null });
        }
        expect(finalViolations(day), context).toEqual([]);
      }
    }
    console.log(`[crash] reconcile sweep: ${points.length} crash points\n  ${points.join('\n  ')}`);
    expect(points.some((p) => p.includes('start-run'))).toBe(true);
    expect(points.some((p) => p.startsWith('before') && p.includes('inside'))).toBe(true);
    expect(points.some((p) => p.startsWith('after') && p.includes('check'))).toBe(true);
    expect(points.some((p) => p.includes('finish-run'))).toBe(true);
  }, 300_000);
});
