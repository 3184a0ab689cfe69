import { describe, expect, it } from 'vitest';
import {
  orderActions,
  orderExpiresAt,
  orderTone,
  orderWarning,
} from '../../../renderer/cashier/sale/order-view.ts';
import { order } from '../fixtures.ts';

describe('live order', () => {
  it('counts down to the kiosk deadline or the gateway expiry, whichever is first', () => {
    expect(orderExpiresAt(order({ deadlineAt: 900, gatewayExpiryAt: undefined }))).toBe(900);
    expect(orderExpiresAt(order({ deadlineAt: 900, gatewayExpiryAt: 600 }))).toBe(600);
    expect(orderExpiresAt(order({ deadlineAt: 500, gatewayExpiryAt: 600 }))).toBe(500);
  });

  it('offers the simulate buttons only in training mode and only while the charge is pending', () => {
    expect(orderActions(order({ state: 'pending' }), true).simulate).toBe(true);
    expect(orderActions(order({ state: 'pending' }), false).simulate).toBe(false);
    expect(orderActions(order({ state: 'charging' }), true).simulate).toBe(false);
    expect(orderActions(order({ state: 'settlement' }), true).simulate).toBe(false);
  });

  it('offers Cancel and Check now while open, New sale once final', () => {
    expect(orderActions(order({ state: 'pending' }), false)).toMatchObject({
      cancel: true,
      checkNow: true,
      newSale: false,
    });
    expect(orderActions(order({ state: 'created' }), false)).toMatchObject({ cancel: true, checkNow: false });
    for (const state of ['settlement', 'expire', 'cancel', 'deny', 'failed'] as const) {
      expect(orderActions(order({ state }), true)).toEqual({
        cancel: false,
        checkNow: false,
        simulate: false,
        newSale: true,
      });
    }
  });

  it('tells paid from unpaid from failed', () => {
    expect(orderTone(order({ state: 'settlement' }))).toBe('paid');
    expect(orderTone(order({ state: 'deny' }))).toBe('failed');
    expect(orderTone(order({ state: 'failed' }))).toBe('failed');
    expect(orderTone(order({ state: 'expire' }))).toBe('unpaid');
    expect(orderTone(order({ state: 'cancel' }))).toBe('unpaid');
    expect(orderTone(order({ state: 'pending' }))).toBe('waiting');
  });
});

describe('what the live order warns about (issue 12)', () => {
  it('a payment held for review offers no Cancel and no countdown state', () => {
    const held = order({ state: 'review', gatewayStatus: 'settlement', fraudStatus: 'challenge' });
    expect(orderActions(held, false)).toMatchObject({ cancel: false, checkNow: true, newSale: false });
    expect(orderWarning(held)).toBeUndefined();
  });

  it('an unconfirmed stop says the QR may still be paid; a contradiction is a security alert', () => {
    expect(orderWarning(order({ state: 'pending', cancelRequestedAt: 5_000 }))).toBe('stop-unconfirmed');
    expect(orderWarning(order({ state: 'cancel', cancelRequestedAt: 5_000 }))).toBeUndefined();
    const contradicted = order({ state: 'cancel', alert: 'status-contradiction' });
    expect(orderWarning(contradicted)).toBe('contradiction');
    expect(orderTone(contradicted)).toBe('failed');
  });
});
