/**
 * The kiosk host on the real stack (journal, engine, the training emulator, and a second
 * emulator standing in for the sandbox gateway), with a small settings double so these tests
 * are about the host alone: services reopen on a restart change, screens stay subscribed, calls
 * made mid-restart wait instead of failing, and the environment cannot change under an open order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../common/till-contract.ts';
import { tillSale } from '../support/till-sale.ts';
import type {
  CashierSnapshot,
  CustomerDisplayChoice,
  GatewayEnvironment,
  KioskMode,
  PublicSettings,
  ScreenOrder,
} from '../../common/contract.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { ManagerHandlers } from '../../main/screen-api/commands.ts';
import { CommandRefusal } from '../../main/screen-api/errors.ts';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { createKioskHost, type KioskHost } from '../../main/host/kiosk-host.ts';
import type { SettingsChange, SettingsGuard, SettingsService } from '../../main/settings/open-settings.ts';
import { FAST_POLL } from '../checkout/harness.ts';

const SANDBOX_KEY = 'SB-Mid-server-hostTestKey0123456789';

interface Stored {
  mode: KioskMode;
  merchantName: string;
  paymentTypes: PaymentType[];
  kioskTimeoutSeconds: number;
}

/** Just enough of the settings service for the host: values in memory, the guard kept for the test. */
function fakeSettings(initial: Partial<Stored> = {}) {
  const stored: Stored = {
    mode: 'training',
    merchantName: 'Toko Uji',
    paymentTypes: ['gopay', 'qris'],
    kioskTimeoutSeconds: 900,
    ...initial,
  };
  let guard: SettingsGuard | undefined;
  const listeners = new Set<() => void>();
  const screen = {
    get: (): PublicSettings => ({
      mode: stored.mode,
      merchantName: stored.merchantName,
      language: 'id',
      paymentTypes: [...stored.paymentTypes],
      kioskTimeoutSeconds: stored.kioskTimeoutSeconds,
      pricing: DEFAULT_PRICING_SETTINGS,
      discountApproval: null,
      shopTime: { zone: 'WIB', cutoffHour: 0 },
    }),
    setLanguage: () => screen.get(),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const service = {
    screen,
    manager: {} as ManagerHandlers,
    current: () => ({
      ...stored,
      language: 'id' as const,
      customerDisplay: { kind: 'auto' } as CustomerDisplayChoice,
      pricing: DEFAULT_PRICING_SETTINGS,
      discountApproval: null,
    }),
    serverKey: async (environment: GatewayEnvironment) =>
      environment === 'sandbox' ? SANDBOX_KEY : undefined,
    onChange: () => () => {},
    setGuard(next: SettingsGuard) {
      guard = next;
    },
    keyStorage: () => ({ available: true, weak: false, backend: 'test' }),
  } as unknown as SettingsService;
  return {
    service,
    /** What the real service does on a restart change: guard, store, tell, apply. */
    async change(patch: Partial<Stored>): Promise<void> {
      if (guard === undefined) throw new Error('the host installed no guard');
      guard.assertIdle();
      Object.assign(stored, patch);
      for (const listener of listeners) listener();
      const change: SettingsChange = {
        fields: Object.keys(patch) as SettingsChange['fields'],
        restart: true,
      };
      await guard.apply(change);
    },
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sandboxGateway(): Promise<RunningEmulator> {
  const emulator = await startEmulator({ serverKey: SANDBOX_KEY });
  cleanups.push(() => emulator.close());
  return emulator;
}

function openHost(settings: SettingsService, gatewayUrl?: string): KioskHost {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-host-'));
  const host = createKioskHost({
    settings,
    dataDir: dir,
    ...(gatewayUrl !== undefined ? { gatewayUrl } : {}),
    engine: { chargeSettleMs: 0, poll: FAST_POLL },
    log: () => {},
  });
  cleanups.push(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return host;
}

async function snapshot(host: KioskHost): Promise<CashierSnapshot> {
  const outcome = await host.api.call('cashier', 'kiosk.snapshot', {});
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.value as CashierSnapshot;
}

/** Starts a GoPay sale of one amount line; answers the order it opened at the gateway. */
async function startSale(host: KioskHost, amount: number): Promise<{ orderId: string; sale: SaleView }> {
  const outcome = await host.api.call('cashier', 'sale.start', tillSale({ paymentType: 'gopay', amount }));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  const sale = outcome.value as SaleView;
  if (sale.liveOrderId === undefined) throw new Error('the sale opened no order');
  return { orderId: sale.liveOrderId, sale };
}

describe('kiosk host', () => {
  it('answers kiosk-stopping before start and after close', async () => {
    const host = openHost(fakeSettings().service);
    const before = await host.api.call('cashier', 'kiosk.snapshot', {});
    expect(before.ok ? 'ok' : before.error.code).toBe('kiosk-stopping');
    await host.start();
    expect((await snapshot(host)).settings.mode).toBe('training');
    await host.close();
    const after = await host.api.call('cashier', 'kiosk.snapshot', {});
    expect(after.ok ? 'ok' : after.error.code).toBe('kiosk-stopping');
  });

  it('reopens the services in the new environment and keeps the screens subscribed', async () => {
    const gateway = await sandboxGateway();
    const settings = fakeSettings();
    const host = openHost(settings.service, gateway.url);
    const events: Array<{ role: string; name: string; payload: unknown }> = [];
    host.api.subscribe('cashier', (name, payload) => events.push({ role: 'cashier', name, payload }));
    host.api.subscribe('display', (name, payload) => events.push({ role: 'display', name, payload }));
    await host.start();
    const trainingEmulator = host.services()?.emulator;
    expect(trainingEmulator).toBeDefined();

    await settings.change({ mode: 'sandbox' });

    expect(host.mode()).toBe('sandbox');
    expect(host.services()?.emulator).toBeUndefined();
    expect((await snapshot(host)).settings.mode).toBe('sandbox');
    // Both screens were told at once: the cashier its settings, the display its scene.
    const settingsEvents = events.filter((e) => e.name === 'settings');
    expect((settingsEvents.at(-1)?.payload as PublicSettings).mode).toBe('sandbox');
    expect(events.some((e) => e.role === 'display' && e.name === 'display')).toBe(true);

    // A sale now goes to the sandbox gateway, and its events still reach the old subscribers.
    const order = await startSale(host, 12_000);
    expect(host.services()?.environment).toBe(`custom:${new URL(gateway.url).origin}`);
    const seen = events
      .filter((e) => e.name === 'order')
      .map((e) => (e.payload as { order: ScreenOrder }).order);
    expect(seen.some((o) => o.orderId === order.orderId)).toBe(true);
    expect(gateway.control.get(order.orderId)).toBeDefined();
  });

  it('refuses a restart change while an order is open, and nothing changes', async () => {
    const settings = fakeSettings();
    const host = openHost(settings.service);
    await host.start();
    const order = await startSale(host, 25_000);
    expect(order.sale.state).toBe('open');

    const refusal = await settings.change({ mode: 'sandbox' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CommandRefusal);
    expect((refusal as CommandRefusal).error.code).toBe('sale-in-progress');
    expect(host.mode()).toBe('training');
    expect((await snapshot(host)).openOrders.map((o) => o.orderId)).toContain(order.orderId);
  });

  it('makes a call that arrives mid-restart wait for the new services', async () => {
    const settings = fakeSettings();
    const host = openHost(settings.service);
    await host.start();
    const restarting = settings.change({ kioskTimeoutSeconds: 120 });
    // Sent while the old services are closing: it must be answered by the new ones, not refused.
    const during = host.api.call('cashier', 'kiosk.snapshot', {});
    await restarting;
    const outcome = await during;
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && (outcome.value as CashierSnapshot).settings.kioskTimeoutSeconds).toBe(120);
    expect(host.services()?.engine.settings.kioskTimeoutMs).toBe(120_000);
  });

  it('opens an environment whose key is missing, refusing sales before the journal sees them', async () => {
    const gateway = await sandboxGateway();
    const settings = fakeSettings({ mode: 'production' });
    const host = openHost(settings.service, gateway.url);
    await host.start();
    expect(host.mode()).toBe('production');
    const outcome = await host.api.call('cashier', 'sale.start', { paymentType: 'gopay', amount: 10_000 });
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('key-missing');
    const history = await host.api.call('cashier', 'history.page', {});
    expect(history.ok && (history.value as { orders: unknown[] }).orders).toEqual([]);
    expect(gateway.control.list()).toEqual([]);
    // The rest of the till still answers, so the owner can reach the settings and fix it.
    expect((await snapshot(host)).settings.mode).toBe('production');
  });

  it('opens a sandbox kiosk with its stored key and charges at the sandbox gateway', async () => {
    const gateway = await sandboxGateway();
    const host = openHost(fakeSettings({ mode: 'sandbox' }).service, gateway.url);
    await host.start();
    const order = await startSale(host, 10_000);
    expect(gateway.control.get(order.orderId)?.orderId).toBe(order.orderId);
    expect(host.services()?.client).toBeDefined();
  });
});
