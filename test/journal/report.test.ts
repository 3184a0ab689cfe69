import { describe, expect, it } from 'vitest';
import type { OrderState } from '../../common/order.ts';
import type { Journal } from '../../main/journal/journal.ts';
import type { OrderPatch } from '../../main/journal/types.ts';
import { newRecord, openFixture } from './helpers.ts';

const DAY = '2026-11-24';

function sale(
  journal: Journal,
  paymentType: 'gopay' | 'qris',
  grossAmount: number,
  path: OrderState[],
  patch: OrderPatch = {},
  businessDate = DAY,
): void {
  const row = journal.createOrder(newRecord({ paymentType, grossAmount, businessDate }));
  let state: OrderState = 'created';
  for (const next of path) {
    journal.update(
      row.orderId,
      state,
      { ...patch, state: next },
      { kind: 'transition', at: row.createdAt + 1 },
    );
    state = next;
  }
}

describe('report', () => {
  it('groups the day by outcome, how it was paid and issuer, and totals it', () => {
    const { journal } = openFixture();
    const paid: OrderState[] = ['charging', 'pending', 'settlement'];
    // A GoPay charge paid by scanning its QR with another app is reported as qris.
    sale(journal, 'gopay', 10_000, paid, { paidWith: 'qris', issuer: 'ovo' });
    sale(journal, 'gopay', 20_000, paid, { paidWith: 'gopay', issuer: 'gopay' });
    sale(journal, 'gopay', 5_000, paid);
    sale(journal, 'qris', 30_000, paid, { paidWith: 'qris', issuer: 'dana' });
    sale(journal, 'qris', 30_000, paid, { issuer: 'dana' });
    sale(journal, 'qris', 7_000, ['charging', 'pending', 'expire']);
    sale(journal, 'qris', 8_000, ['charging', 'cancel']);
    sale(journal, 'qris', 9_000, ['failed']);
    sale(journal, 'qris', 1_000, []);
    sale(journal, 'qris', 2_000, ['charging']);
    sale(journal, 'qris', 3_000, ['charging', 'pending']);
    sale(journal, 'gopay', 4_000, []);
    // Other days stay out of this one.
    sale(journal, 'qris', 99_000, paid, {}, '2026-11-23');
    sale(journal, 'qris', 99_000, [], {}, '2026-11-25');

    expect(journal.report(DAY)).toEqual({
      date: DAY,
      lines: [
        { state: 'settlement', paymentType: 'gopay', issuer: '', count: 1, amount: 5_000 },
        { state: 'settlement', paymentType: 'gopay', issuer: 'gopay', count: 1, amount: 20_000 },
        { state: 'settlement', paymentType: 'qris', issuer: 'dana', count: 2, amount: 60_000 },
        { state: 'settlement', paymentType: 'qris', issuer: 'ovo', count: 1, amount: 10_000 },
        { state: 'expire', paymentType: 'qris', issuer: '', count: 1, amount: 7_000 },
        { state: 'cancel', paymentType: 'qris', issuer: '', count: 1, amount: 8_000 },
        { state: 'failed', paymentType: 'qris', issuer: '', count: 1, amount: 9_000 },
        { state: 'open', paymentType: 'gopay', issuer: '', count: 1, amount: 4_000 },
        { state: 'open', paymentType: 'qris', issuer: '', count: 3, amount: 6_000 },
      ],
      settledCount: 5,
      settledAmount: 95_000,
      openCount: 4,
      refunds: [],
      refundedCount: 0,
      refundedAmount: 0,
      refundsInDoubt: 0,
      settledNetAmount: 95_000,
    });
  });

  it('a day with no sales is an empty report', () => {
    const { journal } = openFixture();
    expect(journal.report('2026-01-01')).toEqual({
      date: '2026-01-01',
      lines: [],
      settledCount: 0,
      settledAmount: 0,
      openCount: 0,
      refunds: [],
      refundedCount: 0,
      refundedAmount: 0,
      refundsInDoubt: 0,
      settledNetAmount: 0,
    });
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    const { journal } = openFixture();
    for (const bad of ['', '2026-1-1', '24-11-2026', '2026-02-30', '2026-13-01', "2026-11-24' OR 1=1"]) {
      expect(() => journal.report(bad), bad).toThrow(RangeError);
    }
  });
});
