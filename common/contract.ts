/**
 * The one door between the screens and the main process. Every command a screen may send, every
 * event it may receive and what each returns is named here. Two roles exist: the cashier window,
 * which drives sales, and the customer display, which may only read what it shows.
 *
 * Transports (Electron IPC in the shell, a WebSocket in browser mode) carry exactly these names;
 * the main process checks every payload against `contract-schemas.ts` before acting. This file
 * has no runtime dependencies so that a screen's bundle pays nothing for it.
 */
import type { PaymentType } from './midtrans-limits.ts';
import type { DayReport, GatewayHealth, OrderState, OrderView, SaleItem } from './order.ts';
import type { SaleProblem } from './sale-input.ts';
import type {
  CatalogueCashierApi,
  CatalogueCashierCommands,
  CatalogueManagerApi,
  CatalogueManagerCommands,
  CatalogueProblemView,
  CatalogueSnapshot,
} from './catalogue-contract.ts';
import type { DayApi, DayCashierCommands } from './day-contract.ts';
import type { HistoryCashierApi, HistoryCashierCommands } from './history-contract.ts';
import type { HistoryProblem } from './history-input.ts';
import type { PricingProblem, PricingSettings } from './pricing/index.ts';
import type { ReconcileApi, ReconcileCashierCommands, ReconcileEvent } from './reconcile-contract.ts';
import type { RefundEvent, RefundManagerApi, RefundManagerCommands } from './refund-contract.ts';
import type { RefundProblem } from './refund-input.ts';
import type {
  PrinterConfig,
  PrintingCashierApi,
  PrintingCashierCommands,
  PrintingCashierEvents,
  PrintingManagerApi,
  PrintingManagerCommands,
  ReceiptOptions,
  SoundSettings,
} from './printing-contract.ts';
import type { SettingsPatch, SettingsProblem } from './settings-input.ts';
import type { ShopTime } from './shop-time.ts';
import type {
  DiscountApproval,
  DisplayBill,
  SaleView,
  TillCashierApi,
  TillCashierCommands,
} from './till-contract.ts';
import type { CustomerDisplayChoice, GatewayEnvironment, KioskMode, Language, Role } from './terms.ts';

export type { SettingsPatch, SettingsProblem } from './settings-input.ts';
export {
  GATEWAY_ENVIRONMENTS,
  KIOSK_MODES,
  LANGUAGES,
  ROLES,
  type CustomerDisplayChoice,
  type GatewayEnvironment,
  type KioskMode,
  type Language,
  type Role,
} from './terms.ts';

/** A shortcut button on the cashier screen. */
export interface QuickItem {
  id: string;
  name: string;
  /** Whole rupiah. */
  price: number;
}

/** Settings a screen may see. The server key is not among them, and never will be. */
export interface PublicSettings {
  mode: KioskMode;
  merchantName: string;
  language: Language;
  paymentTypes: PaymentType[];
  kioskTimeoutSeconds: number;
  /** How carts are priced (tax, service, rounding): the screen prices with the same code as main. */
  pricing: PricingSettings;
  /** Discounts above these need the manager's PIN; null: none does. */
  discountApproval: DiscountApproval | null;
  /** The shop's zone and business-day cut-off: every time a screen shows is on this clock. */
  shopTime: ShopTime;
  /** The chime's volume and mute (absent from an older main: the default). */
  sound?: SoundSettings;
}

/**
 * An order as a screen sees it: the journal's view without the QR file's path on this machine.
 * `qrReady` says the customer display has a QR to show.
 */
export type ScreenOrder = Omit<OrderView, 'qr'> & { qrReady: boolean };

export interface ScreenHistoryPage {
  orders: ScreenOrder[];
  nextCursor: number | undefined;
}

export interface CashierSnapshot {
  settings: PublicSettings;
  health: { health: GatewayHealth; detail: string | undefined };
  /** Unfinished orders, newest first (normally at most one). */
  openOrders: ScreenOrder[];
  /** Sales with money still due (a live charge, or one that ended unpaid), newest first. */
  openSales: SaleView[];
  /** Wall-clock time on the main process, so countdowns agree with the engine's deadline. */
  serverNow: number;
}

/** What the cashier is ringing up, mirrored on the customer display before Charge. */
export interface CartPreview {
  amount: number;
  items: SaleItem[];
  /** The priced bill (discounts, service, tax; cash and change once tendered). */
  bill?: DisplayBill;
}

export const SIMULATED_OUTCOMES = ['pay', 'deny', 'expire'] as const;
export type SimulatedOutcome = (typeof SIMULATED_OUTCOMES)[number];

/**
 * What the customer display shows, decided entirely in the main process: the display only
 * draws it. `qr.image` is a data: URL read from the PNG on disk (never a remote address).
 */
export type DisplayScene =
  | { kind: 'idle' }
  | { kind: 'cart'; amount: number; items: SaleItem[]; bill?: DisplayBill }
  | { kind: 'preparing'; orderId: string; amount: number; items: SaleItem[]; bill?: DisplayBill }
  | {
      kind: 'qr';
      orderId: string;
      amount: number;
      items: SaleItem[];
      paymentType: PaymentType;
      qr: { image: string; source: 'gateway' | 'local' };
      /** When the customer can no longer pay (ms since epoch, main-process clock). */
      expiresAt: number;
      bill?: DisplayBill;
    }
  /** The gateway holds the payment for review: the customer waits, the goods are not handed over yet. */
  | { kind: 'review'; orderId: string; amount: number }
  | {
      kind: 'paid';
      orderId: string;
      amount: number;
      paidWith: string | undefined;
      /** Cash sales: the change to hand back. */
      change?: number;
      bill?: DisplayBill;
    }
  | { kind: 'expired'; orderId: string; amount: number }
  | { kind: 'cancelled'; orderId: string; amount: number }
  /** Denied by the gateway, or the charge failed: the customer must not think it went through. */
  | { kind: 'failed'; orderId: string; amount: number };

export type DisplaySceneKind = DisplayScene['kind'];

export interface DisplayState {
  scene: DisplayScene;
  merchantName: string;
  language: Language;
  mode: KioskMode;
  /** The chime on paid and the tone on a failure, as the manager set them (absent: the default). */
  sound?: SoundSettings;
  /** Main-process wall clock when this state was sent; lets the display correct its countdown. */
  serverNow: number;
  /** Increases with every state, so a late message never overwrites a newer one. */
  seq: number;
}

/** A monitor as the settings screen lists it. */
export interface DisplayInfo {
  id: number;
  label: string;
  width: number;
  height: number;
  primary: boolean;
}

export const KEY_TEST_OUTCOMES = ['works', 'rejected', 'unreachable', 'unexpected'] as const;
export type KeyTestOutcome = (typeof KEY_TEST_OUTCOMES)[number];

/** A status call on an order that cannot exist: 404 means the key works, 401 that it does not. */
export interface KeyTestResult {
  environment: GatewayEnvironment;
  outcome: KeyTestOutcome;
  /** Whether the key tested was the stored one (false: a key typed but not yet saved). */
  stored: boolean;
  at: number;
  detail: { id: string; en: string };
}

/** What a screen may know about a stored key: that it is there, never any of its characters. */
export interface KeyStatus {
  stored: boolean;
  savedAt: number | null;
  lastTest: KeyTestResult | null;
}

export interface KeyStorageStatus {
  /** A key can be stored (the OS can encrypt it). Without it, keys are refused, never kept in clear. */
  available: boolean;
  /** Linux without a keyring: encrypted with a fixed password, so anyone who copies the file can read it. */
  weak: boolean;
  /** The OS backend's name ('gnome_libsecret', 'kwallet5', 'basic_text', 'dpapi', 'keychain', 'none', 'environment'). */
  backend: string;
  /**
   * On a weak backend a production key is refused until the manager accepts the risk (PIN again,
   * recorded): when that was, for this backend; null otherwise.
   */
  riskAcceptedAt: number | null;
}

/** Everything the settings screen edits, behind the manager PIN. Never the key itself. */
export interface ManagerSettings {
  mode: KioskMode;
  merchantName: string;
  language: Language;
  paymentTypes: PaymentType[];
  kioskTimeoutSeconds: number;
  customerDisplay: CustomerDisplayChoice;
  pricing: PricingSettings;
  discountApproval: DiscountApproval | null;
  shopTime: ShopTime;
  printers: PrinterConfig[];
  receipt: ReceiptOptions;
  sound: SoundSettings;
  keys: Record<GatewayEnvironment, KeyStatus>;
  keyStorage: KeyStorageStatus;
  /** Empty where the kiosk cannot see monitors (browser mode). */
  displays: DisplayInfo[];
  /** Browser mode: the environment and key come from environment variables and are not edited here. */
  environmentFixed: boolean;
}

export interface ManagerStatus {
  /** False on a fresh kiosk: the first manager creates the PIN. */
  pinSet: boolean;
  unlocked: boolean;
  /** After too many wrong PINs: no attempt is accepted before this time (ms since epoch). */
  lockedUntil: number | null;
}

/** Commands, by role: name → [payload, result]. */
export interface CashierCommands
  extends
    TillCashierCommands,
    CatalogueCashierCommands,
    DayCashierCommands,
    HistoryCashierCommands,
    PrintingCashierCommands,
    ReconcileCashierCommands {
  'kiosk.snapshot': [Record<string, never>, CashierSnapshot];
  'sale.cancel': [{ orderId: string }, ScreenOrder];
  'sale.checkNow': [{ orderId: string }, ScreenOrder];
  /** Training mode only: act as the customer's wallet app. */
  'sale.simulate': [{ orderId: string; outcome: SimulatedOutcome }, ScreenOrder];
  'history.page': [{ before?: number; limit?: number }, ScreenHistoryPage];
  'report.day': [{ date?: string }, DayReport];
  'settings.setLanguage': [{ language: Language }, PublicSettings];
  /** null clears the cart from the display. */
  'display.showCart': [{ cart: CartPreview | null }, null];
}

/**
 * The shop owner's commands, sent from the cashier window's settings screen. Every one but
 * status, createPin and unlock needs an unlocked manager session ('manager-locked' otherwise).
 */
export interface ManagerCommands
  extends CatalogueManagerCommands, RefundManagerCommands, PrintingManagerCommands {
  'manager.status': [Record<string, never>, ManagerStatus];
  /** Only while no PIN exists ('pin-exists' otherwise); leaves the session unlocked. */
  'manager.createPin': [{ pin: string }, ManagerStatus];
  'manager.unlock': [{ pin: string }, ManagerSettings];
  'manager.lock': [Record<string, never>, ManagerStatus];
  'manager.changePin': [{ pin: string }, ManagerStatus];
  'settings.read': [Record<string, never>, ManagerSettings];
  'settings.update': [{ patch: SettingsPatch }, ManagerSettings];
  'key.set': [{ environment: GatewayEnvironment; key: string }, ManagerSettings];
  /** Accepts storing the production key on a weak backend (no keyring): the PIN once more, recorded. */
  'key.acceptWeakStorage': [{ pin: string }, ManagerSettings];
  'key.clear': [{ environment: GatewayEnvironment }, ManagerSettings];
  /** Tests the stored key, or `key` when given (a key typed but not saved yet). */
  'key.test': [{ environment: GatewayEnvironment; key?: string }, KeyTestResult];
}

export interface DisplayCommands {
  'display.snapshot': [Record<string, never>, DisplayState];
}

export type CashierCommand = keyof CashierCommands;
export type ManagerCommand = keyof ManagerCommands;
export type DisplayCommand = keyof DisplayCommands;
export type AnyCommand = CashierCommand | ManagerCommand | DisplayCommand;

// Plain literals, not spreads of each slice's list: a spread is kept by the bundler as a possible
// side effect, and would carry the cashier's command names into the customer display's bundle.
export const CASHIER_COMMANDS = [
  'kiosk.snapshot',
  'sale.start',
  'sale.payRestInCash',
  'sale.chargeAgain',
  'sale.void',
  'catalogue.list',
  'sale.cancel',
  'sale.checkNow',
  'sale.simulate',
  'history.page',
  'history.search',
  'history.detail',
  'report.day',
  'settings.setLanguage',
  'display.showCart',
  'day.status',
  'shift.open',
  'shift.cash',
  'shift.close',
  'report.x',
  'report.z',
  'report.zList',
  'report.zGet',
  'report.range',
  'report.csv',
  'report.print',
  'cashier.list',
  'cashier.save',
  'shift.setPolicy',
  'printing.snapshot',
  'printing.reprint',
  'printing.answer',
  'printing.retry',
  'printing.pageDone',
  'reconcile.start',
  'reconcile.status',
  'reconcile.findings',
  'reconcile.csv',
] as const satisfies readonly CashierCommand[];

export const MANAGER_COMMANDS = [
  'manager.status',
  'manager.createPin',
  'manager.unlock',
  'manager.lock',
  'manager.changePin',
  'settings.read',
  'settings.update',
  'key.set',
  'key.acceptWeakStorage',
  'key.clear',
  'key.test',
  'catalogue.saveItem',
  'catalogue.setActive',
  'catalogue.reorderItems',
  'catalogue.saveCategory',
  'catalogue.reorderCategories',
  'catalogue.import',
  'catalogue.export',
  'refund.create',
  'refund.list',
  'printing.test',
  'printing.openDrawer',
  'printing.preview',
] as const satisfies readonly ManagerCommand[];

export const DISPLAY_COMMANDS = ['display.snapshot'] as const satisfies readonly DisplayCommand[];

/** Fails to compile when a command of a role's interface is missing from its list. */
type Unlisted<All, Listed> = Exclude<All, Listed>;
export const COMMAND_LISTS_COMPLETE: [
  Unlisted<CashierCommand, (typeof CASHIER_COMMANDS)[number]>,
  Unlisted<ManagerCommand, (typeof MANAGER_COMMANDS)[number]>,
  Unlisted<DisplayCommand, (typeof DISPLAY_COMMANDS)[number]>,
] extends [never, never, never]
  ? true
  : never = true;

/** Events, by role: name → payload. */
export interface CashierEvents extends PrintingCashierEvents {
  order: { order: ScreenOrder; previousState: OrderState | null; at: number };
  health: { health: GatewayHealth; detail: string | undefined; at: number };
  settings: PublicSettings;
  sale: { sale: SaleView; at: number };
  catalogue: CatalogueSnapshot;
  /** A refund was asked for, made, refused, or found at the gateway (the drawer opens for cash). */
  refund: RefundEvent;
  /** A reconciliation run went on: an order checked, a finding, a pause, its end. */
  reconcile: ReconcileEvent;
}

export interface DisplayEvents {
  display: DisplayState;
}

export const CASHIER_EVENTS = [
  'order',
  'health',
  'settings',
  'sale',
  'catalogue',
  'refund',
  'printing',
  'printPage',
  'reconcile',
] as const satisfies readonly (keyof CashierEvents)[];
export const DISPLAY_EVENTS = ['display'] as const satisfies readonly (keyof DisplayEvents)[];

export const COMMANDS_BY_ROLE: Record<Role, readonly string[]> = {
  // concat, not a spread, so the display's bundle can still drop the cashier's command names.
  cashier: /* @__PURE__ */ (CASHIER_COMMANDS as readonly string[]).concat(MANAGER_COMMANDS),
  display: DISPLAY_COMMANDS,
};

/**
 * Stable error codes a command may fail with. Screens choose their words by code; `message`
 * carries the main process's own words in both languages for codes the screen does not know.
 */
export const ERROR_CODES = [
  /** The payload did not match the command's schema. */
  'invalid-payload',
  /** No such command, or not for this role. */
  'unknown-command',
  /** The sale's amount, items or payment type were refused; see `problems`. */
  'sale-invalid',
  /** The sale is not open (paid or voided), or still has a live charge for this action. */
  'sale-not-open',
  /** A discount above the manager's threshold without (or with a wrong) manager PIN. */
  'discount-needs-approval',
  /** A catalogue item, category or CSV file was refused; see `problems` (CSV: by line). */
  'catalogue-invalid',
  'unknown-order',
  'order-final',
  /** Held for review at the gateway: the kiosk cannot cancel it; a manager decides there. */
  'order-held',
  'other-environment',
  /** A training-only command outside training mode. */
  'training-only',
  'gateway-unreachable',
  'gateway-unauthorized',
  'gateway-rate-limited',
  'gateway-error',
  'kiosk-stopping',
  /** The settings screen needs the manager PIN first (or the session timed out). */
  'manager-locked',
  'pin-wrong',
  /** Too many wrong PINs: wait until the time in the message. */
  'pin-locked-out',
  /** createPin when a PIN already exists. */
  'pin-exists',
  /** A setting, PIN or key was refused; see `problems`. */
  'settings-invalid',
  /** A history search was refused (a reversed date range, a malformed amount …); see `problems`. Nothing ran. */
  'history-query-invalid',
  /** No sale or order of this till has that id. */
  'history-not-found',
  /** The environment or its key cannot change while an order is still open. */
  'sale-in-progress',
  /** sandbox or production chosen, but no server key is stored for it. */
  'key-missing',
  /** The OS cannot encrypt the key here, so it is not stored at all. */
  'key-storage-unavailable',
  /** A production key on a computer without a keyring, before the manager accepted that risk. */
  'key-storage-weak',
  /** Browser mode: the environment and key are set by environment variables. */
  'environment-fixed',
  // The refunds' own (common/refund-contract.ts, REFUND_ERROR_CODES), spelled out for the bundler.
  /** The refund's amount, reason or target were refused; see `problems`. */
  'refund-invalid',
  /** Nothing to refund: not paid (yet), ended unpaid, voided, or charged back. */
  'refund-not-allowed',
  /** More than is left to refund. */
  'refund-too-large',
  /** The shop's rules or the gateway said no (issuer, window, amount); nothing was refunded. */
  'refund-refused',
  /** An earlier refund of the same payment is still being confirmed with the gateway. */
  'refund-pending',
  /** A float, counted amount, cash movement, cashier or date range was refused; see `problems`. */
  'day-invalid',
  /** No shift is open, and the shop's policy asks for one before a sale (or the act needs one). */
  'no-shift',
  /** A shift is already open (or still open, for a Z). */
  'shift-open',
  /** A sale still has money due: it must end before the shift opens or closes. */
  'shift-sale-open',
  /** Cash out above what the drawer should hold. */
  'drawer-short',
  /** The cashier's PIN is wrong, or the cashier is unknown or inactive. */
  'cashier-refused',
  /** Nothing happened since the last Z. */
  'z-empty',
  /** That business day already has its Z. */
  'z-day-closed',
  /** No Z with that number. */
  'z-unknown',
  /** A print, reprint or drawer opening was refused (no such printer, a wrong PIN…); see the message. */
  'printing-refused',
  // Reconciliation's own (common/reconcile-contract.ts, RECONCILE_ERROR_CODES), spelled out likewise.
  /** Not a calendar date written YYYY-MM-DD, or a day still to come. */
  'reconcile-bad-date',
  /** A reconciliation is already running (for this or another day). */
  'reconcile-busy',
  /** No gateway to ask (no server key): nothing was started. */
  'reconcile-unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A refused field with its reason in both languages. */
export type FieldProblem =
  SaleProblem | SettingsProblem | PricingProblem | CatalogueProblemView | RefundProblem | HistoryProblem;

export interface ContractError {
  code: ErrorCode;
  message: { id: string; en: string };
  /**
   * Present with 'sale-invalid', 'settings-invalid', 'refund-invalid' and
   * 'history-query-invalid': one entry per refused field
   * ('invalid-payload' names the fields in its message).
   */
  problems?: FieldProblem[];
}

/** Thrown by a screen-side API call when the main process refused or failed the command. */
export class KioskCallError extends Error {
  readonly code: ErrorCode;
  readonly bilingual: { id: string; en: string };
  readonly problems: FieldProblem[];
  constructor(error: ContractError) {
    super(error.message.en);
    this.name = 'KioskCallError';
    this.code = error.code;
    this.bilingual = error.message;
    this.problems = error.problems ?? [];
  }
}

/**
 * The functions a cashier screen is given (by the preload in Electron, by the WebSocket client in
 * browser mode). Listeners return an unsubscribe function. A failed call rejects with KioskCallError.
 */
export interface CashierApi
  extends TillCashierApi, CatalogueCashierApi, HistoryCashierApi, PrintingCashierApi {
  snapshot(): Promise<CashierSnapshot>;
  /** Shifts, cash in/out, the X, Z and range reports, the cashier list. */
  day: DayApi;
  /** Reconciliation with the gateway for a business day: start, progress, findings, CSV. */
  reconcile: ReconcileApi;
  cancel(orderId: string): Promise<ScreenOrder>;
  checkNow(orderId: string): Promise<ScreenOrder>;
  simulate(orderId: string, outcome: SimulatedOutcome): Promise<ScreenOrder>;
  history(query: { before?: number; limit?: number }): Promise<ScreenHistoryPage>;
  report(date?: string): Promise<DayReport>;
  setLanguage(language: Language): Promise<PublicSettings>;
  showCart(cart: CartPreview | null): Promise<null>;
  onOrder(listener: (event: CashierEvents['order']) => void): () => void;
  onHealth(listener: (event: CashierEvents['health']) => void): () => void;
  onSettings(listener: (settings: PublicSettings) => void): () => void;
  /** Refunds made, refused or found at the gateway (the manager's screen and the history). */
  onRefund(listener: (event: RefundEvent) => void): () => void;
  onReconcile(listener: (event: ReconcileEvent) => void): () => void;
  manager: ManagerApi;
}

/** The settings screen's functions: part of the cashier window, guarded by the manager PIN. */
export interface ManagerApi {
  status(): Promise<ManagerStatus>;
  createPin(pin: string): Promise<ManagerStatus>;
  unlock(pin: string): Promise<ManagerSettings>;
  lock(): Promise<ManagerStatus>;
  changePin(pin: string): Promise<ManagerStatus>;
  read(): Promise<ManagerSettings>;
  update(patch: SettingsPatch): Promise<ManagerSettings>;
  setKey(environment: GatewayEnvironment, key: string): Promise<ManagerSettings>;
  acceptWeakKeyStorage(pin: string): Promise<ManagerSettings>;
  clearKey(environment: GatewayEnvironment): Promise<ManagerSettings>;
  testKey(environment: GatewayEnvironment, key?: string): Promise<KeyTestResult>;
  catalogue: CatalogueManagerApi;
  refunds: RefundManagerApi;
  printing: PrintingManagerApi;
}

/** The customer display's read-only subset. */
export interface DisplayApi {
  snapshot(): Promise<DisplayState>;
  onDisplay(listener: (state: DisplayState) => void): () => void;
}

/**
 * Where a preload (Electron) puts each role's API on `window`. A screen that finds none is in
 * browser mode and connects over the WebSocket instead.
 */
export const PRELOAD_GLOBALS = { cashier: 'kioskCashier', display: 'kioskDisplay' } as const satisfies Record<
  Role,
  string
>;
