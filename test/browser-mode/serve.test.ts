/**
 * `npm run serve` as a real child process: training mode end to end through the real kiosk api,
 * and the start-up refusals.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CASHIER_HTML, DISPLAY_HTML, call, connect, fakeBuild, tempDir } from './helpers.ts';

const SERVE = fileURLToPath(new URL('../../main/browser-mode/serve.ts', import.meta.url));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Run {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

/** A developer's own KIOSK_* or MIDTRANS_* variables must not leak into the child. */
function serve(env: Record<string, string>): Run {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('KIOSK_') && !name.startsWith('MIDTRANS_')) clean[name] = value;
  }
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', SERVE], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output, exited };
}

async function ready(run: Run): Promise<{ mode: string; cashierUrl: string; displayUrl: string }> {
  const deadline = Date.now() + 15_000;
  while (!run.output.stdout.includes('Ready.\n')) {
    if (run.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`serve did not get ready:\n${run.output.stdout}\n${run.output.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const lines = run.output.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(4);
  const [mode, cashier, display, last] = lines;
  expect(mode).toMatch(/^Kiosk mode: /);
  expect(cashier).toMatch(/^Cashier: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  expect(display).toMatch(/^Customer display: http:\/\/127\.0\.0\.1:\d+\/display\?token=[A-Za-z0-9_-]{43}$/);
  expect(last).toBe('Ready.');
  return {
    mode: (mode ?? '').slice('Kiosk mode: '.length),
    cashierUrl: (cashier ?? '').slice('Cashier: '.length),
    displayUrl: (display ?? '').slice('Customer display: '.length),
  };
}

function socketUrl(pageUrl: string): { url: string; origin: string } {
  const page = new URL(pageUrl);
  return { url: `ws://${page.host}/ws?token=${page.searchParams.get('token') ?? ''}`, origin: page.origin };
}

describe('npm run serve', () => {
  it('serves both screens in training mode, bridges the real api, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir('kiosk-serve-');
    const run = serve({ KIOSK_DATA_DIR: dataDir, KIOSK_SERVE_PORT: '0', KIOSK_STATIC_DIR: fakeBuild() });
    const urls = await ready(run);
    expect(urls.mode).toBe('training');

    const cashierPage = await fetch(urls.cashierUrl);
    expect(cashierPage.status).toBe(200);
    expect(await cashierPage.text()).toBe(CASHIER_HTML);
    const displayPage = await fetch(urls.displayUrl);
    expect(displayPage.status).toBe(200);
    expect(await displayPage.text()).toBe(DISPLAY_HTML);
    expect((await fetch(`${new URL(urls.cashierUrl).origin}/?token=stale`)).status).toBe(401);

    const cashierSocket = socketUrl(urls.cashierUrl);
    const cashier = await connect(cashierSocket.url, { origin: cashierSocket.origin });
    const snapshot = await call(cashier, 'kiosk.snapshot', {});
    expect(snapshot).toMatchObject({
      t: 'result',
      ok: true,
      value: { settings: { mode: 'training', paymentTypes: ['gopay', 'qris'] }, openOrders: [] },
    });

    // The real api refuses a cashier command from the display's token.
    const displaySocket = socketUrl(urls.displayUrl);
    const display = await connect(displaySocket.url, { origin: displaySocket.origin });
    expect(await call(display, 'kiosk.snapshot', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    });
    expect(await call(display, 'display.snapshot', {})).toMatchObject({
      ok: true,
      value: { mode: 'training', scene: { kind: 'idle' } },
    });

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect((await cashier.closed).code).toBe(1001);
    // The training key lives in the data folder; it must not have been printed.
    const key = fs.readFileSync(path.join(dataDir, 'training', 'server-key'), 'utf8').trim();
    expect(key.length).toBeGreaterThan(10);
    expect(run.output.stdout + run.output.stderr).not.toContain(key);
    expect(fs.existsSync(path.join(dataDir, 'journal.sqlite'))).toBe(true);
  });

  it('stops with 0 on SIGINT too', async () => {
    const run = serve({
      KIOSK_DATA_DIR: tempDir('kiosk-serve-'),
      KIOSK_SERVE_PORT: '0',
      KIOSK_STATIC_DIR: fakeBuild(),
    });
    const urls = await ready(run);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    await expect(fetch(urls.cashierUrl)).rejects.toThrow();
  });

  it('refuses a non-loopback host without KIOSK_SERVE_ALLOW_LAN, before opening anything', async () => {
    const dataDir = path.join(tempDir('kiosk-serve-'), 'data');
    const run = serve({
      KIOSK_DATA_DIR: dataDir,
      KIOSK_SERVE_HOST: '192.168.1.20',
      KIOSK_SERVE_PORT: '0',
      KIOSK_STATIC_DIR: fakeBuild(),
    });
    expect(await run.exited).toBe(2);
    expect(run.output.stderr).toContain('KIOSK_SERVE_ALLOW_LAN=1');
    expect(run.output.stdout).toBe('');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('refuses to start without a build and says to run npm run build', async () => {
    const dataDir = path.join(tempDir('kiosk-serve-'), 'data');
    const run = serve({
      KIOSK_DATA_DIR: dataDir,
      KIOSK_SERVE_PORT: '0',
      KIOSK_STATIC_DIR: tempDir('kiosk-empty-build-'),
    });
    expect(await run.exited).toBe(2);
    expect(run.output.stderr).toContain('npm run build');
    expect(run.output.stderr).toContain(path.join('cashier', 'index.html'));
    expect(run.output.stdout).toBe('');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it.each([
    ['an unknown mode', { KIOSK_MODE: 'live' }, 'KIOSK_MODE'],
    ['production without a key', { KIOSK_MODE: 'production' }, 'MIDTRANS_SERVER_KEY'],
    ['a bad port', { KIOSK_SERVE_PORT: '70000' }, 'KIOSK_SERVE_PORT'],
    ['a wildcard host', { KIOSK_SERVE_HOST: '0.0.0.0', KIOSK_SERVE_ALLOW_LAN: '1' }, 'KIOSK_SERVE_HOST'],
    ['a host name', { KIOSK_SERVE_HOST: 'evil.example' }, 'KIOSK_SERVE_HOST'],
  ])('exits 2 on %s, naming the variable', async (_label, env, variable) => {
    const run = serve({
      KIOSK_DATA_DIR: path.join(tempDir('kiosk-serve-'), 'data'),
      KIOSK_SERVE_PORT: '0',
      KIOSK_STATIC_DIR: fakeBuild(),
      ...env,
    });
    expect(await run.exited).toBe(2);
    expect(run.output.stderr).toContain(variable);
    expect(run.output.stdout).toBe('');
  });

  it('exits 2 when the port is taken, and leaves the journal closed', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const dataDir = tempDir('kiosk-serve-');
      const run = serve({
        KIOSK_DATA_DIR: dataDir,
        KIOSK_SERVE_PORT: String(port),
        KIOSK_STATIC_DIR: fakeBuild(),
      });
      expect(await run.exited).toBe(2);
      expect(run.output.stderr).toContain('EADDRINUSE');
      expect(run.output.stdout).toBe('');
      // Closed cleanly: a WAL-mode journal leaves no -wal file behind once its last connection closes.
      expect(fs.existsSync(path.join(dataDir, 'journal.sqlite'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'journal.sqlite-wal'))).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
