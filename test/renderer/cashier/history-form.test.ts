import { describe, expect, it } from 'vitest';
import { checkForm, EMPTY_FORM, problemsByField } from '../../../renderer/cashier/history/history-form.ts';

const form = (changes: Partial<typeof EMPTY_FORM>) => ({ ...EMPTY_FORM, ...changes });

describe('the history search form', () => {
  it('an empty form is the newest sales, unfiltered', () => {
    expect(checkForm(EMPTY_FORM)).toEqual({ query: {}, problems: [] });
  });

  it('reads amounts as people type them, and ids and issuers trimmed', () => {
    for (const text of ['44000', '44.000', '44,000', 'Rp 44.000', 'rp44.000,00', ' 44000 ']) {
      expect(checkForm(form({ amountText: text })).query, text).toEqual({ amount: 44_000 });
    }
    expect(checkForm(form({ idText: '  K2026 ', issuer: ' OVO ' })).query).toEqual({
      id: 'K2026',
      issuer: 'ovo',
    });
  });

  it('refuses a malformed amount, beside the amount, in both languages', () => {
    for (const text of ['12,5', '44.00.0', '-5', 'abc', '0', '44000.50']) {
      const check = checkForm(form({ amountText: text }));
      expect(check.query.amount, text).toBeUndefined();
      const byField = problemsByField(check.problems);
      expect(byField.amount?.[0]?.id, text).toMatch(/Jumlah/);
      expect(byField.amount?.[0]?.en, text).toMatch(/amount/);
    }
  });

  it('refuses a reversed date range at the end date', () => {
    const check = checkForm(form({ from: '2026-11-24', to: '2026-11-20' }));
    expect(check.problems.map((p) => [p.code, p.field])).toEqual([['date-range-reversed', 'to']]);
    expect(checkForm(form({ from: '2026-11-20', to: '2026-11-20' })).problems).toEqual([]);
  });

  it('passes the chosen filters as they are', () => {
    expect(
      checkForm(form({ state: 'cancelled', tender: 'split', paymentType: 'gopay', from: '2026-11-01' }))
        .query,
    ).toEqual({ state: 'cancelled', tender: 'split', paymentType: 'gopay', from: '2026-11-01' });
  });
});
