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
import type { SaleProblem, SaleRequest } from './sale-input.ts';

export const ROLES = ['cashier', 'display'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const KIOSK_MODES = ['training', 'sandbox', 'production'] as const;
export type KioskMode = (typeof KIOSK_MODES)[number];

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
  quickItems: QuickItem[];
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
  /** Wall-clock time on the main process, so countdowns agree with the engine's deadline. */
  serverNow: number;
}

/** What the cashier is ringing up, mirrored on the customer display before Charge. */
export interface CartPreview {
  amount: number;
  items: SaleItem[];
}

export const SIMULATED_OUTCOMES = ['pay', 'deny', 'expire'] as const;
export type SimulatedOutcome = (typeof SIMULATED_OUTCOMES)[number];

/**
 * What the customer display shows, decided entirely in the main process: the display only
 * draws it. `qr.image` is a data: URL read from the PNG on disk (never a remote address).
 */
export type DisplayScene =
  | { kind: 'idle' }
  | { kind: 'cart'; amount: number; items: SaleItem[] }
  | { kind: 'preparing'; orderId: string; amount: number; items: SaleItem[] }
  | {
      kind: 'qr';
      orderId: string;
      amount: number;
      items: SaleItem[];
      paymentType: PaymentType;
      qr: { image: string; source: 'gateway' | 'local' };
      /** When the customer can no longer pay (ms since epoch, main-process clock). */
      expiresAt: number;
    }
  | { kind: 'paid'; orderId: string; amount: number; paidWith: string | undefined }
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
  /** Main-process wall clock when this state was sent; lets the display correct its countdown. */
  serverNow: number;
  /** Increases with every state, so a late message never overwrites a newer one. */
  seq: number;
}

/** Commands, by role: name → [payload, result]. */
export interface CashierCommands {
  'kiosk.snapshot': [Record<string, never>, CashierSnapshot];
  'sale.start': [SaleRequest, ScreenOrder];
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

export interface DisplayCommands {
  'display.snapshot': [Record<string, never>, DisplayState];
}

export type CashierCommand = keyof CashierCommands;
export type DisplayCommand = keyof DisplayCommands;
export type AnyCommand = CashierCommand | DisplayCommand;

export const CASHIER_COMMANDS = [
  'kiosk.snapshot',
  'sale.start',
  'sale.cancel',
  'sale.checkNow',
  'sale.simulate',
  'history.page',
  'report.day',
  'settings.setLanguage',
  'display.showCart',
] as const satisfies readonly CashierCommand[];

export const DISPLAY_COMMANDS = ['display.snapshot'] as const satisfies readonly DisplayCommand[];

/** Events, by role: name → payload. */
export interface CashierEvents {
  order: { order: ScreenOrder; previousState: OrderState | null; at: number };
  health: { health: GatewayHealth; detail: string | undefined; at: number };
  settings: PublicSettings;
}

export interface DisplayEvents {
  display: DisplayState;
}

export const CASHIER_EVENTS = [
  'order',
  'health',
  'settings',
] as const satisfies readonly (keyof CashierEvents)[];
export const DISPLAY_EVENTS = ['display'] as const satisfies readonly (keyof DisplayEvents)[];

export const COMMANDS_BY_ROLE: Record<Role, readonly string[]> = {
  cashier: CASHIER_COMMANDS,
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
  'unknown-order',
  'order-final',
  'other-environment',
  /** A training-only command outside training mode. */
  'training-only',
  'gateway-unreachable',
  'gateway-unauthorized',
  'gateway-rate-limited',
  'gateway-error',
  'kiosk-stopping',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractError {
  code: ErrorCode;
  message: { id: string; en: string };
  /** Present with 'sale-invalid': one entry per refused field ('invalid-payload' names the fields in its message). */
  problems?: SaleProblem[];
}

/** Thrown by a screen-side API call when the main process refused or failed the command. */
export class KioskCallError extends Error {
  readonly code: ErrorCode;
  readonly bilingual: { id: string; en: string };
  readonly problems: SaleProblem[];
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
export interface CashierApi {
  snapshot(): Promise<CashierSnapshot>;
  startSale(request: SaleRequest): Promise<ScreenOrder>;
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
