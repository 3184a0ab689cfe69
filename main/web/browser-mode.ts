/**
 * Browser mode's services in the order they depend on each other: the kiosk (journal, gateway,
 * engine), recovery, the screens' settings, the api, and the screen server on top. Closing goes
 * the other way, so no screen can call into an engine that has already stopped.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type KioskMode } from '../../common/contract.ts';
import { createKioskApi, type KioskApi } from '../api/kiosk-api.ts';
import { openScreenSettings } from '../api/screen-settings.ts';
import type { RecoverySummary } from '../checkout/engine.ts';
import { configFromEnv } from '../runtime/config.ts';
import { openKiosk, type KioskServices } from '../runtime/kiosk-services.ts';
import { pageFile } from './pages.ts';
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

  const services: KioskServices = await openKiosk(config);
  let api: KioskApi | undefined;
  try {
    const { engine } = services;
    // Read before recovery starts, so a broken quick-items file stops the start with nothing
    // polled on its behalf.
    const settings = openScreenSettings({
      file: join(config.dataDir, 'screen-settings.json'),
      mode: config.mode,
      paymentTypes: [...engine.settings.enabledPaymentTypes],
      kioskTimeoutSeconds: Math.round(engine.settings.kioskTimeoutMs / 1000),
      ...(serve.merchantName !== undefined ? { merchantName: serve.merchantName } : {}),
      ...(serve.quickItemsFile !== undefined ? { quickItemsFile: serve.quickItemsFile } : {}),
    });
    // Recovery first: the api's view of open orders must already include the resumed ones.
    const recovery = engine.start();
    api = createKioskApi({
      engine,
      emulator: services.emulator,
      settings,
      mode: config.mode,
      journal: services.journal,
    });
    const server = await startScreenServer({
      api,
      staticDir: serve.staticDir,
      host: serve.host,
      port: serve.port,
    });
    const running = api;
    return {
      mode: config.mode,
      server,
      lan: serve.lan,
      recovery,
      async close() {
        await server.close();
        running.close();
        await services.close();
      },
    };
  } catch (error) {
    api?.close();
    await services.close();
    throw error;
  }
}
