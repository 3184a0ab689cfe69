import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from './helpers.ts';
import type { Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());

describe('HTTP control surface', () => {
  it('pays, denies and expires orders, and reports them', async () => {
    const gopay = await h.newOrder('gopay');
    const paid = await h.call('POST', `/_emulator/orders/${gopay['order_id'] as string}/pay`, {
      via: 'gopay',
    });
    expect(paid.status).toBe(200);
    expect(paid.json).toMatchObject({
      transactionStatus: 'settlement',
      reportedPaymentType: 'gopay',
      paymentOptionType: 'GOPAY_WALLET',
    });

    const qris = await h.newOrder('qris');
    const offUs = await h.call('POST', `/_emulator/orders/${qris['transaction_id'] as string}/pay`, {
      issuer: 'dana',
    });
    expect(offUs.json).toMatchObject({ issuer: 'dana', transactionType: 'off-us' });

    const noBody = await h.newOrder('gopay');
    expect(
      (await h.call('POST', `/_emulator/orders/${noBody['order_id'] as string}/pay`)).json,
    ).toMatchObject({
      reportedPaymentType: 'qris',
    });

    const toDeny = await h.newOrder('qris');
    expect(
      (await h.call('POST', `/_emulator/orders/${toDeny['order_id'] as string}/deny`)).json,
    ).toMatchObject({ transactionStatus: 'deny' });
    const toExpire = await h.newOrder('qris');
    expect(
      (await h.call('POST', `/_emulator/orders/${toExpire['order_id'] as string}/expire`)).json,
    ).toMatchObject({
      transactionStatus: 'expire',
    });

    const one = await h.call('GET', `/_emulator/orders/${qris['order_id'] as string}`);
    expect(one.json).toMatchObject({
      orderId: qris['order_id'],
      transactionId: qris['transaction_id'],
      grossAmount: 44000,
    });
    const all = await h.call('GET', '/_emulator/orders');
    expect((all.json['orders'] as unknown[]).length).toBe(h.emu.control.list().length);
  });

  it('answers 404 for unknown orders or endpoints, 409 for a non-pending order, 400 for bad input', async () => {
    expect((await h.call('GET', '/_emulator/orders/ghost')).status).toBe(404);
    const ghost = await h.call('POST', '/_emulator/orders/ghost/pay', {});
    expect(ghost.status).toBe(404);
    expect(ghost.json['error']).toMatch(/ghost/);
    expect((await h.call('GET', '/_emulator/nothing-here')).status).toBe(404);

    const order = await h.newOrder('qris');
    const id = order['order_id'] as string;
    for (const body of [
      { via: 'cash' },
      { issuer: 42 },
      { issuer: '' },
      { colour: 'red' },
      '{not json',
      '[1]',
    ]) {
      const a = await h.call('POST', `/_emulator/orders/${id}/pay`, body);
      expect(a.status).toBe(400);
      expect(a.json['error']).toEqual(expect.any(String));
    }
    await h.call('POST', `/_emulator/orders/${id}/pay`, {});
    const again = await h.call('POST', `/_emulator/orders/${id}/deny`);
    expect(again.status).toBe(409);
    expect(again.json['error']).toMatch(/not pending/);
  });

  it('queues and clears faults; "times": null means unlimited', async () => {
    const add = await h.call('POST', '/_emulator/faults', {
      target: 'status',
      times: null,
      fault: { kind: 'http-error', httpStatus: 503 },
    });
    expect(add.status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await h.call('GET', '/v2/x/status')).status).toBe(503);
    expect((await h.call('DELETE', '/_emulator/faults')).status).toBe(200);
    expect((await h.call('GET', '/v2/x/status')).status).toBe(200);

    for (const body of [
      {},
      { target: 'charge' },
      { target: 'charge', fault: { kind: 'nope' } },
      { target: 'charge', times: 1.5, fault: { kind: 'reset' } },
      'x',
    ]) {
      const a = await h.call('POST', '/_emulator/faults', body);
      expect(a.status).toBe(400);
      expect(a.json['error']).toEqual(expect.any(String));
    }
  });

  it('advances the clock', async () => {
    const order = await h.newOrder('gopay');
    const before = h.clock.now();
    expect((await h.call('POST', '/_emulator/clock/advance', { ms: 16 * 60_000 })).status).toBe(200);
    expect(h.clock.now()).toBe(before + 16 * 60_000);
    expect((await h.call('GET', `/v2/${order['order_id'] as string}/status`)).json['status_code']).toBe(
      '407',
    );
    for (const body of [{ ms: -1 }, { ms: 'soon' }, {}])
      expect((await h.call('POST', '/_emulator/clock/advance', body)).status).toBe(400);
  });

  it('lists and clears the request log, and sets latency', async () => {
    await h.call('DELETE', '/_emulator/requests');
    await h.call('GET', '/v2/abc/status', undefined, { 'idempotency-key': 'k1' });
    const log = await h.call('GET', '/_emulator/requests');
    const entries = log.json['requests'] as Record<string, unknown>[];
    // The DELETE itself was logged before it cleared the log.
    expect(entries.map((e) => e['target'])).toEqual(['status', 'control']);
    expect(entries[0]).toMatchObject({
      method: 'GET',
      path: '/v2/abc/status',
      idempotencyKey: 'k1',
      authValid: true,
      timeMs: h.clock.now(),
    });
    expect((await h.call('POST', '/_emulator/latency', { ms: 0 })).status).toBe(200);
    expect((await h.call('POST', '/_emulator/latency', { ms: -3 })).status).toBe(400);
  });

  it('requires the server key', async () => {
    const a = await h.call('GET', '/_emulator/orders', undefined, { authorization: 'Basic eDo=' });
    expect(a.status).toBe(401);
    expect(a.json['status_code']).toBe('401');
  });
});
