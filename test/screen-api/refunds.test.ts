/**
 * The refunds' commands through the contract: behind the manager's session or PIN, every refusal
 * a stable code with words in both languages and nothing written, and a 'refund' event to the
 * cashier for every refund made.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractError } from '../../common/contract.ts';
import type { RefundEvent, RefundOutcome, RefundSummary } from '../../common/refund-contract.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { closeRigs, openRig, until, type Rig } from './rig.ts';

afterEach(closeRigs);

const PIN = '4826';

async function managerRig(): Promise<Rig> {
  const rig = await openRig({ withManager: true });
  await rig.ok('cashier', 'manager.createPin', { pin: PIN });
  await rig.ok('cashier', 'manager.lock', {});
  return rig;
}

async function paidOrder(rig: Rig, amount: number): Promise<string> {
  const order = await rig.sale({ paymentType: 'qris', amount });
  await rig.ok('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'pay' });
  await until(() => rig.services.engine.get(order.orderId)?.state === 'settlement', 'the payment');
  return order.orderId;
}

function expectWords(error: ContractError): void {
  expect(error.message.id.length).toBeGreaterThan(10);
  expect(error.message.en.length).toBeGreaterThan(10);
  expect(error.message.id).not.toBe(error.message.en);
}

const refundRows = (rig: Rig) =>
  rig.services.journal.database.prepare('SELECT count(*) AS n FROM refunds').get();
const refundEvents = (rig: Rig) =>
  rig.events.cashier.filter((e) => e.name === 'refund').map((e) => e.payload as RefundEvent);

describe('refund.create behind the manager', () => {
  it('refuses without the session or the PIN, and a wrong PIN counts; nothing is written', async () => {
    const rig = await managerRig();
    const orderId = await paidOrder(rig, 20_000);
    const locked = await rig.refused('cashier', 'refund.create', { orderId, reason: 'Rusak' });
    expect(locked.code).toBe('manager-locked');
    expectWords(locked);
    const wrong = await rig.refused('cashier', 'refund.create', {
      orderId,
      reason: 'Rusak',
      managerPin: '0000',
    });
    expect(wrong.code).toBe('pin-wrong');
    expect(refundRows(rig)).toEqual({ n: 0 });
    expect(rig.services.emulator?.control.get(orderId)?.refunds).toEqual([]);
    expect(await rig.ok('cashier', 'manager.status', {})).toMatchObject({ unlocked: false });
  });

  it('with the PIN for this one act: made, journaled as authorised by the PIN, and the cashier hears of it', async () => {
    const rig = await managerRig();
    const orderId = await paidOrder(rig, 20_000);
    const outcome = await rig.ok<RefundOutcome>('cashier', 'refund.create', {
      orderId,
      amount: 5000,
      reason: 'Satu gelas tumpah',
      managerPin: PIN,
    });
    expect(outcome).toMatchObject({
      complete: true,
      refunds: [{ orderId, amount: 5000, state: 'refunded', requestedBy: 'manager-pin', tender: 'gateway' }],
      summary: { paid: 20_000, refunded: 5000, left: 15_000 },
    });
    expect(refundEvents(rig).map((e) => e.refund.state)).toEqual(['requested', 'refunded']);
    expect(rig.services.emulator?.control.get(orderId)?.refundedAmount).toBe(5000);
    // The session stays locked: the PIN was for this act only.
    expect(await rig.ok('cashier', 'manager.status', {})).toMatchObject({ unlocked: false });
  });

  it('with the session unlocked: no PIN needed; refund.list tells what is left', async () => {
    const rig = await managerRig();
    const orderId = await paidOrder(rig, 20_000);
    await rig.ok('cashier', 'manager.unlock', { pin: PIN });
    await rig.ok('cashier', 'refund.create', { orderId, reason: 'Semua' });
    const summary = await rig.ok<RefundSummary>('cashier', 'refund.list', { orderId });
    expect(summary).toMatchObject({ refunded: 20_000, left: 0, refunds: [{ requestedBy: 'manager' }] });
    const view = await rig.ok<{ orders: { orderId: string; refunded?: unknown }[] }>(
      'cashier',
      'history.page',
      {},
    );
    expect(view.orders.find((o) => o.orderId === orderId)?.refunded).toEqual({
      count: 1,
      amount: 20_000,
      inDoubt: 0,
    });
    const report = await rig.ok<{ refundedAmount: number; settledNetAmount: number }>(
      'cashier',
      'report.day',
      {},
    );
    expect(report).toMatchObject({ refundedAmount: 20_000, settledNetAmount: 0 });
  });

  it('a cash sale: refunded from the drawer, the event says so', async () => {
    const rig = await managerRig();
    const sale = await rig.ok<SaleView>('cashier', 'sale.start', {
      lines: [{ name: 'Bakso', unitPrice: 15_000, quantity: 1 }],
      tender: { kind: 'cash', received: 20_000 },
    });
    const outcome = await rig.ok<RefundOutcome>('cashier', 'refund.create', {
      saleId: sale.saleId,
      reason: 'Salah pesan',
      managerPin: PIN,
    });
    expect(outcome.refunds).toEqual([expect.objectContaining({ tender: 'cash', amount: 15_000 })]);
    expect(outcome.message?.id).toContain('tunai');
    expect(refundEvents(rig)).toEqual([
      expect.objectContaining({ drawer: true, refund: expect.objectContaining({ saleId: sale.saleId }) }),
    ]);
  });
});

describe('refusals, each with its code and words, nothing written', () => {
  it.each([
    ['a fraction of a rupiah', { amount: 1000.5 }, 'refund-invalid', 'amount'],
    ['no reason', { reason: '  ' }, 'refund-invalid', 'reason'],
    ['a reason with a line break', { reason: 'rusak\nbanget' }, 'refund-invalid', 'reason'],
    ['more than was paid', { amount: 20_001 }, 'refund-too-large', undefined],
  ] as const)('%s', async (_what, change, code, field) => {
    const rig = await managerRig();
    const orderId = await paidOrder(rig, 20_000);
    const error = await rig.refused('cashier', 'refund.create', {
      orderId,
      reason: 'Rusak',
      managerPin: PIN,
      ...change,
    });
    expect(error.code).toBe(code);
    expectWords(error);
    if (field !== undefined) expect(error.problems?.map((p) => p.field)).toEqual([field]);
    expect(refundRows(rig)).toEqual({ n: 0 });
  });

  it('an unpaid order, an unknown one, both targets, and a payload of the wrong shape', async () => {
    const rig = await managerRig();
    const pending = await rig.sale({ paymentType: 'qris', amount: 7000 });
    const cases: [Record<string, unknown>, string][] = [
      [{ orderId: pending.orderId }, 'refund-not-allowed'],
      [{ orderId: 'K20260101-000000-NOPE00' }, 'unknown-order'],
      [{ orderId: pending.orderId, saleId: 'S-1' }, 'refund-invalid'],
      [{}, 'refund-invalid'],
      [{ orderId: pending.orderId, amount: '5000' }, 'invalid-payload'],
      [{ orderId: 'not an id!' }, 'invalid-payload'],
    ];
    for (const [payload, code] of cases) {
      const error = await rig.refused('cashier', 'refund.create', {
        reason: 'x',
        managerPin: PIN,
        ...payload,
      });
      expect(error.code, JSON.stringify(payload)).toBe(code);
      expectWords(error);
    }
    expect((await rig.refused('cashier', 'refund.list', { managerPin: PIN })).code).toBe('invalid-payload');
    expect(refundRows(rig)).toEqual({ n: 0 });
  });

  it('the customer display may not ask for a refund', async () => {
    const rig = await managerRig();
    const error = await rig.refused('display', 'refund.create', {
      orderId: 'K1',
      reason: 'x',
      managerPin: PIN,
    });
    expect(error.code).toBe('unknown-command');
  });
});
