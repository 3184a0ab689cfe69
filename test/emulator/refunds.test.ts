/**
 * The emulator's refunds beyond the basic ones (lifecycle.test.ts): a refund made on the
 * dashboard, a chargeback, the refunds a gateway turns down (issuer, window), a 5xx after the
 * refund was made, and all of it in the status answer and over the control surface.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmulatorControlError } from '../../main/emulator/index.ts';
import { computeSignatureKey } from '../../main/midtrans/signature.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.emu.close();
});

const DAY = 86_400_000;

/** The status answer is signed over its own code and amount, as every status answer is. */
function verifySignatureOf(body: Record<string, unknown>, serverKey: string): void {
  const {
    order_id: id,
    status_code: code,
    gross_amount: gross,
    signature_key: sig,
  } = body as Record<string, string>;
  expect(sig).toBe(computeSignatureKey(id ?? '', code ?? '', gross ?? '', serverKey));
}
const refund = (id: string, body: unknown) => h.call('POST', `/v2/${id}/refund`, body);
const status = async (id: string) => (await h.call('GET', `/v2/${id}/status`)).json;

async function paidOrder(paymentType: 'gopay' | 'qris', amount: number, issuer = 'gopay'): Promise<string> {
  const order = await h.newOrder(paymentType, amount);
  const id = order['order_id'] as string;
  h.emu.control.pay(id, { issuer, via: 'qris' });
  return id;
}

describe('a refund the kiosk did not make (the dashboard)', () => {
  it('shows in status with a key Midtrans made up, counts in refund_amount, and leaves the rest refundable', async () => {
    const id = await paidOrder('qris', 30000);
    const after = h.emu.control.refund(id, { amount: 10000, reason: 'dari dasbor' });
    expect(after).toMatchObject({ transactionStatus: 'partial_refund', refundedAmount: 10000 });
    expect(after.refunds[0]).toMatchObject({ kind: 'refund', amount: 10000, reason: 'dari dasbor' });
    expect(after.refunds[0]?.refundKey).toMatch(/^[0-9a-f-]{36}$/);

    const s = await status(id);
    expect(s).toMatchObject({ transaction_status: 'partial_refund', refund_amount: '10000.00' });
    expect(s['refunds']).toEqual([
      expect.objectContaining({ refund_amount: '10000.00', refund_method: 'online', reason: 'dari dasbor' }),
    ]);
    verifySignatureOf(s, h.emu.serverKey);

    // The kiosk's own refund of what is left still goes through; more than that is 414.
    expect((await refund(id, { refund_key: 'K-1', amount: 20001 })).json).toMatchObject({
      status_code: '414',
    });
    expect((await refund(id, { refund_key: 'K-1', amount: 20000 })).json).toMatchObject({
      status_code: '200',
      transaction_status: 'refund',
    });
    expect(() => h.emu.control.refund(id)).toThrow(/is refund/);
  });

  it('refuses what a dashboard would refuse: an unpaid order, more than is left, nonsense', async () => {
    const pending = (await h.newOrder('qris', 5000))['order_id'] as string;
    expect(() => h.emu.control.refund(pending)).toThrow(EmulatorControlError);
    const id = await paidOrder('qris', 5000);
    expect(() => h.emu.control.refund(id, { amount: 5001 })).toThrow(/more than is left/);
    expect(() => h.emu.control.refund(id, { amount: 1.5 })).toThrow(/whole number/);
    expect(() => h.emu.control.refund('ghost')).toThrow(/no such order/);
    expect(h.emu.control.get(id)?.refunds).toEqual([]);
  });
});

describe('a chargeback', () => {
  it('is listed with the refunds (its own method), counted, and ends refunds', async () => {
    const id = await paidOrder('qris', 20000);
    await refund(id, { refund_key: 'K-part', amount: 5000 });
    const partly = h.emu.control.chargeback(id, 5000);
    expect(partly).toMatchObject({ transactionStatus: 'partial_chargeback', refundedAmount: 10000 });
    const s = await status(id);
    expect(s).toMatchObject({
      status_code: '200',
      transaction_status: 'partial_chargeback',
      refund_amount: '10000.00',
    });
    expect((s['refunds'] as Record<string, unknown>[]).map((r) => r['refund_method'])).toEqual([
      'online',
      'chargeback',
    ]);
    verifySignatureOf(s, h.emu.serverKey);
    // The merchant can no longer refund a payment the bank is taking back.
    expect((await refund(id, { refund_key: 'K-late', amount: 1000 })).json).toMatchObject({
      status_code: '412',
    });
    expect(h.emu.control.chargeback(id).transactionStatus).toBe('chargeback');
    expect(h.emu.control.get(id)?.refundedAmount).toBe(20000);
    expect(() => h.emu.control.chargeback(id)).toThrow(/cannot charge back/);
  });

  it('keeps the order_id taken: a new charge with it is 406', async () => {
    const order = await h.newOrder('qris', 7000);
    const id = order['order_id'] as string;
    h.emu.control.pay(id);
    h.emu.control.chargeback(id);
    const again = await h.charge({
      payment_type: 'qris',
      transaction_details: { order_id: id, gross_amount: 7000 },
    });
    expect(again.json).toMatchObject({ status_code: '406' });
  });
});

describe('refunds the gateway turns down', () => {
  it('an issuer that will not take money back: "202 Refund denied by the bank", nothing refunded', async () => {
    h.emu.control.setRefundRules({ deniedIssuers: ['BCA'] });
    const id = await paidOrder('qris', 12000, 'bca');
    const a = await refund(id, { refund_key: 'K-den', amount: 2000 });
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({
      status_code: '202',
      status_message: 'Refund denied by the bank',
      transaction_status: 'settlement',
      refund_amount: '0.00',
      refund_key: 'K-den',
      order_id: id,
    });
    expect(h.emu.control.get(id)).toMatchObject({ transactionStatus: 'settlement', refundedAmount: 0 });
    // The same rule for a GoPay-issued payment does not apply.
    const gopay = await paidOrder('qris', 12000, 'gopay');
    expect((await refund(gopay, { refund_key: 'K-ok', amount: 2000 })).json).toMatchObject({
      status_code: '200',
    });
  });

  it.each([
    ['QRIS off-us', 'qris', 'ovo', 7],
    ['QRIS on-us', 'qris', 'gopay', 45],
  ] as const)(
    '%s: refundable for %s… %i days after settlement, 412 after',
    async (_name, type, issuer, days) => {
      const early = await paidOrder(type, 9000, issuer);
      const late = await paidOrder(type, 9000, issuer);
      h.emu.control.advanceClock(days * DAY - 60_000);
      expect((await refund(early, { refund_key: `K-${issuer}-in`, amount: 1000 })).json).toMatchObject({
        status_code: '200',
      });
      h.emu.control.advanceClock(120_000);
      expect((await refund(late, { refund_key: `K-${issuer}-out`, amount: 1000 })).json).toMatchObject({
        status_code: '412',
      });
      h.emu.control.setRefundRules({ enforceWindows: false });
      expect((await refund(late, { refund_key: `K-${issuer}-off`, amount: 1000 })).json).toMatchObject({
        status_code: '200',
      });
    },
  );

  it('a retried refund_key is replayed before any rule: the first answer stands', async () => {
    const id = await paidOrder('qris', 9000, 'ovo');
    const first = await refund(id, { refund_key: 'K-first', amount: 1000 });
    h.emu.control.setRefundRules({ deniedIssuers: ['ovo'] });
    expect((await refund(id, { refund_key: 'K-first', amount: 1000 })).json).toEqual(first.json);
  });
});

describe('a 5xx after the refund was made', () => {
  it('the refund stands although the answer was an error; status tells the truth', async () => {
    const id = await paidOrder('qris', 6000);
    h.emu.control.injectFault({
      target: 'refund',
      fault: { kind: 'http-error', httpStatus: 502, processed: true },
    });
    const a = await refund(id, { refund_key: 'K-502', amount: 6000 });
    expect(a.status).toBe(502);
    expect((await status(id))['refunds']).toEqual([expect.objectContaining({ refund_key: 'K-502' })]);
  });

  it('without `processed` a 5xx is in front of the gateway: nothing happened', async () => {
    const id = await paidOrder('qris', 6000);
    h.emu.control.injectFault({ target: 'refund', fault: { kind: 'http-error', httpStatus: 503 } });
    expect((await refund(id, { refund_key: 'K-503', amount: 6000 })).status).toBe(503);
    expect(h.emu.control.get(id)?.refunds).toEqual([]);
  });
});

describe('over the control surface', () => {
  const control = (path: string, body?: unknown) => h.call('POST', `/_emulator/${path}`, body);

  it('refund, chargeback and the refund rules, with 400/404/409 for what cannot be done', async () => {
    const id = await paidOrder('qris', 10000, 'ovo');
    expect((await control(`orders/${id}/refund`, { amount: 1000, reason: 'dashboard' })).json).toMatchObject({
      refundedAmount: 1000,
    });
    expect((await control(`orders/${id}/chargeback`, { amount: 2000 })).json).toMatchObject({
      transactionStatus: 'partial_chargeback',
      refundedAmount: 3000,
    });
    expect((await control(`orders/${id}/refund`, {})).status).toBe(409);
    expect((await control(`orders/${id}/chargeback`, { reason: 'x' })).status).toBe(400);
    expect((await control(`orders/${id}/refund`, { amount: 'lots' })).status).toBe(400);
    expect((await control('orders/ghost/refund', {})).status).toBe(404);

    expect((await control('refund-rules', { deniedIssuers: ['ovo'] })).status).toBe(200);
    expect((await control('refund-rules', { deniedIssuers: 'ovo' })).status).toBe(400);
    expect((await control('refund-rules', { other: true })).status).toBe(400);
    const other = await paidOrder('qris', 10000, 'ovo');
    expect((await refund(other, { refund_key: 'K-x', amount: 10 })).json).toMatchObject({
      status_code: '202',
    });
  });

  it('a processed 5xx can be injected over HTTP too', async () => {
    const rule = { target: 'refund', fault: { kind: 'http-error', httpStatus: 500, processed: true } };
    expect((await h.call('POST', '/_emulator/faults', rule)).status).toBe(201);
    const bad = { target: 'refund', fault: { kind: 'http-error', httpStatus: 500, processed: 'yes' } };
    expect((await h.call('POST', '/_emulator/faults', bad)).json).toMatchObject({
      error: 'http-error.processed must be true or false',
    });
  });
});
