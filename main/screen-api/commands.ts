/**
 * What each command does, once its payload has passed its schema. Failures are thrown and turned
 * into ContractErrors by the caller; nothing here knows which transport asked.
 */
import type { z } from 'zod';
import type { CatalogueManagerCommands } from '../../common/catalogue-contract.ts';
import type { RefundManagerCommands } from '../../common/refund-contract.ts';
import type { PrintingCashierCommands, PrintingManagerCommands } from '../../common/printing-contract.ts';
import type { TillSaleRequest } from '../../common/till-contract.ts';
import type { CatalogueService } from '../catalogue/catalogue-service.ts';
import type { Till } from '../sales/till.ts';
import type { HistoryService } from '../history/history-service.ts';
import type {
  AnyCommand,
  CartPreview,
  CashierCommands,
  DisplayCommands,
  KioskMode,
  ManagerCommand,
  ManagerCommands,
  PublicSettings,
} from '../../common/contract.ts';
import type { COMMAND_SCHEMAS } from '../../common/contract-schemas.ts';
import type { OrderView } from '../../common/order.ts';
import type { Clock } from '../clock.ts';
import type { CheckoutEngine } from '../checkout/engine.ts';
import type { RunningEmulator } from '../emulator/index.ts';
import { isBusinessDate } from '../journal/business-date.ts';
import type { PrintService } from '../printing/print-service.ts';
import type { DayServices } from '../reports/day-services.ts';
import { dayHandlers } from './day-commands.ts';
import type { DisplayPresenter } from './display-presenter.ts';
import { fieldError, CommandRefusal } from './errors.ts';
import type { ScreenSettingsSource } from './screen-settings.ts';
import { toScreenOrder } from './screen-order.ts';
import { historyHandlers } from './history-commands.ts';
import { reconcileHandlers, type ReconcileAccess } from './reconcile-commands.ts';
import { simulate } from './simulate.ts';

export type Payload<N extends AnyCommand> = z.output<(typeof COMMAND_SCHEMAS)[N]>;
export type Result<N extends AnyCommand> = N extends keyof CashierCommands
  ? CashierCommands[N][1]
  : N extends keyof ManagerCommands
    ? ManagerCommands[N][1]
    : N extends keyof DisplayCommands
      ? DisplayCommands[N][1]
      : never;
export type HandlerTable<C extends AnyCommand> = {
  [N in C]: (payload: Payload<N>) => Result<N> | Promise<Result<N>>;
};
/** The sale and display commands, bound to one engine (printing's are in printing-commands.ts). */
export type Handlers = HandlerTable<Exclude<AnyCommand, ManagerCommand | keyof PrintingCashierCommands>>;
export type CatalogueManagerCommand = keyof CatalogueManagerCommands;
export type RefundManagerCommand = keyof RefundManagerCommands;
export type PrintingManagerCommand = keyof PrintingManagerCommands;
/** The settings screen's commands, which outlive any one engine (see main/host/). */
export type ManagerHandlers = HandlerTable<
  Exclude<ManagerCommand, CatalogueManagerCommand | RefundManagerCommand | PrintingManagerCommand>
>;
/** The catalogue editor's commands: behind the manager's session, on the journal's catalogue. */
export type CatalogueManagerHandlers = HandlerTable<CatalogueManagerCommand>;
/** Refunds: behind the manager's session or PIN, on the running services' refund desk. */
export type RefundManagerHandlers = HandlerTable<RefundManagerCommand>;

export interface CommandContext {
  engine: CheckoutEngine;
  till: Till;
  catalogue: CatalogueService;
  /** Shifts and the X, Z and range reports (absent: their commands are refused as unknown). */
  day: DayServices | undefined;
  /** Receipts and slips (absent: printing a report is refused: no receipt printer). */
  printing?: PrintService | undefined;
  /** The till's history (absent: its commands are refused as unknown). */
  history: HistoryService | undefined;
  /** Reconciliation with the gateway (absent: its commands are refused as unknown). */
  reconcile: ReconcileAccess | undefined;
  emulator: RunningEmulator | undefined;
  settings: ScreenSettingsSource;
  mode: KioskMode;
  clock: Clock;
  presenter: DisplayPresenter;
  openOrders(): OrderView[];
  healthDetail(): string | undefined;
  settingsChanged(settings: PublicSettings): void;
}

export function commandHandlers(ctx: CommandContext): Handlers {
  const { engine, presenter } = ctx;
  return {
    'kiosk.snapshot': () => ({
      settings: ctx.settings.get(),
      health: { health: engine.health, detail: ctx.healthDetail() },
      openOrders: ctx.openOrders().map(toScreenOrder),
      openSales: ctx.till.openSales(),
      serverNow: ctx.clock.now(),
    }),
    'sale.start': (request) => ctx.till.start(request as TillSaleRequest),
    'sale.payRestInCash': ({ saleId, received }) => ctx.till.payRestInCash(saleId, received),
    'sale.chargeAgain': ({ saleId, paymentType }) => ctx.till.chargeAgain(saleId, paymentType),
    'sale.void': ({ saleId }) => ctx.till.void(saleId),
    'catalogue.list': () => ctx.catalogue.snapshot(),
    ...historyHandlers(ctx.history),
    'sale.cancel': async ({ orderId }) => toScreenOrder(await engine.cancel(orderId)),
    'sale.checkNow': async ({ orderId }) => toScreenOrder(await engine.checkNow(orderId)),
    'sale.simulate': ({ orderId, outcome }) => simulate(ctx, orderId, outcome),
    'history.page': ({ before, limit }) => {
      // Only the keys given: an explicit undefined would override the engine's default page size.
      const page = engine.history({
        ...(before === undefined ? {} : { before }),
        ...(limit === undefined ? {} : { limit }),
      });
      return { orders: page.orders.map(toScreenOrder), nextCursor: page.nextCursor };
    },
    'report.day': ({ date }) => {
      if (date !== undefined && !isBusinessDate(date)) {
        throw new CommandRefusal(
          fieldError('date', {
            id: 'tanggal ini tidak ada di kalender.',
            en: 'this date does not exist on the calendar.',
          }),
        );
      }
      return engine.report(date);
    },
    'settings.setLanguage': ({ language }) => {
      const settings = ctx.settings.setLanguage(language);
      ctx.settingsChanged(settings);
      return settings;
    },
    'display.showCart': ({ cart }) => {
      presenter.showCart(cart as CartPreview | null);
      return null;
    },
    'display.snapshot': () => presenter.current(),
    ...dayHandlers(ctx.day, ctx.printing),
    ...reconcileHandlers(ctx.reconcile),
  };
}
