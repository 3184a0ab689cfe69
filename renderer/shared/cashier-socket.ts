/** The cashier's CashierApi over browser mode's WebSocket: one contract command per method. */
import type {
  CashierApi,
  CashierCommand,
  CashierCommands,
  CashierEvents,
  CashierSnapshot,
  PublicSettings,
} from '../../common/contract.ts';
import type { CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import type { RefundEvent } from '../../common/refund-contract.ts';
import { dayApiOver } from '../../common/day-contract.ts';
import { reconcileApiOver, type ReconcileEvent } from '../../common/reconcile-contract.ts';
import type { PrintingSnapshot, PrintPageRequest } from '../../common/printing-contract.ts';
import { managerApiOver } from './manager-socket.ts';
import { snapshotFeed, type Session, type SnapshotFeedOptions } from './session.ts';
import type { SocketClient } from './socket-client.ts';

export function cashierApiOverSocket(client: SocketClient): CashierApi {
  // The main process checks every payload and result shape; this side only names them.
  const call = <K extends CashierCommand>(name: K, payload: CashierCommands[K][0]) =>
    client.call(name, payload) as Promise<CashierCommands[K][1]>;
  const listen =
    <T>(event: keyof CashierEvents) =>
    (listener: (payload: T) => void) =>
      client.on(event, listener as (payload: unknown) => void);
  return {
    snapshot: () => call('kiosk.snapshot', {}),
    startSale: (request) => call('sale.start', request),
    payRestInCash: (saleId, received) => call('sale.payRestInCash', { saleId, received }),
    chargeAgain: (saleId, paymentType) => call('sale.chargeAgain', { saleId, paymentType }),
    voidSale: (saleId) => call('sale.void', { saleId }),
    catalogue: () => call('catalogue.list', {}),
    cancel: (orderId) => call('sale.cancel', { orderId }),
    checkNow: (orderId) => call('sale.checkNow', { orderId }),
    simulate: (orderId, outcome) => call('sale.simulate', { orderId, outcome }),
    history: (query) => call('history.page', query),
    searchHistory: (query) => call('history.search', query),
    historyDetail: (kind, id) => call('history.detail', { kind, id }),
    report: (date) => call('report.day', date === undefined ? {} : { date }),
    setLanguage: (language) => call('settings.setLanguage', { language }),
    showCart: (cart) => call('display.showCart', { cart }),
    onOrder: listen<CashierEvents['order']>('order'),
    onHealth: listen<CashierEvents['health']>('health'),
    onSettings: listen<PublicSettings>('settings'),
    onSale: listen<CashierEvents['sale']>('sale'),
    onCatalogue: listen<CatalogueSnapshot>('catalogue'),
    onRefund: listen<RefundEvent>('refund'),
    onReconcile: listen<ReconcileEvent>('reconcile'),
    printingSnapshot: () => call('printing.snapshot', {}),
    reprint: (saleId) => call('printing.reprint', { saleId }),
    answerReceipt: (saleId, print) => call('printing.answer', { saleId, print }),
    retryPrinting: () => call('printing.retry', {}),
    printPageDone: (requestId, ok) => call('printing.pageDone', { requestId, ok }),
    onPrinting: listen<PrintingSnapshot>('printing'),
    onPrintPage: listen<PrintPageRequest>('printPage'),
    manager: managerApiOver((name, payload) => client.call(name, payload)),
    day: dayApiOver((name, payload) => client.call(name, payload)),
    reconcile: reconcileApiOver((name, payload) => client.call(name, payload)),
  };
}

export function cashierSocketSession(
  client: SocketClient,
  options?: SnapshotFeedOptions,
): Session<CashierApi, CashierSnapshot> {
  const api = cashierApiOverSocket(client);
  const link = {
    status: () => client.status,
    onStatus: client.onStatus.bind(client),
    onOpen: client.onOpen.bind(client),
  };
  return { api, connection: snapshotFeed(link, () => api.snapshot(), options) };
}
