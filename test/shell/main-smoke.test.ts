/**
 * The BUILT main bundle, run in plain Node against a fake Electron (test/shell/run-main.ts): the
 * one check here that main/shell/*.ts really wires what it should, in the right order, since no
 * Electron binary can run on our machines. The Playwright `_electron` suite repeats the
 * user-visible parts against real Electron wherever one is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../../common/ipc-channels.ts';
import { DESKTOP_CSP } from '../../main/screen-pages/security-headers.ts';
import { buildShell } from '../../scripts/build-shell.ts';

const repo = join(import.meta.dirname, '../..');
const appRoot = mkdtempSync(join(tmpdir(), 'kiosk-shell-app-'));
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-shell-data-'));
let facts: Record<string, unknown>;
let output: string;

beforeAll(async () => {
  await buildShell(join(appRoot, 'out'), { quiet: true });
  // The bundle's packages come from the repository, as they would from the app's node_modules.
  symlinkSync(join(repo, 'node_modules'), join(appRoot, 'node_modules'), 'dir');
  for (const role of ['cashier', 'display']) {
    mkdirSync(join(appRoot, 'dist', 'renderer', role), { recursive: true });
    writeFileSync(
      join(appRoot, 'dist', 'renderer', role, 'index.html'),
      `<!doctype html><title>${role}</title>`,
    );
  }
  const run = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(import.meta.dirname, 'run-main.ts')],
    {
      env: {
        ...process.env,
        FAKE_ELECTRON_APP_PATH: appRoot,
        KIOSK_DATA_DIR: dataDir,
        NODE_ENV: 'production',
      },
      encoding: 'utf8',
      timeout: 18_000,
    },
  );
  output = `${run.stdout}\n${run.stderr}`;
  const line = run.stdout.split('\n').find((l) => l.startsWith('FACTS '));
  facts = line === undefined ? { failed: output } : (JSON.parse(line.slice(6)) as Record<string, unknown>);
}, 20_000);

afterAll(() => {
  rmSync(appRoot, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

it('before ready: app:// privileged, sandbox on, single-instance lock taken, data in KIOSK_DATA_DIR', () => {
  expect(facts['failed']).toBeUndefined();
  expect(facts['beforeReady']).toEqual({
    schemes: [
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true },
        beforeReady: true,
      },
    ],
    sandbox: true,
    singleInstance: true,
    userData: dataDir,
  });
});

it('opens both windows sandboxed at their pages with their own preload, hardened, display without focus', () => {
  const expected = (role: string, visible: string) => ({
    visible,
    preloadExists: true,
    preload: `/out/preload/${role}.cjs`,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    newWindow: 'deny',
    navigationGuarded: true,
  });
  expect(facts['windows']).toEqual({
    cashier: expected('cashier', 'shown'),
    display: expected('display', 'shown-inactive'),
  });
  expect(facts['session']).toEqual(
    expect.arrayContaining(['permission-request', 'permission-check', 'will-download']),
  );
  expect(facts['page']).toEqual({ status: 200, csp: DESKTOP_CSP });
  expect(facts['blockersWhileOpen']).toBe(1);
});

it('answers every command channel; the display may not start a sale; a training sale reaches paid on both', () => {
  expect(facts['ipcChannels']).toBe(ALL_COMMANDS.length);
  expect(facts['displayStartsSale']).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  expect(facts['sale']).toBe('paid on both');
  expect(facts['displayEventsOnly']).toBe(true);
});

it('stores the key through electron-store and safeStorage without it ever being readable', () => {
  expect(facts['keyStored']).toBe(true);
  expect(facts['settingsFileHasKey']).toBe(false);
  expect(facts['answersCarryKey']).toBe(false);
});

it('the display cannot close alone; closing the cashier quits after the host closed, exit 0', () => {
  expect(facts['displayClosedAlone']).toBe(false);
  expect(facts['exit']).toEqual({ code: 0, displayClosed: true, blockersAfter: 0 });
  expect(output).toMatch(/\[kiosk:shell\] kiosk closed/);
});
