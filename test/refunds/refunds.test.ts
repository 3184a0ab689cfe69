/**
 * Refunds of paid QRIS/GoPay orders and of sales (cash, split) through the desk: journaled before
 * the gateway is asked, full or partial up to what is left, bad requests refused with nothing
 * written, cash from the drawer with no gateway call, and every figure the screens read after.
 */
import { describe, expect, it } from 'vitest';
import { OffsetClock } from '../../main/clock.ts';
import { rejection, startRefundHarness, until } from './harness.ts';

const DAY = 86_400_000;

describe('a refund of a paid QRIS/GoPay order', () => {
  it('is journaled with its refund_key before the gateway hears of it', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(30_000);
    h.emu.control.injectFault({ target: 'refund', fault: { kind: 'delay', ms: 300 } });
    const made = h.desk.create({ orderId: order.orderId, reason: 'Barang rusak' }, 'manager');
    // The moment the gateway has the request, the journal already holds it, with the same key.
    await until(() => h.refundRequests() === 1, 'the refund request at the gateway');
    const journaled = h.desk.store.ofOrder(order.orderId);
    expect(journaled).toHaveLength(1);
    expect(journaled[0]).toMatchObject({
      state: 'requested',
      amount: 30_000,
      sends: 1,
      requestedBy: 'manager',
    });
    const outcome = await made;
    expect(outcome.complete).toBe(true);
    expect(outcome.refunds).toEqual([
      expect.objectContaining({ refundKey: journaled[0]?.refundKey, state: 'refunded', tender: 'gateway' }),
    ]);
    expect(h.gatewayRefunds(order.orderId)).toEqual([
      { refundKey: journaled[0]?.refundKey, amount: 30_000, kind: 'refund' },
    ]);
    // The order is still what it was (paid); what went back is read beside it.
    expect(h.engine.get(order.orderId)).toMatchObject({
      state: 'settlement',
      grossAmount: 30_000,
      refunded: { count: 1, amount: 30_000, inDoubt: 0 },
    });
    // The call and its lookup are in the order's own timeline, with the refund_key.
    const calls = h.journal.events(order.orderId).filter((e) => e.detail.purpose === 'refund');
    expect(calls.map((e) => e.detail.operation)).toEqual(['status', 'refund']);
    expect(
      calls.every((e) => e.detail.refundKey === undefined || e.detail.refundKey === journaled[0]?.refundKey),
    ).toBe(true);
  });

  it('partial, then the rest; then nothing is left and a third is refused with nothing written', async () => {
    const h = await startRefundHarness();
    const order = await h.paidOrder(50_000);
    const first = await h.desk.create(
      { orderId: order.orderId, amount: 20_000, reason: 'Satu barang kembali' },
      'm',
    );
    expect(first.summary).toMatchObject({ paid: 50_000, refunded: 20_000, left: 30_000 });
    expect(h.emu.control.get(order.orderId)?.transactionStatus).toBe('partial_refund');

    const tooMuch = await rejection(
      h.desk.create({ orderId: order.orderId, amount: 30_001, reason: 'x' }, 'm'),
    );
    expect(tooMuch).toMatchObject({ code: 'refund-too-large' });
    expect((tooMuch as { words: { en: string } }).words.en).toContain('Only Rp 30.000 is left');

    const rest = await h.desk.create({ orderId: order.orderId, reason: 'Sisanya' }, 'm');
    expect(rest.refunds[0]).toMatchObject({ amount: 30_000, state: 'refunded' });
    expect(rest.summary).toMatchObject({ refunded: 50_000, left: 0 });
    expect(h.emu.control.get(order.orderId)).toMatchObject({
      transactionStatus: 'refund',
      refundedAmount: 50_000,
    });

    const requests = h.refundRequests();
    const none = await rejection(h.desk.create({ orderId: order.orderId, reason: 'lagi' }, 'm'));
    expect(none).toMatchObject({ code: 'refund-too-large' });
    expect(h.refundRequests()).toBe(requests);
    expect(h.desk.store.ofOrder(order.orderId)).toHaveLength(2);
  });

  it('refuses what cannot be refunded, with nothing written and nothing sent', async () => {
    const h = await startRefundHarness();
    const pending = await h.engine.startSale({ paymentType: 'qris', amount: 9000 });
    const cancelled = await h.engine.startSale({ paymentType: 'qris', amount: 9000 });
    await h.engine.cancel(cancelled.orderId);
    await until(() => h.engine.get(cancelled.orderId)?.state === 'cancel', 'the cancel');
    const paid = await h.paidOrder(9000);

    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ orderId: pending.orderId, reason: 'x' }, 'refund-not-allowed', /not paid yet/],
      [{ orderId: cancelled.orderId, reason: 'x' }, 'refund-not-allowed', /ended unpaid/],
      [{ orderId: 'K-NOPE', reason: 'x' }, 'unknown-order', /not found/],
      [{ saleId: 'S-NOPE', reason: 'x' }, 'unknown-order', /not found/],
      [{ orderId: paid.orderId, amount: 1000.5, reason: 'x' }, 'refund-invalid', /cannot be made/],
      [{ orderId: paid.orderId, amount: 0, reason: 'x' }, 'refund-invalid', /cannot be made/],
      [{ orderId: paid.orderId, reason: '   ' }, 'refund-invalid', /cannot be made/],
      [{ orderId: paid.orderId, saleId: 'S-1', reason: 'x' }, 'refund-invalid', /cannot be made/],
      [{ reason: 'x' }, 'refund-invalid', /cannot be made/],
      [{ orderId: paid.orderId, amount: 9001, reason: 'x' }, 'refund-too-large', /Only Rp 9\.000 is left/],
    ];
    for (const [request, code, words] of cases) {
      const e = await rejection(h.desk.create(request as never, 'm'));
      expect(e.code, JSON.stringify(request)).toBe(code);
      expect((e as { words: { en: string; id: string } }).words.en).toMatch(words);
      expect((e as { words: { id: string } }).words.id.length).toBeGreaterThan(10);
    }
    const invalid = await rejection(h.desk.create({ orderId: paid.orderId, amount: 1.5, reason: '' }, 'm'));
    expect((invalid.problems as { field: string }[]).map((p) => p.field)).toEqual(['amount', 'reason']);
    expect(h.refundRequests()).toBe(0);
    expect(h.journal.database.prepare('SELECT count(*) AS n FROM refunds').get()).toEqual({ n: 0 });
  });
});

describe('cash', () => {
  it('a cash sale is refunded from the drawer: journaled, the drawer pulsed, no gateway call', async () => {
    const h = await startRefundHarness();
    const sale = await h.cashSale(25_000);
    const part = await h.desk.create({ saleId: sale.saleId, amount: 10_000, reason: 'Kembalian salah' }, 'm');
    expect(part.refunds).toEqual([
      expect.objectContaining({ tender: 'cash', state: 'refunded', amount: 10_000 }),
    ]);
    expect(part.message?.en).toContain('Hand Rp 10.000 in cash');
    expect(h.drawer).toEqual([expect.objectContaining({ saleId: sale.saleId, amount: 10_000 })]);
    expect(h.events.at(-1)).toMatchObject({ drawer: true, refund: { tender: 'cash' } });
    const rest = await h.desk.create({ saleId: sale.saleId, reason: 'Sisanya' }, 'm');
    expect(rest.summary).toMatchObject({ paid: 25_000, refunded: 25_000, left: 0, cashLeft: 0 });
    expect(h.refundRequests()).toBe(0);
    expect(h.emu.control.requests().filter((r) => r.target === 'status')).toHaveLength(0);
    expect(
      await rejection(h.desk.create({ saleId: sale.saleId, amount: 1, reason: 'x' }, 'm')),
    ).toMatchObject({
      code: 'refund-too-large',
    });
    // The sale is still what it was; what went back is beside it.
    expect(h.till.view(sale.saleId)).toMatchObject({
      state: 'paid',
      paid: 25_000,
      refunded: { amount: 25_000, cash: 25_000, inDoubt: 0 },
    });
  });

  it('a split sale: a part up to its cash comes from the drawer; beyond it the QRIS payment first, then the drawer', async () => {
    const h = await startRefundHarness();
    const sale = await h.splitSale(30_000, 10_000);
    const orderId = sale.charges[0]?.orderId ?? '';
    // The gateway cannot even be asked: a part the drawer covers does not need it.
    h.emu.control.injectFault({
      target: 'any',
      times: Infinity,
      fault: { kind: 'http-error', httpStatus: 503 },
    });
    const small = await h.desk.create({ saleId: sale.saleId, amount: 4000, reason: 'Satu tusuk' }, 'm');
    expect(small.refunds.map((r) => r.tender)).toEqual(['cash']);
    expect(h.refundRequests()).toBe(0);
    h.emu.control.clearFaults();

    const big = await h.desk.create({ saleId: sale.saleId, amount: 20_000, reason: 'Sisa pesanan' }, 'm');
    expect(big.refunds.map((r) => [r.tender, r.amount])).toEqual([
      ['gateway', 14_000],
      ['cash', 6000],
    ]);
    expect(h.gatewayRefunds(orderId).map((r) => r.amount)).toEqual([14_000]);
    expect(big.summary).toMatchObject({ paid: 30_000, refunded: 24_000, left: 6000, cashLeft: 0 });
    const rest = await h.desk.create({ saleId: sale.saleId, reason: 'Semua' }, 'm');
    expect(rest.refunds.map((r) => [r.tender, r.amount])).toEqual([['gateway', 6000]]);
    expect(h.gatewayRefunds(orderId).map((r) => r.amount)).toEqual([14_000, 6000]);
    expect(h.drawer.map((d) => d.amount)).toEqual([4000, 6000]);
  });

  it('a split sale whose QRIS part the gateway refuses: the drawer stays shut, nothing is paid', async () => {
    const h = await startRefundHarness();
    h.emu.control.setRefundRules({ deniedIssuers: ['bca'] });
    const sale = await h.splitSale(30_000, 10_000, 'bca');
    const e = await rejection(h.desk.create({ saleId: sale.saleId, reason: 'Batal' }, 'm'));
    expect(e.code).toBe('refund-refused');
    expect((e as { words: { en: string } }).words.en).toMatch(
      /declined this refund.*cash part was not paid out/,
    );
    expect(h.drawer).toEqual([]);
    expect(h.desk.summary({ saleId: sale.saleId })).toMatchObject({ refunded: 0, left: 30_000 });
    expect(h.desk.store.ofSale(sale.saleId).map((r) => [r.state, r.refusal])).toEqual([
      ['refused', 'issuer-declined'],
    ]);
  });

  it('an open or voided sale has nothing to refund', async () => {
    const h = await startRefundHarness();
    const open = await h.till.start({
      lines: [{ name: 'Es teh', unitPrice: 5000, quantity: 1 }],
      tender: { kind: 'gateway', paymentType: 'qris' },
    });
    expect(await rejection(h.desk.create({ saleId: open.saleId, reason: 'x' }, 'm'))).toMatchObject({
      code: 'refund-not-allowed',
    });
  });
});

describe("refusals: the shop's rules, then the gateway's", () => {
  it('the window per how the customer paid, checked before anything is written or sent', async () => {
    const clock = new OffsetClock();
    const h = await startRefundHarness({ clock });
    const offUs = await h.paidOrder(8000, { issuer: 'ovo' });
    const onUs = await h.paidOrder(8000, { issuer: 'gopay' });
    clock.advance(8 * DAY);
    const late = await rejection(h.desk.create({ orderId: offUs.orderId, reason: 'x' }, 'm'));
    expect(late).toMatchObject({ code: 'refund-refused' });
    expect((late as { words: { en: string } }).words.en).toContain('7 days after payment for QRIS with ovo');
    expect(h.refundRequests()).toBe(0);
    expect(h.desk.store.ofOrder(offUs.orderId)).toEqual([]);
    // On-us has 45 days.
    expect((await h.desk.create({ orderId: onUs.orderId, reason: 'x' }, 'm')).complete).toBe(true);
  });

  it('issuers without refunds, and issuers that take only a full refund (settings)', async () => {
    const h = await startRefundHarness({ desk: { policy: { issuersWithoutRefunds: ['LinkAja'] } } });
    const linkaja = await h.paidOrder(8000, { issuer: 'linkaja' });
    const ovo = await h.paidOrder(8000, { issuer: 'ovo' });
    expect(await rejection(h.desk.create({ orderId: linkaja.orderId, reason: 'x' }, 'm'))).toMatchObject({
      code: 'refund-refused',
      words: { en: expect.stringContaining('linkaja does not accept refunds') },
    });
    expect(
      await rejection(h.desk.create({ orderId: ovo.orderId, amount: 1000, reason: 'x' }, 'm')),
    ).toMatchObject({
      code: 'refund-refused',
      words: { en: expect.stringContaining('takes only a full refund') },
    });
    expect((await h.desk.create({ orderId: ovo.orderId, reason: 'x' }, 'm')).complete).toBe(true);
    expect(h.refundRequests()).toBe(1);
  });

  it.each([
    ['the issuer declines (202)', 'issuer-declined', /declined this refund/],
    ['the window has passed at the gateway (412)', 'not-refundable', /will not refund this payment now/],
    ['the amount is refused (414)', 'amount-rejected', /refused the amount/],
  ] as const)('%s: journaled as refused, nothing refunded, a plain message', async (what, refusal, words) => {
    const h = await startRefundHarness({
      // The till's own window is set wide, so the gateway is the one to say no.
      desk: { policy: { windowDays: { qrisOnUs: 999, qrisOffUs: 999, gopayApp: 999, shopeepay: 999 } } },
    });
    const order = await h.paidOrder(12_000, { issuer: 'ovo' });
    if (refusal === 'issuer-declined') h.emu.control.setRefundRules({ deniedIssuers: ['ovo'] });
    if (refusal === 'not-refundable') h.emu.control.advanceClock(8 * DAY);
    if (refusal === 'amount-rejected')
      h.emu.control.injectFault({ target: 'refund', fault: { kind: 'body-error', statusCode: '414' } });
    const e = await rejection(h.desk.create({ orderId: order.orderId, reason: what }, 'm'));
    expect(e.code).toBe('refund-refused');
    expect((e as { words: { en: string } }).words.en).toMatch(words);
    expect(h.desk.store.ofOrder(order.orderId).map((r) => [r.state, r.refusal])).toEqual([
      ['refused', refusal],
    ]);
    expect(h.gatewayRefunds(order.orderId)).toEqual([]);
    expect(h.desk.summary({ orderId: order.orderId })).toMatchObject({ refunded: 0, left: 12_000 });
    expect(h.events.map((ev) => ev.refund.state)).toEqual(['requested', 'refused']);
  });
});

describe('what the screens and the day report read after refunds', () => {
  it('the day report counts each refund once, on the day it was made, and nets the settled total', async () => {
    const h = await startRefundHarness();
    const a = await h.paidOrder(40_000, { issuer: 'dana' });
    const b = await h.paidOrder(10_000, { issuer: 'gopay' });
    const sale = await h.cashSale(5000);
    await h.desk.create({ orderId: a.orderId, amount: 15_000, reason: 'x' }, 'm');
    await h.desk.create({ orderId: a.orderId, amount: 5000, reason: 'y' }, 'm');
    h.emu.control.refund(b.orderId, { amount: 2000, reason: 'dari dasbor' });
    await h.desk.refresh(b.orderId);
    await h.desk.refresh(b.orderId); // asking again finds nothing new
    await h.desk.create({ saleId: sale.saleId, reason: 'tunai' }, 'm');
    const report = h.engine.report();
    expect(report).toMatchObject({
      settledCount: 2,
      settledAmount: 50_000,
      refundedCount: 4,
      refundedAmount: 27_000,
      refundsInDoubt: 0,
      settledNetAmount: 28_000,
    });
    expect(report.refunds).toEqual([
      expect.objectContaining({ tender: 'cash', paymentType: 'cash', count: 1, amount: 5000 }),
      expect.objectContaining({
        tender: 'gateway',
        origin: 'gateway',
        issuer: 'gopay',
        count: 1,
        amount: 2000,
      }),
      expect.objectContaining({
        tender: 'gateway',
        origin: 'kiosk',
        issuer: 'dana',
        count: 2,
        amount: 20_000,
      }),
    ]);
    // The sales' own lines are unchanged: still paid, for what was paid.
    expect(report.lines).toEqual([
      expect.objectContaining({ state: 'settlement', issuer: 'dana', amount: 40_000 }),
      expect.objectContaining({ state: 'settlement', issuer: 'gopay', amount: 10_000 }),
    ]);
    expect(h.engine.get(b.orderId)?.refunded).toEqual({ count: 1, amount: 2000, inDoubt: 0 });
    expect(h.desk.summary({ orderId: b.orderId }).refunds[0]).toMatchObject({
      origin: 'gateway',
      requestedBy: 'midtrans-dashboard',
      reason: 'dari dasbor',
    });
  });
});
