/**
 * Every endpoint end to end: the real client over real HTTP against the built-in emulator.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/clock.ts';
import { startEmulator } from '../../main/emulator/index.ts';
import type { RunningEmulator } from '../../main/emulator/types.ts';
import { MidtransClient, chargeIdempotencyKey } from '../../main/midtrans/client.ts';
import { failure } from '../support/failure.ts';
import { parseEmvco } from '../../main/midtrans/emvco.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';

/** A fresh Idempotency-Key: each call here is a new charge attempt. */
const ik = () => ({ idempotencyKey: randomUUID() });

let emulator: RunningEmulator;
let client: MidtransClient;
const clock = new ManualClock();
let seq = 0;
const orderId = (label: string) => `t-${label}-${++seq}`;

beforeAll(async () => {
  emulator = await startEmulator({ clock });
  client = new MidtransClient({ serverKey: emulator.serverKey, baseUrl: emulator.url });
});
afterAll(async () => {
  client.close();
  await emulator.close();
});
beforeEach(() => {
  emulator.control.clearFaults();
  emulator.control.clearRequests();
});

const TYPES: PaymentType[] = ['gopay', 'qris'];

describe.each(TYPES)('%s: a whole sale', (paymentType) => {
  it('charge → QR → pending → paid (settlement, verified signature)', async () => {
    const id = orderId(paymentType);
    const charge = await client.charge({ paymentType, orderId: id, grossAmount: 44000 }, ik());
    expect(charge).toMatchObject({
      orderId: id,
      transactionStatus: 'pending',
      grossAmount: 44000,
      grossAmountText: '44000.00',
      statusCode: '201',
      currency: 'IDR',
      merchantId: expect.stringMatching(/^G\d+$/),
    });
    expect(charge.expiryTime! - charge.transactionTime!).toBe(15 * 60 * 1000);
    expect(charge.qrCodeUrl).toContain(`/v2/${paymentType}/${charge.transactionId}/qr-code`);
    if (paymentType === 'qris') {
      expect(parseEmvco(charge.qrString!)?.tags['54']).toBe('44000.00');
      expect(charge.deeplinkUrl).toBeUndefined();
    } else {
      expect(charge.qrString).toBeUndefined();
      expect(charge.deeplinkUrl).toBeTruthy();
    }

    const qr = await client.fetchQrCode(charge.qrCodeUrl!);
    expect(qr.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(qr.contentType).toBe('image/png');

    const pending = await client.status(id);
    expect(pending).toMatchObject({
      transactionStatus: 'pending',
      statusCode: '201',
      paid: false,
      transactionId: charge.transactionId,
    });
    expect(pending.expiryTime).toBe(charge.expiryTime);

    emulator.control.pay(id);
    const settled = await client.status(charge.transactionId);
    expect(settled).toMatchObject({
      transactionStatus: 'settlement',
      statusCode: '200',
      paid: true,
      orderId: id,
    });
    expect(settled.settlementTime).toBe(clock.now() - (clock.now() % 1000));
    // Paid by scanning: Midtrans reports the GoPay order as qris. It is the same order.
    expect(settled.paymentType).toBe('qris');
  });

  it('cancel while pending, then the order_id can be charged again', async () => {
    const id = orderId(`${paymentType}-cancel`);
    await client.charge(
      { paymentType, orderId: id, grossAmount: 15000 },
      { idempotencyKey: chargeIdempotencyKey(id, 1) },
    );
    const cancelled = await client.cancel(id);
    expect(cancelled).toMatchObject({ transactionStatus: 'cancel', statusCode: '200' });
    expect(await client.status(id)).toMatchObject({ transactionStatus: 'cancel', paid: false });
    // The second attempt has its own key; the first attempt's cached answer must not come back.
    const second = await client.charge(
      { paymentType, orderId: id, grossAmount: 15000 },
      { idempotencyKey: chargeIdempotencyKey(id, 2) },
    );
    expect(second.transactionStatus).toBe('pending');
    expect(second.transactionId).not.toBe(cancelled.transactionId);
    expect((await client.status(id)).transactionId).toBe(second.transactionId);
  });

  it('expire now via the API: status 407 is an answer', async () => {
    const id = orderId(`${paymentType}-expire`);
    await client.charge({ paymentType, orderId: id, grossAmount: 15000 }, ik());
    expect(await client.expire(id)).toMatchObject({ transactionStatus: 'expire', statusCode: '407' });
    expect(await client.status(id)).toMatchObject({
      transactionStatus: 'expire',
      statusCode: '407',
      paid: false,
    });
    expect((await failure(client.cancel(id))).code).toBe('invalid-state');
  });

  it('the gateway clock expires an unpaid order after 15 minutes', async () => {
    const id = orderId(`${paymentType}-clock`);
    await client.charge({ paymentType, orderId: id, grossAmount: 15000 }, ik());
    clock.advance(15 * 60 * 1000 - 1000);
    expect((await client.status(id)).transactionStatus).toBe('pending');
    clock.advance(1000);
    expect(await client.status(id)).toMatchObject({ transactionStatus: 'expire', statusCode: '407' });
  });

  it('custom_expiry shortens the gateway expiry', async () => {
    const id = orderId(`${paymentType}-custom`);
    const charge = await client.charge(
      { paymentType, orderId: id, grossAmount: 15000, expiry: { duration: 60, unit: 'second' } },
      ik(),
    );
    expect(charge.expiryTime! - charge.transactionTime!).toBe(60_000);
    clock.advance(60_000);
    expect((await client.status(id)).transactionStatus).toBe('expire');
  });

  it('deny', async () => {
    const id = orderId(`${paymentType}-deny`);
    await client.charge({ paymentType, orderId: id, grossAmount: 15000 }, ik());
    emulator.control.deny(id);
    expect(await client.status(id)).toMatchObject({
      transactionStatus: 'deny',
      statusCode: '202',
      paid: false,
    });
  });

  it('refund partly, then the rest', async () => {
    const id = orderId(`${paymentType}-refund`);
    await client.charge({ paymentType, orderId: id, grossAmount: 50000 }, ik());
    expect((await failure(client.refund(id, { amount: 1000 }))).code).toBe('invalid-state');
    emulator.control.pay(id);
    const part = await client.refund(id, { refundKey: `${id}-r1`, amount: 20000, reason: 'kembalian' });
    expect(part).toMatchObject({
      statusCode: '200',
      transactionStatus: 'partial_refund',
      refundAmount: 20000,
      refundKey: `${id}-r1`,
    });
    expect((await failure(client.refund(id, { amount: 30001 }))).code).toBe('refund-rejected');
    expect((await failure(client.refund(id, { refundKey: `${id}-r1`, amount: 5000 }))).code).toBe(
      'duplicate',
    );
    const rest = await client.refund(id, { refundKey: `${id}-r2` }, { direct: true });
    expect(rest).toMatchObject({ transactionStatus: 'refund', refundAmount: 30000 });
    const s = await client.status(id);
    expect(s).toMatchObject({ transactionStatus: 'refund', refundAmount: 50000, paid: false });
    expect(s.refunds.map((r) => r.amount)).toEqual([20000, 30000]);
  });
});

describe('gateway answers that are errors', () => {
  it('a duplicate order_id while pending is 406 and creates nothing', async () => {
    const id = orderId('dup');
    await client.charge({ paymentType: 'qris', orderId: id, grossAmount: 1000 }, ik());
    // A different payload (so a different idempotency key) for the same order_id.
    const e = await failure(client.charge({ paymentType: 'qris', orderId: id, grossAmount: 2000 }, ik()));
    expect(e).toMatchObject({ code: 'duplicate', ambiguous: false, statusCode: '406' });
    expect(emulator.control.list().filter((o) => o.orderId === id)).toHaveLength(1);
  });

  it('a wrong key is 401 and the message says what to check', async () => {
    const wrong = new MidtransClient({ serverKey: 'SB-Mid-server-wrong', baseUrl: emulator.url });
    const e = await failure(
      wrong.charge({ paymentType: 'gopay', orderId: orderId('auth'), grossAmount: 1000 }, ik()),
    );
    expect(e).toMatchObject({ code: 'unauthorized', httpStatus: 401, ambiguous: false });
    expect(e.message).toMatch(/sandbox vs production/);
    wrong.close();
  });

  it('an unknown order is 404', async () => {
    expect(await client.findStatus('never-charged')).toBeNull();
    expect((await failure(client.cancel('never-charged'))).code).toBe('not-found');
  });

  it('a payment type the merchant lacks is 402', async () => {
    const gopayOnly = await startEmulator({ enabledPaymentTypes: ['gopay'] });
    const c = new MidtransClient({ serverKey: gopayOnly.serverKey, baseUrl: gopayOnly.url });
    expect(
      (await failure(c.charge({ paymentType: 'qris', orderId: 'q', grossAmount: 1000 }, ik()))).code,
    ).toBe('payment-type-not-enabled');
    c.close();
    await gopayOnly.close();
  });

  it('in mirror mode (HTTP status = body code) the same errors map the same way', async () => {
    const mirror = await startEmulator({ errorTransport: 'mirror' });
    const c = new MidtransClient({ serverKey: mirror.serverKey, baseUrl: mirror.url });
    expect(await failure(c.status('nothing-here'))).toMatchObject({ code: 'not-found', httpStatus: 404 });
    await c.charge({ paymentType: 'gopay', orderId: 'm-1', grossAmount: 1000 }, ik());
    expect(
      await failure(c.charge({ paymentType: 'gopay', orderId: 'm-1', grossAmount: 1001 }, ik())),
    ).toMatchObject({ code: 'duplicate', httpStatus: 406 });
    await c.expire('m-1');
    expect(await c.status('m-1')).toMatchObject({ transactionStatus: 'expire', statusCode: '407' });
    c.close();
    await mirror.close();
  });
});
