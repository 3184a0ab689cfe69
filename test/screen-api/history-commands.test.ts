/**
 * The history's commands through the api, on the real engine, till and built-in emulator: a
 * paid QRIS sale, a cash sale and a cancelled one, searched and filtered; a detail with every
 * gateway call; refusals that name the field in both languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryDetail, HistoryPageView } from '../../common/history-contract.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { closeRigs, openRig, until, type Rig } from './rig.ts';

afterEach(closeRigs);

async function paidQrisSale(rig: Rig, amount: number): Promise<{ saleId: string; orderId: string }> {
  const order = await rig.sale({ paymentType: 'qris', amount });
  await rig.ok('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'pay' });
  await until(() => rig.services.till.view(order.saleId ?? '')?.state === 'paid', 'the QRIS sale to be paid');
  return { saleId: order.saleId ?? '', orderId: order.orderId };
}

async function cancelledSale(rig: Rig, amount: number): Promise<{ saleId: string; orderId: string }> {
  const order = await rig.sale({ paymentType: 'gopay', amount });
  await rig.ok('cashier', 'sale.cancel', { orderId: order.orderId });
  await until(() => rig.services.engine.get(order.orderId)?.state === 'cancel', 'the cancel to be confirmed');
  await rig.ok('cashier', 'sale.void', { saleId: order.saleId });
  return { saleId: order.saleId ?? '', orderId: order.orderId };
}

async function cashSale(rig: Rig, amount: number): Promise<string> {
  const sale = await rig.ok<SaleView>('cashier', 'sale.start', {
    lines: [{ name: 'Teh', unitPrice: amount, quantity: 1 }],
    tender: { kind: 'cash', received: amount + 5_000 },
  });
  return sale.saleId;
}

describe('history.search', () => {
  it('lists the sales newest first, and filters them by state, tender, amount and day', async () => {
    const rig = await openRig();
    const qris = await paidQrisSale(rig, 44_000);
    const cash = await cashSale(rig, 12_000);
    const cancelled = await cancelledSale(rig, 27_500);

    const all = await rig.ok<HistoryPageView>('cashier', 'history.search', {});
    expect(all.rows.map((r) => [r.id, r.state, r.tender, r.amount])).toEqual([
      [cancelled.saleId, 'cancelled', 'gopay', 27_500],
      [cash, 'paid', 'cash', 12_000],
      [qris.saleId, 'paid', 'qris', 44_000],
    ]);
    expect(all.nextCursor).toBeUndefined();
    const ids = async (query: object) =>
      (await rig.ok<HistoryPageView>('cashier', 'history.search', query)).rows.map((r) => r.id);
    expect(await ids({ state: 'cancelled' })).toEqual([cancelled.saleId]);
    expect(await ids({ tender: 'cash' })).toEqual([cash]);
    expect(await ids({ amount: 44_000 })).toEqual([qris.saleId]);
    expect(await ids({ paymentType: 'qris' })).toEqual([qris.saleId]);
    expect(await ids({ id: qris.orderId })).toEqual([qris.saleId]);
    const today = all.rows[0]?.businessDate ?? '';
    expect(await ids({ from: today, to: today, limit: 2 })).toHaveLength(2);
    expect(await ids({ to: '2001-01-01' })).toEqual([]);
  });

  it('refuses a reversed date range and a malformed amount with bilingual problems, nothing run', async () => {
    const rig = await openRig();
    const reversed = await rig.refused('cashier', 'history.search', { from: '2026-11-24', to: '2026-11-01' });
    expect(reversed.code).toBe('history-query-invalid');
    expect(reversed.problems?.map((p) => p.field)).toEqual(['to']);
    expect(reversed.problems?.[0]?.message.id).toMatch(/terbalik/);
    expect(reversed.problems?.[0]?.message.en).toMatch(/reversed/);
    const amount = await rig.refused('cashier', 'history.search', { amount: 44_000.5, from: '2026-13-01' });
    expect(amount.code).toBe('history-query-invalid');
    expect(amount.problems?.map((p) => p.field).sort()).toEqual(['amount', 'from']);
    const shape = await rig.refused('cashier', 'history.search', { amount: '44.000' });
    expect(shape.code).toBe('invalid-payload');
    const stray = await rig.refused('cashier', 'history.search', { sql: 'DROP TABLE orders' });
    expect(stray.code).toBe('invalid-payload');
  });
});

describe('history.detail', () => {
  it('shows the lines, the tenders and every gateway call of a QRIS sale, never a key or a path', async () => {
    const rig = await openRig();
    const { saleId, orderId } = await paidQrisSale(rig, 44_000);
    const detail = await rig.ok<HistoryDetail>('cashier', 'history.detail', { kind: 'sale', id: saleId });

    expect(detail.row).toMatchObject({
      kind: 'sale',
      id: saleId,
      state: 'paid',
      tender: 'qris',
      amount: 44_000,
    });
    expect(detail.sale?.breakdown.lines.map((l) => [l.name, l.quantity, l.total])).toEqual([
      ['Jumlah', 1, 44_000],
    ]);
    expect(detail.charges).toHaveLength(1);
    expect(detail.charges[0]).toMatchObject({
      orderId,
      state: 'settlement',
      paidWith: 'qris',
      amount: 44_000,
    });
    expect(detail.charges[0]?.transactionId).toBeTruthy();
    // Nothing printed or refunded yet: those lists are empty, never invented.
    expect(detail.receipts).toEqual([]);
    expect(detail.refunds).toEqual([]);

    const calls = detail.timeline.filter((e) => e.kind === 'gateway').map((e) => e.call);
    const charge = calls.find((c) => c?.operation === 'charge');
    expect(charge).toMatchObject({
      endpoint: 'POST /v2/charge',
      outcome: 'ok',
      httpStatus: 200,
      statusCode: '201',
    });
    expect(charge?.ms).toBeTypeOf('number');
    const settled = calls.find((c) => c?.operation === 'status' && c.transactionStatus === 'settlement');
    expect(settled).toMatchObject({ endpoint: 'GET /v2/{id}/status', httpStatus: 200, statusCode: '200' });
    const states = detail.timeline.filter((e) => e.kind === 'state').map((e) => e.to);
    expect(states).toEqual(expect.arrayContaining(['charging', 'pending', 'settlement']));
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds[0]).toBe('sale-created');
    expect(kinds).toContain('qr');
    expect(kinds).toContain('sale-paid');
    const times = detail.timeline.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const text = JSON.stringify(detail);
    expect(text).not.toContain(rig.services.emulator?.serverKey ?? 'no key');
    expect(text).not.toContain(rig.dir);
    expect(text).not.toMatch(/Idempotency|attemptKey|qr_path|\.png/i);
  });

  it('a cancelled sale shows the cancel request and the call that ended it', async () => {
    const rig = await openRig();
    const { saleId } = await cancelledSale(rig, 27_500);
    const detail = await rig.ok<HistoryDetail>('cashier', 'history.detail', { kind: 'sale', id: saleId });
    expect(detail.row.state).toBe('cancelled');
    expect(detail.sale?.voidReason).toBe('abandoned');
    const request = detail.timeline.find((e) => e.kind === 'cancel-requested');
    expect(request?.facts.reason).toBe('cashier-cancel');
    expect(detail.timeline.some((e) => e.call?.endpoint === 'POST /v2/{id}/cancel')).toBe(true);
    // The void follows the cancel request; the order's last state change may share its millisecond.
    const kinds = detail.timeline.map((e) => e.kind);
    expect(kinds.indexOf('sale-voided')).toBeGreaterThan(kinds.indexOf('cancel-requested'));
  });

  it('a bare order (no till sale) by its order id; an order that pays a sale is not a row of its own', async () => {
    const rig = await openRig();
    const bare = await rig.services.engine.startSale({ paymentType: 'qris', amount: 9_000 });
    const detail = await rig.ok<HistoryDetail>('cashier', 'history.detail', {
      kind: 'order',
      id: bare.orderId,
    });
    expect(detail.row).toMatchObject({ kind: 'order', id: bare.orderId, state: 'open', tender: 'qris' });
    expect(detail.sale).toBeUndefined();
    expect(detail.timeline[0]?.kind).toBe('created');
    const { orderId } = await paidQrisSale(rig, 5_000);
    expect((await rig.refused('cashier', 'history.detail', { kind: 'order', id: orderId })).code).toBe(
      'history-not-found',
    );
    expect((await rig.refused('cashier', 'history.detail', { kind: 'sale', id: 'S-none' })).code).toBe(
      'history-not-found',
    );
    expect((await rig.refused('cashier', 'history.detail', { kind: 'refund', id: 'x' })).code).toBe(
      'invalid-payload',
    );
  });

  it('the display role cannot read the history', async () => {
    const rig = await openRig();
    expect((await rig.refused('display', 'history.search', {})).code).toBe('unknown-command');
    expect((await rig.refused('display', 'history.detail', { kind: 'sale', id: 'S' })).code).toBe(
      'unknown-command',
    );
  });
});
