/**
 * What the api refuses, and how: every refusal is a ContractError with a stable code and words in
 * both languages, nothing refused is journaled or sent, and no call ever throws.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tillSale } from '../support/till-sale.ts';
import { ERROR_CODES, type ContractError } from '../../common/contract.ts';
import { createKioskApi } from '../../main/screen-api/kiosk-api.ts';
import type { ScreenSettingsSource } from '../../main/screen-api/screen-settings.ts';
import { startEmulator, type Fault } from '../../main/emulator/index.ts';
import { closeRigs, openRig, type Rig } from './rig.ts';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeRigs();
});

function expectWords(error: ContractError): void {
  expect(ERROR_CODES).toContain(error.code);
  expect(error.message.id.length).toBeGreaterThan(10);
  expect(error.message.en.length).toBeGreaterThan(10);
  expect(error.message.id).not.toBe(error.message.en);
}

/** What has reached the journal and the gateway so far. */
function footprint(rig: Rig) {
  return {
    orders: rig.services.engine.history({ limit: 200 }).orders.length,
    requests: rig.services.emulator?.control.requests().length,
  };
}

const GATEWAY = { kind: 'gateway', paymentType: 'qris' } as const;
const line = (unitPrice: unknown, extra: Record<string, unknown> = {}) => ({
  name: 'Teh',
  unitPrice,
  quantity: 1,
  ...extra,
});

describe('roles and names', () => {
  it.each([
    ['display', 'sale.start', { lines: [line(5_000)], tender: GATEWAY }],
    ['display', 'sale.simulate', { orderId: 'K1', outcome: 'pay' }],
    ['display', 'kiosk.snapshot', {}],
    ['display', 'settings.setLanguage', { language: 'en' }],
    ['display', 'display.showCart', { cart: null }],
    ['cashier', 'display.snapshot', {}],
    ['cashier', 'sale.refund', { orderId: 'K1' }],
    ['cashier', '__proto__', {}],
    ['cashier', 'constructor', {}],
    ['cashier', 'toString', {}],
    ['cashier', '', {}],
    ['admin', 'kiosk.snapshot', {}],
    ['__proto__', 'kiosk.snapshot', {}],
  ] as const)('%s may not call %s', async (role, name, payload) => {
    const rig = await openRig();
    const before = footprint(rig);
    const error = await rig.refused(role as never, name, payload);
    expect(error.code).toBe('unknown-command');
    expectWords(error);
    expect(footprint(rig)).toEqual(before);
  });

  it('refuses a name that is not a string', async () => {
    const rig = await openRig();
    const outcome = await rig.api.call('cashier', 42 as never, {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  });
});

describe('malformed payloads', () => {
  const cases: [string, unknown, string][] = [
    ['kiosk.snapshot', { extra: 1 }, 'extra'],
    ['kiosk.snapshot', undefined, '(payload)'],
    ['sale.start', null, '(payload)'],
    ['sale.start', { lines: [], tender: { kind: 'gateway', paymentType: 5 } }, 'tender'],
    [
      'sale.start',
      { lines: [{ name: 'Teh', unitPrice: { value: 5_000 }, quantity: 1 }], tender: GATEWAY },
      'lines.0.unitPrice',
    ],
    ['sale.start', { lines: [], tender: GATEWAY, tip: 1_000 }, 'tip'],
    ['sale.start', { lines: [{ unitPrice: 5_000, quantity: 1 }], tender: GATEWAY }, 'lines.0.name'],
    ['sale.start', { lines: 'kopi', tender: GATEWAY }, 'lines'],
    ['sale.start', { lines: [], tender: { kind: 'card' } }, 'tender'],
    ['sale.payRestInCash', { saleId: 'S1' }, 'received'],
    ['sale.void', { saleId: '' }, 'saleId'],
    ['sale.cancel', {}, 'orderId'],
    ['sale.cancel', { orderId: '../../etc/passwd' }, 'orderId'],
    ['sale.checkNow', { orderId: 'K'.repeat(51) }, 'orderId'],
    ['sale.checkNow', { orderId: 12 }, 'orderId'],
    ['sale.simulate', { orderId: 'K1', outcome: 'refund' }, 'outcome'],
    ['sale.simulate', { orderId: 'K 1', outcome: 'pay' }, 'orderId'],
    ['history.page', { limit: 0 }, 'limit'],
    ['history.page', { limit: 'ten' }, 'limit'],
    ['history.page', { before: -1 }, 'before'],
    ['history.page', { before: 1.5 }, 'before'],
    ['report.day', { date: '24-11-2026' }, 'date'],
    ['report.day', [], '(payload)'],
    ['settings.setLanguage', { language: 'fr' }, 'language'],
    ['settings.setLanguage', {}, 'language'],
    ['display.showCart', {}, 'cart'],
    ['display.showCart', { cart: { amount: -1, items: [] } }, 'cart.amount'],
    [
      'display.showCart',
      { cart: { amount: 1_000, items: [{ id: 'x', name: 'X', price: '1' }] } },
      'cart.items.0',
    ],
  ];

  it.each(cases)(
    '%s %j is refused naming %s, with nothing journaled or sent',
    async (name, payload, field) => {
      const rig = await openRig();
      const before = footprint(rig);
      const error = await rig.refused('cashier', name, payload);
      expect(error.code).toBe('invalid-payload');
      expectWords(error);
      expect(error.message.en).toContain(field);
      expect(error.message.id).toContain(field);
      expect(footprint(rig)).toEqual(before);
    },
  );

  it('display.snapshot with a payload is refused too', async () => {
    const rig = await openRig();
    const error = await rig.refused('display', 'display.snapshot', { seq: 1 });
    expect(error.code).toBe('invalid-payload');
    expect(error.message.en).toContain('seq');
  });
});

describe('sales the till refuses', () => {
  const bad: [string, unknown, string[]][] = [
    ['a price of zero', { lines: [line(0)], tender: GATEWAY }, ['price-too-small']],
    ['cents', { lines: [line(1500.5)], tender: GATEWAY }, ['price-not-whole']],
    ['an empty cart', { lines: [], tender: GATEWAY }, ['cart-empty']],
    [
      'a name with a control character',
      { lines: [{ ...line(5_000), name: 'Te\u0007h' }], tender: GATEWAY },
      ['name-characters'],
    ],
    [
      'a discount above 100 %',
      { lines: [line(5_000, { discount: { kind: 'percent', value: 150 } })], tender: GATEWAY },
      ['discount-above-100-percent'],
    ],
    ['over the QRIS limit', { lines: [line(10_000_001)], tender: GATEWAY }, ['amount-too-large']],
    [
      'over the GoPay limit',
      { lines: [line(20_000_000), line(1)], tender: { kind: 'gateway', paymentType: 'gopay' } },
      ['amount-too-large'],
    ],
    [
      'cash below the total',
      { lines: [line(5_000)], tender: { kind: 'cash', received: 4_000 } },
      ['cash-below-total'],
    ],
    [
      'a split whose cash covers it all',
      { lines: [line(5_000)], tender: { kind: 'split', cash: 5_000, paymentType: 'qris' } },
      ['split-cash-covers-total'],
    ],
  ];

  it.each(bad)(
    '%s: sale-invalid with the pricing’s problems, nothing journaled',
    async (_what, request, codes) => {
      const rig = await openRig();
      const before = footprint(rig);
      const error = await rig.refused('cashier', 'sale.start', request);
      expect(error.code).toBe('sale-invalid');
      expectWords(error);
      expect(error.problems?.map((p) => p.code)).toEqual(codes);
      for (const problem of error.problems ?? []) {
        expect(problem.message.id.length).toBeGreaterThan(5);
        expect(problem.message.en.length).toBeGreaterThan(5);
      }
      expect(footprint(rig)).toEqual(before);
      expect(rig.services.till.openSales()).toEqual([]);
    },
  );

  it('a payment type this till has switched off', async () => {
    const rig = await openRig({ env: { KIOSK_PAYMENT_TYPES: 'qris' } });
    const error = await rig.refused('cashier', 'sale.start', {
      lines: [line(5_000)],
      tender: { kind: 'gateway', paymentType: 'gopay' },
    });
    expect(error.code).toBe('sale-invalid');
    expect(error.problems?.map((p) => p.code)).toEqual(['payment-type-disabled']);
  });
});

describe('gateway trouble on Check now', () => {
  const faults: [string, Fault][] = [
    ['gateway-unreachable', { kind: 'http-error', httpStatus: 503 }],
    ['gateway-unreachable', { kind: 'reset' }],
    ['gateway-unauthorized', { kind: 'http-error', httpStatus: 401 }],
    ['gateway-rate-limited', { kind: 'rate-limit', retryAfterSeconds: 1 }],
    ['gateway-error', { kind: 'malformed', body: 'html' }],
  ];

  it.each(faults)('%s for %j, and the order stays saved', async (code, fault) => {
    const rig = await openRig({ engine: { poll: { fastMs: 60_000 } } });
    const order = await rig.sale({ paymentType: 'qris', amount: 6_000 });
    rig.services.emulator!.control.injectFault({ target: 'status', fault });
    const error = await rig.refused('cashier', 'sale.checkNow', { orderId: order.orderId });
    expect(error.code).toBe(code);
    expectWords(error);
    expect(rig.services.journal.get(order.orderId)?.state).toBe('pending');
  });

  it('says in both languages that the order is kept when the gateway is unreachable', async () => {
    const rig = await openRig({ engine: { poll: { fastMs: 60_000 } } });
    const order = await rig.sale({ paymentType: 'qris', amount: 6_000 });
    rig.services.emulator!.control.injectFault({
      target: 'status',
      fault: { kind: 'http-error', httpStatus: 500 },
    });
    const error = await rig.refused('cashier', 'sale.checkNow', { orderId: order.orderId });
    expect(error.message.id).toMatch(/tersimpan/);
    expect(error.message.en).toMatch(/saved/);
  });
});

describe('training-only', () => {
  it('sale.simulate in sandbox mode, against a gateway the test owns', async () => {
    const emu = await startEmulator();
    try {
      const rig = await openRig({
        env: { KIOSK_MODE: 'sandbox', MIDTRANS_API_URL: emu.url, MIDTRANS_SERVER_KEY: emu.serverKey },
      });
      expect(rig.services.emulator).toBeUndefined();
      const order = await rig.sale({
        paymentType: 'gopay',
        amount: 5_000,
      });
      expect(order.state).toBe('pending');
      for (const outcome of ['pay', 'deny', 'expire']) {
        const error = await rig.refused('cashier', 'sale.simulate', { orderId: order.orderId, outcome });
        expect(error.code).toBe('training-only');
        expectWords(error);
      }
      expect(emu.control.get(order.orderId)?.transactionStatus).toBe('pending');
      await closeRigs();
    } finally {
      await emu.close();
    }
  });

  it('sale.simulate in training mode without an emulator', async () => {
    const rig = await openRig();
    const order = await rig.sale({ paymentType: 'qris', amount: 5_000 });
    const api = createKioskApi({
      engine: rig.services.engine,
      till: rig.services.till,
      catalogue: rig.services.catalogue,
      emulator: undefined,
      settings: rig.settings,
      mode: 'training',
    });
    try {
      const outcome = await api.call('cashier', 'sale.simulate', { orderId: order.orderId, outcome: 'pay' });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'training-only' } });
      expect(rig.services.emulator!.control.get(order.orderId)?.transactionStatus).toBe('pending');
    } finally {
      api.close();
    }
  });
});

describe('stopping and the unexpected', () => {
  it('answers kiosk-stopping once the api is closed', async () => {
    const rig = await openRig();
    rig.api.close();
    expect((await rig.refused('cashier', 'kiosk.snapshot', {})).code).toBe('kiosk-stopping');
    expect((await rig.refused('display', 'display.snapshot', {})).code).toBe('kiosk-stopping');
  });

  it('answers kiosk-stopping when the engine has stopped', async () => {
    const rig = await openRig();
    await rig.services.engine.stop();
    const error = await rig.refused(
      'cashier',
      'sale.start',
      tillSale({ paymentType: 'qris', amount: 5_000 }),
    );
    expect(error.code).toBe('kiosk-stopping');
    expectWords(error);
  });

  it('an unexpected failure is internal, logged without the key, and worded generically', async () => {
    const rig = await openRig();
    const key = 'SB-Mid-server-SECRETsecret123';
    let failing = false;
    const broken: ScreenSettingsSource = {
      get: () => {
        if (!failing) return rig.settings.get();
        throw new Error(`settings store exploded near ${key} (Basic U0ItTWlkLXNlcnZlci1TRUNSRVQ6)`);
      },
      setLanguage: () => rig.settings.get(),
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const api = createKioskApi({
      engine: rig.services.engine,
      till: rig.services.till,
      catalogue: rig.services.catalogue,
      emulator: undefined,
      settings: broken,
      mode: 'sandbox',
    });
    failing = true;
    try {
      const outcome = await api.call('cashier', 'kiosk.snapshot', {});
      expect(outcome.ok).toBe(false);
      const error = outcome.ok ? undefined : outcome.error;
      expect(error?.code).toBe('internal');
      expectWords(error!);
      expect(JSON.stringify(error)).not.toContain('exploded');
      const text = logged.mock.calls.flat().join(' ');
      expect(text).toContain('kiosk.snapshot');
      expect(text).toContain('exploded');
      expect(text).not.toContain(key);
      expect(text).not.toContain('U0ItTWlkLXNlcnZlci1TRUNSRVQ6');
    } finally {
      api.close();
    }
  });

  it('never throws, whatever the transport hands over', async () => {
    const rig = await openRig();
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no reading me');
        },
        ownKeys() {
          throw new Error('no listing me');
        },
        getPrototypeOf() {
          throw new Error('no prototype either');
        },
      },
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const name of ['sale.start', 'kiosk.snapshot', 'display.showCart']) {
      const outcome = await rig.api.call('cashier', name, hostile);
      expect(outcome.ok).toBe(false);
    }
    const cyclic: Record<string, unknown> = { paymentType: 'qris' };
    cyclic.amount = cyclic;
    expect((await rig.api.call('cashier', 'sale.start', cyclic)).ok).toBe(false);
  });
});
