/** The settings screen's ManagerApi over browser mode's WebSocket: one contract command per method. */
import type { ManagerApi, ManagerCommand, ManagerCommands } from '../../common/contract.ts';

/** What the mapping needs from a transport: send one named command, get its result. */
export type CallCommand = (name: string, payload: unknown) => Promise<unknown>;

export function managerApiOver(send: CallCommand): ManagerApi {
  const call = <K extends ManagerCommand>(name: K, payload: ManagerCommands[K][0]) =>
    send(name, payload) as Promise<ManagerCommands[K][1]>;
  return {
    status: () => call('manager.status', {}),
    createPin: (pin) => call('manager.createPin', { pin }),
    unlock: (pin) => call('manager.unlock', { pin }),
    lock: () => call('manager.lock', {}),
    changePin: (pin) => call('manager.changePin', { pin }),
    read: () => call('settings.read', {}),
    update: (patch) => call('settings.update', { patch }),
    setKey: (environment, key) => call('key.set', { environment, key }),
    acceptWeakKeyStorage: (pin) => call('key.acceptWeakStorage', { pin }),
    clearKey: (environment) => call('key.clear', { environment }),
    // The schema refuses `key: undefined`, so a test of the stored key sends no key at all.
    testKey: (environment, key) =>
      call('key.test', key === undefined ? { environment } : { environment, key }),
    catalogue: {
      saveItem: (item, id) => call('catalogue.saveItem', id === undefined ? { item } : { id, item }),
      setActive: (id, active) => call('catalogue.setActive', { id, active }),
      reorderItems: (categoryId, ids) => call('catalogue.reorderItems', { categoryId, ids }),
      saveCategory: (name, id) => call('catalogue.saveCategory', id === undefined ? { name } : { id, name }),
      reorderCategories: (ids) => call('catalogue.reorderCategories', { ids }),
      importCsv: (csv) => call('catalogue.import', { csv }),
      exportCsv: () => call('catalogue.export', {}),
    },
    refunds: {
      create: (request) => call('refund.create', request),
      list: (target) => call('refund.list', target),
    },
    printing: {
      test: (printerId) => call('printing.test', { printerId }),
      openDrawer: (printerId, pin) => call('printing.openDrawer', { printerId, pin }),
      preview: (width, receipt) =>
        call('printing.preview', receipt === undefined ? { width } : { width, receipt }),
    },
  };
}
