/**
 * Running the kiosk CLI from tests: as a real child process (what support staff run) or
 * in-process through runKiosk (faster, same code). Every run gets a clean environment, so a
 * developer's own KIOSK_* or MIDTRANS_* variables cannot leak into a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import type { KioskEvent } from '../../common/order.ts';
import { runKiosk } from '../../main/cli/run.ts';
import { Journal } from '../../main/journal/journal.ts';

export const CLI = fileURLToPath(new URL('../../main/cli/kiosk.ts', import.meta.url));

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-cli-'));
  dirs.push(dir);
  return dir;
}

export type KioskEnv = Record<string, string>;

function cleanEnv(extra: KioskEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('KIOSK_') && !name.startsWith('MIDTRANS_')) env[name] = value;
  }
  return { ...env, ...extra };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** In-process runs: the secret questions asked at the pretend terminal. */
  asked?: string[];
}

/** Starts the real CLI; `done` resolves when it exits. */
export function startCli(
  args: readonly string[],
  env: KioskEnv,
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', CLI, ...args], {
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

export function cli(args: readonly string[], env: KioskEnv): Promise<CliResult> {
  return startCli(args, env).done;
}

/**
 * The same commands without a process: runKiosk with captured streams. `typed` plays the person
 * at a terminal, answering each secret question (the manager PIN) in turn; without it there is no
 * terminal to ask.
 */
export async function cliInProcess(
  args: readonly string[],
  env: KioskEnv,
  typed?: string[],
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const asked: string[] = [];
  const answers = [...(typed ?? [])];
  const code = await runKiosk(args, {
    env: cleanEnv(env),
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    ...(typed === undefined
      ? {}
      : {
          askSecret: (question: string) => {
            asked.push(question);
            return Promise.resolve(answers.shift());
          },
        }),
  });
  return { code, stdout, stderr, asked };
}

export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function orderEvents(stdout: string): Extract<KioskEvent, { type: 'order' }>[] {
  return jsonLines(stdout).filter((e) => e.type === 'order') as unknown as Extract<
    KioskEvent,
    { type: 'order' }
  >[];
}

/** The order states an event stream went through, repeats (field-only updates) dropped. */
export function stateTrail(stdout: string): string[] {
  const trail: string[] = [];
  for (const event of orderEvents(stdout))
    if (trail.at(-1) !== event.order.state) trail.push(event.order.state);
  return trail;
}

export function journalOrderCount(dataDir: string): number {
  const journal = Journal.open(path.join(dataDir, 'journal.sqlite'));
  try {
    return journal.countOrders();
  } finally {
    journal.close();
  }
}

/** Resolves with the first stdout line `match` accepts (the child keeps running). */
export function waitForLine(
  child: ChildProcess,
  match: (line: string) => boolean,
  timeoutMs = 10_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no matching line in: ${buffer}`)), timeoutMs);
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const complete = buffer.split('\n').slice(0, -1);
      const found = complete.find((line) => line !== '' && match(line));
      if (found !== undefined) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
}

/**
 * Every row of every table in the journal's database (orders, events, sales, their lines and
 * cash, the catalogue): two equal fingerprints mean nothing was written in between.
 */
export function journalFingerprint(dataDir: string): Record<string, string[]> {
  const journal = Journal.open(path.join(dataDir, 'journal.sqlite'));
  try {
    const db = journal.database;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    // Rows as sorted JSON: some tables are WITHOUT ROWID, and only the set of rows matters.
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db
          .prepare(`SELECT * FROM "${name}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    journal.close();
  }
}

/** The sales the till journaled, newest last, as the sales book reads them. */
export function journaledSales(dataDir: string): { saleId: string; state: string; cash: number }[] {
  const journal = Journal.open(path.join(dataDir, 'journal.sqlite'));
  try {
    return journal.database
      .prepare(
        `SELECT s.sale_id AS saleId, s.state AS state,
                coalesce((SELECT sum(amount) FROM cash_tenders c WHERE c.sale_id = s.sale_id AND c.state = 'taken'), 0) AS cash
           FROM sales s ORDER BY s.created_at, s.sale_id`,
      )
      .all() as { saleId: string; state: string; cash: number }[];
  } finally {
    journal.close();
  }
}
