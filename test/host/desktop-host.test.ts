/**
 * The path the Electron shell takes, in plain Node: real settings (an in-memory document standing
 * in for electron-store, a fake safeStorage), the real host, engine and emulators, driven only
 * through the contract as the cashier window would. The owner sets a PIN, stores a sandbox key,
 * switches to sandbox, and the next sale goes to that gateway; the key is never in an answer, an
 * event or the stored document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../common/till-contract.ts';
import { tillSale } from '../support/till-sale.ts';
import type { CashierSnapshot, ManagerSettings, PublicSettings, Role } from '../../common/contract.ts';
import { startEmulator } from '../../main/emulator/index.ts';
import { openDesktopHost, type KioskHost } from '../../main/host/desktop-host.ts';
import { FAST_POLL } from '../checkout/harness.ts';
import { expectNoKeyIn, FakeSafeStorage, MemoryStore, SANDBOX_KEY } from '../settings/helpers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Desk {
  host: KioskHost;
  store: MemoryStore;
  seen: Array<{ role: Role; name: string; payload: unknown }>;
  answers: unknown[];
  ok<T>(name: string, payload: unknown): Promise<T>;
  refusedWith(name: string, payload: unknown): Promise<string>;
}

async function openDesk(gatewayUrl: string): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'desktop-host-'));
  const store = new MemoryStore();
  const host = await openDesktopHost({
    dataDir: dir,
    settingsStore: store,
    safeStorage: new FakeSafeStorage(),
    platform: 'linux',
    displays: { list: () => [{ id: 7, label: 'Customer', width: 1024, height: 600, primary: false }] },
    gatewayUrl,
    tuning: { engine: { chargeSettleMs: 0, poll: FAST_POLL }, log: () => {} },
  });
  cleanups.push(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const seen: Desk['seen'] = [];
  for (const role of ['cashier', 'display'] as const) {
    host.api.subscribe(role, (name, payload) => seen.push({ role, name, payload }));
  }
  await host.start();
  const answers: unknown[] = [];
  return {
    host,
    store,
    seen,
    answers,
    async ok<T>(name: string, payload: unknown): Promise<T> {
      const outcome = await host.api.call('cashier', name, payload);
      answers.push(outcome);
      if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
      return outcome.value as T;
    },
    async refusedWith(name: string, payload: unknown): Promise<string> {
      const outcome = await host.api.call('cashier', name, payload);
      answers.push(outcome);
      if (outcome.ok) throw new Error(`${name} succeeded`);
      return outcome.error.code;
    },
  };
}

describe('desktop host (the shell path, without Electron)', () => {
  it('sets a PIN and a sandbox key, switches to sandbox, and sells there; the key stays in main', async () => {
    const gateway = await startEmulator({ serverKey: SANDBOX_KEY });
    cleanups.push(() => gateway.close());
    const desk = await openDesk(gateway.url);
    expect(desk.host.mode()).toBe('training');

    // Locked until a PIN exists and is given.
    expect(await desk.refusedWith('settings.read', {})).toBe('manager-locked');
    await desk.ok('manager.createPin', { pin: '4821' });
    // Switching first is refused: there is no key for sandbox yet.
    expect(await desk.refusedWith('settings.update', { patch: { mode: 'sandbox' } })).toBe('key-missing');

    const test = await desk.ok<{ outcome: string }>('key.test', { environment: 'sandbox', key: SANDBOX_KEY });
    expect(test.outcome).toBe('works');
    const saved = await desk.ok<ManagerSettings>('key.set', { environment: 'sandbox', key: SANDBOX_KEY });
    expect(saved.keys.sandbox.stored).toBe(true);
    expect(saved.displays.map((d) => d.id)).toEqual([7]);

    const switched = await desk.ok<ManagerSettings>('settings.update', { patch: { mode: 'sandbox' } });
    expect(switched.mode).toBe('sandbox');
    expect(desk.host.mode()).toBe('sandbox');
    const snapshot = await desk.ok<CashierSnapshot>('kiosk.snapshot', {});
    expect(snapshot.settings.mode).toBe('sandbox');
    const announced = desk.seen.filter((e) => e.role === 'cashier' && e.name === 'settings');
    expect((announced.at(-1)?.payload as PublicSettings).mode).toBe('sandbox');

    const sale = await desk.ok<SaleView>('sale.start', tillSale({ paymentType: 'qris', amount: 15_000 }));
    const order = { orderId: sale.liveOrderId ?? 'none' };
    expect(gateway.control.get(order.orderId)?.orderId).toBe(order.orderId);

    // While that order is open, the environment cannot change under it.
    expect(await desk.refusedWith('settings.update', { patch: { mode: 'training' } })).toBe(
      'sale-in-progress',
    );
    expect(desk.host.mode()).toBe('sandbox');

    expectNoKeyIn(JSON.stringify(desk.store.read()), SANDBOX_KEY);
    expectNoKeyIn(JSON.stringify(desk.answers), SANDBOX_KEY);
    expectNoKeyIn(JSON.stringify(desk.seen), SANDBOX_KEY);
  });

  it('shows a merchant name change on both screens without restarting anything', async () => {
    const gateway = await startEmulator({ serverKey: SANDBOX_KEY });
    cleanups.push(() => gateway.close());
    const desk = await openDesk(gateway.url);
    const services = desk.host.services();
    await desk.ok('manager.createPin', { pin: '4821' });
    await desk.ok('settings.update', { patch: { merchantName: 'Warung Bu Sri' } });
    expect(desk.host.services()).toBe(services);
    const cashier = desk.seen.filter((e) => e.role === 'cashier' && e.name === 'settings');
    expect((cashier.at(-1)?.payload as PublicSettings).merchantName).toBe('Warung Bu Sri');
    const display = desk.seen.filter((e) => e.role === 'display' && e.name === 'display');
    expect((display.at(-1)?.payload as { merchantName: string }).merchantName).toBe('Warung Bu Sri');
  });

  it('refuses every manager command from the customer display', async () => {
    const gateway = await startEmulator({ serverKey: SANDBOX_KEY });
    cleanups.push(() => gateway.close());
    const desk = await openDesk(gateway.url);
    for (const name of ['manager.status', 'manager.createPin', 'key.set', 'settings.read']) {
      const outcome = await desk.host.api.call('display', name, { pin: '1234' });
      expect(outcome.ok ? 'ok' : outcome.error.code).toBe('unknown-command');
    }
  });
});
