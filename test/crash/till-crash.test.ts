/**
 * A split sale (cash now, the rest by QRIS/GoPay) crashed at every step it takes: the till child
 * SIGKILLs itself just before or just after an exact write — the till's own (the sale created with
 * its cash, closed as paid or voided) and the engine's (the order's rows, the gateway's answers,
 * the settlement) — and the next kiosk recovers it, as the host does, while making the next sale.
 * After every kill neither tender is lost and the customer has not paid twice; after a final
 * recovery, in which the cashier decides every sale left open, each sale has ended in exactly one
 * consistent state that agrees with the gateway.
 */
import { describe, expect, it } from 'vitest';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { RunningEmulator } from '../../main/emulator/index.ts';
import { Customers, type CustomerAction } from './customers.ts';
import { baseSpec, cleanups, dataDir, emulator } from './fixture.ts';
import {
  KioskChild,
  TILL_CHILD,
  createdIds,
  journalFile,
  journalProblems,
  journalRows,
  qrProblems,
} from './harness.ts';
import { alwaysViolations, finalViolations } from './invariants.ts';
import type { ChildLine, CrashPoint, TillChildSpec } from './protocol.ts';
import { rng } from './random.ts';
import { tillAlwaysViolations, tillFinalViolations, tillSales, type Announced } from './till-invariants.ts';

const SPLIT = { total: 45_500, cash: 20_000 };

function spawnTill(spec: TillChildSpec): KioskChild {
  const child = new KioskChild(spec, TILL_CHILD);
  cleanups.push(() => child.kill());
  return child;
}

function tillSpec(emu: RunningEmulator, dir: string, over: Partial<TillChildSpec> = {}): TillChildSpec {
  return { ...baseSpec(emu, dir), split: SPLIT, cashier: 'charge-again', kioskTimeoutMs: 60_000, ...over };
}

function announcedBy(lines: readonly ChildLine[]): Announced[] {
  return lines.flatMap((l) => (l.t === 'till' ? [{ id: l.id, state: l.state, cash: l.cash }] : []));
}

interface Scenario {
  paymentType: PaymentType;
  /** What customers do with every QR the gateway holds, whether or not the till is up. */
  customer: CustomerAction;
  /** What the cashier does at the end with a sale left open and no charge under way. */
  cashier: TillChildSpec['cashier'];
  plans: Omit<CrashPoint, 'n'>[];
}

interface SweepResult {
  points: string[];
  lives: number;
  /** Lives killed before their sale was journaled: no sale, nothing charged. */
  beforeSale: number;
}

async function sweep(scenario: Scenario): Promise<SweepResult> {
  const emu = await emulator(2);
  const dir = dataDir();
  const file = journalFile(dir);
  const customers = new Customers(emu.control, rng(7));
  customers.start([20, 40], 1, scenario.customer);
  cleanups.push(() => customers.stop());

  const created = new Set<string>();
  const announced: Announced[] = [];
  const points: string[] = [];
  let lives = 0;
  let beforeSale = 0;
  for (const plan of scenario.plans) {
    for (let n = 1; ; n++) {
      lives += 1;
      expect(n, 'a sale that never ends').toBeLessThan(40);
      const child = spawnTill(
        tillSpec(emu, dir, { sales: 1, paymentTypes: [scenario.paymentType], crashAt: { ...plan, n } }),
      );
      const end = await child.waitFor(
        (l) => l.t === 'crash-point' || l.t === 'no-crash',
        20_000,
        'the crash point',
      );
      const exit = await child.kill();
      for (const id of createdIds(child.lines)) created.add(id);
      announced.push(...announcedBy(child.lines));
      expect(child.errors(), child.describe()).toEqual([]);
      if (end.t !== 'crash-point') break;

      const point = `${plan.when} #${n} ${end.label}`;
      points.push(point);
      if (end.when === 'before' && end.label === 'sale create') beforeSale += 1;
      const context = `crash ${point}\n${child.describe()}`;
      expect(exit.signal, context).toBe('SIGKILL');
      expect(journalProblems(file), context).toEqual([]);
      const rows = journalRows(file);
      expect(qrProblems(rows), context).toEqual([]);
      const ledger = emu.control.list();
      expect(alwaysViolations({ rows, ledger, requests: emu.control.requests(), created }), context).toEqual(
        [],
      );
      expect(tillAlwaysViolations({ file, ledger, announced }), context).toEqual([]);
    }
  }

  // The last kiosk recovers everything, and its cashier decides what is left open.
  const last = spawnTill(tillSpec(emu, dir, { exitWhenFinal: true, cashier: scenario.cashier }));
  await last.waitFor((l) => l.t === 'final', 40_000, 'final recovery');
  expect(await last.closed).toEqual({ code: 0, signal: null });
  expect(last.errors(), last.describe()).toEqual([]);
  customers.stop();
  announced.push(...announcedBy(last.lines));
  expect(journalProblems(file)).toEqual([]);
  const rows = journalRows(file);
  const ledger = emu.control.list();
  expect(finalViolations({ rows, ledger, requests: emu.control.requests(), created })).toEqual([]);
  const expected = scenario.customer === 'pay' || scenario.cashier === 'charge-again' ? 'paid' : 'voided';
  expect(tillFinalViolations({ file, ledger, announced }, expected)).toEqual([]);
  // One sale per life, but for the lives killed before it was journaled.
  expect(tillSales(file)).toHaveLength(lives - beforeSale);
  return { points, lives, beforeSale };
}

function report(name: string, result: SweepResult): void {
  console.log(
    `[crash] till sweep ${name}: ${result.points.length} crash points, ${result.lives} lives\n  ${result.points.join('\n  ')}`,
  );
}

describe('a split sale crashed before and after every write', () => {
  it('QRIS paid: neither tender is lost, each sale is paid exactly once, cash + QR = total', async () => {
    const result = await sweep({
      paymentType: 'qris',
      customer: 'pay',
      cashier: 'charge-again',
      plans: [{ when: 'after' }, { when: 'before', label: 'gateway' }, { when: 'before', label: 'sale' }],
    });
    report('qris paid', result);
    const points = result.points.join('\n');
    // The steps that matter most were each crashed at.
    expect(points).toMatch(/after #1 sale create/);
    expect(points).toMatch(/before #\d+ gateway charge ok/);
    expect(points).toMatch(/before #\d+ sale paid/);
    expect(points).toMatch(/after #\d+ transition pending→settlement/);
  }, 180_000);

  it('QR expired every time, the cashier voids: every sale ends voided with its cash given back, nothing paid', async () => {
    const result = await sweep({
      paymentType: 'gopay',
      customer: 'expire',
      cashier: 'void',
      plans: [{ when: 'after' }],
    });
    report('gopay expired, voided', result);
    expect(result.points.join('\n')).toMatch(/after #\d+ transition pending→expire/);
  }, 180_000);
});
