/**
 * Start-up recovery of refunds: a refund journaled but unresolved when the till stopped is settled
 * by a status lookup of its refund_key — made once whether or not the gateway had heard of it.
 */
import { describe, expect, it } from 'vitest';
import { businessDateOf } from '../../main/journal/business-date.ts';
import { startRefundHarness, type RefundHarness } from './harness.ts';
import type { OrderView } from '../../common/order.ts';

/** Journals a refund request exactly as the desk does just before it sends it. */
function journalRequest(
  h: RefundHarness,
  order: OrderView,
  key: string,
  amount: number,
  environment = 'test',
) {
  const now = Date.now();
  return h.desk.store.request({
    refundKey: key,
    environment,
    orderId: order.orderId,
    saleId: order.saleId,
    gross: order.grossAmount,
    amount,
    reason: 'Rusak',
    requestedBy: 'manager',
    at: now,
    businessDate: businessDateOf(now, 7 * 60),
  });
}

describe('a refund unresolved at start-up', () => {
  it('never sent (the till died between the journal and the call): sent with its own key, made once', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(12_000);
    journalRequest(h, order, 'R-NEVER-SENT', 12_000);
    const desk = h.restart();
    expect(desk.start()).toEqual({ resumed: ['R-NEVER-SENT'], otherEnvironment: [] });
    const [view] = await desk.waitForOutcome(['R-NEVER-SENT'], 8000);
    expect(view).toMatchObject({ state: 'refunded', amount: 12_000 });
    expect(h.gatewayRefunds(order.orderId)).toEqual([
      { refundKey: 'R-NEVER-SENT', amount: 12_000, kind: 'refund' },
    ]);
    expect(h.refundRequests()).toBe(1);
    expect(desk.store.events('R-NEVER-SENT').map((e) => e.kind)).toEqual([
      'requested',
      'recovery',
      'sent',
      'refunded',
    ]);
  });

  it('sent, its answer never journaled: found by its key, not sent again', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(12_000);
    journalRequest(h, order, 'R-SENT', 5000);
    await h.client.refund(order.transactionId ?? order.orderId, {
      refundKey: 'R-SENT',
      amount: 5000,
      reason: 'Rusak',
    });
    const desk = h.restart();
    desk.start();
    const [view] = await desk.waitForOutcome(['R-SENT'], 8000);
    expect(view?.state).toBe('refunded');
    expect(h.refundRequests()).toBe(1);
    expect(h.gatewayRefunds(order.orderId)).toHaveLength(1);
    expect(desk.summary({ orderId: order.orderId })).toMatchObject({
      refunded: 5000,
      left: 7000,
      inDoubt: 0,
    });
  });

  it('the gateway could no longer make it (refunded on the dashboard meanwhile): refused, never made twice', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(12_000);
    journalRequest(h, order, 'R-TOO-LATE', 12_000);
    h.emu.control.refund(order.orderId, { reason: 'dasbor' });
    const desk = h.restart();
    desk.start();
    const [view] = await desk.waitForOutcome(['R-TOO-LATE'], 8000);
    expect(view).toMatchObject({ state: 'refused', refusal: { code: 'not-refundable' } });
    expect(h.refundRequests()).toBe(0);
    expect(h.gatewayRefunds(order.orderId)).toHaveLength(1);
    expect(desk.summary({ orderId: order.orderId })).toMatchObject({ refunded: 12_000, left: 0 });
  });

  it("another environment's refund is listed and left alone", async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(12_000);
    journalRequest(h, order, 'R-ELSEWHERE', 1000, 'production');
    const lookups = () => h.emu.control.requests().filter((r) => r.target === 'status').length;
    const before = lookups();
    const desk = h.restart();
    expect(desk.start()).toEqual({ resumed: [], otherEnvironment: ['R-ELSEWHERE'] });
    expect(desk.following).toBe(0);
    expect(lookups()).toBe(before);
  });
});
