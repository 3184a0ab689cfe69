/**
 * The documented and captured Midtrans answers (shared/reference/midtrans-core-api.md), replayed
 * through a scripted gateway, including the quirks a real integration has to survive.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MidtransClient, chargeIdempotencyKey, type SecurityEvent } from '../../main/midtrans/client.ts';
import { MidtransSignatureError } from '../../main/midtrans/errors.ts';
import { failure } from '../support/failure.ts';
import { computeSignatureKey } from '../../main/midtrans/signature.ts';
import { startScriptedGateway, type ScriptedGateway } from '../support/scripted-gateway.ts';

/** A fresh Idempotency-Key: each call here is a new charge attempt. */
const ik = () => ({ idempotencyKey: randomUUID() });

const KEY = 'SB-Mid-server-quirks-0123456789';
let gateway: ScriptedGateway;
let client: MidtransClient;
const securityEvents: SecurityEvent[] = [];

beforeAll(async () => {
  gateway = await startScriptedGateway();
  client = new MidtransClient({
    serverKey: KEY,
    baseUrl: gateway.url,
    onSecurityEvent: (e) => securityEvents.push(e),
  });
});
afterAll(async () => {
  client.close();
  await gateway.close();
});
afterEach(() => {
  // Every queued answer must have been asked for: a leftover means the client sent fewer requests than expected.
  expect(gateway.pending()).toBe(0);
  gateway.reset();
  securityEvents.length = 0;
});

function signed<T extends { order_id: string; status_code: string; gross_amount: string }>(
  body: T,
): T & { signature_key: string } {
  return {
    ...body,
    signature_key: computeSignatureKey(body.order_id, body.status_code, body.gross_amount, KEY),
  };
}

// §2.3(a), the real 2024 sandbox GoPay charge answer.
const GOPAY_CHARGE = {
  status_code: '201',
  status_message: 'GoPay transaction is created',
  transaction_id: '98cca833-5d68-4bcb-b6c2-eb65dd2ee892',
  order_id: 'c3a7298e-6dfa-4c8e-8578-de1a403591ab',
  merchant_id: 'G175426742',
  gross_amount: '7000.00',
  currency: 'IDR',
  payment_type: 'gopay',
  transaction_time: '2024-06-22 15:45:39',
  transaction_status: 'pending',
  fraud_status: 'accept',
  actions: [
    {
      name: 'generate-qr-code',
      method: 'GET',
      url: 'https://api.sandbox.midtrans.com/v2/gopay/98cca833-5d68-4bcb-b6c2-eb65dd2ee892/qr-code',
    },
    {
      name: 'deeplink-redirect',
      method: 'GET',
      url: 'https://simulator.sandbox.midtrans.com/gopay/partner/app/payment-pin?id=018305c1',
    },
    {
      name: 'get-status',
      method: 'GET',
      url: 'https://api.sandbox.midtrans.com/v2/98cca833-5d68-4bcb-b6c2-eb65dd2ee892/status',
    },
    {
      name: 'cancel',
      method: 'POST',
      url: 'https://api.sandbox.midtrans.com/v2/98cca833-5d68-4bcb-b6c2-eb65dd2ee892/cancel',
      fields: [],
    },
  ],
  expiry_time: '2024-06-22 16:00:39',
};

// §2.5(c), the OpenAPI QRIS example: spells the expiry "expire_time".
const QRIS_CHARGE = {
  status_code: '201',
  status_message: 'QRIS transaction is created',
  transaction_id: '30a689ba-7251-4052-b8a0-f677fd53e1be',
  order_id: 'order-id-12312',
  merchant_id: 'G379181825',
  gross_amount: '100000.00',
  currency: 'IDR',
  payment_type: 'qris',
  transaction_time: '2023-01-05 10:01:39',
  transaction_status: 'pending',
  fraud_status: 'accept',
  actions: [
    {
      name: 'generate-qr-code',
      method: 'GET',
      url: 'https://api.sandbox.midtrans.com/v2/qris/30a689ba-7251-4052-b8a0-f677fd53e1be/qr-code',
    },
  ],
  qr_string:
    '00020101021226620014COM.GO-JEK.WWW011993600914337918182570210G3791818250303UKE51440014ID.CO.QRIS.WWW0215AID7720513752290303UKE5204359353033605802ID5910PAPI LIVE26005KUKAR6105755535409100000.0062475036b1855b6c-70ab-4449-9778-61b8ffe43fd20703A016304C385',
  acquirer: 'gopay',
  expire_time: '2023-01-05 11:01:39',
};

describe('requests are what Midtrans documents', () => {
  it("a charge is one POST with Basic auth, JSON and the caller's Idempotency-Key", async () => {
    gateway.answer({ body: GOPAY_CHARGE }, { body: GOPAY_CHARGE });
    const req = {
      paymentType: 'gopay',
      orderId: GOPAY_CHARGE.order_id,
      grossAmount: 7000,
      items: [{ id: 'k1', name: 'Kopi', price: 7000, quantity: 1 }],
    } as const;
    const key = chargeIdempotencyKey(req.orderId, 1);
    await client.charge(req, { idempotencyKey: key });
    // Re-sending the same attempt (after a crash, say) must carry the same key.
    await client.charge(req, { idempotencyKey: chargeIdempotencyKey(req.orderId, 1) });
    const [first, second] = gateway.requests;
    expect(first?.method).toBe('POST');
    expect(first?.path).toBe('/v2/charge');
    expect(first?.headers.authorization).toBe(`Basic ${Buffer.from(`${KEY}:`).toString('base64')}`);
    expect(first?.headers.accept).toBe('application/json');
    expect(first?.headers['content-type']).toBe('application/json');
    expect(first?.headers['idempotency-key']).toBe(key);
    expect(key.length).toBeLessThanOrEqual(46);
    expect(second?.headers['idempotency-key']).toBe(key);
    expect(chargeIdempotencyKey(req.orderId, 2)).not.toBe(key);
    expect(JSON.parse(first?.body ?? '')).toEqual({
      payment_type: 'gopay',
      transaction_details: { order_id: GOPAY_CHARGE.order_id, gross_amount: 7000 },
      item_details: [{ id: 'k1', price: 7000, quantity: 1, name: 'Kopi' }],
    });
  });

  it('a charge without an Idempotency-Key is refused before sending', async () => {
    const e = await failure(
      client.charge({ paymentType: 'gopay', orderId: 'no-key', grossAmount: 1000 }, {} as never),
    );
    expect(e).toMatchObject({ code: 'invalid-request', field: 'idempotencyKey', reason: 'required' });
    expect(gateway.requests).toHaveLength(0);
  });

  it('status is a GET without a key; every cancel and expire carries a key of its own', async () => {
    gateway.answer({ body: { status_code: '500', status_message: 'x' } });
    await failure(
      client.charge(
        { paymentType: 'qris', orderId: 'a', grossAmount: 1000, qrisAcquirer: 'airpay shopee' },
        ik(),
      ),
    );
    expect(JSON.parse(gateway.requests[0]?.body ?? '').qris).toEqual({ acquirer: 'airpay shopee' });

    gateway.answer({ body: { status_code: '404', status_message: "Transaction doesn't exist." } });
    await client.findStatus('a');
    expect(gateway.requests[1]).toMatchObject({ method: 'GET', path: '/v2/a/status' });
    expect(gateway.requests[1]?.headers['idempotency-key']).toBeUndefined();

    const refusal = { body: { status_code: '412', status_message: 'Transaction status cannot be updated.' } };
    gateway.answer(refusal, refusal, refusal);
    await failure(client.cancel('a'));
    await failure(client.cancel('a'));
    await failure(client.expire('a'));
    expect(gateway.requests[2]).toMatchObject({ method: 'POST', path: '/v2/a/cancel' });
    expect(gateway.requests[4]).toMatchObject({ method: 'POST', path: '/v2/a/expire' });
    const keys = gateway.requests.slice(2).map((r) => r.headers['idempotency-key']);
    expect(keys.every((k) => typeof k === 'string' && k.length > 0 && k.length <= 46)).toBe(true);
    // An order_id freed by a cancel can be charged again; a repeated key would replay the old cancel.
    expect(new Set(keys).size).toBe(3);
  });

  it('custom_expiry is sent with a +0700 order_time', async () => {
    gateway.answer({ body: { status_code: '400', status_message: 'x' } });
    await failure(
      client.charge(
        {
          paymentType: 'gopay',
          orderId: 'e',
          grossAmount: 1000,
          expiry: { duration: 20, unit: 'second', orderTime: Date.UTC(2026, 0, 1, 0, 0, 0) },
        },
        ik(),
      ),
    );
    expect(JSON.parse(gateway.requests[0]?.body ?? '').custom_expiry).toEqual({
      order_time: '2026-01-01 07:00:00 +0700',
      expiry_duration: 20,
      unit: 'second',
    });
  });
});

describe('documented answers parse exactly', () => {
  it('the real 2024 GoPay charge: actions, amounts and WIB times', async () => {
    gateway.answer({ body: GOPAY_CHARGE });
    const r = await client.charge(
      { paymentType: 'gopay', orderId: GOPAY_CHARGE.order_id, grossAmount: 7000 },
      ik(),
    );
    expect(r).toMatchObject({
      transactionStatus: 'pending',
      grossAmount: 7000,
      grossAmountText: '7000.00',
      paymentType: 'gopay',
      statusCode: '201',
    });
    expect(r.qrCodeUrl).toBe(GOPAY_CHARGE.actions[0]?.url);
    expect(r.deeplinkUrl).toBe(GOPAY_CHARGE.actions[1]?.url);
    expect(r.qrString).toBeUndefined();
    expect(r.transactionTime).toBe(Date.UTC(2024, 5, 22, 8, 45, 39));
    expect(r.expiryTime! - r.transactionTime!).toBe(15 * 60 * 1000);
    expect(r.actions.map((a) => a.name)).toEqual([
      'generate-qr-code',
      'deeplink-redirect',
      'get-status',
      'cancel',
    ]);
  });

  it('a QRIS charge that spells it expire_time, with a CRC-checked qr_string', async () => {
    gateway.answer({ body: QRIS_CHARGE });
    const r = await client.charge(
      { paymentType: 'qris', orderId: QRIS_CHARGE.order_id, grossAmount: 100000 },
      ik(),
    );
    expect(r.qrString).toBe(QRIS_CHARGE.qr_string);
    expect(r.acquirer).toBe('gopay');
    expect(r.expiryTime).toBe(Date.UTC(2023, 0, 5, 4, 1, 39));
  });

  it('omitted optional fields and unknown new fields are both fine', async () => {
    const { expire_time: _e, merchant_id: _m, fraud_status: _f, currency: _c, ...lean } = QRIS_CHARGE;
    gateway.answer({
      body: { ...lean, pop_id: 'p-1', customer_details: { full_name: 'Budi' }, channel_response_code: '200' },
    });
    const r = await client.charge(
      { paymentType: 'qris', orderId: QRIS_CHARGE.order_id, grossAmount: 100000 },
      ik(),
    );
    expect(r.expiryTime).toBeUndefined();
    expect(r.merchantId).toBeUndefined();
    expect(r.raw.pop_id).toBe('p-1');
  });

  it('a rejected GoPay charge (deny, status 202) is an answer, not an error', async () => {
    gateway.answer({
      body: {
        ...GOPAY_CHARGE,
        status_code: '202',
        status_message: 'GO-PAY transaction is rejected',
        transaction_status: 'deny',
        channel_response_code: '900',
        actions: undefined,
      },
    });
    const r = await client.charge(
      { paymentType: 'gopay', orderId: GOPAY_CHARGE.order_id, grossAmount: 7000 },
      ik(),
    );
    expect(r.transactionStatus).toBe('deny');
  });

  it('a GoPay order paid by a QRIS scan reports payment_type qris and is still paid', async () => {
    gateway.answer({
      body: signed({
        transaction_time: '2021-06-15 18:45:13',
        transaction_status: 'settlement',
        transaction_id: '513f1f01-c9da-474c-9fc9-d5c64364b709',
        status_message: 'Success, transaction is found',
        status_code: '200',
        settlement_time: '2021-06-15 18:45:28',
        payment_type: 'qris',
        order_id: 'Order-5100',
        merchant_id: 'G141532850',
        merchant_cross_reference_id: '0197f326',
        issuer: 'gopay',
        gross_amount: '154600.00',
        fraud_status: 'accept',
        currency: 'IDR',
        acquirer: 'gopay',
      }),
    });
    const s = await client.status('Order-5100');
    expect(s).toMatchObject({
      paid: true,
      paymentType: 'qris',
      transactionStatus: 'settlement',
      grossAmount: 154600,
      issuer: 'gopay',
    });
    expect(s.settlementTime).toBe(Date.UTC(2021, 5, 15, 11, 45, 28));
  });

  it('status of an expired order: status_code 407 inside HTTP 200 is an answer', async () => {
    gateway.answer({
      body: signed({
        transaction_time: '2020-09-24 11:29:57',
        gross_amount: '800000.00',
        currency: 'IDR',
        order_id: 'order-id-founded',
        payment_type: 'gopay',
        status_code: '407',
        transaction_id: 't-1',
        transaction_status: 'expire',
        fraud_status: 'accept',
        status_message: 'Success, transaction is found',
      }),
    });
    const s = await client.status('order-id-founded');
    expect(s).toMatchObject({ transactionStatus: 'expire', statusCode: '407', paid: false });
  });

  it('a settled order with fraud_status deny is not paid', async () => {
    gateway.answer({
      body: signed({
        order_id: 'f1',
        transaction_id: 't-f1',
        status_code: '200',
        gross_amount: '1000.00',
        payment_type: 'gopay',
        transaction_status: 'settlement',
        fraud_status: 'deny',
      }),
    });
    expect((await client.status('f1')).paid).toBe(false);
  });

  it('a "settlement" carrying pending\'s status_code 201 is not paid, though its signature is valid', async () => {
    // signature_key covers order_id, status_code and gross_amount only, not transaction_status.
    gateway.answer({
      body: signed({
        order_id: 'f2',
        transaction_id: 't-f2',
        status_code: '201',
        gross_amount: '1000.00',
        payment_type: 'qris',
        transaction_status: 'settlement',
        fraud_status: 'accept',
      }),
    });
    const s = await client.status('f2');
    expect(s.transactionStatus).toBe('settlement');
    expect(s.paid).toBe(false);
  });

  it('refund details: cumulative refund_amount and refunds[]', async () => {
    gateway.answer({
      body: signed({
        order_id: 'r1',
        transaction_id: 't-r1',
        status_code: '200',
        gross_amount: '50000.00',
        payment_type: 'qris',
        transaction_status: 'partial_refund',
        refund_amount: '25000.00',
        refunds: [
          {
            refund_chargeback_id: 1,
            refund_amount: '10000.00',
            created_at: '2022-08-23 11:16:16',
            reason: 'x',
            refund_key: 'k1',
          },
          { refund_amount: '15000.00', refund_key: 'k2' },
        ],
      }),
    });
    const s = await client.status('r1');
    expect(s.refundAmount).toBe(25000);
    expect(s.refunds.map((r) => [r.refundKey, r.amount])).toEqual([
      ['k1', 10000],
      ['k2', 15000],
    ]);
  });

  it('the documented refund answer', async () => {
    gateway.answer({
      body: {
        status_code: '200',
        status_message: 'Success, refund request is approved',
        transaction_id: '447e846a',
        order_id: 'vtcc05',
        payment_type: 'gopay',
        transaction_time: '2015-06-15 13:36:24',
        transaction_status: 'refund',
        gross_amount: '10000.00',
        refund_chargeback_id: 1,
        refund_amount: '10000.00',
        refund_key: 'reference1',
      },
    });
    const r = await client.refund('vtcc05', {
      refundKey: 'reference1',
      amount: 10000,
      reason: 'for some reason',
    });
    expect(r).toMatchObject({
      refundKey: 'reference1',
      refundAmount: 10000,
      refundChargebackId: 1,
      transactionStatus: 'refund',
    });
    expect(JSON.parse(gateway.requests[0]?.body ?? '')).toEqual({
      refund_key: 'reference1',
      amount: 10000,
      reason: 'for some reason',
    });
  });

  it('a refund without a key is sent with a generated one, which the caller gets back', async () => {
    gateway.answer({
      body: { status_code: '200', order_id: 'o-1', transaction_status: 'refund', refund_amount: '5000.00' },
    });
    const r = await client.refund('o-1', {}, { direct: true });
    const sent = JSON.parse(gateway.requests[0]?.body ?? '');
    expect(gateway.requests[0]?.path).toBe('/v2/o-1/refund/online/direct');
    expect(sent.refund_key).toMatch(/^[A-Za-z0-9-_]+$/);
    expect(r.refundKey).toBe(sent.refund_key);
  });
});

describe('error answers, wherever Midtrans puts the code', () => {
  it.each([
    [
      400,
      {
        status_code: '400',
        status_message: 'One or more parameters in the payload is invalid.',
        validation_messages: ['transaction_details.order_id is required'],
      },
      'validation',
    ],
    [
      401,
      {
        status_code: '401',
        status_message: 'Transaction cannot be authorized with the current client/server key.',
      },
      'unauthorized',
    ],
    [
      200,
      {
        status_code: '401',
        status_message: 'Transaction cannot be authorized with the current client/server key.',
      },
      'unauthorized',
    ],
    [
      200,
      { status_code: '402', status_message: "Merchant doesn't have access for this payment type" },
      'payment-type-not-enabled',
    ],
    [
      200,
      {
        status_code: '406',
        status_message:
          'The request could not be completed due to a conflict with the current state of the target resource, please try again',
      },
      'duplicate',
    ],
    [200, { status_code: '410', status_message: 'GoPay user is blocked' }, 'account-blocked'],
    [200, { status_code: '500', status_message: 'Internal Server Error' }, 'server-error'],
    [
      503,
      { status_code: '503', status_message: 'Bank/partner is experiencing connection issue.' },
      'server-error',
    ],
    [500, { message: 'An unexpected error occurred' }, 'server-error'],
  ])('HTTP %i with %j on a charge → %s', async (status, body, code) => {
    gateway.answer({ status, body });
    const e = await failure(
      client.charge({ paymentType: 'gopay', orderId: 'o-err', grossAmount: 1000 }, ik()),
    );
    expect(e.code).toBe(code);
    expect(e.httpStatus).toBe(status);
    // Only a server error leaves the charge's fate unknown.
    expect(e.ambiguous).toBe(code === 'server-error');
    if (code === 'validation')
      expect(e.validationMessages).toEqual(['transaction_details.order_id is required']);
    if ('status_message' in body) expect(e.message).toContain(body.status_message);
  });

  it('429 carries Retry-After', async () => {
    gateway.answer({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { message: 'API rate limit exceeded' },
    });
    const e = await failure(client.status('o-1'));
    expect(e).toMatchObject({ code: 'rate-limited', retryAfterMs: 7000 });
  });

  it('status of an unknown order: 404 inside HTTP 200; findStatus answers null', async () => {
    const notFound = { status_code: '404', status_message: "Transaction doesn't exist.", id: 'ca1774d3' };
    gateway.answer({ body: notFound }, { body: notFound });
    expect(await client.findStatus('nope')).toBeNull();
    expect(await failure(client.status('nope'))).toMatchObject({
      code: 'not-found',
      statusCode: '404',
      httpStatus: 200,
    });
  });

  it('an HTML 404 page does not crash the client', async () => {
    gateway.answer({
      status: 404,
      body: '<html><head><title>- Ups -</title></head><body>Not found</body></html>',
    });
    const e = await failure(client.status('o-1'));
    expect(e.code).toBe('not-found');
    expect(e.message).toMatch(/not JSON/);
  });

  it('412 and 414 on actions', async () => {
    gateway.answer(
      {
        body: { status_code: '412', status_message: 'Merchant cannot modify the status of the transaction' },
      },
      { body: { status_code: '414', status_message: 'Refund request is rejected due to invalid amount' } },
    );
    expect((await failure(client.cancel('o-1'))).code).toBe('invalid-state');
    expect((await failure(client.refund('o-1', { amount: 5 }))).code).toBe('refund-rejected');
  });

  it('HTTP 202 on a charge means an identical request is still in flight: ambiguous', async () => {
    gateway.answer({ status: 202, body: { message: 'still processing' } });
    expect(
      await failure(client.charge({ paymentType: 'gopay', orderId: 'o-202', grossAmount: 1000 }, ik())),
    ).toMatchObject({ code: 'in-progress', ambiguous: true });
  });

  it.each([
    ['HTML with HTTP 200', '<html>ok</html>'],
    ['truncated JSON', '{"status_code":"201","order_'],
    ['an empty body', ''],
    ['a JSON array', []],
  ])(
    'a charge answered with %s is malformed and ambiguous; a status is not ambiguous',
    async (_label, body) => {
      gateway.answer({ body }, { body });
      expect(
        await failure(client.charge({ paymentType: 'gopay', orderId: 'o-bad', grossAmount: 1000 }, ik())),
      ).toMatchObject({ code: 'malformed-response', ambiguous: true });
      expect(await failure(client.status('o-bad'))).toMatchObject({
        code: 'malformed-response',
        ambiguous: false,
      });
    },
  );

  it.each([
    ['another order', { ...GOPAY_CHARGE, order_id: 'someone-else' }, /not c3a7/],
    ['another amount', { ...GOPAY_CHARGE, gross_amount: '70000.00' }, /70000/],
    ['a fractional amount', { ...GOPAY_CHARGE, gross_amount: '7000.50' }, /not a whole rupiah/],
    ['a bad time', { ...GOPAY_CHARGE, transaction_time: '22/06/2024 15:45' }, /transaction_time/],
    ['an unknown status', { ...GOPAY_CHARGE, transaction_status: 'weird' }, /transaction_status/],
    ['no QR at all', { ...GOPAY_CHARGE, actions: [] }, /neither a QR code URL nor a qr_string/],
  ])('a charge answer for %s is refused as malformed', async (_label, body, message) => {
    gateway.answer({ body });
    const e = await failure(
      client.charge({ paymentType: 'gopay', orderId: GOPAY_CHARGE.order_id, grossAmount: 7000 }, ik()),
    );
    expect(e).toMatchObject({ code: 'malformed-response', ambiguous: true });
    expect(e.message).toMatch(message);
  });

  it('a qr_string with a broken CRC or another amount is never shown', async () => {
    const tampered = QRIS_CHARGE.qr_string.replace('5409100000.00', '5409900000.00');
    gateway.answer({ body: { ...QRIS_CHARGE, qr_string: tampered } });
    expect(
      (
        await failure(
          client.charge({ paymentType: 'qris', orderId: QRIS_CHARGE.order_id, grossAmount: 100000 }, ik()),
        )
      ).message,
    ).toMatch(/CRC/);
  });
});

describe('signature_key on status answers', () => {
  const settled = {
    order_id: 'sig-1',
    transaction_id: 't-sig-1',
    status_code: '200',
    gross_amount: '44000.00',
    payment_type: 'gopay',
    transaction_status: 'settlement',
    fraud_status: 'accept',
  };

  it('a tampered signature is a security event and never paid', async () => {
    const forged = signed(settled);
    forged.signature_key = computeSignatureKey('sig-1', '200', '44000.00', 'SB-Mid-server-attacker');
    gateway.answer({ body: forged });
    const e = await failure(client.status('sig-1'));
    expect(e).toBeInstanceOf(MidtransSignatureError);
    expect(e.code).toBe('signature-mismatch');
    expect(securityEvents).toEqual([
      {
        type: 'signature-mismatch',
        operation: 'status',
        orderId: 'sig-1',
        transactionId: 't-sig-1',
        statusCode: '200',
        transactionStatus: 'settlement',
      },
    ]);
  });

  it('an amount changed after signing fails verification', async () => {
    gateway.answer({ body: { ...signed(settled), gross_amount: '4400.00' } });
    expect((await failure(client.status('sig-1'))).code).toBe('signature-mismatch');
  });

  it('a status code changed after signing fails verification', async () => {
    gateway.answer({
      body: {
        ...signed({ ...settled, status_code: '201', transaction_status: 'pending' }),
        status_code: '200',
        transaction_status: 'settlement',
      },
    });
    expect((await failure(client.status('sig-1'))).code).toBe('signature-mismatch');
  });

  it('a missing signature is reported and refused too', async () => {
    gateway.answer({ body: settled });
    expect((await failure(client.status('sig-1'))).code).toBe('signature-mismatch');
    expect(securityEvents[0]?.type).toBe('signature-missing');
  });

  it('a throwing security listener cannot turn a forgery into a payment', async () => {
    const noisy = new MidtransClient({
      serverKey: KEY,
      baseUrl: gateway.url,
      onSecurityEvent: () => {
        throw new Error('listener broke');
      },
    });
    gateway.answer({ body: settled });
    expect((await failure(noisy.status('sig-1'))).code).toBe('signature-mismatch');
    noisy.close();
  });

  it('an answer about a different order is refused', async () => {
    gateway.answer({ body: signed({ ...settled, order_id: 'sig-2', transaction_id: 't-sig-2' }) });
    expect((await failure(client.status('sig-1'))).code).toBe('malformed-response');
  });
});
