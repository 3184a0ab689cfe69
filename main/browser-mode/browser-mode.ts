/**
 * Browser mode's services in the order they depend on each other: the settings, the kiosk host
 * (journal, gateway, engine, recovery, the api) and the screen server on top. Closing goes the
 * other way, so no screen can call into an engine that has already stopped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type KioskMode } from '../../common/contract.ts';
import type { RecoverySummary } from '../checkout/engine.ts';
import { createKioskHost } from '../host/kiosk-host.ts';
import { configFromEnv, type KioskConfig } from '../host/env-config.ts';
import { jsonFileDocumentStore, openSettings, type OpenSettingsOptions } from '../settings/open-settings.ts';
import { checkSettingsPatch } from '../../common/settings-input.ts';
import { pageFile } from '../screen-pages/pages.ts';
import { startScreenServer, type ScreenServer } from './screen-server.ts';
import { serveConfigFromEnv } from './serve-config.ts';

export interface BrowserMode {
  mode: KioskMode;
  server: ScreenServer;
  /** The screens are reachable from other machines (KIOSK_SERVE_ALLOW_LAN=1). */
  lan: boolean;
  recovery: RecoverySummary;
  close(): Promise<void>;
}

/** The screens were never built (or KIOSK_STATIC_DIR points at the wrong folder). */
export class BuildMissingError extends Error {
  readonly file: string;
  constructor(file: string) {
    super(`${file} is missing: run "npm run build" first (or point KIOSK_STATIC_DIR at the build)`);
    this.name = 'BuildMissingError';
    this.file = file;
  }
}

/**
 * Browser mode takes its environment and key from environment variables. The other values given
 * there win over the stored settings when they are values the settings screen itself could store
 * (a test's 6-second time limit is handed to the engine directly instead).
 */
function fixedSettings(
  config: KioskConfig,
  merchantName: string | undefined,
): NonNullable<OpenSettingsOptions['fixed']> {
  const fixed: NonNullable<OpenSettingsOptions['fixed']> = { mode: config.mode, serverKey: config.serverKey };
  if (config.paymentTypes !== undefined) fixed.paymentTypes = config.paymentTypes;
  if (merchantName !== undefined && checkSettingsPatch({ merchantName }).length === 0) {
    fixed.merchantName = merchantName;
  }
  if (config.kioskTimeoutMs !== undefined) {
    const seconds = Math.round(config.kioskTimeoutMs / 1000);
    if (checkSettingsPatch({ kioskTimeoutSeconds: seconds }).length === 0)
      fixed.kioskTimeoutSeconds = seconds;
  }
  return fixed;
}

export async function startBrowserMode(
  env: NodeJS.ProcessEnv,
  defaults: { staticDir: string },
): Promise<BrowserMode> {
  const config = configFromEnv(env);
  const serve = serveConfigFromEnv(env, defaults);
  // Checked before anything is opened: without pages there is nothing to serve.
  for (const role of ROLES) {
    const file = pageFile(serve.staticDir, role);
    if (!existsSync(file)) throw new BuildMissingError(file);
  }

  const settings = await openSettings({
    store: jsonFileDocumentStore(join(config.dataDir, 'settings.json')),
    // No OS keyring in browser mode: the key comes from the environment and is never stored.
    safeStorage: undefined,
    platform: process.platform,
    displays: { list: () => [] },
    fixed: fixedSettings(config, serve.merchantName),
    legacyScreenSettingsFile: join(config.dataDir, 'screen-settings.json'),
    ...(config.apiUrl !== undefined ? { gatewayUrl: () => config.apiUrl } : {}),
  });
  const host = createKioskHost({
    settings,
    dataDir: config.dataDir,
    ...(serve.quickItemsFile !== undefined ? { quickItemsFile: serve.quickItemsFile } : {}),
    ...(config.apiUrl !== undefined ? { gatewayUrl: config.apiUrl } : {}),
    ...(serve.reconcileRate !== undefined ? { reconcile: { rate: serve.reconcileRate } } : {}),
    overrides: {
      ...(config.kioskTimeoutMs !== undefined ? { kioskTimeoutMs: config.kioskTimeoutMs } : {}),
      ...(config.paymentTypes !== undefined ? { paymentTypes: config.paymentTypes } : {}),
    },
  });
  try {
    // Recovery runs inside start, before the screens can connect.
    const recovery = await host.start();
    const server = await startScreenServer({
      api: host.api,
      staticDir: serve.staticDir,
      host: serve.host,
      port: serve.port,
    });
    return {
      mode: config.mode,
      server,
      lan: serve.lan,
      recovery,
      async close() {
        await server.close();
        await host.close();
      },
    };
  } catch (error) {
    await host.close();
    throw error;
  }
}
