/**
 * The refund call's answer checks: an approval is acted on only when it is this refund's (this
 * order, this refund_key, this amount, a refund state); anything else is ambiguous, for a status
 * lookup to settle; "Refund denied by the bank" is a refusal. And the status answer's refund
 * figures must add up.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MidtransClient } from '../../main/midtrans/client.ts';
import { computeSignatureKey } from '../../main/midtrans/signature.ts';
import { failure } from '../support/failure.ts';
import { startScriptedGateway, type ScriptedGateway } from '../support/scripted-gateway.ts';

const KEY = 'SB-Mid-server-refund-0123456789';
let gateway: ScriptedGateway;
let client: MidtransClient;

beforeAll(async () => {
  gateway = await startScriptedGateway();
  client = new MidtransClient({ serverKey: KEY, baseUrl: gateway.url });
});
afterAll(async () => {
  client.close();
  await gateway.close();
});
afterEach(() => {
  expect(gateway.pending()).toBe(0);
  gateway.reset();
});

const APPROVED = {
  status_code: '200',
  status_message: 'Success, refund request is approved',
  transaction_id: 'tx-1',
  order_id: 'K-1',
  payment_type: 'qris',
  transaction_status: 'partial_refund',
  gross_amount: '50000.00',
  refund_chargeback_id: 7,
  refund_amount: '20000.00',
  refund_key: 'RF-1',
};

const ask = () => client.refund('K-1', { refundKey: 'RF-1', amount: 20000, reason: 'rusak' });

describe('a refund answer is acted on only when it is this refund', () => {
  it('accepts the approval for this order, key and amount', async () => {
    gateway.answer({ body: APPROVED });
    expect(await ask()).toMatchObject({ refundKey: 'RF-1', refundAmount: 20000, refundChargebackId: 7 });
  });

  it.each([
    ['another order', { order_id: 'K-2', transaction_id: 'tx-2' }, /for order K-2/],
    ['another refund_key', { refund_key: 'RF-9' }, /refund_key RF-9/],
    ['another amount', { refund_amount: '2000.00' }, /2000 was refunded, not the 20000/],
    ['no amount', { refund_amount: undefined }, /how much/],
    ['a state that is not refunded', { transaction_status: 'settlement' }, /not refunded/],
    ['another success code', { status_code: '201' }, /status_code 201/],
    [
      'more than was paid',
      { gross_amount: '10000.00', refund_amount: '20000.00' },
      /not the 20000|of a 10000/,
    ],
  ])('%s: malformed and ambiguous (look it up)', async (_what, change, words) => {
    gateway.answer({ body: { ...APPROVED, ...change } });
    const e = await failure(ask());
    expect(e).toMatchObject({ code: 'malformed-response', ambiguous: true, operation: 'refund' });
    expect(e.message).toMatch(words);
  });

  it('"Refund denied by the bank" (202) is a refusal, not a doubt', async () => {
    gateway.answer({
      body: {
        ...APPROVED,
        status_code: '202',
        status_message: 'Refund denied by the bank',
        transaction_status: 'settlement',
        refund_amount: '0.00',
      },
    });
    const e = await failure(ask());
    expect(e).toMatchObject({ code: 'refund-denied', ambiguous: false, statusCode: '202' });
    expect(e.message).toContain('Refund denied by the bank');
  });

  it('the refund_key and amount sent are the ones asked, and a resend carries the same Idempotency-Key', async () => {
    gateway.answer({ body: APPROVED }, { body: APPROVED });
    await ask();
    await ask();
    const [first, second] = gateway.requests;
    expect(JSON.parse(first?.body ?? '')).toEqual({ refund_key: 'RF-1', amount: 20000, reason: 'rusak' });
    expect(first?.headers['idempotency-key']).toBeDefined();
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });
});

function signedStatus(extra: Record<string, unknown>) {
  const body = {
    status_code: '200',
    transaction_id: 'tx-1',
    order_id: 'K-1',
    gross_amount: '50000.00',
    payment_type: 'qris',
    transaction_status: 'partial_refund',
    ...extra,
  };
  return { ...body, signature_key: computeSignatureKey('K-1', '200', '50000.00', KEY) };
}

describe("a status answer's refund figures", () => {
  it('reads every entry: key, amount, the gateway id, method and bank confirmation', async () => {
    gateway.answer({
      body: signedStatus({
        refund_amount: '30000.00',
        refunds: [
          {
            refund_chargeback_id: 3,
            refund_amount: '30000.00',
            refund_key: 'RF-1',
            refund_method: 'online',
            created_at: '2026-11-24 10:00:00',
            bank_confirmed_at: '2026-11-24 10:00:05',
          },
        ],
      }),
    });
    const s = await client.status('K-1');
    expect(s.refundAmount).toBe(30000);
    expect(s.refunds).toEqual([
      expect.objectContaining({ refundKey: 'RF-1', amount: 30000, refundChargebackId: 3, method: 'online' }),
    ]);
    expect(s.refunds[0]?.bankConfirmedAt).toBeGreaterThan(s.refunds[0]?.createdAt ?? Infinity);
  });

  it('a list that does not add up to refund_amount is refused', async () => {
    gateway.answer({
      body: signedStatus({
        refund_amount: '30000.00',
        refunds: [{ refund_amount: '10000.00', refund_key: 'a' }],
      }),
    });
    expect((await failure(client.status('K-1'))).message).toMatch(
      /add up to 10000 but refund_amount says 30000/,
    );
  });

  it('more refunded than was paid is refused', async () => {
    gateway.answer({ body: signedStatus({ refund_amount: '60000.00' }) });
    expect((await failure(client.status('K-1'))).message).toMatch(/more than gross_amount/);
  });

  it('refund_amount without a list is taken as it is; a list without refund_amount is summed', async () => {
    gateway.answer(
      { body: signedStatus({ refund_amount: '5000.00' }) },
      { body: signedStatus({ refunds: [{ refund_amount: '4000.00', refund_key: 'a' }] }) },
    );
    expect((await client.status('K-1')).refundAmount).toBe(5000);
    expect((await client.status('K-1')).refundAmount).toBe(4000);
  });
});
