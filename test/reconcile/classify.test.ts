/**
 * Every kind of finding, against the real emulator: the journal and the gateway are made to
 * disagree the ways a real day can, then one run reconciles them.
 */
import { describe, expect, it } from 'vitest';
import { startReconcileHarness } from './harness.ts';

describe('reconciliation classifies every difference', () => {
  it('finds nothing on a day where journal and gateway agree, and asks once per order', async () => {
    const h = await startReconcileHarness();
    const paid = await h.paidSale(15_000);
    const expired = await h.expiredSale(20_000);
    await h.kioskOff();
    const r = h.reconciler();
    const started = r.start(h.today);
    expect(started.total).toBe(2);
    expect(await r.settled()).toBeUndefined();
    const { run, findings } = r.findings(h.today);
    expect(run?.state).toBe('done');
    expect(run?.checked).toBe(2);
    expect(findings).toEqual([]);
    expect(h.asked.map((a) => a.id).sort()).toEqual([paid.transactionId, expired.transactionId].sort());
  });

  it('a pending order paid at the gateway is adopted as paid through the status flow (money at risk)', async () => {
    const h = await startReconcileHarness();
    const order = await h.pendingSale(25_000);
    await h.kioskOff();
    h.emu.control.pay(order.orderId, { issuer: 'gopay', via: 'qris' });
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const [f, ...rest] = r.findings(h.today).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'paid-at-gateway', severity: 'money-at-risk', adopted: true });
    expect(f?.here).toContain('pending');
    expect(f?.gateway).toContain('settlement');
    expect(h.journal.get(order.orderId)?.state).toBe('settlement');
    const events = h.journal.events(order.orderId);
    expect(events.some((e) => e.toState === 'settlement' && e.fromState === 'pending')).toBe(true);
    expect(events.some((e) => e.detail.reconciliation === 'paid-at-gateway')).toBe(true);
  });

  it('a forged settlement (bad signature_key) is a security finding and the order stays unpaid', async () => {
    const h = await startReconcileHarness();
    const order = await h.pendingSale(30_000);
    await h.kioskOff();
    h.forge(
      order.orderId,
      (b) => {
        b['transaction_status'] = 'settlement';
        b['status_code'] = '200';
        b['settlement_time'] = b['transaction_time'];
      },
      false,
    );
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const findings = r.findings(h.today).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'untrusted-answer', severity: 'security', adopted: false });
    expect(h.journal.get(order.orderId)?.state).toBe('pending');
    expect(h.journal.events(order.orderId).some((e) => e.kind === 'security')).toBe(true);
  });

  it('a correctly signed settlement without a settlement_time is not released', async () => {
    const h = await startReconcileHarness();
    const order = await h.pendingSale(31_000);
    await h.kioskOff();
    h.forge(order.orderId, (b) => {
      b['transaction_status'] = 'settlement';
      b['status_code'] = '200';
      delete b['settlement_time'];
    });
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const findings = r.findings(h.today).findings;
    expect(findings.map((f) => [f.kind, f.adopted])).toEqual([['untrusted-answer', false]]);
    expect(h.journal.get(order.orderId)?.state).toBe('pending');
  });

  it('a late payment for an order expired here: money at risk, the final order never moves', async () => {
    const h = await startReconcileHarness();
    const order = await h.expiredSale(40_000);
    await h.kioskOff();
    h.emu.control.pay(order.orderId, { late: true, via: 'qris' });
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const findings = r.findings(h.today).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'paid-at-gateway', severity: 'money-at-risk', adopted: false });
    expect(findings[0]?.action).toMatch(/never moves/);
    expect(h.journal.get(order.orderId)?.state).toBe('expire');
  });

  it('a dashboard refund and a chargeback are adopted by the refund desk', async () => {
    const h = await startReconcileHarness();
    const refunded = await h.paidSale(50_000);
    const charged = await h.paidSale(60_000);
    await h.kioskOff();
    h.emu.control.refund(refunded.orderId, { amount: 20_000, reason: 'dashboard' });
    h.emu.control.chargeback(charged.orderId);
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const findings = r.findings(h.today).findings;
    expect(findings.map((f) => [f.orderId, f.kind, f.adopted]).sort()).toEqual(
      [
        [refunded.orderId, 'refunded-at-gateway', true],
        [charged.orderId, 'refunded-at-gateway', true],
      ].sort(),
    );
    expect(h.desk.store.ofOrder(refunded.orderId).map((x) => [x.origin, x.amount])).toEqual([
      ['gateway', 20_000],
    ]);
    expect(h.desk.store.ofOrder(charged.orderId).map((x) => [x.origin, x.amount])).toEqual([
      ['chargeback', 60_000],
    ]);
    // Both orders stay paid: a refund is its own row, never a change to the order.
    expect(h.journal.get(refunded.orderId)?.state).toBe('settlement');
  });

  it('an amount that differs is never adopted', async () => {
    const h = await startReconcileHarness();
    const order = await h.paidSale(70_000);
    await h.kioskOff();
    h.forge(order.orderId, (b) => {
      b['gross_amount'] = '7000.00';
    });
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const findings = r.findings(h.today).findings;
    expect(findings.map((f) => [f.kind, f.severity, f.adopted])).toEqual([
      ['amount-differs', 'money-at-risk', false],
    ]);
    expect(findings[0]?.gateway).toContain('Rp 7000');
    expect(h.journal.get(order.orderId)?.grossAmount).toBe(70_000);
  });

  it('an order the gateway does not know (404) is reported', async () => {
    const h = await startReconcileHarness();
    const order = await h.paidSale(80_000);
    await h.kioskOff();
    h.forge(
      order.orderId,
      (b) => {
        for (const key of Object.keys(b)) delete b[key];
        b['status_code'] = '404';
        b['status_message'] = "Transaction doesn't exist.";
      },
      false,
    );
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const findings = r.findings(h.today).findings;
    expect(findings.map((f) => [f.kind, f.severity, f.adopted])).toEqual([
      ['unknown-at-gateway', 'money-at-risk', false],
    ]);
  });

  it('paid here but expired there is a loud security finding, and the sale stays paid', async () => {
    const h = await startReconcileHarness();
    const order = await h.paidSale(90_000);
    await h.kioskOff();
    h.forge(order.orderId, (b) => {
      b['transaction_status'] = 'expire';
      b['status_code'] = '407';
      delete b['settlement_time'];
    });
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const findings = r.findings(h.today).findings;
    expect(findings.map((f) => [f.kind, f.severity, f.adopted])).toEqual([
      ['state-differs', 'security', false],
    ]);
    expect(h.journal.get(order.orderId)?.state).toBe('settlement');
    expect(
      h.journal.events(order.orderId).some((e) => e.kind === 'security' && e.detail.reconciliation),
    ).toBe(true);
  });

  it('an order still open here that ended at the gateway takes the gateway state', async () => {
    const h = await startReconcileHarness();
    const order = await h.pendingSale(11_000);
    await h.kioskOff();
    h.emu.control.expire(order.orderId);
    const r = h.reconciler();
    r.start(h.today);
    await r.settled();
    const findings = r.findings(h.today).findings;
    expect(findings.map((f) => [f.kind, f.severity, f.adopted])).toEqual([['state-differs', 'notice', true]]);
    expect(h.journal.get(order.orderId)?.state).toBe('expire');
  });
});
