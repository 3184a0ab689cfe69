import type { TillSaleRequest } from '../../common/till-contract.ts';
import { describe, expect, it } from 'vitest';
import type { CashierApi, ContractError, DisplayApi } from '../../common/contract.ts';
import { commandChannel, eventChannel } from '../../common/ipc-channels.ts';
import { createCashierBridge, createDisplayBridge, type BridgeTransport } from '../../preload/bridge-api.ts';
import { cashierApiOverSocket } from '../../renderer/shared/cashier-socket.ts';
import { noticeFromError } from '../../renderer/shared/errors.ts';
import type { SocketClient } from '../../renderer/shared/socket-client.ts';

function fakeTransport(
  answer: (channel: string, payload: unknown) => unknown = () => ({ ok: true, value: null }),
) {
  const invoked: Array<{ channel: string; payload: unknown; argCount: number }> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke(...args: [string, unknown]) {
      const [channel, payload] = args;
      invoked.push({ channel, payload, argCount: args.length });
      return Promise.resolve(answer(channel, payload));
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => {
        set.delete(listener);
      };
    },
  };
  // Extra arguments stand in for what a careless transport might pass along (an IPC event).
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) {
      (listener as (...a: unknown[]) => void)(payload, { sender: 'raw ipc event' });
    }
  };
  const count = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { transport, invoked, emit, count };
}

type Invocation = (api: CashierApi) => Promise<unknown>;

const SALE: TillSaleRequest = {
  lines: [{ sku: 'k', name: 'Kopi', unitPrice: 18000, quantity: 2 }],
  tender: { kind: 'gateway', paymentType: 'qris' },
};

/** Every cashier method with sample arguments, and what must go on the wire for it. */
const CASHIER_CALLS: Array<[string, Invocation, string, unknown]> = [
  ['snapshot', (a) => a.snapshot(), 'kiosk.snapshot', {}],
  ['startSale', (a) => a.startSale(SALE), 'sale.start', SALE],
  [
    'payRestInCash',
    (a) => a.payRestInCash('S-1', 50_000),
    'sale.payRestInCash',
    { saleId: 'S-1', received: 50_000 },
  ],
  [
    'chargeAgain',
    (a) => a.chargeAgain('S-1', 'qris'),
    'sale.chargeAgain',
    { saleId: 'S-1', paymentType: 'qris' },
  ],
  ['voidSale', (a) => a.voidSale('S-1'), 'sale.void', { saleId: 'S-1' }],
  ['catalogue', (a) => a.catalogue(), 'catalogue.list', {}],
  [
    'manager.catalogue.saveItem (new)',
    (a) => a.manager.catalogue.saveItem({ name: 'Teh', price: 5_000 }),
    'catalogue.saveItem',
    { item: { name: 'Teh', price: 5_000 } },
  ],
  [
    'manager.catalogue.saveItem',
    (a) => a.manager.catalogue.saveItem({ name: 'Teh', price: 5_000 }, 7),
    'catalogue.saveItem',
    { id: 7, item: { name: 'Teh', price: 5_000 } },
  ],
  [
    'manager.catalogue.setActive',
    (a) => a.manager.catalogue.setActive(7, false),
    'catalogue.setActive',
    { id: 7, active: false },
  ],
  [
    'manager.catalogue.reorderItems',
    (a) => a.manager.catalogue.reorderItems(null, [3, 1]),
    'catalogue.reorderItems',
    { categoryId: null, ids: [3, 1] },
  ],
  [
    'manager.catalogue.saveCategory',
    (a) => a.manager.catalogue.saveCategory('Minuman'),
    'catalogue.saveCategory',
    { name: 'Minuman' },
  ],
  [
    'manager.catalogue.reorderCategories',
    (a) => a.manager.catalogue.reorderCategories([2, 1]),
    'catalogue.reorderCategories',
    { ids: [2, 1] },
  ],
  [
    'manager.catalogue.importCsv',
    (a) => a.manager.catalogue.importCsv('nama;harga'),
    'catalogue.import',
    { csv: 'nama;harga' },
  ],
  ['manager.catalogue.exportCsv', (a) => a.manager.catalogue.exportCsv(), 'catalogue.export', {}],
  [
    'manager.refunds.create',
    (a) => a.manager.refunds.create({ orderId: 'TOKO-1', amount: 5000, reason: 'Rusak', managerPin: '2468' }),
    'refund.create',
    { orderId: 'TOKO-1', amount: 5000, reason: 'Rusak', managerPin: '2468' },
  ],
  [
    'manager.refunds.list',
    (a) => a.manager.refunds.list({ saleId: 'S-1' }),
    'refund.list',
    { saleId: 'S-1' },
  ],
  ['printingSnapshot', (a) => a.printingSnapshot(), 'printing.snapshot', {}],
  ['reprint', (a) => a.reprint('S-1'), 'printing.reprint', { saleId: 'S-1' }],
  ['answerReceipt', (a) => a.answerReceipt('S-1', false), 'printing.answer', { saleId: 'S-1', print: false }],
  ['retryPrinting', (a) => a.retryPrinting(), 'printing.retry', {}],
  ['printPageDone', (a) => a.printPageDone('r-1', true), 'printing.pageDone', { requestId: 'r-1', ok: true }],
  ['manager.printing.test', (a) => a.manager.printing.test('kasir'), 'printing.test', { printerId: 'kasir' }],
  [
    'manager.printing.openDrawer',
    (a) => a.manager.printing.openDrawer('kasir', '246810'),
    'printing.openDrawer',
    { printerId: 'kasir', pin: '246810' },
  ],
  ['manager.printing.preview', (a) => a.manager.printing.preview(58), 'printing.preview', { width: 58 }],
  ['cancel', (a) => a.cancel('TOKO-1'), 'sale.cancel', { orderId: 'TOKO-1' }],
  ['checkNow', (a) => a.checkNow('TOKO-2'), 'sale.checkNow', { orderId: 'TOKO-2' }],
  ['simulate', (a) => a.simulate('TOKO-3', 'deny'), 'sale.simulate', { orderId: 'TOKO-3', outcome: 'deny' }],
  ['history', (a) => a.history({ before: 40, limit: 20 }), 'history.page', { before: 40, limit: 20 }],
  ['history, first page', (a) => a.history({}), 'history.page', {}],
  [
    'searchHistory',
    (a) => a.searchHistory({ amount: 44_000, from: '2026-11-01', cursor: 'c' }),
    'history.search',
    { amount: 44_000, from: '2026-11-01', cursor: 'c' },
  ],
  ['historyDetail', (a) => a.historyDetail('sale', 'S-1'), 'history.detail', { kind: 'sale', id: 'S-1' }],
  ['report', (a) => a.report('2026-08-17'), 'report.day', { date: '2026-08-17' }],
  ['report, today', (a) => a.report(), 'report.day', {}],
  ['setLanguage', (a) => a.setLanguage('en'), 'settings.setLanguage', { language: 'en' }],
  [
    'showCart',
    (a) => a.showCart({ amount: 5000, items: [] }),
    'display.showCart',
    { cart: { amount: 5000, items: [] } },
  ],
  ['showCart, cleared', (a) => a.showCart(null), 'display.showCart', { cart: null }],
  ['manager.status', (a) => a.manager.status(), 'manager.status', {}],
  ['manager.createPin', (a) => a.manager.createPin('246810'), 'manager.createPin', { pin: '246810' }],
  ['manager.unlock', (a) => a.manager.unlock('246810'), 'manager.unlock', { pin: '246810' }],
  ['manager.lock', (a) => a.manager.lock(), 'manager.lock', {}],
  ['manager.changePin', (a) => a.manager.changePin('135790'), 'manager.changePin', { pin: '135790' }],
  [
    'manager.acceptWeakKeyStorage',
    (a) => a.manager.acceptWeakKeyStorage('135790'),
    'key.acceptWeakStorage',
    { pin: '135790' },
  ],
  ['manager.read', (a) => a.manager.read(), 'settings.read', {}],
  [
    'manager.update',
    (a) => a.manager.update({ merchantName: 'Toko Maju' }),
    'settings.update',
    { patch: { merchantName: 'Toko Maju' } },
  ],
  [
    'manager.setKey',
    (a) => a.manager.setKey('sandbox', 'SB-Mid-server-x'),
    'key.set',
    { environment: 'sandbox', key: 'SB-Mid-server-x' },
  ],
  ['manager.clearKey', (a) => a.manager.clearKey('production'), 'key.clear', { environment: 'production' }],
  ['manager.testKey, stored', (a) => a.manager.testKey('sandbox'), 'key.test', { environment: 'sandbox' }],
  [
    'manager.testKey, typed',
    (a) => a.manager.testKey('sandbox', 'SB-Mid-server-y'),
    'key.test',
    { environment: 'sandbox', key: 'SB-Mid-server-y' },
  ],
  ['day.status', (a) => a.day.status(), 'day.status', {}],
  [
    'day.openShift',
    (a) => a.day.openShift({ count: { note50000: 2 }, cashierId: 3, pin: '4821' }),
    'shift.open',
    { count: { note50000: 2 }, cashierId: 3, pin: '4821' },
  ],
  [
    'day.cash',
    (a) => a.day.cash('out', 5_000, 'parkir'),
    'shift.cash',
    { kind: 'out', amount: 5_000, reason: 'parkir' },
  ],
  ['day.closeShift', (a) => a.day.closeShift({ counted: 250_000 }), 'shift.close', { counted: 250_000 }],
  ['day.x', (a) => a.day.x(), 'report.x', {}],
  ['day.z, no PIN', (a) => a.day.z(), 'report.z', {}],
  [
    'day.z, PIN and date',
    (a) => a.day.z('4821', '2026-12-01'),
    'report.z',
    { managerPin: '4821', date: '2026-12-01' },
  ],
  ['day.zList', (a) => a.day.zList(5), 'report.zList', { limit: 5 }],
  ['day.zGet', (a) => a.day.zGet(2), 'report.zGet', { number: 2 }],
  [
    'day.range',
    (a) => a.day.range('2026-12-01', '2026-12-07'),
    'report.range',
    { from: '2026-12-01', to: '2026-12-07' },
  ],
  ['day.csv', (a) => a.day.csv({ kind: 'z', number: 2 }), 'report.csv', { kind: 'z', number: 2 }],
  ['day.print', (a) => a.day.print({ kind: 'z', number: 2 }), 'report.print', { kind: 'z', number: 2 }],
  ['day.cashiers', (a) => a.day.cashiers('4821'), 'cashier.list', { managerPin: '4821' }],
  [
    'day.saveCashier',
    (a) => a.day.saveCashier({ name: 'Sari', pin: '1234', active: true }),
    'cashier.save',
    { name: 'Sari', pin: '1234', active: true },
  ],
  ['day.setPolicy', (a) => a.day.setPolicy(false), 'shift.setPolicy', { salesWithoutShift: false }],
  ['reconcile.start', (a) => a.reconcile.start('2026-12-01'), 'reconcile.start', { date: '2026-12-01' }],
  ['reconcile.status', (a) => a.reconcile.status(), 'reconcile.status', {}],
  [
    'reconcile.findings',
    (a) => a.reconcile.findings('2026-12-01'),
    'reconcile.findings',
    { date: '2026-12-01' },
  ],
  ['reconcile.csv', (a) => a.reconcile.csv('2026-12-01'), 'reconcile.csv', { date: '2026-12-01' }],
];

describe('the cashier bridge', () => {
  it('exposes exactly the contract’s functions, nothing generic', () => {
    const bridge = createCashierBridge(fakeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'snapshot',
        'startSale',
        'payRestInCash',
        'chargeAgain',
        'voidSale',
        'catalogue',
        'cancel',
        'checkNow',
        'simulate',
        'history',
        'searchHistory',
        'historyDetail',
        'report',
        'setLanguage',
        'showCart',
        'onOrder',
        'onHealth',
        'onSettings',
        'onSale',
        'onCatalogue',
        'onRefund',
        'onReconcile',
        'printingSnapshot',
        'reprint',
        'answerReceipt',
        'retryPrinting',
        'printPageDone',
        'onPrinting',
        'onPrintPage',
        'manager',
        'day',
        'reconcile',
      ].sort(),
    );
    expect(Object.keys(bridge.reconcile).sort()).toEqual(['csv', 'findings', 'start', 'status']);
    expect(Object.keys(bridge.day).sort()).toEqual(
      [
        'status',
        'openShift',
        'cash',
        'closeShift',
        'x',
        'z',
        'zList',
        'zGet',
        'range',
        'csv',
        'print',
        'cashiers',
        'saveCashier',
        'setPolicy',
      ].sort(),
    );
    expect(Object.keys(bridge.manager).sort()).toEqual(
      [
        'status',
        'createPin',
        'unlock',
        'lock',
        'changePin',
        'acceptWeakKeyStorage',
        'read',
        'update',
        'setKey',
        'clearKey',
        'testKey',
        'catalogue',
        'refunds',
        'printing',
      ].sort(),
    );
    expect(Object.keys(bridge.manager.refunds).sort()).toEqual(['create', 'list']);
    expect(Object.keys(bridge.manager.printing).sort()).toEqual(['openDrawer', 'preview', 'test']);
    expect(Object.keys(bridge.manager.catalogue).sort()).toEqual(
      [
        'saveItem',
        'setActive',
        'reorderItems',
        'saveCategory',
        'reorderCategories',
        'importCsv',
        'exportCsv',
      ].sort(),
    );
    for (const value of [
      ...Object.values(bridge),
      ...Object.values(bridge.manager),
      ...Object.values(bridge.day),
      ...Object.values(bridge.reconcile),
    ]) {
      expect(['function', 'object']).toContain(typeof value);
    }
  });

  it.each(CASHIER_CALLS)('%s sends one command with its payload', async (_name, invoke, command, payload) => {
    const t = fakeTransport(() => ({ ok: true, value: { answered: true } }));
    const bridge = createCashierBridge(t.transport);
    await expect(invoke(bridge)).resolves.toEqual({ answered: true });
    expect(t.invoked).toEqual([{ channel: `kiosk:${command}`, payload, argCount: 2 }]);
  });

  it('covers every method it exposes', () => {
    const names = new Set(CASHIER_CALLS.map(([name]) => name.split(/[ ,]/)[0]));
    const bridge = createCashierBridge(fakeTransport().transport);
    const methods = [
      ...Object.keys(bridge).filter(
        (k) => k !== 'manager' && k !== 'day' && k !== 'reconcile' && !k.startsWith('on'),
      ),
      ...Object.keys(bridge.day).map((k) => `day.${k}`),
      ...Object.keys(bridge.reconcile).map((k) => `reconcile.${k}`),
      ...Object.keys(bridge.manager)
        .filter((k) => k !== 'catalogue' && k !== 'refunds' && k !== 'printing')
        .map((k) => `manager.${k}`),
      ...Object.keys(bridge.manager.catalogue).map((k) => `manager.catalogue.${k}`),
      ...Object.keys(bridge.manager.refunds).map((k) => `manager.refunds.${k}`),
      ...Object.keys(bridge.manager.printing).map((k) => `manager.printing.${k}`),
    ];
    expect(new Set(methods)).toEqual(names);
  });

  it('maps every method exactly as the browser-mode WebSocket client does', async () => {
    const overSocket: Array<[string, unknown]> = [];
    const client = {
      call: (name: string, payload: unknown) => {
        overSocket.push([name, payload]);
        return Promise.resolve(null);
      },
      on: () => () => {},
    } as unknown as SocketClient;
    const socketApi = cashierApiOverSocket(client);
    const t = fakeTransport();
    const bridge = createCashierBridge(t.transport);
    for (const [, invoke] of CASHIER_CALLS) {
      await invoke(socketApi);
      await invoke(bridge);
    }
    expect(t.invoked.map(({ channel, payload }) => [channel, payload])).toEqual(
      overSocket.map(([name, payload]) => [commandChannel(name as never), payload]),
    );
  });

  it('rejects a refusal with a plain object a screen reads by shape', async () => {
    const error: ContractError = {
      code: 'sale-invalid',
      message: { id: 'Jumlah tidak valid.', en: 'The amount is invalid.' },
      problems: [
        {
          code: 'amount-too-small',
          field: 'amount',
          message: { id: 'Terlalu kecil.', en: 'Too small.' },
        } as never,
      ],
    };
    const bridge = createCashierBridge(fakeTransport(() => ({ ok: false, error })).transport);
    const rejection: unknown = await bridge.startSale(SALE).then(
      () => expect.fail('should reject'),
      (e: unknown) => e,
    );
    expect(rejection).toEqual({
      name: 'KioskCallError',
      code: 'sale-invalid',
      message: 'The amount is invalid.',
      bilingual: { id: 'Jumlah tidak valid.', en: 'The amount is invalid.' },
      problems: error.problems,
    });
    // A plain object, so contextBridge copies all of it (it keeps only an Error's message).
    expect(Object.getPrototypeOf(rejection)).toBe(Object.prototype);
    expect(rejection).not.toBeInstanceOf(Error);
    const notice = noticeFromError(rejection, { id: 'x', en: 'x' });
    expect(notice.message).toEqual(error.message);
    expect(notice.problems).toEqual(error.problems);
  });

  it('rejects with an empty problem list when the refusal has none', async () => {
    const bridge = createCashierBridge(
      fakeTransport(() => ({
        ok: false,
        error: { code: 'manager-locked', message: { id: 'Terkunci.', en: 'Locked.' } },
      })).transport,
    );
    await expect(bridge.manager.read()).rejects.toEqual({
      name: 'KioskCallError',
      code: 'manager-locked',
      message: 'Locked.',
      bilingual: { id: 'Terkunci.', en: 'Locked.' },
      problems: [],
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'ok'],
    ['ok without a value', { ok: true }],
    ['an unknown error code', { ok: false, error: { code: 'pwned', message: { id: 'a', en: 'b' } } }],
    ['an error without words', { ok: false, error: { code: 'internal' } }],
  ])('rejects as internal when the answer is unreadable: %s', async (_name, answer) => {
    const bridge = createCashierBridge(fakeTransport(() => answer).transport);
    const rejection = (await bridge.snapshot().catch((e: unknown) => e)) as Record<string, unknown>;
    expect(rejection['name']).toBe('KioskCallError');
    expect(rejection['code']).toBe('internal');
    expect(rejection['problems']).toEqual([]);
  });

  it('passes a failing transport’s rejection on', async () => {
    const t = fakeTransport();
    t.transport.invoke = () => Promise.reject(new Error('ipc gone'));
    await expect(createCashierBridge(t.transport).snapshot()).rejects.toThrow('ipc gone');
  });

  it.each([
    ['onOrder', 'order'],
    ['onHealth', 'health'],
    ['onSettings', 'settings'],
  ] as const)('%s gives its listener the payload only, until unsubscribed', (method, event) => {
    const t = fakeTransport();
    const bridge = createCashierBridge(t.transport);
    const received: unknown[][] = [];
    const off = bridge[method]((...args: unknown[]) => received.push(args));
    t.emit(eventChannel(event), { n: 1 });
    t.emit(eventChannel('display'), { n: 'not mine' });
    off();
    t.emit(eventChannel(event), { n: 2 });
    expect(received).toEqual([[{ n: 1 }]]);
    expect(t.count()).toBe(0);
  });
});

describe('the display bridge', () => {
  it('has only snapshot and onDisplay', () => {
    const bridge: DisplayApi = createDisplayBridge(fakeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual(['onDisplay', 'snapshot']);
  });

  it('reads its snapshot and hears display states, payload only', async () => {
    const t = fakeTransport(() => ({ ok: true, value: { seq: 7 } }));
    const bridge = createDisplayBridge(t.transport);
    await expect(bridge.snapshot()).resolves.toEqual({ seq: 7 });
    expect(t.invoked).toEqual([{ channel: 'kiosk:display.snapshot', payload: {}, argCount: 2 }]);
    const received: unknown[][] = [];
    const off = bridge.onDisplay((...args: unknown[]) => received.push(args));
    t.emit('kiosk-event:display', { seq: 8 });
    t.emit('kiosk-event:order', { secret: true });
    off();
    t.emit('kiosk-event:display', { seq: 9 });
    expect(received).toEqual([[{ seq: 8 }]]);
  });

  it('rejects a refusal in the same plain shape', async () => {
    const bridge = createDisplayBridge(
      fakeTransport(() => ({
        ok: false,
        error: { code: 'kiosk-stopping', message: { id: 'Berhenti.', en: 'Stopping.' } },
      })).transport,
    );
    await expect(bridge.snapshot()).rejects.toMatchObject({
      name: 'KioskCallError',
      code: 'kiosk-stopping',
      message: 'Stopping.',
    });
  });
});
