/**
 * Where the shell finds its files and keeps its data. The data folder is the one the CLI and
 * browser mode use (runtime/config.ts), so `npm run kiosk -- list` reads the app's own journal;
 * KIOSK_DATA_DIR moves it (the e2e suite points it at a temporary folder).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Role } from '../../common/contract.ts';
import { defaultDataDir } from '../host/env-config.ts';

export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  const chosen = env.KIOSK_DATA_DIR?.trim();
  const dir = resolve(chosen === undefined || chosen === '' ? defaultDataDir(env) : chosen);
  // app.setPath refuses a folder that does not exist yet.
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The shop's quick-item list, named as browser mode names it (KIOSK_QUICK_ITEMS_FILE, relative
 * to the working folder). Undefined: training mode's staples, no buttons elsewhere.
 */
export function quickItemsFileFrom(env: NodeJS.ProcessEnv): string | undefined {
  const chosen = env.KIOSK_QUICK_ITEMS_FILE?.trim();
  return chosen === undefined || chosen === '' ? undefined : resolve(chosen);
}

/** `appPath` is app.getAppPath(): the project folder in development, app.asar when packaged. */
export function bundlePaths(appPath: string) {
  return {
    staticDir: join(appPath, 'dist', 'renderer'),
    preload: (role: Role) => join(appPath, 'out', 'preload', `${role}.cjs`),
  };
}
