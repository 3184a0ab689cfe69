/**
 * Crash tests for the checkout engine: a real kiosk process is SIGKILLed mid-charge, mid-poll,
 * mid-cancel and while customers pay at the gateway, then restarted on the same journal. After
 * every kill the journal must open intact and agree with the gateway on everything that can
 * already be known; after a final recovery, on everything.
 *
 * Every random choice comes from a seed printed at the start (override with CRASH_SEED=<n>).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { FaultRule } from '../../main/emulator/index.ts';
import { chargeIdempotencyKey } from '../../main/midtrans/client.ts';
import { Customers } from './customers.ts';
import {
  baseSpec,
  chargeRequests,
  cleanups,
  dataDir,
  emulator,
  isOrder,
  onlyRow,
  recoverToFinal,
  seedFor,
  spawnKiosk,
  until,
} from './fixture.ts';
import type { KioskChild } from './harness.ts';
import { createdIds, journalFile, journalProblems, journalRows, qrProblems, withJournal } from './harness.ts';
import { alwaysViolations } from './invariants.ts';
import type { ChildLine } from './protocol.ts';
import { rng, type Rng } from './random.ts';

type KillMode = 'charging' | 'after-sale' | 'mid-poll' | 'customer' | 'recovery' | 'cancel';
// Charges are where money is lost or doubled, so half the kills aim there.
const KILL_MODES: readonly KillMode[] = [
  'charging',
  'charging',
  'after-sale',
  'after-sale',
  'mid-poll',
  'customer',
  'recovery',
  'cancel',
];

/** Faults some lives also meet, so in-process recovery is interrupted by the kill as well. */
const SIDE_FAULTS: readonly FaultRule[] = [
  { target: 'charge', fault: { kind: 'drop-response' } },
  { target: 'charge', fault: { kind: 'reset' } },
  { target: 'charge', fault: { kind: 'http-error', httpStatus: 502 } },
  { target: 'charge', fault: { kind: 'delay', ms: 120 } },
  { target: 'status', times: 2, fault: { kind: 'reset' } },
  { target: 'status', fault: { kind: 'http-error', httpStatus: 503 } },
  { target: 'cancel', fault: { kind: 'drop-response' } },
  { target: 'expire', fault: { kind: 'drop-response' } },
];

interface KillPlan {
  mode: KillMode;
  /** Which occurrence of the trigger (charging lines, sales) the kill waits for. */
  nth: number;
  delayMs: number;
}

function planKill(random: Rng, modes: readonly KillMode[]): KillPlan {
  const mode = random.pick(modes);
  switch (mode) {
    case 'charging':
      return { mode, nth: random.int(1, 3), delayMs: 0 };
    case 'after-sale':
      return { mode, nth: random.int(1, 3), delayMs: random.int(0, 50) };
    case 'mid-poll':
      return { mode, nth: 1, delayMs: random.int(50, 800) };
    case 'customer':
      return { mode, nth: 1, delayMs: random.int(0, 20) };
    case 'recovery':
      return { mode, nth: 1, delayMs: random.int(0, 40) };
    case 'cancel':
      return { mode, nth: 1, delayMs: random.int(0, 30) };
  }
}

/** Resolves at the planned moment (or after `fallbackMs` if it never comes) with what happened. */
function killMoment(
  child: KioskChild,
  plan: KillPlan,
  customers: Customers,
  fallbackMs: number,
): Promise<string> {
  return new Promise((resolve) => {
    let seen = 0;
    let armed = false;
    const timers: NodeJS.Timeout[] = [];
    let done = false;
    const finish = (what: string): void => {
      if (done) return;
      done = true;
      offLine();
      offCustomer();
      for (const timer of timers) clearTimeout(timer);
      resolve(what);
    };
    const arm = (what: string): void => {
      if (armed) return;
      armed = true;
      timers.push(setTimeout(() => finish(what), plan.delayMs));
    };
    const matches = (line: ChildLine): boolean => {
      switch (plan.mode) {
        case 'charging':
          return line.t === 'order' && line.state === 'charging';
        case 'after-sale':
          return line.t === 'sale';
        case 'mid-poll':
          return line.t === 'order' && line.state === 'pending';
        case 'recovery':
          return line.t === 'ready';
        case 'cancel':
          return line.t === 'cancel';
        case 'customer':
          return false;
      }
    };
    const offLine = child.on((line) => {
      if (matches(line) && ++seen === plan.nth) arm(`${plan.mode}#${plan.nth}+${plan.delayMs}ms`);
    });
    const offCustomer = customers.onAction((action) => {
      if (plan.mode === 'customer') arm(`customer ${action}+${plan.delayMs}ms`);
    });
    // Counted from "ready": a loaded machine may take seconds just to boot the child.
    void child
      .waitFor((l) => l.t === 'ready', 30_000, 'ready')
      .then(
        () => {
          if (!done) timers.push(setTimeout(() => finish(`fallback (${plan.mode} never came)`), fallbackMs));
        },
        () => finish('never ready'),
      );
    void child.closed.then(() => finish('child exited by itself'));
  });
}

interface Scenario {
  name: string;
  defaultSeed: number;
  cycles: number;
  killModes: readonly KillMode[];
  /** Chance that a life also meets gateway faults, and how many at most. */
  faultChance: number;
  maxFaults: number;
  cancelRate: number;
}

/** Kills and restarts one kiosk `cycles` times, checking after each kill; then recovers to the end. */
async function killAndRestart(scenario: Scenario): Promise<void> {
  const seed = seedFor(scenario.name, scenario.defaultSeed);
  const random = rng(seed);
  const started = performance.now();
  const emu = await emulator(3);
  const dir = dataDir();
  const file = journalFile(dir);
  // Its own stream: how often customers act depends on timing, and must not shift the kill plan.
  const customers = new Customers(emu.control, rng(random.seed()));
  cleanups.push(() => customers.stop());
  const created = new Set<string>();
  const moments: string[] = [];
  // Summed over kills: what each kill left behind for the next start-up to sort out.
  const left = { answerLost: 0, notAtGateway: 0, pending: 0 };

  customers.start([60, 200], 0.5);
  for (let cycle = 1; cycle <= scenario.cycles; cycle++) {
    const plan = planKill(random, scenario.killModes);
    const childSeed = random.seed();
    const sales = random.int(2, 8);
    emu.control.setLatency(random.int(1, 10));
    const faults = random.chance(scenario.faultChance)
      ? Array.from({ length: random.int(1, scenario.maxFaults) }, () => random.pick(SIDE_FAULTS))
      : [];
    for (const fault of faults) emu.control.injectFault(fault);

    const child = spawnKiosk({
      ...baseSpec(emu, dir),
      seed: childSeed,
      sales,
      salePauseMs: [0, 150],
      cancelRate: scenario.cancelRate,
    });
    const moment = await killMoment(child, plan, customers, 2500);
    const exit = await child.kill();
    emu.control.clearFaults();
    moments.push(moment);
    const context =
      `seed ${seed}, cycle ${cycle} (${moment}; faults ${JSON.stringify(faults)})\n` + child.describe();

    expect(moment, context).not.toBe('never ready');
    expect(exit.signal, `the child died by itself: ${context}`).toBe('SIGKILL');
    expect(child.errors(), context).toEqual([]);
    for (const id of createdIds(child.lines)) created.add(id);
    expect(journalProblems(file), context).toEqual([]);
    const rows = journalRows(file);
    expect(qrProblems(rows), context).toEqual([]);
    const ledger = emu.control.list();
    for (const row of rows) {
      if (row.state === 'pending') left.pending += 1;
      if (row.state !== 'charging' && row.state !== 'created') continue;
      if (ledger.some((tx) => tx.orderId === row.orderId && tx.transactionId !== row.transactionId)) {
        left.answerLost += 1;
      } else {
        left.notAtGateway += 1;
      }
    }
    expect(alwaysViolations({ rows, ledger, requests: emu.control.requests(), created }), context).toEqual(
      [],
    );
  }

  // The customers still at the counter settle up: some pay, the rest walk away and the QR expires.
  customers.stop();
  emu.control.setLatency(1);
  for (const tx of emu.control.list().filter((t) => t.transactionStatus === 'pending')) {
    customers.act(tx.transactionId, random.chance(0.5) ? 'pay' : 'expire');
  }
  // Orders the final recovery charges again still meet customers who pay.
  customers.start([20, 60], 0.5);
  const rows = await recoverToFinal(emu, dir, created);
  customers.stop();
  expect(rows.length).toBeGreaterThan(0);

  const states: Record<string, number> = {};
  for (const row of rows) states[row.state] = (states[row.state] ?? 0) + 1;
  const lookups = withJournal(file, (j) => rows.flatMap((r) => j.events(r.orderId))).filter(
    (e) => e.kind === 'recovery',
  );
  console.log(
    `[crash] ${scenario.name}: seed ${seed}, ${scenario.cycles} kills ` +
      `(${moments.filter((m) => m.startsWith('fallback')).length} at the fallback), ` +
      `${rows.length} orders ${JSON.stringify(states)}, ${emu.control.list().length} gateway transactions, ` +
      `${rows.filter((r) => r.attempt > 1).length} re-charged, ` +
      `${lookups.length} lookups of a charge in doubt (${lookups.filter((e) => e.detail.found === true).length} found), ` +
      `left by kills: ${left.answerLost} charges answered but not journaled, ` +
      `${left.notAtGateway} journaled but not (yet) at the gateway, ${left.pending} pending, ` +
      `customers ${JSON.stringify(customers.counts)}, ${Math.round(performance.now() - started)} ms`,
  );
}

describe('kill -9 at random moments', () => {
  it('loses no sale, charges no order twice, and ends agreeing with the gateway', async () => {
    await killAndRestart({
      name: 'random kills',
      defaultSeed: 20_261_124,
      cycles: 32,
      killModes: KILL_MODES,
      faultChance: 0.4,
      maxFaults: 3,
      cancelRate: 0.3,
    });
  }, 120_000);
});

describe('kill between the gateway processing a charge and its answer', () => {
  it.each(['qris', 'gopay'] as const)(
    '%s: the restarted kiosk adopts the one transaction, QR and all',
    async (paymentType) => {
      const emu = await emulator();
      const dir = dataDir();
      // The charge is processed but its answer is dropped; the lookup that would settle the
      // doubt hangs, so the kiosk is stuck exactly between "charged" and "knows it".
      emu.control.injectFault({ target: 'charge', fault: { kind: 'drop-response' } });
      emu.control.injectFault({ target: 'status', times: Infinity, fault: { kind: 'hang' } });
      const first = spawnKiosk({
        ...baseSpec(emu, dir),
        sales: 1,
        paymentTypes: [paymentType],
        kioskTimeoutMs: 60_000,
      });
      const charging = await first.waitForOrder((l) => l.state === 'charging', 10_000, 'charging');
      const orderId = charging.id;
      await until('the kiosk to be stuck in its status lookup', () =>
        emu.control.requests().some((r) => r.target === 'status'),
      );
      await first.kill();
      emu.control.clearFaults();

      const charged = emu.control.list();
      expect(charged).toHaveLength(1);
      const tx = charged[0];
      if (tx === undefined) throw new Error('unreachable');
      expect(tx.orderId).toBe(orderId);
      expect(journalProblems(journalFile(dir))).toEqual([]);
      const before = onlyRow(dir);
      expect(before).toMatchObject({ orderId, state: 'charging', attempt: 1, transactionId: undefined });

      const second = spawnKiosk(baseSpec(emu, dir));
      await second.waitForOrder(isOrder(orderId, ['pending']), 10_000, 'the order adopted as pending');
      await second.kill();

      const row = onlyRow(dir);
      expect(row).toMatchObject({ state: 'pending', attempt: 1, transactionId: tx.transactionId });
      // On disk and a whole PNG: the customer display can show it with no network.
      expect(row.qrPath).toBeDefined();
      expect(qrProblems([row])).toEqual([]);
      expect(emu.control.list()).toHaveLength(1);
      // The replay carried the same key: the gateway answered from its idempotency cache.
      expect(chargeRequests(emu).map((r) => r.idempotencyKey)).toEqual([
        chargeIdempotencyKey(orderId, 1),
        chargeIdempotencyKey(orderId, 1),
      ]);
      const recovery = withJournal(journalFile(dir), (j) => j.events(orderId)).filter(
        (e) => e.kind === 'recovery',
      );
      expect(recovery.at(-1)?.detail).toMatchObject({
        attempt: 1,
        found: true,
        transactionStatus: 'pending',
      });

      // The customer pays the QR that was recovered: one payment, journaled once.
      emu.control.pay(tx.transactionId);
      const rows = await recoverToFinal(emu, dir, [orderId]);
      expect(rows[0]).toMatchObject({ state: 'settlement', transactionId: tx.transactionId });
    },
    30_000,
  );

  it('a charge delayed past the settle window is refused by its order_id when it lands', async () => {
    const emu = await emulator();
    const dir = dataDir();
    emu.control.injectFault({ target: 'charge', fault: { kind: 'delay', ms: 1500 } });
    const first = spawnKiosk({ ...baseSpec(emu, dir), sales: 1, kioskTimeoutMs: 60_000 });
    const charging = await first.waitForOrder((l) => l.state === 'charging', 10_000, 'charging');
    await until('the charge to reach the gateway', () => chargeRequests(emu).length === 1);
    await first.kill();
    const sentAt = chargeRequests(emu)[0]?.timeMs ?? 0;

    const second = spawnKiosk(baseSpec(emu, dir));
    await second.waitForOrder(isOrder(charging.id, ['pending']), 10_000, 'the order pending again');
    // Let the first attempt land at the gateway, whichever came first.
    await sleep(Math.max(0, sentAt + 1700 - Date.now()));
    await second.kill();

    const row = onlyRow(dir);
    const attempts = emu.control.list();
    expect(attempts).toHaveLength(1);
    expect(row).toMatchObject({ state: 'pending', transactionId: attempts[0]?.transactionId });
    console.log(
      `[crash] delayed charge: the kiosk ${row.attempt === 1 ? 'adopted the late attempt' : 'sent attempt 2; the late one got 406'}`,
    );
  }, 30_000);
});

describe('kill while the charge has not reached the gateway', () => {
  it('killed right after journaling the attempt, before sending it: one attempt reaches the gateway', async () => {
    const emu = await emulator();
    const dir = dataDir();
    const spec = { ...baseSpec(emu, dir), kioskTimeoutMs: 60_000 };
    const first = spawnKiosk({
      ...spec,
      sales: 1,
      crashAt: { when: 'after', n: 1, label: 'transition created→charging' },
    });
    await first.waitFor((l) => l.t === 'crash-point', 10_000, 'the crash point');
    await first.kill();
    expect(chargeRequests(emu)).toEqual([]);
    const before = onlyRow(dir);
    expect(before).toMatchObject({ state: 'charging', attempt: 1 });

    const second = spawnKiosk(spec);
    await second.waitForOrder(isOrder(before.orderId, ['pending']), 10_000, 'the order charged');
    await second.kill();

    const row = onlyRow(dir);
    const charges = chargeRequests(emu);
    // Attempt 1 never left: the gateway sees attempt 2 only, once the settle window is over.
    expect(charges.map((r) => r.idempotencyKey)).toEqual([chargeIdempotencyKey(before.orderId, 2)]);
    expect(charges[0]?.timeMs ?? 0).toBeGreaterThanOrEqual((before.attemptSentAt ?? 0) + spec.chargeSettleMs);
    expect(row).toMatchObject({ state: 'pending', attempt: 2 });
    expect(emu.control.list().map((t) => t.transactionId)).toEqual([row.transactionId]);
  }, 30_000);

  it('a hung charge: the restart sends one new attempt after the settle window, never two', async () => {
    const emu = await emulator();
    const dir = dataDir();
    emu.control.injectFault({ target: 'charge', fault: { kind: 'hang' } });
    const first = spawnKiosk({ ...baseSpec(emu, dir), sales: 1, kioskTimeoutMs: 60_000 });
    const charging = await first.waitForOrder((l) => l.state === 'charging', 10_000, 'charging');
    await until('the charge to hang at the gateway', () => chargeRequests(emu).length === 1);
    await first.kill();
    emu.control.clearFaults();
    expect(emu.control.list()).toEqual([]);
    expect(onlyRow(dir)).toMatchObject({ state: 'charging', attempt: 1 });

    const second = spawnKiosk(baseSpec(emu, dir));
    const outcome = await second.waitForOrder(
      isOrder(charging.id, ['pending', 'failed']),
      10_000,
      'the order re-charged or failed',
    );
    await second.kill();

    const row = onlyRow(dir);
    const attempts = emu.control.list();
    if (outcome.state === 'failed') {
      expect(attempts.filter((t) => t.transactionStatus === 'pending')).toEqual([]);
    } else {
      expect(row).toMatchObject({ state: 'pending', attempt: 2 });
      expect(attempts.map((t) => t.transactionId)).toEqual([row.transactionId]);
      expect(chargeRequests(emu).map((r) => r.idempotencyKey)).toEqual([
        chargeIdempotencyKey(charging.id, 1),
        chargeIdempotencyKey(charging.id, 2),
      ]);
    }
  }, 30_000);

  it('a reset charge, killed during its first lookup: no new attempt before the settle window', async () => {
    const emu = await emulator();
    const dir = dataDir();
    const settleMs = 1500;
    emu.control.injectFault({ target: 'charge', fault: { kind: 'reset' } });
    const spec = { ...baseSpec(emu, dir), kioskTimeoutMs: 60_000, chargeSettleMs: settleMs };
    const first = spawnKiosk({ ...spec, sales: 1 });
    const charging = await first.waitForOrder((l) => l.state === 'charging', 10_000, 'charging');
    // The reset answers the charge at once; the kiosk asks the gateway, which says 404.
    await until('the lookup after the reset', () =>
      emu.control.requests().some((r) => r.target === 'status'),
    );
    await first.kill();
    expect(emu.control.list()).toEqual([]);
    const sentAt = onlyRow(dir).attemptSentAt ?? 0;

    const second = spawnKiosk(spec);
    await second.waitForOrder(isOrder(charging.id, ['pending']), 10_000, 'the order re-charged');
    await second.kill();

    const row = onlyRow(dir);
    const charges = chargeRequests(emu);
    expect(charges.map((r) => r.idempotencyKey)).toEqual([
      chargeIdempotencyKey(charging.id, 1),
      chargeIdempotencyKey(charging.id, 2),
    ]);
    // A 404 inside the window may only mean "not arrived yet": the second attempt waited it out.
    expect(charges[1]?.timeMs ?? 0).toBeGreaterThanOrEqual(sentAt + settleMs);
    expect(row).toMatchObject({ state: 'pending', attempt: 2 });
    expect(emu.control.list().map((t) => t.transactionId)).toEqual([row.transactionId]);
  }, 30_000);
});
