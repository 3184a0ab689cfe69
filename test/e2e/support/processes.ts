/**
 * Child processes for the screen tests: a browser-mode kiosk (`main/browser-mode/serve.ts`) and a
 * standalone emulator. Both run on the Node that runs Playwright (24, via npm), print their
 * addresses on stdout, and are stopped with SIGTERM so they close their journals cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Child {
  process: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

function start(script: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(ROOT, script), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => text,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

async function waitFor(
  child: Child,
  pattern: RegExp,
  what: string,
  timeoutMs = 30_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = child.output().match(pattern);
    if (match) return match;
    if (child.process.exitCode !== null) {
      throw new Error(
        `${what} exited with ${child.process.exitCode} before it was ready:\n${child.output()}`,
      );
    }
    if (Date.now() > deadline)
      throw new Error(`${what} was not ready in ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Kiosk {
  cashierUrl: string;
  displayUrl: string;
  origin: string;
  dataDir: string;
  child: Child;
  stop(): Promise<number | null>;
}

/** Starts browser mode with a fresh data folder (training mode unless `env` says otherwise). */
export async function startKiosk(env: NodeJS.ProcessEnv = {}, dataDir?: string): Promise<Kiosk> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const child = start('main/browser-mode/serve.ts', [], {
    KIOSK_DATA_DIR: dir,
    KIOSK_SERVE_PORT: '0',
    KIOSK_MERCHANT_NAME: 'Warung Uji',
    ...env,
  });
  await waitFor(child, /^Ready\.$/m, 'the kiosk');
  const cashierUrl = (await waitFor(child, /^Cashier: (\S+)$/m, 'the kiosk'))[1] ?? '';
  const displayUrl = (await waitFor(child, /^Customer display: (\S+)$/m, 'the kiosk'))[1] ?? '';
  return {
    cashierUrl,
    displayUrl,
    origin: new URL(cashierUrl).origin,
    dataDir: dir,
    child,
    async stop() {
      const code = await child.stop();
      if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

export interface Emulator {
  url: string;
  serverKey: string;
  /** Acts as the customer's wallet app on the emulator's control surface (GET without a body, else POST). */
  control(path: string, body?: unknown, method?: 'GET' | 'POST' | 'DELETE'): Promise<unknown>;
  stop(): Promise<number | null>;
}

export async function startEmulator(): Promise<Emulator> {
  const child = start('main/emulator/cli.ts', ['--port', '0'], {});
  const url = (await waitFor(child, /listening on (http:\/\/\S+)/, 'the emulator'))[1] ?? '';
  const serverKey = (await waitFor(child, /^Server key: (\S+)$/m, 'the emulator'))[1] ?? '';
  return {
    url,
    serverKey,
    async control(path, body, method) {
      const response = await fetch(`${url}/_emulator/${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${serverKey}:`).toString('base64')}`,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json: unknown = await response.json();
      if (!response.ok)
        throw new Error(`emulator control ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    stop: () => child.stop(),
  };
}
