/**
 * The contract in common/contract.ts, implemented once for every transport: browser mode's
 * WebSocket and the Electron shell's IPC both hand each call to `call` and forward what
 * `subscribe` gives them. It checks the caller's role and the payload before anything runs, and
 * answers every failure with a ContractError: a transport never sees an exception.
 */
import {
  COMMANDS_BY_ROLE,
  MANAGER_COMMANDS,
  ROLES,
  type AnyCommand,
  type ContractError,
  type KioskMode,
  type Role,
} from '../../common/contract.ts';
import { COMMAND_SCHEMAS } from '../../common/contract-schemas.ts';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import type { CatalogueService } from '../catalogue/catalogue-service.ts';
import type { CheckoutEngine } from '../checkout/engine.ts';
import type { DayServices } from '../reports/day-services.ts';
import type { HistoryService } from '../history/history-service.ts';
import type { Till } from '../sales/till.ts';
import type { RefundDesk } from '../refunds/index.ts';
import type { ManagerAuthority } from '../settings/manager-authority.ts';
import { catalogueManagerHandlers } from './catalogue-commands.ts';
import { refundManagerHandlers } from './refund-commands.ts';
import type { PrintService } from '../printing/print-service.ts';
import { printingCashierHandlers, printingManagerHandlers } from './printing-commands.ts';
import type { RunningEmulator } from '../emulator/index.ts';
import { commandHandlers, type ManagerHandlers } from './commands.ts';
import { createDisplayPresenter, DEFAULT_SCENE_TIMINGS, type SceneTimings } from './display-presenter.ts';
import { contractError, payloadError, toContractError } from './errors.ts';
import { openOrdersNewestFirst, type OpenOrderJournal } from './open-orders.ts';
import { createRoleHub } from './role-hub.ts';
import type { ReconcileAccess } from './reconcile-commands.ts';
import type { ScreenSettingsSource } from './screen-settings.ts';
import { toScreenOrder } from './screen-order.ts';

export type { SceneTimings } from './display-presenter.ts';

export type CallOutcome = { ok: true; value: unknown } | { ok: false; error: ContractError };

export interface KioskApi {
  /**
   * Validates `payload` with COMMAND_SCHEMAS[name] (refusing names not in COMMANDS_BY_ROLE[role]
   * with 'unknown-command'), runs it, and maps every failure to a ContractError. Never throws.
   */
  call(role: Role, name: string, payload: unknown): Promise<CallOutcome>;
  /** Events for that role only: cashier gets 'order' | 'health' | 'settings' | 'sale' | 'catalogue' | 'refund' | 'printing' | 'printPage' | 'reconcile', display gets 'display'. */
  subscribe(role: Role, listener: (name: string, payload: unknown) => void): () => void;
  /** Unsubscribes from the engine and clears timers; later calls answer 'kiosk-stopping'. */
  close(): void;
}

export interface KioskApiDeps {
  engine: CheckoutEngine;
  /** The till over that engine: sales, their cash and their charges. */
  till: Till;
  catalogue: CatalogueService;
  /** Shifts, cash in/out, the X, Z and range reports (main/host passes KioskServices.day). */
  day?: DayServices;
  /** The till's history, for the history screen (absent: its commands are refused). */
  history?: HistoryService;
  /** Training mode only. */
  emulator: RunningEmulator | undefined;
  settings: ScreenSettingsSource;
  mode: KioskMode;
  /** Default systemClock. */
  clock?: Clock;
  timings?: Partial<SceneTimings>;
  /**
   * Finds open orders by the journal's index (pass KioskServices.journal). Without it they are
   * looked for among the newest orders only.
   */
  journal?: OpenOrderJournal;
  /**
   * The settings screen's commands (main/host/). Without them those commands answer
   * 'unknown-command', as for a kiosk that has no settings screen.
   */
  manager?: ManagerHandlers;
  /** The manager's session, for the catalogue editor's and refunds' commands (absent: refused as locked). */
  authority?: ManagerAuthority;
  /** The refund desk over the same journal (absent: the refund commands are unknown). */
  refunds?: RefundDesk;
  /**
   * Reconciliation (main/host passes KioskServices.reconciler; available: false without a key).
   * Absent: its commands answer 'unknown-command'.
   */
  reconcile?: ReconcileAccess | undefined;
  /** Receipts, printers and the drawer (absent: the printing commands answer 'unknown-command'). */
  printing?: PrintService | undefined;
}

function isManagerCommand(name: AnyCommand): boolean {
  return (MANAGER_COMMANDS as readonly string[]).includes(name);
}

function isCatalogueManagerCommand(name: AnyCommand): boolean {
  return isManagerCommand(name) && name.startsWith('catalogue.');
}

function isRefundCommand(name: AnyCommand): boolean {
  return isManagerCommand(name) && name.startsWith('refund.');
}

function isPrintingCommand(name: AnyCommand): boolean {
  return name.startsWith('printing.');
}

function isRole(role: unknown): role is Role {
  return (ROLES as readonly unknown[]).includes(role);
}

const refuse = (error: ContractError): CallOutcome => ({ ok: false, error });

export function createKioskApi(deps: KioskApiDeps): KioskApi {
  const { engine } = deps;
  const clock = deps.clock ?? systemClock;
  const hub = createRoleHub();
  const openOrders = () => openOrdersNewestFirst(engine, deps.journal);
  let healthDetail: string | undefined;
  let closed = false;

  const presenter = createDisplayPresenter({
    settings: deps.settings,
    clock,
    timings: { ...DEFAULT_SCENE_TIMINGS, ...deps.timings },
    emit: (state) => hub.publish('display', 'display', state),
    resume: openOrders()[0],
  });

  // Settings changed elsewhere (the manager's screen): both screens must see them at once.
  const offSettings =
    deps.settings.subscribe?.(() => {
      hub.publish('cashier', 'settings', deps.settings.get());
      presenter.settingsChanged();
    }) ?? (() => {});

  // A restart mid-sale: the resumed QR goes back up with its sale's bill (the cash already paid).
  for (const sale of deps.till.openSales().reverse()) presenter.saleChanged(sale);

  const offTill = deps.till.on((sale) => {
    hub.publish('cashier', 'sale', { sale, at: clock.now() });
    presenter.saleChanged(sale);
  });
  const offCatalogue = deps.catalogue.on((catalogue) => hub.publish('cashier', 'catalogue', catalogue));
  const offRefunds = deps.refunds?.on((event) => hub.publish('cashier', 'refund', event)) ?? (() => {});
  const offReconcile =
    deps.reconcile?.reconciler.on((event) => hub.publish('cashier', 'reconcile', event)) ?? (() => {});
  const offPrinting =
    deps.printing?.on((event) => {
      if (event.type === 'snapshot') hub.publish('cashier', 'printing', event.snapshot);
      else hub.publish('cashier', 'printPage', event.request);
    }) ?? (() => {});

  const offEngine = engine.on((event) => {
    if (event.type === 'order') {
      const { order, previousState, at } = event;
      hub.publish('cashier', 'order', { order: toScreenOrder(order), previousState, at });
      // The engine announces a new sale (no previous state) before charging it: it takes over the
      // customer display. Every later event only updates the sale being shown.
      if (previousState === null) presenter.follow(order);
      else presenter.orderChanged(order);
    } else {
      healthDetail = event.detail;
      hub.publish('cashier', 'health', { health: event.health, detail: event.detail, at: event.at });
    }
  });

  const handlers = commandHandlers({
    engine,
    till: deps.till,
    catalogue: deps.catalogue,
    day: deps.day,
    printing: deps.printing,
    history: deps.history,
    reconcile: deps.reconcile,
    emulator: deps.emulator,
    settings: deps.settings,
    mode: deps.mode,
    clock,
    presenter,
    openOrders,
    healthDetail: () => healthDetail,
    settingsChanged: (settings) => {
      // A source that announces its own changes has already been heard by the subscription above.
      if (deps.settings.subscribe !== undefined) return;
      hub.publish('cashier', 'settings', settings);
      presenter.settingsChanged();
    },
  });

  const catalogueManager = catalogueManagerHandlers(deps.catalogue, () => deps.authority?.touch() ?? false);
  const refundManager = refundManagerHandlers(deps.refunds, deps.authority);
  // The cashier's and the manager's printing commands share one table; each checks its own rights.
  const printing = {
    ...printingCashierHandlers(deps.printing),
    ...printingManagerHandlers(deps.printing, deps.authority),
  };

  return {
    async call(role, name, payload) {
      // Only for the log: a transport may hand over anything as a name.
      const command = typeof name === 'string' ? name.slice(0, 100) : '(not a name)';
      try {
        if (closed) return refuse(contractError('kiosk-stopping'));
        if (!isRole(role) || typeof name !== 'string' || !COMMANDS_BY_ROLE[role].includes(name)) {
          return refuse(contractError('unknown-command'));
        }
        const known = name as AnyCommand;
        const parsed = COMMAND_SCHEMAS[known].safeParse(payload);
        if (!parsed.success) return refuse(payloadError(parsed.error.issues));
        // The schema table and the handler tables share their keys; TypeScript cannot pair them here.
        const table = (
          isCatalogueManagerCommand(known)
            ? catalogueManager
            : isRefundCommand(known)
              ? refundManager
              : isPrintingCommand(known)
                ? printing
                : isManagerCommand(known)
                  ? deps.manager
                  : handlers
        ) as Record<string, (payload: unknown) => unknown> | undefined;
        const run = table?.[known];
        if (run === undefined) return refuse(contractError('unknown-command'));
        return { ok: true, value: await run(parsed.data) };
      } catch (error) {
        return refuse(toContractError(error, command));
      }
    },

    subscribe: (role, listener) => hub.subscribe(role, listener),

    close() {
      if (closed) return;
      closed = true;
      offEngine();
      offTill();
      offCatalogue();
      offRefunds();
      offReconcile();
      offPrinting();
      offSettings();
      presenter.close();
      hub.clear();
    },
  };
}
