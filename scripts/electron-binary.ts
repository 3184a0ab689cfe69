/**
 * Finds an Electron binary the way node_modules/electron/index.js would, minus its side effect:
 * since Electron 42 that file DOWNLOADS the binary when it is missing, so neither `npm start` nor
 * the e2e suite may load it. Plain Node; never imports electron.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  // path.txt names the executable inside the unpacked distribution (e.g. "electron", "electron.exe").
  const inside = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  const path =
    override !== undefined && override !== ''
      ? join(override, inside ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'))
      : inside === undefined
        ? undefined
        : join(packageDir, 'dist', inside);
  if (path !== undefined && existsSync(path)) return { found: true, path };
  const where = path ?? `${packageDir}/dist (no path.txt: the binary was never installed)`;
  return {
    found: false,
    reason:
      `no Electron binary at ${where}. Since Electron 42 it is downloaded on first use, not by npm ` +
      'install: run `npx install-electron --no` on a machine with internet access, or point ' +
      'ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45.',
  };
}
