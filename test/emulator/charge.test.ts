import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEmvco } from '../../main/midtrans/emvco.ts';
import { formatWibTime, parseWibTime } from '../../main/midtrans/wib-time.ts';
import { startEmulator } from '../../main/emulator/index.ts';
import { startHarness, uniqueOrderId } from './helpers.ts';
import type { Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());

const td = (gross: unknown, orderId: unknown = uniqueOrderId()) => ({
  order_id: orderId,
  gross_amount: gross,
});

describe('charge success', () => {
  it('creates a GoPay transaction shaped like the sandbox answer', async () => {
    const orderId = uniqueOrderId('gopay');
    const a = await h.charge({ payment_type: 'gopay', transaction_details: td(44000, orderId) });
    expect(a.status).toBe(200);
    const b = a.json;
    expect(b).toMatchObject({
      status_code: '201',
      status_message: 'GoPay transaction is created',
      order_id: orderId,
      merchant_id: 'G123456789',
      gross_amount: '44000.00',
      currency: 'IDR',
      payment_type: 'gopay',
      transaction_status: 'pending',
      fraud_status: 'accept',
    });
    const tid = b['transaction_id'] as string;
    expect(tid).toMatch(/^[0-9a-f-]{36}$/);
    expect(b['transaction_time']).toBe(formatWibTime(h.clock.now()));
    expect(b).not.toHaveProperty('qr_string');
    expect(b).not.toHaveProperty('signature_key');
    const actions = b['actions'] as { name: string; method: string; url: string }[];
    expect(actions.map((x) => x.name)).toEqual([
      'generate-qr-code',
      'deeplink-redirect',
      'get-status',
      'cancel',
    ]);
    expect(actions[0]).toEqual({
      name: 'generate-qr-code',
      method: 'GET',
      url: `${h.emu.url}/v2/gopay/${tid}/qr-code`,
    });
    expect(actions[1]?.url.startsWith(h.emu.url)).toBe(true);
    expect(actions[2]).toEqual({ name: 'get-status', method: 'GET', url: `${h.emu.url}/v2/${tid}/status` });
    expect(actions[3]).toEqual({ name: 'cancel', method: 'POST', url: `${h.emu.url}/v2/${tid}/cancel` });
    const tt = parseWibTime(b['transaction_time'] as string) ?? NaN;
    expect(parseWibTime(b['expiry_time'] as string)).toBe(tt + 15 * 60_000);
    // The QR behind the image is still a valid QRIS string.
    const snap = h.emu.control.get(tid);
    expect(parseEmvco(snap?.qrString ?? '')?.crcValid).toBe(true);
  });

  it('creates a QRIS transaction with a valid qr_string for the amount', async () => {
    const a = await h.charge({ payment_type: 'qris', transaction_details: td(789000) });
    const b = a.json;
    expect(a.status).toBe(200);
    expect(b).toMatchObject({
      status_code: '201',
      status_message: 'QRIS transaction is created',
      acquirer: 'gopay',
      payment_type: 'qris',
    });
    const tid = b['transaction_id'] as string;
    expect(b['actions']).toEqual([
      { name: 'generate-qr-code', method: 'GET', url: `${h.emu.url}/v2/qris/${tid}/qr-code` },
    ]);
    const qr = parseEmvco(b['qr_string'] as string);
    expect(qr?.crcValid).toBe(true);
    expect(qr?.tags['54']).toBe('789000.00');
    expect(qr?.tags['01']).toBe('12');
    expect(qr?.tags['62']).not.toContain(tid);
    const tt = parseWibTime(b['transaction_time'] as string) ?? NaN;
    expect(parseWibTime(b['expiry_time'] as string)).toBe(tt + 15 * 60_000);
  });

  it('honours qris.acquirer and custom_expiry units', async () => {
    const a = await h.charge({
      payment_type: 'qris',
      transaction_details: td(1000),
      qris: { acquirer: 'airpay shopee' },
      custom_expiry: { expiry_duration: 2, unit: 'hour' },
    });
    expect(a.json['acquirer']).toBe('airpay shopee');
    const tt = parseWibTime(a.json['transaction_time'] as string) ?? NaN;
    expect(parseWibTime(a.json['expiry_time'] as string)).toBe(tt + 2 * 3_600_000);

    const b = await h.charge({
      payment_type: 'gopay',
      transaction_details: td(1000),
      custom_expiry: { expiry_duration: 30 },
    });
    const tb = parseWibTime(b.json['transaction_time'] as string) ?? NaN;
    expect(parseWibTime(b.json['expiry_time'] as string)).toBe(tb + 30 * 60_000);
  });

  it('counts custom_expiry from order_time, in any offset', async () => {
    const orderTime = h.clock.now() - 60_000;
    const wib = `${formatWibTime(orderTime)} +0700`;
    const a = await h.charge({
      payment_type: 'gopay',
      transaction_details: td(1000),
      custom_expiry: { order_time: wib, expiry_duration: 10, unit: 'minute' },
    });
    expect(a.json['expiry_time']).toBe(formatWibTime(orderTime + 10 * 60_000));

    // The same instant written in UTC.
    const utc = new Date(orderTime).toISOString().replace('T', ' ').slice(0, 19) + ' +0000';
    const b = await h.charge({
      payment_type: 'qris',
      transaction_details: td(1000),
      custom_expiry: { order_time: utc, expiry_duration: 600, unit: 'second' },
    });
    expect(b.json['expiry_time']).toBe(formatWibTime(orderTime + 600_000));
  });

  it('accepts item_details that add up, including a discount line', async () => {
    const a = await h.charge({
      payment_type: 'qris',
      transaction_details: td(9000),
      item_details: [
        { id: 'kopi', price: 5000, quantity: 2, name: 'Kopi susu' },
        { id: 'promo', price: -1000, quantity: 1, name: 'Promo' },
      ],
    });
    expect(a.json['status_code']).toBe('201');
  });
});

describe('charge validation (400)', () => {
  const validation = async (body: Record<string, unknown>) => {
    const a = await h.charge(body);
    expect(a.status).toBe(400);
    expect(a.json['status_code']).toBe('400');
    expect(a.json['status_message']).toBe('One or more parameters in the payload is invalid.');
    expect(a.json['id']).toMatch(/^[0-9a-f-]{36}$/);
    return a.json['validation_messages'] as string[];
  };
  const long = 'x'.repeat(51);
  const cases: [string, Record<string, unknown>, string | RegExp][] = [
    [
      'missing order_id',
      { payment_type: 'gopay', transaction_details: { gross_amount: 1000 } },
      'transaction_details.order_id is required',
    ],
    ['missing transaction_details', { payment_type: 'qris' }, 'transaction_details.order_id is required'],
    [
      'order_id too long',
      { payment_type: 'gopay', transaction_details: td(1000, long) },
      /order_id must not be longer than 50/,
    ],
    [
      'order_id with #',
      { payment_type: 'gopay', transaction_details: td(1000, 'order#1') },
      /order_id may only contain/,
    ],
    [
      'order_id with space',
      { payment_type: 'qris', transaction_details: td(1000, 'order 1') },
      /order_id may only contain/,
    ],
    [
      'order_id not a string',
      { payment_type: 'qris', transaction_details: td(1000, 12) },
      /order_id must be a string/,
    ],
    [
      'missing gross_amount',
      { payment_type: 'gopay', transaction_details: { order_id: uniqueOrderId() } },
      'transaction_details.gross_amount is required',
    ],
    [
      'decimal gross_amount',
      { payment_type: 'gopay', transaction_details: td(39.1) },
      /gross_amount must be an integer/,
    ],
    [
      'string gross_amount',
      { payment_type: 'gopay', transaction_details: td('44000') },
      /gross_amount must be an integer/,
    ],
    [
      'zero gross_amount',
      { payment_type: 'gopay', transaction_details: td(0) },
      /gross_amount must be at least 1/,
    ],
    [
      'negative gross_amount',
      { payment_type: 'qris', transaction_details: td(-5) },
      /gross_amount must be at least 1/,
    ],
    [
      'qris above 10,000,000',
      { payment_type: 'qris', transaction_details: td(10_000_001) },
      /must not exceed 10000000 for qris/,
    ],
    [
      'gopay above 20,000,000',
      { payment_type: 'gopay', transaction_details: td(20_000_001) },
      /must not exceed 20000000 for gopay/,
    ],
    [
      'item sum differs',
      {
        payment_type: 'gopay',
        transaction_details: td(5000),
        item_details: [{ id: 'a', price: 4000, quantity: 1, name: 'A' }],
      },
      'transaction_details.gross_amount is not equal to the sum of item_details',
    ],
    [
      'item price decimal',
      {
        payment_type: 'gopay',
        transaction_details: td(1000),
        item_details: [{ price: 999.5, quantity: 1, name: 'A' }],
      },
      'item_details[0].price must be an integer without decimals',
    ],
    [
      'item price missing',
      { payment_type: 'gopay', transaction_details: td(1000), item_details: [{ quantity: 1, name: 'A' }] },
      'item_details[0].price is required',
    ],
    [
      'item quantity decimal',
      {
        payment_type: 'gopay',
        transaction_details: td(1000),
        item_details: [{ price: 1000, quantity: 1.5, name: 'A' }],
      },
      'item_details[0].quantity must be an integer',
    ],
    [
      'item quantity zero',
      {
        payment_type: 'qris',
        transaction_details: td(1000),
        item_details: [{ price: 1000, quantity: 0, name: 'A' }],
      },
      'item_details[0].quantity must be at least 1',
    ],
    [
      'item name missing',
      { payment_type: 'qris', transaction_details: td(1000), item_details: [{ price: 1000, quantity: 1 }] },
      'item_details[0].name is required',
    ],
    [
      'item name too long',
      {
        payment_type: 'qris',
        transaction_details: td(1000),
        item_details: [{ price: 1000, quantity: 1, name: long }],
      },
      'item_details[0].name must not be longer than 50 characters',
    ],
    [
      'item_details not an array',
      { payment_type: 'qris', transaction_details: td(1000), item_details: {} },
      'item_details must be an array',
    ],
    [
      'expiry below 20 s',
      {
        payment_type: 'gopay',
        transaction_details: td(1000),
        custom_expiry: { expiry_duration: 19, unit: 'second' },
      },
      /at least 20 seconds/,
    ],
    [
      'expiry above 7 days',
      {
        payment_type: 'gopay',
        transaction_details: td(1000),
        custom_expiry: { expiry_duration: 7 * 24 * 60 + 1 },
      },
      /maximum of 7 days/,
    ],
    [
      'expiry above 5 days for airpay shopee',
      {
        payment_type: 'qris',
        transaction_details: td(1000),
        qris: { acquirer: 'airpay shopee' },
        custom_expiry: { expiry_duration: 6, unit: 'day' },
      },
      /maximum of 5 days for acquirer airpay shopee/,
    ],
    [
      'expiry unit unknown',
      {
        payment_type: 'gopay',
        transaction_details: td(1000),
        custom_expiry: { expiry_duration: 5, unit: 'week' },
      },
      /unit must be one of/,
    ],
    [
      'expiry duration missing',
      { payment_type: 'gopay', transaction_details: td(1000), custom_expiry: { unit: 'minute' } },
      /expiry_duration is required/,
    ],
    [
      'expiry order_time malformed',
      {
        payment_type: 'gopay',
        transaction_details: td(1000),
        custom_expiry: { order_time: '2024-01-01T00:00:00Z', expiry_duration: 5 },
      },
      /order_time must look like/,
    ],
    [
      'expiry already past',
      {
        payment_type: 'gopay',
        transaction_details: td(1000),
        custom_expiry: { order_time: '2016-12-07 11:54:12 +0700', expiry_duration: 60 },
      },
      /already in the past/,
    ],
    [
      'unknown qris.acquirer',
      { payment_type: 'qris', transaction_details: td(1000), qris: { acquirer: 'ovo' } },
      /qris.acquirer must be one of/,
    ],
    ['missing payment_type', { transaction_details: td(1000) }, 'payment_type is required'],
  ];
  it.each(cases)('%s', async (_name, body, expected) => {
    const messages = await validation(body);
    if (typeof expected === 'string') expect(messages).toContain(expected);
    else expect(messages.some((m) => expected.test(m))).toBe(true);
  });

  it('5 days is allowed for airpay shopee and 7 days for gopay', async () => {
    const a = await h.charge({
      payment_type: 'qris',
      transaction_details: td(1000),
      qris: { acquirer: 'airpay shopee' },
      custom_expiry: { expiry_duration: 5, unit: 'day' },
    });
    const b = await h.charge({
      payment_type: 'gopay',
      transaction_details: td(1000),
      custom_expiry: { expiry_duration: 7, unit: 'day' },
    });
    const c = await h.charge({
      payment_type: 'gopay',
      transaction_details: td(1000),
      custom_expiry: { expiry_duration: 20, unit: 'second' },
    });
    expect([a.json['status_code'], b.json['status_code'], c.json['status_code']]).toEqual([
      '201',
      '201',
      '201',
    ]);
  });

  it('reports several problems at once and creates nothing', async () => {
    const before = h.emu.control.list().length;
    const messages = await validation({
      payment_type: 'qris',
      transaction_details: { order_id: 'bad id!', gross_amount: 1.5 },
    });
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(h.emu.control.list()).toHaveLength(before);
  });
});

describe('charge refusals', () => {
  it('answers 401 to a missing, wrong or password-carrying key', async () => {
    const body = JSON.stringify({ payment_type: 'qris', transaction_details: td(1000) });
    const headers = (auth?: string) => ({
      'content-type': 'application/json',
      ...(auth ? { authorization: auth } : {}),
    });
    for (const auth of [
      undefined,
      `Basic ${Buffer.from('SB-Mid-server-wrong:').toString('base64')}`,
      `Basic ${Buffer.from(`${h.emu.serverKey}:pw`).toString('base64')}`,
      'Bearer x',
    ]) {
      const res = await fetch(`${h.emu.url}/v2/charge`, { method: 'POST', body, headers: headers(auth) });
      expect(res.status).toBe(401);
      const json = (await res.json()) as Record<string, unknown>;
      expect(json).toMatchObject({
        status_code: '401',
        status_message: 'Transaction cannot be authorized with the current client/server key.',
      });
      expect(json['id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const log = h.emu.control.requests().slice(-4);
    expect(log.every((r) => r.target === 'charge' && !r.authValid)).toBe(true);
  });

  it('answers 402 for a disabled or unsupported payment type', async () => {
    const only = await startEmulator({ enabledPaymentTypes: ['qris'] });
    try {
      const res = await fetch(`${only.url}/v2/charge`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${only.serverKey}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ payment_type: 'gopay', transaction_details: td(1000) }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        status_code: '402',
        status_message: "Merchant doesn't have access for this payment type",
      });
      expect(only.control.list()).toHaveLength(0);
    } finally {
      await only.close();
    }
    const a = await h.charge({ payment_type: 'credit_card', transaction_details: td(1000) });
    expect(a.json['status_code']).toBe('402');
  });

  it('answers 406 to a duplicate order_id while pending or settled, and allows reuse after cancel, expire or deny', async () => {
    const orderId = uniqueOrderId('dup');
    const first = await h.charge({ payment_type: 'qris', transaction_details: td(1000, orderId) });
    const dup = await h.charge({ payment_type: 'gopay', transaction_details: td(2000, orderId) });
    expect(dup.status).toBe(200);
    expect(dup.json).toMatchObject({
      status_code: '406',
      status_message:
        'The request could not be completed due to a conflict with the current state of the target resource, please try again',
    });
    await h.call('POST', `/v2/${orderId}/cancel`);
    const second = await h.charge({ payment_type: 'gopay', transaction_details: td(2000, orderId) });
    expect(second.json['status_code']).toBe('201');
    expect(second.json['transaction_id']).not.toBe(first.json['transaction_id']);
    // Status by order_id now follows the latest attempt.
    const status = await h.call('GET', `/v2/${orderId}/status`);
    expect(status.json['transaction_id']).toBe(second.json['transaction_id']);

    h.emu.control.expire(orderId);
    const third = await h.charge({ payment_type: 'qris', transaction_details: td(3000, orderId) });
    expect(third.json['status_code']).toBe('201');
    h.emu.control.deny(orderId);
    const fourth = await h.charge({ payment_type: 'qris', transaction_details: td(3000, orderId) });
    expect(fourth.json['status_code']).toBe('201');
    h.emu.control.pay(orderId);
    expect(
      (await h.charge({ payment_type: 'qris', transaction_details: td(3000, orderId) })).json['status_code'],
    ).toBe('406');
    expect(h.emu.control.list().filter((o) => o.orderId === orderId)).toHaveLength(4);
  });

  it('answers HTTP 500 to an empty or null body', async () => {
    for (const body of ['', 'null', '   ']) {
      const a = await h.call('POST', '/v2/charge', body);
      expect(a.status).toBe(500);
      expect(a.json).toEqual({ message: 'An unexpected error occurred' });
    }
  });

  it('answers 413 "Malformed syntax" to a body that is not a JSON object', async () => {
    for (const body of ['{"payment_type":', 'payment_type=gopay', '[1,2]', '"x"']) {
      const a = await h.call('POST', '/v2/charge', body);
      expect(a.status).toBe(200);
      expect(a.json).toMatchObject({
        status_code: '413',
        status_message: 'Malformed syntax in request body',
      });
    }
  });

  it('refuses a body over 16 KB with HTTP 413', async () => {
    const a = await h.charge({
      payment_type: 'qris',
      transaction_details: td(1000),
      metadata: { pad: 'x'.repeat(17 * 1024) },
    });
    expect(a.status).toBe(413);
    expect(a.json['message']).toMatch(/16 KB/);
  });
});
