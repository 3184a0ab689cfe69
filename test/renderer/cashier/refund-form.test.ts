/** The refund form's pure logic: the amount as typed, what is left, and every refusal's words. */
import { describe, expect, it } from 'vitest';
import type { HistoryDetail } from '../../../common/history-contract.ts';
import type { RefundSummary } from '../../../common/refund-contract.ts';
import { KioskCallError } from '../../../common/contract.ts';
import { formatRupiah } from '../../../common/rupiah.ts';
import {
  cashHandedOver,
  checkRefundForm,
  EMPTY_REFUND_FORM,
  paidOfDetail,
  readRefundAmount,
  refundBlocked,
  refundFailure,
  refundSplit,
  refundTargetOf,
  sameTarget,
  type RefundForm,
} from '../../../renderer/cashier/refunds/refund-form.ts';
import * as en from '../../../renderer/shared/i18n/en.ts';
import * as id from '../../../renderer/shared/i18n/id.ts';
import { createI18n } from '../../../renderer/shared/i18n/index.ts';

const rp = (amount: number) => formatRupiah(amount, ' ');
const form = (changes: Partial<RefundForm>): RefundForm => ({ ...EMPTY_REFUND_FORM, ...changes });
const i18n = createI18n({ id: { refunds: id.refunds }, en: { refunds: en.refunds } });
const words = (key: string, values: Record<string, unknown> = {}) => ({
  id: i18n.getFixedT('id')(key, values),
  en: i18n.getFixedT('en')(key, values),
});

function detail(changes: Partial<HistoryDetail['row']>, extra: Partial<HistoryDetail> = {}): HistoryDetail {
  return {
    row: {
      kind: 'sale',
      id: 'S-1',
      createdAt: 0,
      businessDate: '2026-12-07',
      amount: 50_000,
      state: 'paid',
      tender: 'split',
      tenders: [],
      ...changes,
    },
    sale: undefined,
    items: [],
    cash: [],
    charges: [],
    receipts: [],
    refunds: [],
    timeline: [],
    ...extra,
  };
}

function summary(changes: Partial<RefundSummary>): RefundSummary {
  return {
    orderId: undefined,
    saleId: 'S-1',
    paid: 50_000,
    refunded: 0,
    inDoubt: 0,
    left: 50_000,
    cashLeft: 0,
    refunds: [],
    ...changes,
  };
}

describe('the amount as typed', () => {
  it('reads whole rupiah however a person writes it', () => {
    for (const text of ['15000', '15.000', '15,000', 'Rp 15.000', 'rp15.000,00', ' 15000 ']) {
      expect(readRefundAmount(text), text).toEqual({ amount: 15_000 });
    }
  });

  it('tells zero apart from what is not a number', () => {
    for (const text of ['0', 'Rp 0', '000']) {
      expect(readRefundAmount(text), text).toEqual({ key: 'refunds.problems.amountZero' });
    }
    for (const text of ['', 'abc', '12,5', '15000.50', '-5', '1e4', '15.00.0']) {
      expect(readRefundAmount(text), text).toEqual({ key: 'refunds.problems.amountNotNumber' });
    }
  });
});

describe('what was paid and what is left', () => {
  it('counts the cash taken and the settled payments of a paid sale, as the desk does', () => {
    const split = detail(
      {},
      {
        cash: [
          { amount: 20_000, received: 50_000, change: 30_000, state: 'taken', at: 1, returnedAt: undefined },
          { amount: 9_000, received: 9_000, change: 0, state: 'returned', at: 1, returnedAt: 2 },
        ],
        charges: [
          { orderId: 'A', amount: 30_000, state: 'settlement' },
          { orderId: 'B', amount: 30_000, state: 'expire' },
        ] as HistoryDetail['charges'],
      },
    );
    expect(paidOfDetail(split)).toEqual({ paid: 50_000, cash: 20_000 });
    expect(paidOfDetail(detail({ state: 'cancelled' }, { cash: split.cash }))).toEqual({ paid: 0, cash: 0 });
  });

  it('names the target by the row: a sale by its sale id, a bare order by its order id', () => {
    expect(refundTargetOf(detail({}))).toEqual({ saleId: 'S-1' });
    expect(refundTargetOf(detail({ kind: 'order', id: 'K-9' }))).toEqual({ orderId: 'K-9' });
    expect(sameTarget({ saleId: 'S-1' }, summary({}))).toBe(true);
    expect(sameTarget({ saleId: 'S-2' }, summary({}))).toBe(false);
    expect(sameTarget({ orderId: 'K-9' }, summary({ saleId: undefined, orderId: 'K-9' }))).toBe(true);
  });

  it('disables the Refund button with the first reason that holds', () => {
    const base = { paid: true, online: true, pinSet: true, summary: summary({}) };
    expect(refundBlocked(base)).toBeUndefined();
    expect(refundBlocked({ ...base, summary: undefined })).toBeUndefined();
    expect(refundBlocked({ ...base, paid: false, online: false })).toBe('refunds.blocked.notPaid');
    expect(refundBlocked({ ...base, online: false })).toBe('refunds.blocked.offline');
    expect(refundBlocked({ ...base, pinSet: false })).toBe('refunds.blocked.noPin');
    expect(refundBlocked({ ...base, summary: summary({ left: 0, refunded: 50_000 }) })).toBe(
      'refunds.blocked.nothingLeft',
    );
    expect(refundBlocked({ ...base, summary: summary({ left: 0, inDoubt: 50_000 }) })).toBe(
      'refunds.blocked.inDoubt',
    );
  });

  it('splits a refund cash first, then through the gateway', () => {
    expect(refundSplit(15_000, 20_000)).toEqual({ cash: 15_000, gateway: 0 });
    expect(refundSplit(35_000, 20_000)).toEqual({ cash: 20_000, gateway: 15_000 });
    expect(refundSplit(10_000, 0)).toEqual({ cash: 0, gateway: 10_000 });
    expect(
      cashHandedOver([
        { tender: 'cash', state: 'refunded', amount: 20_000 },
        { tender: 'gateway', state: 'refunded', amount: 15_000 },
      ]),
    ).toBe(20_000);
  });
});

describe('the form refused before anything is sent', () => {
  it('a full refund sends no amount (main returns everything left) but needs a reason', () => {
    expect(checkRefundForm(form({ reason: '  Barang rusak ' }), 50_000, rp)).toEqual({
      request: { reason: 'Barang rusak' },
      problems: [],
      amount: 50_000,
    });
    const check = checkRefundForm(form({ reason: '   ' }), 50_000, rp);
    expect(check.request).toBeUndefined();
    expect(check.problems).toEqual([
      { field: 'reason', key: 'refunds.problems.reasonMissing', values: { max: 255 } },
    ]);
  });

  it('a partial refund sends the amount typed, up to what is left', () => {
    expect(
      checkRefundForm(form({ mode: 'partial', amountText: '15.000', reason: 'x' }), 50_000, rp).request,
    ).toEqual({
      amount: 15_000,
      reason: 'x',
    });
    expect(
      checkRefundForm(form({ mode: 'partial', amountText: '50000', reason: 'x' }), 50_000, rp).problems,
    ).toEqual([]);
  });

  it('refuses above what is left, zero, not a number and no reason, each in both languages', () => {
    const cases: [RefundForm, string, string, RegExp, RegExp][] = [
      [
        form({ mode: 'partial', amountText: '60.000', reason: 'x' }),
        'amount',
        'amountTooLarge',
        /Rp 50\.000/,
        /more than is left.*Rp 50\.000/,
      ],
      [
        form({ mode: 'partial', amountText: '0', reason: 'x' }),
        'amount',
        'amountZero',
        /lebih dari Rp 0/,
        /more than Rp 0/,
      ],
      [
        form({ mode: 'partial', amountText: 'lima ribu', reason: 'x' }),
        'amount',
        'amountNotNumber',
        /angka rupiah bulat/,
        /number of whole rupiah/,
      ],
      [
        form({ mode: 'partial', amountText: '', reason: 'x' }),
        'amount',
        'amountNotNumber',
        /angka/,
        /number/,
      ],
      [form({ reason: '' }), 'reason', 'reasonMissing', /alasan/, /reason/],
      [form({ reason: 'a'.repeat(256) }), 'reason', 'reasonTooLong', /255 karakter/, /255 characters/],
      [
        form({ reason: 'baris\nbaru' }),
        'reason',
        'reasonUnprintable',
        /karakter kontrol/,
        /control characters/,
      ],
    ];
    for (const [input, field, code, idWords, enWords] of cases) {
      const check = checkRefundForm(input, 50_000, rp);
      expect(check.request, code).toBeUndefined();
      const [problem] = check.problems;
      expect(problem?.field, code).toBe(field);
      expect(problem?.key, code).toBe(`refunds.problems.${code}`);
      const text = words(problem?.key ?? '', problem?.values);
      expect(text.id, code).toMatch(idWords);
      expect(text.en, code).toMatch(enWords);
    }
  });

  it('leaves the ceiling to main when what is left is not known here', () => {
    expect(
      checkRefundForm(form({ mode: 'partial', amountText: '60000', reason: 'x' }), undefined, rp).problems,
    ).toEqual([]);
  });
});

describe("main's refusals, at their field", () => {
  const fallback = { id: 'galat', en: 'error' };
  const refusal = (code: ConstructorParameters<typeof KioskCallError>[0]['code'], problems = []) =>
    new KioskCallError({ code, message: { id: `id ${code}`, en: `en ${code}` }, problems });

  it('puts a wrong PIN at the PIN, too large at the amount, the gateway’s no over the form', () => {
    expect(refundFailure(refusal('pin-wrong'), fallback).field).toBe('pin');
    expect(refundFailure(refusal('pin-locked-out'), fallback).field).toBe('pin');
    expect(refundFailure(refusal('manager-locked'), fallback).field).toBe('pin');
    const tooLarge = refundFailure(refusal('refund-too-large'), fallback);
    expect(tooLarge).toEqual({
      field: 'amount',
      notice: { message: { id: 'id refund-too-large', en: 'en refund-too-large' }, problems: [] },
    });
    for (const code of [
      'refund-not-allowed',
      'refund-pending',
      'refund-refused',
      'gateway-unreachable',
    ] as const) {
      expect(refundFailure(refusal(code), fallback).field, code).toBe('form');
    }
  });

  it('places a refused field by its name, and an unreadable failure in the fallback words', () => {
    const invalid = new KioskCallError({
      code: 'refund-invalid',
      message: { id: 'x', en: 'x' },
      problems: [{ code: 'reason-missing', field: 'reason', message: { id: 'a', en: 'b' } }],
    });
    expect(refundFailure(invalid, fallback).field).toBe('reason');
    expect(refundFailure(new Error('boom'), fallback)).toEqual({
      field: 'form',
      notice: { message: fallback, problems: [] },
    });
  });
});
