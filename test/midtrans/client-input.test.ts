import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MidtransClient } from '../../main/midtrans/client.ts';
import { MidtransRequestError } from '../../main/midtrans/errors.ts';
import { startScriptedGateway, type ScriptedGateway } from '../support/scripted-gateway.ts';

/** A fresh Idempotency-Key: each call here is a new charge attempt. */
const ik = () => ({ idempotencyKey: randomUUID() });

let gateway: ScriptedGateway;
let client: MidtransClient;

beforeAll(async () => {
  gateway = await startScriptedGateway();
  client = new MidtransClient({ serverKey: 'SB-Mid-server-input-test', baseUrl: gateway.url });
});
afterAll(async () => {
  client.close();
  await gateway.close();
});

async function refused(
  promise: Promise<unknown>,
  field: string,
  reason: string,
): Promise<MidtransRequestError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the client to refuse the input');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MidtransRequestError);
  const e = error as MidtransRequestError;
  expect(e.code).toBe('invalid-request');
  expect(e.ambiguous).toBe(false);
  expect(e.field).toBe(field);
  expect(e.reason).toBe(reason);
  // Refused before sending: the gateway never heard of it.
  expect(gateway.requests).toHaveLength(0);
  return e;
}

const base = { paymentType: 'gopay', orderId: 'order-1' } as const;

describe('the client refuses bad input before sending anything', () => {
  it.each([
    ['zero', 0, 'too-small'],
    ['negative', -500, 'too-small'],
    ['fractional', 1000.5, 'not-integer'],
    ['NaN', Number.NaN, 'not-a-number'],
    ['Infinity', Number.POSITIVE_INFINITY, 'not-a-number'],
    ['a string', '44000', 'wrong-type'],
    ['missing', undefined, 'required'],
    ['over the GoPay maximum', 20_000_001, 'too-large'],
  ])('gross amount %s', async (_label, amount, reason) => {
    const e = await refused(
      client.charge({ ...base, grossAmount: amount } as never, ik()),
      'grossAmount',
      reason,
    );
    expect(e.message).toMatch(/gross_amount/);
  });

  it('uses the lower QRIS maximum for qris charges', async () => {
    const e = await refused(
      client.charge({ ...base, paymentType: 'qris', grossAmount: 10_000_001 }, ik()),
      'grossAmount',
      'too-large',
    );
    expect(e.message).toMatch(/QRIS maximum 10000000/);
    // The same amount is fine for GoPay, proving the limit is per payment type.
    gateway.answer({ status: 500, body: { message: 'An unexpected error occurred' } });
    await expect(client.charge({ ...base, grossAmount: 10_000_001 }, ik())).rejects.toMatchObject({
      code: 'server-error',
    });
    gateway.requests.length = 0;
  });

  it.each([
    ['too long', 'x'.repeat(51), 'too-long'],
    ['with a space', 'order 1', 'forbidden-characters'],
    ['with a hash', 'order#1', 'forbidden-characters'],
    ['with a slash', '../v2/charge', 'forbidden-characters'],
    ['empty', '', 'required'],
    ['a number', 12345, 'wrong-type'],
  ])('order_id %s', async (_label, orderId, reason) => {
    await refused(client.charge({ ...base, orderId, grossAmount: 1000 } as never, ik()), 'orderId', reason);
  });

  it('accepts the 50-character maximum and every allowed symbol', async () => {
    gateway.answer({ status: 500, body: { message: 'An unexpected error occurred' } });
    await expect(
      client.charge({ ...base, orderId: `a-_~.${'9'.repeat(45)}`, grossAmount: 1000 }, ik()),
    ).rejects.toMatchObject({ code: 'server-error' });
    expect(gateway.requests).toHaveLength(1);
    gateway.requests.length = 0;
  });

  it('item_details must add up to gross_amount', async () => {
    const items = [{ name: 'Kopi', price: 15000, quantity: 2 }];
    const e = await refused(
      client.charge({ ...base, grossAmount: 31000, items }, ik()),
      'items',
      'items-sum-mismatch',
    );
    expect(e.message).toMatch(/30000.*31000/);
  });

  it('item quantity and price are validated too', async () => {
    await refused(
      client.charge({ ...base, grossAmount: 0, items: [{ name: 'Teh', price: 5000, quantity: 0 }] }, ik()),
      'items.0.quantity',
      'too-small',
    );
    const qty = await refused(
      client.charge(
        { ...base, grossAmount: 5000, items: [{ name: 'Teh', price: 5000, quantity: 1.5 }] },
        ik(),
      ),
      'items.0.quantity',
      'not-integer',
    );
    // A count is not money: the message must not talk about rupiah.
    expect(qty.message).toMatch(/item quantity must be a whole number/);
    expect(qty.message).not.toMatch(/rupiah/);
    await refused(
      client.charge(
        { ...base, grossAmount: 5000, items: [{ name: 'Teh', price: 2500.5, quantity: 2 }] },
        ik(),
      ),
      'items.0.price',
      'not-integer',
    );
    await refused(
      client.charge(
        { ...base, grossAmount: 5000, items: [{ name: 'T'.repeat(51), price: 5000, quantity: 1 }] },
        ik(),
      ),
      'items.0.name',
      'too-long',
    );
  });

  it('refuses unknown fields, unknown payment types and a QRIS acquirer on a GoPay charge', async () => {
    await refused(
      client.charge({ ...base, grossAmount: 1000, tip: 5 } as never, ik()),
      'request',
      'not-allowed',
    );
    await refused(
      client.charge({ ...base, paymentType: 'ovo', grossAmount: 1000 } as never, ik()),
      'paymentType',
      'not-allowed',
    );
    await refused(
      client.charge({ ...base, grossAmount: 1000, qrisAcquirer: 'gopay' }, ik()),
      'qrisAcquirer',
      'not-allowed',
    );
  });

  it('keeps custom_expiry within 20 seconds and 7 days (5 for ShopeePay)', async () => {
    await refused(
      client.charge({ ...base, grossAmount: 1000, expiry: { duration: 10, unit: 'second' } }, ik()),
      'expiry',
      'too-small',
    );
    await refused(
      client.charge({ ...base, grossAmount: 1000, expiry: { duration: 8, unit: 'day' } }, ik()),
      'expiry',
      'too-large',
    );
    await refused(
      client.charge(
        {
          paymentType: 'qris',
          orderId: 'o',
          grossAmount: 1000,
          qrisAcquirer: 'airpay shopee',
          expiry: { duration: 6, unit: 'day' },
        },
        ik(),
      ),
      'expiry',
      'too-large',
    );
  });

  it('validates ids, refunds and idempotency keys on the other calls', async () => {
    await refused(client.status('bad id'), 'id', 'forbidden-characters');
    await refused(client.cancel('x'.repeat(51)), 'id', 'too-long');
    await refused(client.refund('order-1', { amount: 0 }), 'amount', 'too-small');
    await refused(
      client.refund('order-1', { refundKey: 'key with space' }),
      'refundKey',
      'forbidden-characters',
    );
    await refused(
      client.charge({ ...base, grossAmount: 1000 }, { idempotencyKey: 'k'.repeat(47) }),
      'idempotencyKey',
      'too-long',
    );
  });

  it('refuses a request larger than the 16 KB Midtrans limit', async () => {
    // 50 characters but 150 bytes each: the limit is on bytes, not characters.
    const items = Array.from({ length: 100 }, () => ({
      id: '€'.repeat(50),
      name: '€'.repeat(50),
      price: 100,
      quantity: 1,
    }));
    await refused(client.charge({ ...base, grossAmount: 10_000, items }, ik()), 'request', 'too-large');
  });

  it('refuses an unusable server key or base URL at construction', () => {
    expect(() => new MidtransClient({ serverKey: '' })).toThrow(/server key is required/);
    expect(() => new MidtransClient({ serverKey: 'SB-Mid server' })).toThrow(/spaces/);
    expect(() => new MidtransClient({ serverKey: 'k', baseUrl: 'ftp://127.0.0.1' })).toThrow(/refused/);
    expect(() => new MidtransClient({ serverKey: 'k', baseUrl: 'http://user:pw@127.0.0.1' })).toThrow(
      /credentials/,
    );
  });

  it('targets the documented hosts per environment', () => {
    expect(new MidtransClient({ serverKey: 'k' }).baseUrl).toBe('https://api.sandbox.midtrans.com');
    expect(new MidtransClient({ serverKey: 'k', environment: 'production' }).baseUrl).toBe(
      'https://api.midtrans.com',
    );
    expect(new MidtransClient({ serverKey: 'k', baseUrl: 'http://127.0.0.1:3900/' }).baseUrl).toBe(
      'http://127.0.0.1:3900',
    );
  });
});
