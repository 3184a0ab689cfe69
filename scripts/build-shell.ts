/**
 * `npm run build:shell`: the Electron main bundle and the two preloads (vite.shell.config.ts),
 * written to out/ (or another root, for the build test). Plain Node; never loads electron.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { mainBuild, PRELOADS, preloadBuild } from '../vite.shell.config.ts';

export const DEFAULT_OUT_ROOT = fileURLToPath(new URL('../out/', import.meta.url));

export async function buildShell(outRoot: string, options: { quiet?: boolean } = {}): Promise<void> {
  const logLevel = options.quiet === true ? 'silent' : 'warn';
  const mainDir = join(outRoot, 'main');
  const preloadDir = join(outRoot, 'preload');
  // Emptied here rather than by Vite: the two preload builds share a folder.
  await rm(mainDir, { recursive: true, force: true });
  await rm(preloadDir, { recursive: true, force: true });
  await build({ ...mainBuild(mainDir), logLevel });
  for (const role of PRELOADS) await build({ ...preloadBuild(preloadDir, role), logLevel });
}

if (import.meta.main) {
  await buildShell(DEFAULT_OUT_ROOT);
  console.log(`shell built into ${DEFAULT_OUT_ROOT} (main/index.js, preload/{${PRELOADS.join(',')}}.cjs)`);
}
