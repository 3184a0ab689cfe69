/**
 * Builds the main-process services from a configuration: journal, QR store, gateway client
 * (and in training mode the built-in emulator, keeping its ledger and key in the data folder so
 * a restart finds its orders again), and the checkout engine. The CLI, browser mode and the
 * Electron shell all start the kiosk through here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../clock.ts';
import { CheckoutEngine } from '../checkout/engine.ts';
import { loadOrCreateTrainingKey, startEmulator, type RunningEmulator } from '../emulator/index.ts';
import { Journal } from '../journal/journal.ts';
import { MidtransClient } from '../midtrans/client.ts';
import { QrStore } from '../qr/qr-store.ts';
import { environmentId, type KioskConfig } from './env-config.ts';

export interface KioskServices {
  config: KioskConfig;
  environment: string;
  journal: Journal;
  client: MidtransClient;
  engine: CheckoutEngine;
  /** Present in training mode only. */
  emulator: RunningEmulator | undefined;
  close(): Promise<void>;
}

export interface OpenOptions {
  clock?: Clock;
  /** Engine tuning for tests (poll policy, settle window); the product uses the defaults. */
  engine?: Partial<ConstructorParameters<typeof CheckoutEngine>[1]>;
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
    },
  );
  return {
    config,
    environment,
    journal,
    client,
    engine,
    emulator,
    async close() {
      await engine.stop();
      client.close();
      await emulator?.close();
      journal.close();
    },
  };
}
