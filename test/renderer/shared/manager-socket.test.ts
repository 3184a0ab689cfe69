import { describe, expect, it } from 'vitest';
import type { ManagerApi } from '../../../common/contract.ts';
import { MANAGER_COMMANDS } from '../../../common/contract.ts';
import { COMMAND_SCHEMAS } from '../../../common/contract-schemas.ts';
import { cashierApiOverSocket } from '../../../renderer/shared/cashier-socket.ts';
import { managerApiOver } from '../../../renderer/shared/manager-socket.ts';
import type { SocketClient } from '../../../renderer/shared/socket-client.ts';

function recorder() {
  const sent: { name: string; payload: unknown }[] = [];
  const send = (name: string, payload: unknown) => {
    sent.push({ name, payload });
    return Promise.resolve({ answered: name });
  };
  return { sent, send };
}

const KEY = 'SB-Mid-server-abcdefgh1234';

/** Each ManagerApi method, called once, with the command and payload it must send. */
const CASES: [string, (api: ManagerApi) => Promise<unknown>, string, unknown][] = [
  ['status', (api) => api.status(), 'manager.status', {}],
  ['createPin', (api) => api.createPin('4821'), 'manager.createPin', { pin: '4821' }],
  ['unlock', (api) => api.unlock('90817'), 'manager.unlock', { pin: '90817' }],
  ['lock', (api) => api.lock(), 'manager.lock', {}],
  ['changePin', (api) => api.changePin('12345678'), 'manager.changePin', { pin: '12345678' }],
  [
    'acceptWeakKeyStorage',
    (api) => api.acceptWeakKeyStorage('4821'),
    'key.acceptWeakStorage',
    { pin: '4821' },
  ],
  ['read', (api) => api.read(), 'settings.read', {}],
  [
    'update',
    (api) => api.update({ merchantName: 'Toko Baru', kioskTimeoutSeconds: 600 }),
    'settings.update',
    { patch: { merchantName: 'Toko Baru', kioskTimeoutSeconds: 600 } },
  ],
  ['setKey', (api) => api.setKey('sandbox', KEY), 'key.set', { environment: 'sandbox', key: KEY }],
  ['clearKey', (api) => api.clearKey('production'), 'key.clear', { environment: 'production' }],
  ['testKey (stored)', (api) => api.testKey('sandbox'), 'key.test', { environment: 'sandbox' }],
  ['testKey (typed)', (api) => api.testKey('sandbox', KEY), 'key.test', { environment: 'sandbox', key: KEY }],
  [
    'catalogue.saveItem (new)',
    (api) => api.catalogue.saveItem({ name: 'Teh', price: 5_000, categoryId: null }),
    'catalogue.saveItem',
    { item: { name: 'Teh', price: 5_000, categoryId: null } },
  ],
  [
    'catalogue.saveItem (edit)',
    (api) => api.catalogue.saveItem({ name: 'Teh', price: 6_000 }, 4),
    'catalogue.saveItem',
    { id: 4, item: { name: 'Teh', price: 6_000 } },
  ],
  [
    'catalogue.setActive',
    (api) => api.catalogue.setActive(4, false),
    'catalogue.setActive',
    { id: 4, active: false },
  ],
  [
    'catalogue.reorderItems',
    (api) => api.catalogue.reorderItems(2, [5, 4]),
    'catalogue.reorderItems',
    { categoryId: 2, ids: [5, 4] },
  ],
  [
    'catalogue.saveCategory',
    (api) => api.catalogue.saveCategory('Makanan'),
    'catalogue.saveCategory',
    { name: 'Makanan' },
  ],
  [
    'catalogue.saveCategory (rename)',
    (api) => api.catalogue.saveCategory('Makan', 2),
    'catalogue.saveCategory',
    { id: 2, name: 'Makan' },
  ],
  [
    'catalogue.reorderCategories',
    (api) => api.catalogue.reorderCategories([2, 1]),
    'catalogue.reorderCategories',
    { ids: [2, 1] },
  ],
  [
    'catalogue.importCsv',
    (api) => api.catalogue.importCsv('name,price\nTeh,5000\n'),
    'catalogue.import',
    { csv: 'name,price\nTeh,5000\n' },
  ],
  ['catalogue.exportCsv', (api) => api.catalogue.exportCsv(), 'catalogue.export', {}],
  [
    'refunds.create',
    (api) => api.refunds.create({ saleId: 'S-1', reason: 'Rusak' }),
    'refund.create',
    { saleId: 'S-1', reason: 'Rusak' },
  ],
  [
    'refunds.list',
    (api) => api.refunds.list({ orderId: 'TOKO-1', managerPin: '2468' }),
    'refund.list',
    { orderId: 'TOKO-1', managerPin: '2468' },
  ],
  ['printing.test', (api) => api.printing.test('kasir'), 'printing.test', { printerId: 'kasir' }],
  [
    'printing.openDrawer',
    (api) => api.printing.openDrawer('kasir', '2468'),
    'printing.openDrawer',
    { printerId: 'kasir', pin: '2468' },
  ],
  ['printing.preview', (api) => api.printing.preview(80), 'printing.preview', { width: 80 }],
  [
    'printing.preview (draft)',
    (api) =>
      api.printing.preview(58, {
        printerId: null,
        autoPrint: 'ask',
        shopAddress: '',
        npwp: '',
        footer: 'Terima kasih',
      }),
    'printing.preview',
    {
      width: 58,
      receipt: { printerId: null, autoPrint: 'ask', shopAddress: '', npwp: '', footer: 'Terima kasih' },
    },
  ],
];

describe('ManagerApi over the socket', () => {
  it.each(CASES)(
    '%s sends its command with exactly the contract payload',
    async (_, invoke, name, payload) => {
      const { sent, send } = recorder();
      const answer = await invoke(managerApiOver(send));
      expect(sent).toEqual([{ name, payload }]);
      expect(answer).toEqual({ answered: name });
      // The main process checks every payload with these schemas; what the screen sends must pass.
      expect(COMMAND_SCHEMAS[name as keyof typeof COMMAND_SCHEMAS].safeParse(payload).success).toBe(true);
    },
  );

  it('sends no `key` field at all when testing the stored key', async () => {
    const { sent, send } = recorder();
    await managerApiOver(send).testKey('production', undefined);
    expect(Object.keys(sent[0]?.payload as object)).toEqual(['environment']);
  });

  it('covers every manager command of the contract', () => {
    expect(new Set(CASES.map((c) => c[2]))).toEqual(new Set(MANAGER_COMMANDS));
  });

  it('is the cashier API’s `manager`, over the same socket client', async () => {
    const { sent, send } = recorder();
    const client = { call: send, on: () => () => undefined } as unknown as SocketClient;
    const api = cashierApiOverSocket(client);
    await api.manager.unlock('2468');
    await api.manager.update({ language: 'en' });
    expect(sent).toEqual([
      { name: 'manager.unlock', payload: { pin: '2468' } },
      { name: 'settings.update', payload: { patch: { language: 'en' } } },
    ]);
  });

  it('passes a refusal through unchanged', async () => {
    const refusal = new Error('refused');
    const api = managerApiOver(() => Promise.reject(refusal));
    await expect(api.unlock('0000')).rejects.toBe(refusal);
  });
});
