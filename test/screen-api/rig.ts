/**
 * A kiosk api on the real stack: openKiosk (journal in a temp folder, the real engine, and in
 * training mode the real in-process emulator over HTTP), with every event each role receives
 * and every call's answer recorded.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ContractError, DisplayState, Role, ScreenOrder } from '../../common/contract.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { toScreenOrder } from '../../main/screen-api/screen-order.ts';
import { tillSale, type SimpleSale } from '../support/till-sale.ts';
import type { EngineOptions } from '../../main/checkout/engine.ts';
import { createKioskApi, type KioskApi, type SceneTimings } from '../../main/screen-api/kiosk-api.ts';
import type { ScreenSettingsSource } from '../../main/screen-api/screen-settings.ts';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk, type KioskServices, type OpenOptions } from '../../main/host/kiosk-services.ts';
import { jsonFileDocumentStore, openSettings } from '../../main/settings/open-settings.ts';
import { FAST_POLL } from '../checkout/harness.ts';

export interface Received {
  name: string;
  payload: unknown;
  at: number;
}

export interface Rig {
  dir: string;
  services: KioskServices;
  settings: ScreenSettingsSource;
  api: KioskApi;
  /** Every event each role was sent, in order. */
  events: Record<Role, Received[]>;
  /** Every value a call answered with (for the secrets check). */
  answers: unknown[];
  displayStates(): DisplayState[];
  /** Calls and expects success. */
  ok<T = unknown>(role: Role, name: string, payload: unknown): Promise<T>;
  /** Calls and expects a refusal. */
  refused(role: Role, name: string, payload: unknown): Promise<ContractError>;
  /** A sale of an amount (or items) by QRIS/GoPay through 'sale.start'; answers its charge. */
  sale(sale: SimpleSale): Promise<ScreenOrder>;
  /** The api and services closed, the data folder kept: what a restart leaves behind. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface RigOptions {
  dir?: string;
  env?: Record<string, string>;
  timings?: Partial<SceneTimings>;
  engine?: Partial<EngineOptions>;
  /** Leave the journal out of the api (the fallback that looks among the newest orders). */
  withoutJournal?: boolean;
  /** The till's pricing and discount approval (default: none, as the bare CLI). */
  till?: OpenOptions['till'];
  /** The settings screen's commands and the manager's authority (the PIN), as the host wires them. */
  withManager?: boolean;
  /** Reconciliation's pace (the rig's reconciler is wired as the host wires it). */
  reconcile?: OpenOptions['reconcile'];
  /** As the host wires a kiosk without a server key: nothing to ask. */
  reconcileUnavailable?: boolean;
}

const rigs: Rig[] = [];

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kiosk-api-'));
}

export async function openRig(options: RigOptions = {}): Promise<Rig> {
  const dir = options.dir ?? tempDir();
  const config = configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir, ...options.env });
  const services = await openKiosk(config, {
    engine: {
      chargeSettleMs: 0,
      ...options.engine,
      poll: { ...FAST_POLL, ...options.engine?.poll },
    },
    ...(options.till ? { till: options.till } : {}),
    ...(options.reconcile ? { reconcile: options.reconcile } : {}),
  });
  // As the host does: the engine's recovery, then the till's, before the api exists.
  services.engine.start();
  services.till.recover();
  // The settings browser mode uses: a JSON document in the data folder, the mode from the env.
  const {
    screen: settings,
    manager,
    authority,
  } = await openSettings({
    store: jsonFileDocumentStore(join(dir, 'settings.json')),
    safeStorage: undefined,
    platform: process.platform,
    displays: { list: () => [] },
    fixed: {
      mode: config.mode,
      serverKey: config.serverKey,
      ...(config.paymentTypes ? { paymentTypes: config.paymentTypes } : {}),
    },
  });
  const api = createKioskApi({
    engine: services.engine,
    till: services.till,
    catalogue: services.catalogue,
    history: services.history,
    emulator: services.emulator,
    settings,
    mode: config.mode,
    refunds: services.refunds,
    reconcile: {
      reconciler: services.reconciler,
      available: options.reconcileUnavailable !== true,
      utcOffsetMinutes: services.engine.settings.utcOffsetMinutes,
    },
    ...(options.timings ? { timings: options.timings } : {}),
    ...(options.withoutJournal ? {} : { journal: services.journal }),
    ...(options.withManager ? { manager, authority } : {}),
  });
  const events: Record<Role, Received[]> = { cashier: [], display: [] };
  for (const role of ['cashier', 'display'] as const) {
    api.subscribe(role, (name, payload) => events[role].push({ name, payload, at: Date.now() }));
  }
  const answers: unknown[] = [];
  let stopped = false;
  const rig: Rig = {
    dir,
    services,
    settings,
    api,
    events,
    answers,
    displayStates: () =>
      events.display.filter((e) => e.name === 'display').map((e) => e.payload as DisplayState),
    async ok<T>(role: Role, name: string, payload: unknown): Promise<T> {
      const outcome = await api.call(role, name, payload);
      answers.push(outcome);
      if (!outcome.ok) expect.fail(`${name} was refused: ${JSON.stringify(outcome.error)}`);
      return outcome.value as T;
    },
    async refused(role: Role, name: string, payload: unknown): Promise<ContractError> {
      const outcome = await api.call(role, name, payload);
      answers.push(outcome);
      if (outcome.ok) expect.fail(`${name} succeeded: ${JSON.stringify(outcome.value)}`);
      return outcome.error;
    },
    async sale(sale: SimpleSale): Promise<ScreenOrder> {
      const view = await rig.ok<SaleView>('cashier', 'sale.start', tillSale(sale));
      const orderId = view.liveOrderId ?? view.charges.at(-1)?.orderId;
      const order = orderId === undefined ? undefined : services.engine.get(orderId);
      if (order === undefined) return expect.fail(`sale ${view.saleId} has no charge`);
      return toScreenOrder(order);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      api.close();
      await services.close();
    },
    async close() {
      await rig.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  rigs.push(rig);
  return rig;
}

/** Closes every rig a test opened (call from afterEach). */
export async function closeRigs(): Promise<void> {
  // Newest first: a restarted rig shares its data folder with the one before it.
  for (const rig of rigs.splice(0).reverse()) await rig.close();
}

export function trainingKey(dir: string): string {
  return readFileSync(join(dir, 'training', 'server-key'), 'utf8').trim();
}

export async function until<T>(
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Scene kinds in the order the display was sent them. */
export function sceneKinds(states: DisplayState[]): string[] {
  return states.map((s) => s.scene.kind);
}
