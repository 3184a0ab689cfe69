/**
 * The stand-in's `electron` executable: `node test/shell/standin/cli.ts <app folder> [switches]`
 * starts an app the way `electron <app folder>` does. It reads the folder's package.json, loads
 * its "main" with every `electron` import resolved to the stand-in, and once that has run (the
 * work Electron allows before ready), brings up Chromium and emits ready.
 *
 * Environment (the stand-in's own; the app sees the rest as it is):
 * - ELECTRON_STANDIN_MONITORS: a JSON array of monitors (screen.ts MonitorSpec); default one 1920×1080.
 * - ELECTRON_STANDIN_SAFE_STORAGE: a safeStorage backend, or `unavailable` (safe-storage.ts).
 * - ELECTRON_STANDIN_PACKAGED=1: app.isPackaged is true.
 *
 * Started with a Node IPC channel, it tells the test Chromium's CDP address and takes the test's
 * requests (control.ts).
 */
import './register.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, emitReady, lifecycle } from './app.ts';
import { launchChromium } from './chromium.ts';
import { listenForControl, tellTest } from './control.ts';
import { DEFAULT_MONITORS, screen, type MonitorSpec } from './screen.ts';
import { standInLog } from './support.ts';

const args = process.argv.slice(2);
const folder = args.find((arg) => !arg.startsWith('-'));
if (folder === undefined) {
  console.error('usage: node test/shell/standin/cli.ts <app folder> [switches]');
  process.exit(2);
}
lifecycle.appPath = resolve(folder);
lifecycle.argv = [process.execPath, ...args];
lifecycle.packaged = process.env.ELECTRON_STANDIN_PACKAGED === '1';
const monitors = process.env.ELECTRON_STANDIN_MONITORS;
screen.monitors.set(monitors === undefined ? DEFAULT_MONITORS : (JSON.parse(monitors) as MonitorSpec[]));
listenForControl();
// Electron on Linux and macOS quits (before-quit, windows, will-quit) on SIGINT and SIGTERM.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

const manifest = JSON.parse(readFileSync(resolve(lifecycle.appPath, 'package.json'), 'utf8')) as {
  main?: string;
};
await import(pathToFileURL(resolve(lifecycle.appPath, manifest.main ?? 'index.js')).href);

// An app that quits before ready (the second instance) never gets a browser.
if (!lifecycle.ending) {
  const { cdpUrl } = await launchChromium();
  standInLog(`Chromium ready; DevTools at ${cdpUrl}`);
  tellTest({ type: 'chromium', cdpUrl });
  emitReady();
}
