import { describe, expect, it } from 'vitest';
import {
  cashierReducer,
  currentDraft,
  initialCashierState,
  modeChanged,
  newerOrder,
  saleStage,
  type CashierAction,
  type CashierState,
} from '../../../renderer/cashier/state.ts';
import { order, SETTINGS, snapshot, saleView } from '../fixtures.ts';

const run = (actions: CashierAction[], from: CashierState = initialCashierState()): CashierState =>
  actions.reduce(cashierReducer, from);
const ready = (): CashierState => run([{ type: 'snapshot', snapshot: snapshot(), localNow: 20_000 }]);
const type = (digits: string): CashierAction => ({ type: 'entry', action: { type: 'digits', digits } });

describe('cashier state', () => {
  it('takes settings, health and the clock offset from the snapshot, and picks the first payment type', () => {
    const state = ready();
    expect(state.settings).toEqual(SETTINGS);
    expect(state.health.health).toBe('ok');
    expect(state.clockOffset).toBe(30_000);
    expect(state.paymentType).toBe('gopay');
    expect(saleStage(state)).toBe('none');
  });

  it('shows an order found open in the snapshot (a restart in the middle of a sale)', () => {
    const open = order();
    const state = run([{ type: 'snapshot', snapshot: snapshot({ openOrders: [open] }), localNow: 0 }]);
    expect(state.order).toEqual(open);
    expect(saleStage(state)).toBe('live');
  });

  it('follows its order through events, newest update wins, and a final state never goes back', () => {
    let state = run([{ type: 'starting' }], ready());
    expect(saleStage(state)).toBe('starting');
    state = run([{ type: 'order', order: order({ state: 'created', updatedAt: 1 }) }], state);
    state = run([{ type: 'order', order: order({ state: 'pending', updatedAt: 3 }) }], state);
    // The call's answer arrives after the events: the order on screen stays what they said.
    state = run([{ type: 'started', sale: saleView() }], state);
    expect(state.order?.state).toBe('pending');
    expect(state.starting).toBe(false);
    state = run([{ type: 'order', order: order({ state: 'settlement', updatedAt: 4 }) }], state);
    state = run([{ type: 'order', order: order({ state: 'pending', updatedAt: 9 }) }], state);
    expect(state.order?.state).toBe('settlement');
    expect(saleStage(state)).toBe('ended');
  });

  it('ignores events for other orders while one is live, and finished orders it never showed', () => {
    let state = run([{ type: 'order', order: order() }], ready());
    state = run([{ type: 'order', order: order({ orderId: 'OTHER', createdAt: 5_000 }) }], state);
    expect(state.order?.orderId).toBe('TOKO-0001');
    const fresh = run([{ type: 'order', order: order({ orderId: 'OLD', state: 'settlement' }) }], ready());
    expect(fresh.order).toBeUndefined();
  });

  it('locks amount, cart and payment type while a sale is starting or live', () => {
    let state = run([type('4'), { type: 'starting' }], ready());
    state = run(
      [
        type('5'),
        { type: 'cart', action: { type: 'add', item: { id: 'KOPI', name: 'Kopi susu', price: 18_000 } } },
        { type: 'paymentType', paymentType: 'qris' },
      ],
      state,
    );
    expect(state.digits).toBe('4');
    expect(state.cart).toEqual([]);
    expect(state.paymentType).toBe('gopay');
  });

  it('keeps the result on screen until New sale, which clears amount and cart', () => {
    let state = run(
      [
        { type: 'cart', action: { type: 'add', item: { id: 'KOPI', name: 'Kopi susu', price: 18_000 } } },
        { type: 'order', order: order({ state: 'expire' }) },
      ],
      ready(),
    );
    expect(state.order).toBeUndefined(); // a final order nobody was following is not adopted
    state = run(
      [
        { type: 'starting' },
        { type: 'order', order: order({ state: 'charging', updatedAt: 1 }) },
        { type: 'order', order: order({ state: 'expire', updatedAt: 2 }) },
        { type: 'started', sale: saleView() },
      ],
      state,
    );
    expect(saleStage(state)).toBe('ended');
    expect(state.cart).toHaveLength(1);
    state = run([{ type: 'newSale' }], state);
    expect(state.order).toBeUndefined();
    expect(state.cart).toEqual([]);
    expect(state.digits).toBe('');
    expect(saleStage(state)).toBe('none');
  });

  it('starts the next sale when the cashier types after a result', () => {
    let state = run(
      [
        type('9'),
        { type: 'starting' },
        { type: 'order', order: order({ state: 'charging', updatedAt: 1 }) },
        { type: 'order', order: order({ state: 'settlement', updatedAt: 2 }) },
        { type: 'started', sale: saleView() },
      ],
      ready(),
    );
    state = run([type('5')], state);
    expect(state.order).toBeUndefined();
    expect(state.digits).toBe('5');
  });

  it('does not start a new sale while one is live', () => {
    const state = run([{ type: 'order', order: order() }, { type: 'newSale' }], ready());
    expect(state.order?.orderId).toBe('TOKO-0001');
  });

  it('ignores the keypad while the cart has items: the amount is the items sum', () => {
    const state = run(
      [
        type('7'),
        { type: 'cart', action: { type: 'add', item: { id: 'KOPI', name: 'Kopi susu', price: 18_000 } } },
        type('1'),
      ],
      ready(),
    );
    expect(state.digits).toBe('7');
    expect(currentDraft(state).amount).toBe(18_000);
  });

  it('keeps a refused Charge visible until the cashier changes the input', () => {
    const notice = { message: { id: 'Ditolak', en: 'Refused' }, problems: [] };
    let state = run([type('5'), { type: 'starting' }, { type: 'startFailed', notice }], ready());
    expect(state.saleNotice).toEqual(notice);
    expect(saleStage(state)).toBe('none');
    state = run([type('0')], state);
    expect(state.saleNotice).toBeUndefined();
  });

  it('marks an attempted Charge so an empty amount gets its reason shown', () => {
    const state = run([{ type: 'chargeRefused' }], ready());
    expect(state.attempted).toBe(true);
    expect(run([type('1')], state).attempted).toBe(false);
  });

  it('learns how a live order ended from the history after a reconnect', () => {
    let state = run([{ type: 'order', order: order() }], ready());
    // Reconnected: the order is no longer open, so the snapshot does not list it.
    state = run([{ type: 'snapshot', snapshot: snapshot(), localNow: 0 }], state);
    expect(state.order?.state).toBe('pending');
    state = run([{ type: 'history', orders: [order({ state: 'settlement', updatedAt: 9_000 })] }], state);
    expect(state.order?.state).toBe('settlement');
    expect(state.history).toHaveLength(1);
    expect(state.historyLoaded).toBe(true);
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
    // Before the first snapshot there is nothing to replace.
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
