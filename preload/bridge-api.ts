/**
 * The screens' APIs built over IPC, with nothing Electron-specific in them: the preloads hand in
 * a transport made of `ipcRenderer.invoke` and a wrapped `ipcRenderer.on`, and expose what comes
 * back through `contextBridge`. Keeping this part pure lets it be unit-tested in Node and keeps
 * each preload a few lines of wiring.
 *
 * Every method sends exactly one contract command with exactly one payload, mapped the same way
 * as the WebSocket client in renderer/shared/cashier-socket.ts, so a screen behaves the same in
 * both modes. There is no generic invoke, send or on: a page can reach only these functions.
 *
 * Imports only from common/: it is bundled into the sandboxed preloads.
 */
import type { CatalogueImportSummary, CatalogueSnapshot } from '../common/catalogue-contract.ts';
import type { RefundEvent, RefundOutcome, RefundSummary } from '../common/refund-contract.ts';
import { dayApiOver } from '../common/day-contract.ts';
import { reconcileApiOver, type ReconcileEvent } from '../common/reconcile-contract.ts';
import type { HistoryDetail, HistoryPageView } from '../common/history-contract.ts';
import type { SaleView } from '../common/till-contract.ts';
import type { PrintingSnapshot, PrintPageRequest } from '../common/printing-contract.ts';
import type { PrintJobView, ReceiptPreview } from '../common/printing.ts';
import type {
  AnyCommand,
  CashierApi,
  CashierEvents,
  CashierSnapshot,
  ContractError,
  DisplayApi,
  DisplayState,
  FieldProblem,
  KeyTestResult,
  ManagerApi,
  ManagerSettings,
  ManagerStatus,
  PublicSettings,
  ScreenHistoryPage,
  ScreenOrder,
} from '../common/contract.ts';
import { ERROR_CODES } from '../common/contract.ts';
import type { DayReport } from '../common/order.ts';
import { commandChannel, eventChannel } from '../common/ipc-channels.ts';

export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Calls `listener` with the event's payload; returns a function that stops it. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * What a refused call rejects with. contextBridge copies only an Error's message across worlds,
 * so this is a plain object carrying the same fields as KioskCallError; the screens read it by
 * shape (renderer/shared/errors.ts).
 */
export interface BridgeCallError {
  name: 'KioskCallError';
  code: ContractError['code'];
  message: string;
  bilingual: { id: string; en: string };
  problems: FieldProblem[];
}

const UNREADABLE: ContractError = {
  code: 'internal',
  message: {
    id: 'Kiosk memberi jawaban yang tidak dapat dibaca.',
    en: 'The kiosk gave an answer this screen cannot read.',
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isBilingual(value: unknown): value is { id: string; en: string } {
  return isRecord(value) && typeof value['id'] === 'string' && typeof value['en'] === 'string';
}

function isProblem(value: unknown): value is FieldProblem {
  return (
    isRecord(value) &&
    typeof value['code'] === 'string' &&
    typeof value['field'] === 'string' &&
    isBilingual(value['message'])
  );
}

/** Trusted only as far as its shape goes, like anything that crossed a process boundary. */
function readError(value: unknown): ContractError {
  if (!isRecord(value)) return UNREADABLE;
  const { code, message, problems } = value;
  if (
    typeof code !== 'string' ||
    !(ERROR_CODES as readonly string[]).includes(code) ||
    !isBilingual(message)
  ) {
    return UNREADABLE;
  }
  const error: ContractError = {
    code: code as ContractError['code'],
    message: { id: message.id, en: message.en },
  };
  if (Array.isArray(problems)) error.problems = problems.filter(isProblem);
  return error;
}

export function toBridgeError(error: ContractError): BridgeCallError {
  return {
    name: 'KioskCallError',
    code: error.code,
    message: error.message.en,
    bilingual: { id: error.message.id, en: error.message.en },
    problems: error.problems ?? [],
  };
}

function caller(transport: BridgeTransport) {
  return async <T>(command: AnyCommand, payload: unknown): Promise<T> => {
    const outcome = await transport.invoke(commandChannel(command), payload);
    if (isRecord(outcome) && outcome['ok'] === true && 'value' in outcome) return outcome['value'] as T;
    throw toBridgeError(
      isRecord(outcome) && outcome['ok'] === false ? readError(outcome['error']) : UNREADABLE,
    );
  };
}

function listener(transport: BridgeTransport) {
  return <T>(event: string) =>
    (callback: (payload: T) => void): (() => void) =>
      // Only the payload: the raw IPC event (with its sender) never reaches the page.
      transport.on(eventChannel(event), (payload) => callback(payload as T));
}

function managerBridge(call: ReturnType<typeof caller>): ManagerApi {
  return {
    status: () => call<ManagerStatus>('manager.status', {}),
    createPin: (pin) => call<ManagerStatus>('manager.createPin', { pin }),
    unlock: (pin) => call<ManagerSettings>('manager.unlock', { pin }),
    lock: () => call<ManagerStatus>('manager.lock', {}),
    changePin: (pin) => call<ManagerStatus>('manager.changePin', { pin }),
    read: () => call<ManagerSettings>('settings.read', {}),
    update: (patch) => call<ManagerSettings>('settings.update', { patch }),
    setKey: (environment, key) => call<ManagerSettings>('key.set', { environment, key }),
    acceptWeakKeyStorage: (pin) => call<ManagerSettings>('key.acceptWeakStorage', { pin }),
    clearKey: (environment) => call<ManagerSettings>('key.clear', { environment }),
    testKey: (environment, key) =>
      call<KeyTestResult>('key.test', key === undefined ? { environment } : { environment, key }),
    catalogue: {
      saveItem: (item, id) =>
        call<CatalogueSnapshot>('catalogue.saveItem', id === undefined ? { item } : { id, item }),
      setActive: (id, active) => call<CatalogueSnapshot>('catalogue.setActive', { id, active }),
      reorderItems: (categoryId, ids) =>
        call<CatalogueSnapshot>('catalogue.reorderItems', { categoryId, ids }),
      saveCategory: (name, id) =>
        call<CatalogueSnapshot>('catalogue.saveCategory', id === undefined ? { name } : { id, name }),
      reorderCategories: (ids) => call<CatalogueSnapshot>('catalogue.reorderCategories', { ids }),
      importCsv: (csv) =>
        call<{ summary: CatalogueImportSummary; catalogue: CatalogueSnapshot }>('catalogue.import', { csv }),
      exportCsv: () => call<{ csv: string; fileName: string }>('catalogue.export', {}),
    },
    refunds: {
      create: (request) => call<RefundOutcome>('refund.create', request),
      list: (target) => call<RefundSummary>('refund.list', target),
    },
    printing: {
      test: (printerId) => call<PrintJobView>('printing.test', { printerId }),
      openDrawer: (printerId, pin) => call<PrintJobView>('printing.openDrawer', { printerId, pin }),
      preview: (width, receipt) =>
        call<ReceiptPreview>('printing.preview', receipt === undefined ? { width } : { width, receipt }),
    },
  };
}

export function createCashierBridge(t: BridgeTransport): CashierApi {
  const call = caller(t);
  const listen = listener(t);
  return {
    snapshot: () => call<CashierSnapshot>('kiosk.snapshot', {}),
    startSale: (request) => call<SaleView>('sale.start', request),
    payRestInCash: (saleId, received) => call<SaleView>('sale.payRestInCash', { saleId, received }),
    chargeAgain: (saleId, paymentType) => call<SaleView>('sale.chargeAgain', { saleId, paymentType }),
    voidSale: (saleId) => call<SaleView>('sale.void', { saleId }),
    catalogue: () => call<CatalogueSnapshot>('catalogue.list', {}),
    cancel: (orderId) => call<ScreenOrder>('sale.cancel', { orderId }),
    checkNow: (orderId) => call<ScreenOrder>('sale.checkNow', { orderId }),
    simulate: (orderId, outcome) => call<ScreenOrder>('sale.simulate', { orderId, outcome }),
    history: (query) => call<ScreenHistoryPage>('history.page', query),
    searchHistory: (query) => call<HistoryPageView>('history.search', query),
    historyDetail: (kind, id) => call<HistoryDetail>('history.detail', { kind, id }),
    report: (date) => call<DayReport>('report.day', date === undefined ? {} : { date }),
    setLanguage: (language) => call<PublicSettings>('settings.setLanguage', { language }),
    showCart: (cart) => call<null>('display.showCart', { cart }),
    onOrder: listen<CashierEvents['order']>('order'),
    onHealth: listen<CashierEvents['health']>('health'),
    onSettings: listen<PublicSettings>('settings'),
    onSale: listen<CashierEvents['sale']>('sale'),
    onCatalogue: listen<CatalogueSnapshot>('catalogue'),
    onRefund: listen<RefundEvent>('refund'),
    onReconcile: listen<ReconcileEvent>('reconcile'),
    printingSnapshot: () => call<PrintingSnapshot>('printing.snapshot', {}),
    reprint: (saleId) => call<PrintJobView>('printing.reprint', { saleId }),
    answerReceipt: (saleId, print) => call<PrintJobView | null>('printing.answer', { saleId, print }),
    retryPrinting: () => call<PrintingSnapshot>('printing.retry', {}),
    printPageDone: (requestId, ok) => call<null>('printing.pageDone', { requestId, ok }),
    onPrinting: listen<PrintingSnapshot>('printing'),
    onPrintPage: listen<PrintPageRequest>('printPage'),
    manager: managerBridge(call),
    day: dayApiOver((name, payload) => call(name, payload)),
    reconcile: reconcileApiOver((name, payload) => call(name, payload)),
  };
}

/** The customer display's bridge: its snapshot and its one event, nothing that changes anything. */
export function createDisplayBridge(t: BridgeTransport): DisplayApi {
  const call = caller(t);
  const listen = listener(t);
  return {
    snapshot: () => call<DisplayState>('display.snapshot', {}),
    onDisplay: listen<DisplayState>('display'),
  };
}
