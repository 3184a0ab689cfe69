import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSignatureKey, isValidSignatureKey } from '../../main/midtrans/signature.ts';
import { formatWibTime, parseWibTime } from '../../main/midtrans/wib-time.ts';
import { startHarness } from './helpers.ts';
import type { Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());

const status = async (id: string) => (await h.call('GET', `/v2/${encodeURIComponent(id)}/status`)).json;

function expectSigned(body: Record<string, unknown>) {
  const {
    order_id: orderId,
    status_code: code,
    gross_amount: gross,
    signature_key: sig,
  } = body as Record<string, string>;
  expect(sig).toBe(computeSignatureKey(orderId ?? '', code ?? '', gross ?? '', h.emu.serverKey));
  expect(isValidSignatureKey(sig ?? '', orderId ?? '', code ?? '', gross ?? '', h.emu.serverKey)).toBe(true);
}

describe('status', () => {
  it('pending → 201 "Success, transaction is found", by order_id and by transaction_id', async () => {
    const order = await h.newOrder('qris', 275000);
    for (const id of [order['order_id'] as string, order['transaction_id'] as string]) {
      const res = await h.call('GET', `/v2/${id}/status`);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({
        status_code: '201',
        status_message: 'Success, transaction is found',
        transaction_status: 'pending',
        gross_amount: '275000.00',
        payment_type: 'qris',
        acquirer: 'gopay',
        expiry_time: order['expiry_time'],
        transaction_time: order['transaction_time'],
      });
      expect(res.json).not.toHaveProperty('settlement_time');
      expectSigned(res.json);
    }
  });

  it('settlement → 200 with settlement_time, issuer, transaction_type and cross reference for QRIS', async () => {
    const onUs = await h.newOrder('qris');
    h.clock.advance(5000);
    h.emu.control.pay(onUs['transaction_id'] as string);
    const a = await status(onUs['order_id'] as string);
    expect(a).toMatchObject({
      status_code: '200',
      transaction_status: 'settlement',
      issuer: 'gopay',
      transaction_type: 'on-us',
      payment_type: 'qris',
    });
    expect(a['settlement_time']).toBe(formatWibTime(h.clock.now()));
    expect(a['merchant_cross_reference_id']).toMatch(/^[0-9a-f-]{36}$/);
    expectSigned(a);

    const offUs = await h.newOrder('qris');
    h.emu.control.pay(offUs['order_id'] as string, { issuer: 'ovo' });
    expect(await status(offUs['order_id'] as string)).toMatchObject({
      issuer: 'ovo',
      transaction_type: 'off-us',
    });
  });

  it('a GoPay order paid by scanning reports payment_type qris; paid in the app it stays gopay', async () => {
    const scanned = await h.newOrder('gopay');
    const snap = h.emu.control.pay(scanned['order_id'] as string);
    expect(snap).toMatchObject({
      paymentType: 'gopay',
      reportedPaymentType: 'qris',
      transactionStatus: 'settlement',
    });
    const a = await status(scanned['order_id'] as string);
    expect(a).toMatchObject({ payment_type: 'qris', issuer: 'gopay', transaction_status: 'settlement' });
    expect(a['merchant_cross_reference_id']).toEqual(expect.any(String));
    expect(a).not.toHaveProperty('payment_option_type');
    expectSigned(a);

    const app = await h.newOrder('gopay');
    h.emu.control.pay(app['transaction_id'] as string, { via: 'gopay' });
    const b = await status(app['order_id'] as string);
    expect(b).toMatchObject({
      payment_type: 'gopay',
      payment_option_type: 'GOPAY_WALLET',
      transaction_status: 'settlement',
    });
    expect(b).not.toHaveProperty('issuer');
    expect(b).not.toHaveProperty('merchant_cross_reference_id');
  });

  it('deny → 202; cancel → 200; expire → 407 (HTTP 200); each with its own signature', async () => {
    const denied = await h.newOrder('qris');
    h.emu.control.deny(denied['order_id'] as string);
    const d = await status(denied['order_id'] as string);
    expect(d).toMatchObject({ status_code: '202', transaction_status: 'deny' });
    expectSigned(d);

    const canceled = await h.newOrder('gopay');
    await h.call('POST', `/v2/${canceled['transaction_id'] as string}/cancel`);
    const c = await status(canceled['order_id'] as string);
    expect(c).toMatchObject({ status_code: '200', transaction_status: 'cancel' });
    expectSigned(c);

    const expired = await h.newOrder('gopay');
    h.emu.control.expire(expired['order_id'] as string);
    const res = await h.call('GET', `/v2/${expired['order_id'] as string}/status`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      status_code: '407',
      transaction_status: 'expire',
      status_message: 'Success, transaction is found',
    });
    expectSigned(res.json);
    // Same order, different status_code → a different signature.
    expect(res.json['signature_key']).not.toBe(
      computeSignatureKey(expired['order_id'] as string, '201', '44000.00', h.emu.serverKey),
    );
  });

  it('unknown id → "404" "Transaction doesn\'t exist." in an HTTP 200', async () => {
    const res = await h.call('GET', '/v2/no-such-order/status');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status_code: '404', status_message: "Transaction doesn't exist." });
    expect(res.json).not.toHaveProperty('signature_key');
  });

  it('expires orders when the (manual) clock passes expiry_time, without any timer', async () => {
    const order = await h.newOrder('qris');
    const id = order['order_id'] as string;
    const expiry = parseWibTime(order['expiry_time'] as string) ?? NaN;
    h.clock.advance(expiry - h.clock.now() - 1000);
    expect((await status(id))['transaction_status']).toBe('pending');
    h.clock.advance(1000);
    const a = await status(id);
    expect(a).toMatchObject({ status_code: '407', transaction_status: 'expire' });
    expectSigned(a);
    expect(() => h.emu.control.pay(id)).toThrow(/is expire, not pending/);
    expect(h.emu.control.get(id)?.statusChangedAtMs).toBe(expiry);
  });

  it('advanceClock moves the emulator clock', async () => {
    const order = await h.newOrder('gopay');
    h.emu.control.advanceClock(15 * 60_000);
    expect((await status(order['order_id'] as string))['transaction_status']).toBe('expire');
  });
});

describe('cancel and expire', () => {
  it('cancel: pending → 200 "Success, transaction is canceled"; again → 412; unknown → 404', async () => {
    const order = await h.newOrder('qris');
    const id = order['transaction_id'] as string;
    const a = await h.call('POST', `/v2/${id}/cancel`);
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({
      status_code: '200',
      status_message: 'Success, transaction is canceled',
      transaction_status: 'cancel',
      transaction_id: id,
      order_id: order['order_id'],
      gross_amount: '44000.00',
      payment_type: 'qris',
    });
    const again = await h.call('POST', `/v2/${id}/cancel`);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({
      status_code: '412',
      status_message: 'Transaction status cannot be updated.',
    });
    expect((await h.call('POST', '/v2/nope/cancel')).json).toMatchObject({ status_code: '404' });
  });

  it('expire: pending → 407 "Success, transaction is expired"; settled → 412; unknown → 404', async () => {
    const order = await h.newOrder('gopay');
    const a = await h.call('POST', `/v2/${order['order_id'] as string}/expire`);
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({
      status_code: '407',
      status_message: 'Success, transaction is expired',
      transaction_status: 'expire',
    });

    const paid = await h.newOrder('gopay');
    h.emu.control.pay(paid['order_id'] as string);
    expect((await h.call('POST', `/v2/${paid['order_id'] as string}/expire`)).json).toMatchObject({
      status_code: '412',
    });
    expect((await h.call('POST', `/v2/${paid['order_id'] as string}/cancel`)).json).toMatchObject({
      status_code: '412',
    });
    expect((await h.call('POST', '/v2/nope/expire')).json).toMatchObject({ status_code: '404' });
  });

  it('control actions throw clearly for unknown or non-pending orders', async () => {
    expect(() => h.emu.control.pay('ghost')).toThrow(/no such order_id or transaction_id/);
    const order = await h.newOrder('qris');
    h.emu.control.pay(order['order_id'] as string);
    expect(() => h.emu.control.deny(order['order_id'] as string)).toThrow(/is settlement, not pending/);
    expect(() => h.emu.control.expire(order['order_id'] as string)).toThrow(/not pending/);
    expect(h.emu.control.get('ghost')).toBeUndefined();
  });
});

describe('refunds', () => {
  const refund = (id: string, body?: unknown, direct = false) =>
    h.call('POST', `/v2/${id}/refund${direct ? '/online/direct' : ''}`, body);

  it('partial then full refund, with cumulative refund_amount in status', async () => {
    const order = await h.newOrder('qris', 10000);
    const id = order['order_id'] as string;
    h.emu.control.pay(id);
    const a = await refund(id, { refund_key: 'rf-1', amount: 4000, reason: 'wrong item' });
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({
      status_code: '200',
      status_message: 'Success, refund request is approved',
      transaction_status: 'partial_refund',
      refund_amount: '4000.00',
      refund_key: 'rf-1',
      gross_amount: '10000.00',
    });
    const firstId = a.json['refund_chargeback_id'] as number;
    expect(Number.isInteger(firstId)).toBe(true);

    const b = await refund(id, {}, true);
    expect(b.json).toMatchObject({
      status_code: '200',
      transaction_status: 'refund',
      refund_amount: '6000.00',
    });
    expect(b.json['refund_chargeback_id'] as number).toBeGreaterThan(firstId);
    expect(b.json['refund_key']).toMatch(/^[0-9a-f-]{36}$/);

    const s = await status(id);
    expect(s).toMatchObject({ status_code: '200', transaction_status: 'refund', refund_amount: '10000.00' });
    const refunds = s['refunds'] as Record<string, unknown>[];
    expect(refunds).toHaveLength(2);
    expect(refunds[0]).toMatchObject({
      refund_amount: '4000.00',
      refund_key: 'rf-1',
      reason: 'wrong item',
      refund_chargeback_id: firstId,
    });
    expectSigned(s);
    // Nothing left to refund.
    expect((await refund(id, { amount: 1 })).json).toMatchObject({ status_code: '412' });
  });

  it('414 for an invalid amount', async () => {
    const order = await h.newOrder('gopay', 5000);
    const id = order['order_id'] as string;
    h.emu.control.pay(id);
    for (const amount of [5001, 0, -1, 10.5, '100']) {
      const a = await refund(id, { amount });
      expect(a.status).toBe(200);
      expect(a.json).toMatchObject({
        status_code: '414',
        status_message: 'Refund request is rejected due to invalid amount',
      });
    }
    expect(h.emu.control.get(id)?.transactionStatus).toBe('settlement');
  });

  it('replays a retried refund_key with the same amount, 406 with a different amount', async () => {
    const order = await h.newOrder('qris', 8000);
    const id = order['transaction_id'] as string;
    h.emu.control.pay(id);
    const first = await refund(id, { refund_key: 'retry-me', amount: 3000 });
    const again = await refund(id, { refund_key: 'retry-me', amount: 3000 });
    expect(again.json).toEqual(first.json);
    const omitted = await refund(id, { refund_key: 'retry-me' });
    expect(omitted.json).toEqual(first.json);
    const conflict = await refund(id, { refund_key: 'retry-me', amount: 2000 });
    expect(conflict.json).toMatchObject({ status_code: '406', status_message: 'Duplicate refund ID' });
    expect(h.emu.control.get(id)?.refunds).toHaveLength(1);
    expect(h.emu.control.get(id)?.refundedAmount).toBe(3000);

    // The same key on another transaction is a different refund.
    const other = await h.newOrder('qris', 3000);
    h.emu.control.pay(other['order_id'] as string);
    expect(
      (await refund(other['order_id'] as string, { refund_key: 'retry-me', amount: 3000 })).json,
    ).toMatchObject({ status_code: '406' });
  });

  it('412 on a pending order, 404 on an unknown one, 400 on a bad refund_key, 413 on garbage', async () => {
    const order = await h.newOrder('qris');
    const id = order['order_id'] as string;
    expect((await refund(id, { amount: 1000 })).json).toMatchObject({
      status_code: '412',
      status_message: 'Transaction status cannot be updated.',
    });
    expect((await refund(id, undefined, true)).json).toMatchObject({ status_code: '412' });
    expect((await refund('ghost', { amount: 1 })).json).toMatchObject({ status_code: '404' });
    h.emu.control.pay(id);
    const bad = await refund(id, { refund_key: 'has space', amount: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json['validation_messages']).toEqual([expect.stringMatching(/refund_key/)]);
    expect((await refund(id, '{oops')).json).toMatchObject({ status_code: '413' });
  });
});
