/**
 * Runs the kiosk from its stored settings and keeps one api for the screens across restarts.
 * A change of environment, key, payment types or time limit reopens the services (journal,
 * gateway client, engine) in-process; the Electron IPC and browser mode's WebSocket stay bound
 * to `api` and never notice, except that a call arriving mid-restart waits for the new services.
 *
 * The money rule behind the guard: an open order is followed by the engine of its own environment
 * only, so the environment may not change while one is open; the manager is told to finish or
 * cancel it first instead.
 */
import type { KioskMode, Role } from '../../common/contract.ts';
import {
  createKioskApi,
  type CallOutcome,
  type KioskApi,
  type SceneTimings,
} from '../screen-api/kiosk-api.ts';
import { CommandRefusal, contractError } from '../screen-api/errors.ts';
import { openOrdersNewestFirst } from '../screen-api/open-orders.ts';
import { createRoleHub } from '../screen-api/role-hub.ts';
import type { RecoverySummary } from '../checkout/engine.ts';
import type { Clock } from '../clock.ts';
import type { KioskConfig } from './env-config.ts';
import { openKiosk, type KioskServices, type OpenOptions } from './kiosk-services.ts';
import type { SettingsChange, SettingsService } from '../settings/open-settings.ts';
import type { PagePrinter } from '../printing/os-printer.ts';
import type { PrintServiceDeps } from '../printing/print-service.ts';
import { printingConfig } from './printing-config.ts';

export interface KioskHostOptions {
  settings: SettingsService;
  dataDir: string;
  /** A gateway base URL instead of Midtrans' own hosts (the emulator in tests, or browser mode's env). */
  gatewayUrl?: string;
  /** The quick-items file of earlier versions: imported into the catalogue once (KIOSK_QUICK_ITEMS_FILE). */
  quickItemsFile?: string;
  /** Values that win over the stored settings for the engine (browser mode's environment variables). */
  overrides?: Partial<Pick<KioskConfig, 'kioskTimeoutMs' | 'paymentTypes'>>;
  clock?: Clock;
  engine?: OpenOptions['engine'];
  timings?: Partial<SceneTimings>;
  /** The operating system's printer: the Electron shell's silent print (absent in browser mode). */
  osPrinter?: PagePrinter;
  /** Tests: the print queue's retry timings and the printers' timeouts. */
  printing?: Pick<PrintServiceDeps, 'queue' | 'transports' | 'browserTimeoutMs'>;
  /** Reconciliation's pace (browser mode: KIOSK_RECONCILE_RATE; tests raise it). */
  reconcile?: OpenOptions['reconcile'];
  /** How long a call made during a restart waits for the new services. */
  restartWaitMs?: number;
  log?: (line: string) => void;
}

export interface KioskHost {
  /** Stable across restarts: transports bind to it once. */
  readonly api: KioskApi;
  readonly settings: SettingsService;
  /** Opens the services from the stored settings; recovery runs before the first call is answered. */
  start(): Promise<RecoverySummary>;
  /** The mode the services run in now (undefined before start or during a restart). */
  mode(): KioskMode | undefined;
  /** The running services, for the shell's diagnostics and the tests. */
  services(): KioskServices | undefined;
  close(): Promise<void>;
}

/** Never a real key: Midtrans answers 401 to it, so nothing can be charged or changed with it. */
const MISSING_KEY = 'no-server-key-stored';

interface Running {
  keyMissing: boolean;
  services: KioskServices;
  api: KioskApi;
  unsubscribe: Array<() => void>;
}

const ROLES_FORWARDED: readonly Role[] = ['cashier', 'display'];

export function createKioskHost(options: KioskHostOptions): KioskHost {
  const { settings } = options;
  // stderr: stdout belongs to whoever embeds the host (browser mode prints its addresses there).
  const log = options.log ?? ((line: string) => console.error(line));
  const hub = createRoleHub();
  const restartWaitMs = options.restartWaitMs ?? 15_000;
  let running: Running | undefined;
  /** Settles when the services are usable again; undefined when no (re)start is under way. */
  let opening: Promise<void> | undefined;
  let closed = false;

  async function configNow(): Promise<KioskConfig & { keyMissing: boolean }> {
    const current = settings.current();
    const mode = current.mode;
    const stored = mode === 'training' ? undefined : await settings.serverKey(mode);
    // A key that is missing (or no longer decrypts) keeps the kiosk in its environment, refusing
    // sales until the owner enters it, rather than quietly dropping to training while customers
    // think they paid. The stand-in only lets the engine open; every request it makes is refused.
    const keyMissing = mode !== 'training' && stored === undefined;
    const serverKey = keyMissing ? MISSING_KEY : stored;
    return {
      keyMissing,
      mode: current.mode,
      serverKey,
      // The override (development, tests) reaches sandbox only: production talks to Midtrans's
      // production host and nothing else.
      apiUrl: mode === 'sandbox' ? options.gatewayUrl : undefined,
      dataDir: options.dataDir,
      kioskTimeoutMs: options.overrides?.kioskTimeoutMs ?? current.kioskTimeoutSeconds * 1000,
      paymentTypes: options.overrides?.paymentTypes ?? [...current.paymentTypes],
      shopTime: current.shopTime,
    };
  }

  async function open(): Promise<RecoverySummary> {
    const config = await configNow();
    const services = await openKiosk(config, {
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.engine ? { engine: options.engine } : {}),
      ...(options.quickItemsFile !== undefined ? { quickItemsFile: options.quickItemsFile } : {}),
      till: {
        settings: () => {
          const current = settings.current();
          return { pricing: current.pricing, approval: current.discountApproval };
        },
        approve: (pin) => settings.authority.checkPin(pin),
      },
      day: {
        manager: {
          pinSet: async () => (await settings.manager['manager.status']({})).pinSet,
          checkPin: (pin) => settings.authority.checkPin(pin),
        },
        language: () => settings.current().language,
      },
      printing: {
        ...options.printing,
        config: () => printingConfig(settings.current()),
        ...(options.osPrinter === undefined ? {} : { osPrinter: options.osPrinter }),
      },
      ...(options.reconcile === undefined ? {} : { reconcile: options.reconcile }),
    });
    try {
      // Recovery first: the api's view of open orders must already include the resumed ones.
      const recovery = services.engine.start();
      services.till.recover();
      const refunds = services.refunds.start();
      // A reconciliation run left by a restart goes on in the background (no key: nothing to ask).
      const reconciling = config.keyMissing ? undefined : services.reconciler.resume();
      const api = createKioskApi({
        engine: services.engine,
        till: services.till,
        catalogue: services.catalogue,
        day: services.day,
        history: services.history,
        authority: settings.authority,
        refunds: services.refunds,
        emulator: services.emulator,
        settings: settings.screen,
        mode: config.mode,
        journal: services.journal,
        manager: settings.manager,
        printing: services.printing,
        reconcile: {
          reconciler: services.reconciler,
          available: !config.keyMissing,
          utcOffsetMinutes: services.engine.settings.utcOffsetMinutes,
        },
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.timings ? { timings: options.timings } : {}),
      });
      const unsubscribe = ROLES_FORWARDED.map((role) =>
        api.subscribe(role, (name, payload) => hub.publish(role, name, payload)),
      );
      running = { keyMissing: config.keyMissing, services, api, unsubscribe };
      const missing = config.keyMissing ? '; NO SERVER KEY: sales are refused until one is saved' : '';
      const inDoubt =
        refunds.resumed.length > 0 ? `, ${refunds.resumed.length} refund(s) being confirmed` : '';
      const reconcile =
        reconciling === undefined ? '' : `, reconciliation of ${reconciling.businessDate} resumed`;
      log(
        `kiosk: running in ${config.mode} mode (${recovery.resumed.length} order(s) resumed${inDoubt}${reconcile}${missing})`,
      );
      return recovery;
    } catch (error) {
      await services.close();
      throw error;
    }
  }

  async function stopRunning(): Promise<void> {
    const current = running;
    running = undefined;
    if (current === undefined) return;
    for (const off of current.unsubscribe) off();
    current.api.close();
    await current.services.close();
  }

  /** Both screens learn about the new services at once: the cashier its settings, the display its scene. */
  async function announce(): Promise<void> {
    const current = running;
    if (current === undefined) return;
    hub.publish('cashier', 'settings', settings.screen.get());
    const display = await current.api.call('display', 'display.snapshot', {});
    if (display.ok) hub.publish('display', 'display', display.value);
  }

  async function restart(change: SettingsChange): Promise<void> {
    const fields = change.fields.join(', ');
    log(`kiosk: restarting the services for the changed settings (${fields})`);
    const attempt = (async () => {
      await stopRunning();
      if (!closed) await open();
    })();
    opening = attempt.finally(() => {
      opening = undefined;
    });
    await opening;
    await announce();
  }

  settings.setGuard({
    assertIdle() {
      const current = running;
      if (current === undefined) return;
      const open = openOrdersNewestFirst(current.services.engine, current.services.journal);
      if (open.length > 0) throw new CommandRefusal(contractError('sale-in-progress'));
    },
    apply: restart,
  });

  async function currentApi(): Promise<KioskApi | undefined> {
    const now = running;
    if (now !== undefined) return now.api;
    const pending = opening;
    if (pending === undefined) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, restartWaitMs);
    });
    try {
      await Promise.race([pending.catch(() => {}), timeout]);
    } finally {
      clearTimeout(timer);
    }
    // Re-read after the wait: the restart has replaced it (TypeScript cannot see that).
    const after = running as Running | undefined;
    return after?.api;
  }

  const api: KioskApi = {
    async call(role, name, payload): Promise<CallOutcome> {
      if (closed) return { ok: false, error: contractError('kiosk-stopping') };
      const target = await currentApi();
      if (target === undefined) return { ok: false, error: contractError('kiosk-stopping') };
      // Refused before the journal sees it: an order that could never be charged is no order.
      if (name === 'sale.start' && running?.keyMissing === true) {
        return { ok: false, error: contractError('key-missing') };
      }
      return target.call(role, name, payload);
    },
    subscribe: (role, listener) => hub.subscribe(role, listener),
    close() {
      void host.close();
    },
  };

  const host: KioskHost = {
    api,
    settings,
    async start() {
      if (running !== undefined || opening !== undefined)
        throw new Error('the kiosk host is already started');
      let recovery: RecoverySummary | undefined;
      const attempt = (async () => {
        recovery = await open();
      })();
      opening = attempt.finally(() => {
        opening = undefined;
      });
      await opening;
      if (recovery === undefined) throw new Error('the kiosk services did not open');
      return recovery;
    },
    mode: () => (running === undefined ? undefined : running.services.config.mode),
    services: () => running?.services,
    async close() {
      if (closed) return;
      closed = true;
      await opening?.catch(() => {});
      await stopRunning();
      hub.clear();
    },
  };
  return host;
}
