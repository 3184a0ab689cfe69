/**
 * The Electron shell's one call into the core: settings (electron-store document, safeStorage
 * vault) and the kiosk host on top. Everything it is given is injected, so the same path runs in
 * plain Node under test with a fake safeStorage and an in-memory document.
 */
import { join } from 'node:path';
import type { DisplayInfo, GatewayEnvironment } from '../../common/contract.ts';
import {
  openSettings,
  type DocumentStore,
  type OpenSettingsOptions,
  type SafeStorageLike,
} from '../settings/open-settings.ts';
import type { PagePrinter } from '../printing/os-printer.ts';
import { createKioskHost, type KioskHost, type KioskHostOptions } from './kiosk-host.ts';

export type { KioskHost } from './kiosk-host.ts';

export interface DesktopHostOptions {
  /** Electron's userData folder: journal, QR images, training ledger. */
  dataDir: string;
  settingsStore: DocumentStore;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  displays: { list(): DisplayInfo[] };
  /** Development and tests only: a gateway base URL instead of Midtrans (never when packaged). */
  gatewayUrl?: string;
  quickItemsFile?: string;
  /** The operating system's printer, printed through the shell (main/shell/page-printer.ts). */
  osPrinter?: PagePrinter;
  /** Tests: a clock, engine tuning and the display's scene timings. */
  tuning?: Pick<KioskHostOptions, 'clock' | 'engine' | 'timings' | 'log' | 'printing'>;
}

export async function openDesktopHost(options: DesktopHostOptions): Promise<KioskHost> {
  const gatewayUrl = options.gatewayUrl;
  const settingsOptions: OpenSettingsOptions = {
    store: options.settingsStore,
    safeStorage: options.safeStorage,
    platform: options.platform,
    displays: options.displays,
    // Browser mode kept the language here before the settings store existed.
    legacyScreenSettingsFile: join(options.dataDir, 'screen-settings.json'),
    ...(options.tuning?.clock ? { clock: options.tuning.clock } : {}),
    // As for sales: the override reaches sandbox only; a production key is tested at Midtrans.
    ...(gatewayUrl !== undefined
      ? {
          gatewayUrl: (environment: GatewayEnvironment) =>
            environment === 'sandbox' ? gatewayUrl : undefined,
        }
      : {}),
  };
  const settings = await openSettings(settingsOptions);
  return createKioskHost({
    settings,
    dataDir: options.dataDir,
    ...(options.quickItemsFile !== undefined ? { quickItemsFile: options.quickItemsFile } : {}),
    ...(gatewayUrl !== undefined ? { gatewayUrl } : {}),
    ...(options.osPrinter !== undefined ? { osPrinter: options.osPrinter } : {}),
    ...options.tuning,
  });
}
