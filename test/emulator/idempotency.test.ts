import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_FLIGHT_BODY } from '../../main/emulator/index.ts';
import { startHarness, uniqueOrderId } from './helpers.ts';
import type { Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());

const qris = (orderId = uniqueOrderId('idem'), gross = 1000) => ({
  payment_type: 'qris',
  transaction_details: { order_id: orderId, gross_amount: gross },
});
const key = () => `key-${uniqueOrderId()}`;

describe('Idempotency-Key', () => {
  it('replays the first successful answer verbatim, whatever the later body, on any POST endpoint', async () => {
    const k = key();
    const first = await h.charge(qris(), { 'idempotency-key': k });
    expect(first.json['status_code']).toBe('201');
    const second = await h.charge(qris(uniqueOrderId('other'), 5000), { 'idempotency-key': k });
    expect(second.text).toBe(first.text);
    expect(second.status).toBe(first.status);
    // Global across endpoints: a cancel with the same key gets the charge answer and cancels nothing.
    const cancel = await h.call('POST', `/v2/${first.json['order_id'] as string}/cancel`, undefined, {
      'idempotency-key': k,
    });
    expect(cancel.text).toBe(first.text);
    expect(h.emu.control.get(first.json['order_id'] as string)?.transactionStatus).toBe('pending');
    const log = h.emu.control.requests().slice(-3);
    expect(log.map((r) => r.idempotencyKey)).toEqual([k, k, k]);
    expect(h.emu.control.list().filter((o) => o.orderId === 'other')).toHaveLength(0);
  });

  it('does not keep failures, so a corrected retry with the same key is processed', async () => {
    const k = key();
    const bad = await h.charge(
      { payment_type: 'qris', transaction_details: { order_id: uniqueOrderId() } },
      { 'idempotency-key': k },
    );
    expect(bad.status).toBe(400);
    const good = await h.charge(qris(), { 'idempotency-key': k });
    expect(good.json['status_code']).toBe('201');
    // A body-level error (406 in HTTP 200) is not kept either.
    const k2 = key();
    const orderId = good.json['order_id'] as string;
    const dup = await h.charge(qris(orderId), { 'idempotency-key': k2 });
    expect(dup.json['status_code']).toBe('406');
    h.emu.control.expire(orderId);
    expect((await h.charge(qris(orderId), { 'idempotency-key': k2 })).json['status_code']).toBe('201');
  });

  it('ignores keys longer than 46 characters', async () => {
    const longKey = 'k'.repeat(47);
    const orderId = uniqueOrderId();
    expect((await h.charge(qris(orderId), { 'idempotency-key': longKey })).json['status_code']).toBe('201');
    expect((await h.charge(qris(orderId), { 'idempotency-key': longKey })).json['status_code']).toBe('406');
    const maxKey = 'm'.repeat(46);
    const a = await h.charge(qris(), { 'idempotency-key': maxKey });
    expect((await h.charge(qris(), { 'idempotency-key': maxKey })).text).toBe(a.text);
  });

  it('forgets a key after 5 minutes of emulator time', async () => {
    const k = key();
    const a = await h.charge(qris(), { 'idempotency-key': k });
    h.clock.advance(5 * 60_000 - 1);
    expect((await h.charge(qris(), { 'idempotency-key': k })).text).toBe(a.text);
    h.clock.advance(1);
    const b = await h.charge(qris(), { 'idempotency-key': k });
    expect(b.json['status_code']).toBe('201');
    expect(b.json['transaction_id']).not.toBe(a.json['transaction_id']);
  });

  it('answers HTTP 202 to a retry that arrives while the first request is still running', async () => {
    const k = key();
    // Long enough that the retry surely lands while the first request is held.
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'delay', ms: 1000 } });
    const before = h.emu.control.requests().length;
    const firstPromise = h.charge(qris(), { 'idempotency-key': k });
    while (h.emu.control.requests().length === before) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const retry = await h.charge(qris(), { 'idempotency-key': k });
    expect(retry.status).toBe(202);
    expect(retry.json).toEqual(IN_FLIGHT_BODY);
    const first = await firstPromise;
    expect(first.json['status_code']).toBe('201');
    expect((await h.charge(qris(), { 'idempotency-key': k })).text).toBe(first.text);
  });

  it('does not apply to GET requests', async () => {
    const order = await h.newOrder('qris');
    const id = order['order_id'] as string;
    const k = key();
    const a = await h.call('GET', `/v2/${id}/status`, undefined, { 'idempotency-key': k });
    h.emu.control.pay(id);
    const b = await h.call('GET', `/v2/${id}/status`, undefined, { 'idempotency-key': k });
    expect([a.json['transaction_status'], b.json['transaction_status']]).toEqual(['pending', 'settlement']);
  });
});
