/**
 * Reconciliation through the contract, over the real emulator: a QRIS sale paid, then refunded on
 * "the dashboard" (the emulator's control, not the kiosk); the cashier starts a run, hears its
 * progress as 'reconcile' events and reads the finding — the refund adopted once. Bad payloads are
 * refused with a stable code in both languages and nothing is written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractError } from '../../common/contract.ts';
import type {
  ReconcileDay,
  ReconcileEvent,
  ReconcileStatus,
  RunView,
} from '../../common/reconcile-contract.ts';
import { businessDateOf } from '../../main/journal/business-date.ts';
import { closeRigs, openRig, until, type Rig } from './rig.ts';

afterEach(closeRigs);

function today(rig: Rig): string {
  const { utcOffsetMinutes, businessDayCutoffHour } = rig.services.engine.settings;
  return businessDateOf(Date.now(), utcOffsetMinutes, businessDayCutoffHour);
}

function expectWords(error: ContractError): void {
  expect(error.message.id.length).toBeGreaterThan(10);
  expect(error.message.en.length).toBeGreaterThan(10);
  expect(error.message.id).not.toBe(error.message.en);
}

const runs = (rig: Rig) =>
  rig.services.journal.database.prepare('SELECT count(*) AS n FROM reconcile_runs').get();
const reconcileEvents = (rig: Rig) =>
  rig.events.cashier.filter((e) => e.name === 'reconcile').map((e) => e.payload as ReconcileEvent);

describe('reconcile.* on the cashier contract', () => {
  it('finds a refund made on the dashboard, adopts it once, and says so in events, findings and CSV', async () => {
    const rig = await openRig({ reconcile: { rate: 50 } });
    const order = await rig.sale({ paymentType: 'qris', amount: 25_000 });
    await rig.ok('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'pay' });
    await until(() => rig.services.engine.get(order.orderId)?.state === 'settlement', 'the payment');
    rig.services.emulator?.control.refund(order.orderId, { reason: 'dashboard' });
    const date = today(rig);

    const never = await rig.ok<ReconcileDay>('cashier', 'reconcile.findings', { date });
    expect(never).toEqual({ run: undefined, findings: [] });

    const started = await rig.ok<RunView>('cashier', 'reconcile.start', { date });
    expect(started).toMatchObject({ businessDate: date, state: 'running', rate: 50, total: 1 });
    const done = await until(
      () => reconcileEvents(rig).find((e) => e.run.state === 'done'),
      'the run to finish',
    );
    expect(done.run).toMatchObject({ checked: 1, total: 1, findings: 1, paused: undefined });
    expect(reconcileEvents(rig).flatMap((e) => e.findings)).toHaveLength(1);

    const day = await rig.ok<ReconcileDay>('cashier', 'reconcile.findings', { date });
    expect(day.run).toMatchObject({ state: 'done', checked: 1, findings: 1 });
    expect(day.findings).toEqual([
      expect.objectContaining({ orderId: order.orderId, kind: 'refunded-at-gateway', adopted: true }),
    ]);
    expect(rig.services.refunds.store.ofOrder(order.orderId)).toHaveLength(1);
    expect(await rig.ok<ReconcileStatus>('cashier', 'reconcile.status', {})).toEqual({ running: undefined });

    const csv = await rig.ok<{ csv: string; fileName: string }>('cashier', 'reconcile.csv', { date });
    expect(csv.fileName).toBe(`rekonsiliasi-${date}.csv`);
    expect(csv.csv).toContain(order.orderId);
    expect(csv.csv).toContain('refunded-at-gateway');

    // Again: a new run asks again, finds the refund already known, adopts nothing twice.
    await rig.ok('cashier', 'reconcile.start', { date });
    await until(() => reconcileEvents(rig).filter((e) => e.run.state === 'done').length === 2, 'run two');
    expect(rig.services.refunds.store.ofOrder(order.orderId)).toHaveLength(1);
  });

  it.each([
    ['a number for the date', 'reconcile.start', { date: 20261201 }, 'invalid-payload'],
    ['a stray key', 'reconcile.start', { date: '2026-12-01', managerPin: '1234' }, 'invalid-payload'],
    ['no date', 'reconcile.findings', {}, 'invalid-payload'],
    ['a long text', 'reconcile.csv', { date: '2026-12-01T00:00' }, 'invalid-payload'],
    ['a status with a payload', 'reconcile.status', { date: '2026-12-01' }, 'invalid-payload'],
    ['a month 13', 'reconcile.start', { date: '2026-13-01' }, 'reconcile-bad-date'],
    ['not a date', 'reconcile.findings', { date: 'kemarin' }, 'reconcile-bad-date'],
    ['a day to come', 'reconcile.start', { date: '2999-01-01' }, 'reconcile-bad-date'],
  ])('refuses %s, writing nothing', async (_name, command, payload, code) => {
    const rig = await openRig();
    const error = await rig.refused('cashier', command, payload);
    expect(error.code).toBe(code);
    expectWords(error);
    expect(runs(rig)).toEqual({ n: 0 });
  });

  it('without a server key: starting is refused, earlier findings stay readable', async () => {
    const rig = await openRig({ reconcileUnavailable: true });
    const date = today(rig);
    const error = await rig.refused('cashier', 'reconcile.start', { date });
    expect(error.code).toBe('reconcile-unavailable');
    expectWords(error);
    expect(runs(rig)).toEqual({ n: 0 });
    expect(await rig.ok('cashier', 'reconcile.findings', { date })).toEqual({ run: undefined, findings: [] });
  });

  it('is not the customer display’s', async () => {
    const rig = await openRig();
    const error = await rig.refused('display', 'reconcile.start', { date: today(rig) });
    expect(error.code).toBe('unknown-command');
    expect(runs(rig)).toEqual({ n: 0 });
  });
});
