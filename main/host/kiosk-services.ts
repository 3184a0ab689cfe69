/**
 * Builds the main-process services from a configuration: journal, QR store, gateway client
 * (and in training mode the built-in emulator, keeping its ledger and key in the data folder so
 * a restart finds its orders again), the checkout engine, the catalogue, the till and the refund
 * desk, and the reconciler. The CLI,
 * browser mode and the Electron shell all start the kiosk through here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import { offsetOf } from '../../common/shop-time.ts';
import { CatalogueService } from '../catalogue/catalogue-service.ts';
import { importLegacyQuickItemsOnce } from '../catalogue/legacy-quick-items.ts';
import { CatalogueStore } from '../catalogue/store.ts';
import { seedWarungIfEmpty } from '../catalogue/warung.ts';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import { CheckoutEngine } from '../checkout/engine.ts';
import { loadOrCreateTrainingKey, startEmulator, type RunningEmulator } from '../emulator/index.ts';
import { Journal } from '../journal/journal.ts';
import { MidtransClient } from '../midtrans/client.ts';
import { SqliteDrawerLog } from '../printing/drawer-log.ts';
import { PrintService, type PrintServiceDeps } from '../printing/print-service.ts';
import { SqliteJobStore } from '../printing/sqlite-job-store.ts';
import { QrStore } from '../qr/qr-store.ts';
import {
  RefundDesk,
  type DrawerPulse,
  type RefundDeskDeps,
  type RefundDeskOptions,
} from '../refunds/index.ts';
import { openDay, type DayOptions, type DayServices } from '../reports/day-services.ts';
import { HistoryService } from '../history/history-service.ts';
import { historySources } from './history-sources.ts';
import { doorsOf, Reconciler, type ReconcilerOptions, type Sleep } from '../reconcile/index.ts';
import { SalesBook } from '../sales/sales-book.ts';
import { Till, type TillDeps } from '../sales/till.ts';
import { environmentId, type KioskConfig } from './env-config.ts';

export interface KioskServices {
  config: KioskConfig;
  environment: string;
  journal: Journal;
  client: MidtransClient;
  engine: CheckoutEngine;
  catalogue: CatalogueService;
  till: Till;
  refunds: RefundDesk;
  /** Shifts, the cashier list and the X, Z and range reports. */
  day: DayServices;
  /** Read-only: the till's sales and orders, searched, with their timelines. */
  history: HistoryService;
  /** Receipts and the drawer; present when the kiosk has printing settings (not the bare CLI). */
  printing: PrintService | undefined;
  /** Reconciliation with the gateway (nothing runs until started or resumed). */
  reconciler: Reconciler;
  /** Present in training mode only. */
  emulator: RunningEmulator | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  clock?: Clock;
  /** Engine tuning for tests (poll policy, settle window); the product uses the defaults. */
  engine?: Partial<ConstructorParameters<typeof CheckoutEngine>[1]>;
  /** The quick-items file of earlier versions, imported into the catalogue once. */
  quickItemsFile?: string;
  /** Pricing and the manager's approval of large discounts (default: none, and no PIN to give). */
  till?: Pick<TillDeps, 'settings' | 'approve'>;
  /** The refund rules and timing (tests shorten the windows), and the drawer's pulse for cash refunds. */
  refunds?: Pick<RefundDeskOptions, 'policy' | 'settings'> & Pick<RefundDeskDeps, 'openDrawer'>;
  /** The manager PIN for the Z and the cashier list, and the CSV's language (default: none, 'id'). */
  day?: Pick<DayOptions, 'manager' | 'language'>;
  /**
   * Printing from the settings (the app and browser mode). Without it nothing prints and no job
   * in the journal is touched: the CLI must not take over the jobs of a kiosk running beside it.
   */
  printing?: Pick<PrintServiceDeps, 'config' | 'osPrinter' | 'queue' | 'transports' | 'browserTimeoutMs'>;
  /** Reconciliation's pace and day (rate, the business day's bounds), and a test's sleeper. */
  reconcile?: Omit<ReconcilerOptions, 'environment'> & { sleep?: Sleep };
}

/** A kiosk without settings (the bare CLI) prices with no tax, no service, no approval needed. */
const PLAIN_TILL: Pick<TillDeps, 'settings' | 'approve'> = {
  settings: () => ({ pricing: DEFAULT_PRICING_SETTINGS, approval: null }),
  approve: () => Promise.resolve('no-pin'),
};

/**
 * The catalogue in the journal's file: the shop's quick-items file of earlier versions comes in
 * once, and a training kiosk with an empty catalogue starts with the warung list.
 */
function openCatalogue(
  journal: Journal,
  mode: KioskConfig['mode'],
  quickItemsFile: string | undefined,
  clock: Clock | undefined,
): CatalogueService {
  const store = new CatalogueStore(journal.database, clock ? { now: () => clock.now() } : {});
  importLegacyQuickItemsOnce(store, quickItemsFile);
  if (mode === 'training') seedWarungIfEmpty(store);
  return new CatalogueService(store);
}

export async function openKiosk(config: KioskConfig, options: OpenOptions = {}): Promise<KioskServices> {
  mkdirSync(config.dataDir, { recursive: true });
  const journal = Journal.open(
    join(config.dataDir, 'journal.sqlite'),
    options.clock ? { clock: options.clock } : {},
  );
  let emulator: RunningEmulator | undefined;
  let client: MidtransClient;
  try {
    if (config.mode === 'training') {
      const trainingDir = join(config.dataDir, 'training');
      mkdirSync(trainingDir, { recursive: true });
      emulator = await startEmulator({
        serverKey: loadOrCreateTrainingKey(join(trainingDir, 'server-key')),
        ledgerFile: join(trainingDir, 'ledger.json'),
        ...(config.paymentTypes ? { enabledPaymentTypes: config.paymentTypes } : {}),
      });
      client = new MidtransClient({ serverKey: emulator.serverKey, baseUrl: emulator.url });
    } else {
      // The environment always goes with a base URL: the client refuses any production URL but
      // Midtrans's own, and any sandbox URL but Midtrans's or loopback.
      client = new MidtransClient({
        serverKey: config.serverKey ?? '',
        environment: config.mode,
        ...(config.apiUrl !== undefined ? { baseUrl: config.apiUrl } : {}),
      });
    }
  } catch (error) {
    await emulator?.close();
    journal.close();
    throw error;
  }
  const environment = environmentId(config);
  let catalogue: CatalogueService;
  try {
    catalogue = openCatalogue(journal, config.mode, options.quickItemsFile, options.clock);
  } catch (error) {
    client.close();
    await emulator?.close();
    journal.close();
    throw error;
  }
  const engine = new CheckoutEngine(
    {
      journal,
      gateway: client,
      qrStore: new QrStore({ dir: join(config.dataDir, 'qr') }),
      ...(options.clock ? { clock: options.clock } : {}),
    },
    {
      ...options.engine,
      environment,
      ...(config.kioskTimeoutMs !== undefined ? { kioskTimeoutMs: config.kioskTimeoutMs } : {}),
      ...(config.paymentTypes !== undefined ? { enabledPaymentTypes: config.paymentTypes } : {}),
      ...(config.shopTime !== undefined
        ? {
            utcOffsetMinutes: offsetOf(config.shopTime),
            businessDayCutoffHour: config.shopTime.cutoffHour,
          }
        : {}),
    },
  );
  const day = openDay({
    db: journal.database,
    environment,
    clock: options.clock ?? systemClock,
    utcOffsetMinutes: engine.settings.utcOffsetMinutes,
    cutoffHour: engine.settings.businessDayCutoffHour,
    ...options.day,
  });
  const book = new SalesBook(journal.database);
  const till = new Till({
    book,
    shifts: day.shifts.gate,
    journal,
    engine,
    clock: options.clock ?? systemClock,
    ...(options.till ?? PLAIN_TILL),
  });
  // Read by the history even where nothing prints (the CLI): reading takes over no job.
  const printingJobs = new SqliteJobStore(journal.database);
  // Listening before anything can settle a sale (recovery runs after this returns).
  const printing =
    options.printing === undefined
      ? undefined
      : new PrintService({
          ...options.printing,
          store: printingJobs,
          drawerLog: new SqliteDrawerLog(journal.database),
          sales: till,
          training: config.mode === 'training',
          utcOffsetMinutes: engine.settings.utcOffsetMinutes,
          ...(options.clock ? { clock: options.clock } : {}),
        });
  printing?.start();
  const { openDrawer, ...refundOptions } = options.refunds ?? {};
  const refunds = new RefundDesk(
    {
      journal,
      book,
      gateway: client,
      ...(options.clock ? { clock: options.clock } : {}),
      // A cash refund opens the drawer the way cash taken does (a test may listen instead).
      ...(openDrawer
        ? { openDrawer }
        : printing
          ? { openDrawer: (pulse: DrawerPulse) => void printing.openDrawerForRefund(pulse) }
          : {}),
    },
    {
      ...refundOptions,
      environment,
      utcOffsetMinutes: engine.settings.utcOffsetMinutes,
      businessDayCutoffHour: engine.settings.businessDayCutoffHour,
    },
  );
  // Each refund made here prints its slip (once: the journal keys the job by the refund).
  printing?.followRefunds(refunds);
  const { sleep, ...reconcileOptions } = options.reconcile ?? {};
  const reconciler = new Reconciler(
    {
      journal,
      gateway: client,
      doors: doorsOf(engine, refunds),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(sleep ? { sleep } : {}),
    },
    {
      utcOffsetMinutes: engine.settings.utcOffsetMinutes,
      cutoffHour: engine.settings.businessDayCutoffHour,
      ...reconcileOptions,
      environment,
    },
  );
  return {
    config,
    environment,
    journal,
    client,
    engine,
    catalogue,
    till,
    refunds,
    day,
    history: new HistoryService({ journal, book, sources: historySources(refunds, printingJobs) }),
    printing,
    reconciler,
    emulator,
    async close() {
      // Printing first: a receipt on the wire finishes (and is journaled) before the journal closes.
      await printing?.stop();
      await reconciler.stop();
      await refunds.stop();
      await engine.stop();
      till.close();
      client.close();
      await emulator?.close();
      journal.close();
    },
  };
}
