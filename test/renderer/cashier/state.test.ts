import { describe, expect, it } from 'vitest';
import type { SaleView } from '../../../common/till-contract.ts';
import { lookupBarcode, catalogueView } from '../../../renderer/cashier/catalogue/catalogue-view.ts';
import {
  cashierReducer,
  currentSale,
  initialCashierState,
  modeChanged,
  newerOrder,
  saleStage,
  type CashierAction,
  type CashierState,
} from '../../../renderer/cashier/state.ts';
import { catalogueSnapshot, order, SETTINGS, saleView, snapshot } from '../fixtures.ts';

const run = (actions: CashierAction[], from: CashierState = initialCashierState()): CashierState =>
  actions.reduce(cashierReducer, from);
const ready = (): CashierState => run([{ type: 'snapshot', snapshot: snapshot(), localNow: 20_000 }]);
const type = (digits: string, target: 'amount' | 'cash' = 'amount'): CashierAction => ({
  type: 'entry',
  target,
  action: { type: 'digits', digits },
});
const catalogue = catalogueView(catalogueSnapshot());
const kopi = catalogue.items.find((i) => i.sku === 'kopi-susu')!;
const addKopi: CashierAction = { type: 'cart', action: { type: 'addItem', item: kopi } };
const notice = { message: { id: 'Ditolak', en: 'Refused' }, problems: [] };

/** A split sale of Rp 44.000: Rp 20.000 cash taken, its QR of Rp 24.000 in `state`. */
function splitSale(state: SaleView['charges'][number]['state'], overrides: Partial<SaleView> = {}): SaleView {
  const live = state === 'pending';
  return saleView({
    cash: [{ tenderId: 1, amount: 20_000, received: 20_000, change: 0, state: 'taken', at: 1_000 }],
    charges: [
      {
        orderId: 'TOKO-0001',
        paymentType: 'qris',
        amount: 24_000,
        state,
        paidWith: undefined,
        issuer: undefined,
        transactionId: undefined,
      },
    ],
    paid: 20_000,
    due: 24_000,
    liveOrderId: live ? 'TOKO-0001' : undefined,
    updatedAt: live ? 1_000 : 3_000,
    ...overrides,
  });
}
const splitOrder = (state: 'pending' | 'expire', updatedAt: number) =>
  order({ saleId: 'S-0001', grossAmount: 24_000, state, updatedAt });

/** The split sale started on this screen, its QR expired. */
function decided(): CashierState {
  return run(
    [
      addKopi,
      { type: 'starting' },
      { type: 'sale', sale: splitSale('pending') },
      { type: 'order', order: splitOrder('pending', 1) },
      { type: 'started', sale: splitSale('pending') },
      { type: 'sale', sale: splitSale('expire') },
      { type: 'order', order: splitOrder('expire', 3) },
    ],
    ready(),
  );
}

describe('cashier state: the sale on screen', () => {
  it('takes settings, health and the clock offset from the snapshot, and picks the first payment type', () => {
    const state = ready();
    expect(state.settings).toEqual(SETTINGS);
    expect(state.health.health).toBe('ok');
    expect(state.clockOffset).toBe(30_000);
    expect(state.paymentType).toBe('gopay');
    expect(state.tenderKind).toBe('gateway');
    expect(saleStage(state)).toBe('none');
  });

  it('shows an order found open in the snapshot, with its sale (a restart in the middle of a sale)', () => {
    const open = order({ saleId: 'S-0001' });
    const state = run([
      { type: 'snapshot', snapshot: snapshot({ openOrders: [open], openSales: [saleView()] }), localNow: 0 },
    ]);
    expect(state.order).toEqual(open);
    expect(currentSale(state)?.saleId).toBe('S-0001');
    expect(saleStage(state)).toBe('live');
  });

  it('follows its order through events, newest update wins, and a final state never goes back', () => {
    let state = run([addKopi, { type: 'starting' }], ready());
    expect(saleStage(state)).toBe('starting');
    state = run(
      [{ type: 'order', order: order({ saleId: 'S-0001', state: 'created', updatedAt: 1 }) }],
      state,
    );
    state = run(
      [{ type: 'order', order: order({ saleId: 'S-0001', state: 'pending', updatedAt: 3 }) }],
      state,
    );
    // The call's answer arrives after the events: the order on screen stays what they said.
    state = run([{ type: 'started', sale: saleView() }], state);
    expect(state.order?.state).toBe('pending');
    expect(state.starting).toBe(false);
    // The sale holds what was rung up now: the cart is empty for the next one.
    expect(state.cart).toEqual([]);
    expect(state.saleId).toBe('S-0001');
    state = run(
      [{ type: 'order', order: order({ saleId: 'S-0001', state: 'settlement', updatedAt: 4 }) }],
      state,
    );
    state = run(
      [{ type: 'order', order: order({ saleId: 'S-0001', state: 'pending', updatedAt: 9 }) }],
      state,
    );
    expect(state.order?.state).toBe('settlement');
    // The sale's own event may lag behind: its settled QR paid it.
    expect(saleStage(state)).toBe('ended');
  });

  it('ignores events for other orders while one is live, and finished orders it never showed', () => {
    let state = run([{ type: 'order', order: order() }], ready());
    state = run([{ type: 'order', order: order({ orderId: 'OTHER', createdAt: 5_000 }) }], state);
    expect(state.order?.orderId).toBe('TOKO-0001');
    const fresh = run([{ type: 'order', order: order({ orderId: 'OLD', state: 'settlement' }) }], ready());
    expect(fresh.order).toBeUndefined();
  });

  it('locks the cart, the keypad and the tender while a sale is starting or live', () => {
    let state = run([type('4'), { type: 'starting' }], ready());
    state = run(
      [
        type('5'),
        addKopi,
        { type: 'tender', kind: 'cash' },
        { type: 'orderDiscount', discount: { kind: 'percent', value: 5 } },
      ],
      state,
    );
    expect(state.digits).toBe('4');
    expect(state.cart).toEqual([]);
    expect(state.tenderKind).toBe('gateway');
    expect(state.orderDiscount).toBeUndefined();
  });

  it('shows a cash sale as paid at once, and the next key starts the next sale', () => {
    const paid = saleView({
      state: 'paid',
      cash: [{ tenderId: 1, amount: 44_000, received: 50_000, change: 6_000, state: 'taken', at: 1_000 }],
      paid: 44_000,
      due: 0,
      liveOrderId: undefined,
      closedAt: 1_000,
    });
    let state = run(
      [
        addKopi,
        { type: 'tender', kind: 'cash' },
        type('50000', 'cash'),
        { type: 'starting' },
        { type: 'started', sale: paid },
      ],
      ready(),
    );
    expect(saleStage(state)).toBe('ended');
    expect(currentSale(state)?.state).toBe('paid');
    expect(state.tenderKind).toBe('gateway');
    state = run([type('7')], state);
    expect(saleStage(state)).toBe('none');
    expect(state.saleId).toBeUndefined();
    expect(state.digits).toBe('7');
  });

  it('keeps the result on screen until New sale, which clears everything for the next one', () => {
    let state = run(
      [
        addKopi,
        { type: 'starting' },
        { type: 'order', order: order({ saleId: 'S-0001', state: 'charging', updatedAt: 1 }) },
        { type: 'started', sale: saleView() },
        { type: 'order', order: order({ saleId: 'S-0001', state: 'settlement', updatedAt: 2 }) },
        { type: 'sale', sale: saleView({ state: 'paid', due: 0, liveOrderId: undefined, updatedAt: 2 }) },
      ],
      ready(),
    );
    expect(saleStage(state)).toBe('ended');
    state = run([{ type: 'newSale' }], state);
    expect(state.order).toBeUndefined();
    expect(state.cart).toEqual([]);
    expect(saleStage(state)).toBe('none');
  });

  it('does not start a new sale while one is live', () => {
    const state = run([{ type: 'order', order: order() }, { type: 'newSale' }], ready());
    expect(state.order?.orderId).toBe('TOKO-0001');
  });

  it('learns how a live order ended from the history after a reconnect', () => {
    let state = run([{ type: 'order', order: order() }], ready());
    state = run([{ type: 'snapshot', snapshot: snapshot(), localNow: 0 }], state);
    expect(state.order?.state).toBe('pending');
    state = run([{ type: 'history', orders: [order({ state: 'settlement', updatedAt: 9_000 })] }], state);
    expect(state.order?.state).toBe('settlement');
    expect(state.history).toHaveLength(1);
    expect(state.historyLoaded).toBe(true);
  });
});

describe('cashier state: a sale whose QR ended unpaid', () => {
  it('waits for the cashier’s decision, and New sale cannot drop the cash taken', () => {
    let state = decided();
    expect(saleStage(state)).toBe('decide');
    expect(state.order?.state).toBe('expire');
    state = run([{ type: 'newSale' }, type('5'), addKopi], state);
    expect(saleStage(state)).toBe('decide');
    expect(state.cart).toEqual([]);
    // The cash for the rest can be typed, and only the cash.
    state = run([type('30000', 'cash'), { type: 'keypadTarget', target: 'amount' }], state);
    expect(state.cashDigits).toBe('30000');
    expect(state.keypadTarget).toBe('cash');
  });

  it('is settled by the rest in cash: paid, and a result until the next sale', () => {
    let state = run([type('30000', 'cash'), { type: 'acting' }], decided());
    expect(state.acting).toBe(true);
    const paid = splitSale('expire', {
      state: 'paid',
      cash: [
        { tenderId: 1, amount: 20_000, received: 20_000, change: 0, state: 'taken', at: 1_000 },
        { tenderId: 2, amount: 24_000, received: 30_000, change: 6_000, state: 'taken', at: 4_000 },
      ],
      paid: 44_000,
      due: 0,
      updatedAt: 4_000,
    });
    state = run([{ type: 'acted', sale: paid }], state);
    expect(state.acting).toBe(false);
    expect(state.cashDigits).toBe('');
    expect(saleStage(state)).toBe('ended');
  });

  it('is charged again: the new order of the same sale comes on screen', () => {
    let state = run(
      [
        { type: 'acting' },
        { type: 'order', order: order({ orderId: 'TOKO-0002', saleId: 'S-0001', createdAt: 5_000 }) },
      ],
      decided(),
    );
    expect(state.order?.orderId).toBe('TOKO-0002');
    expect(saleStage(state)).toBe('live');
    state = run(
      [{ type: 'acted', sale: splitSale('pending', { liveOrderId: 'TOKO-0002', updatedAt: 5_000 }) }],
      state,
    );
    expect(saleStage(state)).toBe('live');
  });

  it('is not replaced by another window’s sale while the cashier decides', () => {
    const state = run(
      [{ type: 'order', order: order({ orderId: 'OTHER-1', saleId: 'S-0009', createdAt: 9_000 }) }],
      decided(),
    );
    expect(state.order?.orderId).toBe('TOKO-0001');
    expect(saleStage(state)).toBe('decide');
  });

  it('can be left open for later, listed, and opened again only with an empty cart', () => {
    let state = run([{ type: 'keepOpen' }], decided());
    expect(saleStage(state)).toBe('none');
    expect(state.sales['S-0001']?.state).toBe('open');
    const busy = run([addKopi, { type: 'openSale', saleId: 'S-0001' }], state);
    expect(busy.saleId).toBeUndefined();
    state = run([{ type: 'openSale', saleId: 'S-0001' }], state);
    expect(saleStage(state)).toBe('decide');
    expect(state.order).toBeUndefined();
  });

  it('lists open sales found in the snapshot after a restart, and forgets ones that closed meanwhile', () => {
    let state = run([
      { type: 'snapshot', snapshot: snapshot({ openSales: [splitSale('expire')] }), localNow: 0 },
    ]);
    expect(Object.keys(state.sales)).toEqual(['S-0001']);
    expect(saleStage(state)).toBe('none');
    state = run([{ type: 'snapshot', snapshot: snapshot(), localNow: 0 }], state);
    expect(state.sales).toEqual({});
  });

  it('never reopens a sale once paid or voided', () => {
    const voided = splitSale('expire', { state: 'voided', voidReason: 'cash-returned', updatedAt: 5_000 });
    let state = run([{ type: 'acted', sale: voided }], decided());
    expect(saleStage(state)).toBe('ended');
    state = run([{ type: 'sale', sale: splitSale('expire', { updatedAt: 9_000 }) }], state);
    expect(currentSale(state)?.state).toBe('voided');
  });

  it('ends an abandoned QR sale (no cash taken) with New sale', () => {
    const sale = saleView({ liveOrderId: undefined, updatedAt: 3_000 });
    let state = run(
      [addKopi, { type: 'starting' }, { type: 'order', order: order({ saleId: 'S-0001', state: 'cancel' }) }],
      ready(),
    );
    state = run([{ type: 'started', sale }], state);
    expect(saleStage(state)).toBe('decide');
    state = run([{ type: 'newSale' }], state);
    expect(saleStage(state)).toBe('none');
  });
});

describe('cashier state: ringing up', () => {
  it('adds a scanned item, and says so plainly when a code is unknown, inactive, or the sale is live', () => {
    let state = run([{ type: 'scanned', lookup: lookupBarcode(catalogue, '8991000000010') }], ready());
    expect(state.cart.map((l) => l.name)).toEqual(['Teh Botol 350 ml']);
    expect(state.scanNotice).toMatchObject({ kind: 'added', name: 'Teh Botol 350 ml' });
    state = run([{ type: 'scanned', lookup: lookupBarcode(catalogue, '123456789') }], state);
    expect(state.scanNotice).toMatchObject({ kind: 'unknown', code: '123456789' });
    state = run([{ type: 'scanned', lookup: lookupBarcode(catalogue, '8991000000096') }], state);
    expect(state.scanNotice).toMatchObject({ kind: 'inactive', name: 'Sirup Lama' });
    expect(state.cart).toHaveLength(1);
    const seq = state.scanNotice?.seq ?? 0;
    state = run(
      [
        { type: 'order', order: order() },
        { type: 'scanned', lookup: lookupBarcode(catalogue, '8991000000010') },
      ],
      state,
    );
    expect(state.scanNotice).toMatchObject({ kind: 'locked', seq: seq + 1 });
  });

  it('moves the typed amount into the cart as a free line', () => {
    const state = run([type('12500'), { type: 'addTyped', name: 'Jumlah bebas' }], ready());
    expect(state.digits).toBe('');
    expect(state.cart).toEqual([{ key: 'free-1', name: 'Jumlah bebas', unitPrice: 12_500, quantity: 1 }]);
  });

  it('points the keypad at the cash once Cash or Split is chosen, and starts a new choice empty', () => {
    let state = run([{ type: 'tender', kind: 'cash' }, type('5', 'cash')], ready());
    expect(state.keypadTarget).toBe('cash');
    expect(state.cashDigits).toBe('5');
    state = run([{ type: 'tender', kind: 'split' }], state);
    expect(state.cashDigits).toBe('');
    state = run([{ type: 'tender', kind: 'gateway', paymentType: 'qris' }], state);
    expect([state.keypadTarget, state.paymentType]).toEqual(['amount', 'qris']);
  });

  it('refuses a payment type this till does not take', () => {
    const qrisOnly = run([{ type: 'settings', settings: { ...SETTINGS, paymentTypes: ['qris'] } }], ready());
    expect(qrisOnly.paymentType).toBe('qris');
    expect(run([{ type: 'tender', kind: 'gateway', paymentType: 'gopay' }], qrisOnly).paymentType).toBe(
      'qris',
    );
    expect(run([{ type: 'paymentType', paymentType: 'gopay' }], qrisOnly).paymentType).toBe('qris');
  });

  it('keeps a refused Charge visible until the cashier changes the input', () => {
    let state = run([type('5'), { type: 'starting' }, { type: 'startFailed', notice }], ready());
    expect(state.saleNotice).toEqual(notice);
    expect(saleStage(state)).toBe('none');
    state = run([type('0')], state);
    expect(state.saleNotice).toBeUndefined();
  });

  it('marks an attempted Charge so an empty cart gets its reason shown', () => {
    const state = run([{ type: 'chargeRefused' }], ready());
    expect(state.attempted).toBe(true);
    expect(run([type('1')], state).attempted).toBe(false);
  });

  it('keeps the PIN prompt up while its PIN is checked, and shows why it was refused', () => {
    let state = run([{ type: 'approvalOpen' }, { type: 'starting' }], ready());
    expect(state.approval.open).toBe(true);
    state = run([{ type: 'approvalRefused', notice }], state);
    expect(state.approval).toEqual({ open: true, notice });
    expect(state.starting).toBe(false);
    expect(run([{ type: 'approvalClose' }], state).approval.open).toBe(false);
    // Another refusal (the gateway, a bad cart) closes it and is shown with the sale.
    state = run([{ type: 'starting' }, { type: 'startFailed', notice }], state);
    expect(state.approval.open).toBe(false);
    expect(state.saleNotice).toEqual(notice);
  });

  it('follows a language change at once and a settings event later', () => {
    let state = run([{ type: 'language', language: 'en' }], ready());
    expect(state.settings?.language).toBe('en');
    state = run([{ type: 'settings', settings: { ...SETTINGS, paymentTypes: ['qris'] } }], state);
    expect(state.settings?.language).toBe('id');
    expect(state.paymentType).toBe('qris');
  });
});

describe('newerOrder', () => {
  it('prefers the later update, and a final state over an open one whatever the times', () => {
    expect(newerOrder(order({ updatedAt: 1 }), order({ updatedAt: 2, state: 'charging' })).updatedAt).toBe(2);
    expect(newerOrder(order({ updatedAt: 5 }), order({ updatedAt: 2 })).updatedAt).toBe(5);
    expect(newerOrder(order({ state: 'cancel', updatedAt: 1 }), order({ updatedAt: 9 })).state).toBe(
      'cancel',
    );
    expect(newerOrder(order({ updatedAt: 9 }), order({ state: 'settlement', updatedAt: 1 })).state).toBe(
      'settlement',
    );
  });
});

describe('a change of environment', () => {
  it('asks for a fresh snapshot only when the mode really changed', () => {
    expect(modeChanged(SETTINGS, { ...SETTINGS, mode: 'sandbox' })).toBe(true);
    expect(modeChanged(SETTINGS, { ...SETTINGS, merchantName: 'Toko Baru', language: 'en' })).toBe(false);
    expect(modeChanged(undefined, { ...SETTINGS, mode: 'production' })).toBe(false);
  });

  it('shows the new mode and adopts the new environment’s open order from the fresh snapshot', () => {
    let state = run([{ type: 'settings', settings: { ...SETTINGS, mode: 'sandbox' } }], ready());
    expect(state.settings?.mode).toBe('sandbox');
    const open = order({ orderId: 'SANDBOX-1' });
    state = run(
      [
        {
          type: 'snapshot',
          snapshot: snapshot({ settings: { ...SETTINGS, mode: 'sandbox' }, openOrders: [open] }),
          localNow: 0,
        },
      ],
      state,
    );
    expect(state.order?.orderId).toBe('SANDBOX-1');
  });
});
