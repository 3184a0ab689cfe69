/**
 * The emulator refuses a charge whose item_details do not add up to gross_amount, as Midtrans
 * does (reference §2.7: HTTP 400, "One or more parameters in the payload is invalid.", and
 * validation message "transaction_details.gross_amount is not equal to the sum of item_details"),
 * so a pricing slip of one rupiah fails in training and in every test instead of in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItemDetails, priceCart } from '../../common/pricing/index.ts';
import type { PriceBreakdown } from '../../common/pricing/index.ts';
import { ITEM_SUM_MESSAGE } from '../../main/emulator/charge-validation.ts';
import { startHarness, uniqueOrderId } from './helpers.ts';
import type { Harness } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emu.close());

function taxedCart(): PriceBreakdown {
  const result = priceCart({
    lines: [
      { name: 'Nasi Goreng', unitPrice: 25_000, quantity: 2, discount: { kind: 'percent', value: 7.5 } },
      { name: 'Es Teh Manis', unitPrice: 8_750, quantity: 4 },
    ],
    orderDiscount: { kind: 'percent', value: 10 },
    settings: {
      tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
      servicePercent: 5,
      serviceTaxed: true,
      taxRounding: 'half-up',
      fractionRounding: 'half-up',
      cashRounding: { unit: 100, mode: 'half-up' },
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

async function refused(body: Record<string, unknown>): Promise<void> {
  const orderId = (body['transaction_details'] as { order_id: string }).order_id;
  const a = await h.charge(body);
  expect(a.status).toBe(400);
  expect(a.json).toMatchObject({
    status_code: '400',
    status_message: 'One or more parameters in the payload is invalid.',
    validation_messages: [ITEM_SUM_MESSAGE],
  });
  expect(ITEM_SUM_MESSAGE).toBe('transaction_details.gross_amount is not equal to the sum of item_details');
  // Nothing was created: the order_id is still free.
  expect((await h.call('GET', `/v2/${orderId}/status`)).json['status_code']).toBe('404');
}

describe('item_details must add up to gross_amount', () => {
  it('accepts a priced cart with discount, service and tax lines', async () => {
    const b = taxedCart();
    const a = await h.charge({
      payment_type: 'qris',
      transaction_details: { order_id: uniqueOrderId('priced'), gross_amount: b.total },
      item_details: buildItemDetails(b),
    });
    expect(a.json['status_code']).toBe('201');
    expect(a.json['gross_amount']).toBe(`${b.total}.00`);
  });

  it('accepts the QRIS part of a split sale with the cash part as a negative line', async () => {
    const b = taxedCart();
    const a = await h.charge({
      payment_type: 'gopay',
      transaction_details: { order_id: uniqueOrderId('split'), gross_amount: b.total - 50_000 },
      item_details: buildItemDetails(b, { cashPaid: 50_000 }),
    });
    expect(a.json['status_code']).toBe('201');
  });

  it('refuses the same cart one rupiah off either way, and leaves the order_id unused', async () => {
    const b = taxedCart();
    for (const delta of [1, -1]) {
      await refused({
        payment_type: 'qris',
        transaction_details: { order_id: uniqueOrderId('slip'), gross_amount: b.total + delta },
        item_details: buildItemDetails(b),
      });
    }
  });

  it('counts quantities: 3 × 1.000 is not 1.000', async () => {
    await refused({
      payment_type: 'gopay',
      transaction_details: { order_id: uniqueOrderId('qty'), gross_amount: 1_000 },
      item_details: [{ id: 'a', name: 'A', price: 1_000, quantity: 3 }],
    });
  });

  it('refuses an empty item list for a positive amount', async () => {
    await refused({
      payment_type: 'qris',
      transaction_details: { order_id: uniqueOrderId('empty'), gross_amount: 1_000 },
      item_details: [],
    });
  });

  it('adds up exactly: lines past 2^53 that a double would round to the amount are refused', async () => {
    // In doubles 3 × (2^53 − 1) and 3 × (2^53 − 2) both round, and the three lines "make" 1.000;
    // exactly they make 999.
    const p = Number.MAX_SAFE_INTEGER;
    await refused({
      payment_type: 'qris',
      transaction_details: { order_id: uniqueOrderId('huge'), gross_amount: 1_000 },
      item_details: [
        { id: 'a', name: 'A', price: p, quantity: 3 },
        { id: 'b', name: 'B', price: -(p - 1), quantity: 3 },
        { id: 'c', name: 'C', price: 996, quantity: 1 },
      ],
    });
  });
});
