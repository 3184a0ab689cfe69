/**
 * The parent side of the crash tests: spawning and killing kiosk children, reading what they
 * said, and checking the journal each kill left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Journal } from '../../main/journal/journal.ts';
import type { OrderRow } from '../../main/journal/types.ts';
import { checkQrPng } from '../../main/qr/png-check.ts';
import type { ChildLine, ChildSpec } from './protocol.ts';
import { parseChildLine } from './protocol.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
/** The child that sells through the till (split sales) instead of the bare engine. */
export const TILL_CHILD = fileURLToPath(new URL('./till-child.ts', import.meta.url));

/** Engine tuning for test speed: the emulator answers at once, so the windows can be short. */
export const FAST_ENGINE = {
  kioskTimeoutMs: 3000,
  chargeSettleMs: 300,
  poll: { fastMs: 250, reviewMs: 250, errorBaseMs: 200, errorCapMs: 1000 },
} as const satisfies Pick<ChildSpec, 'kioskTimeoutMs' | 'chargeSettleMs' | 'poll'>;

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function journalFile(dataDir: string): string {
  return join(dataDir, 'journal.sqlite');
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

type Waiter = { test: (line: ChildLine) => boolean; resolve: (line: ChildLine) => void };
export type OrderLine = Extract<ChildLine, { t: 'order' }>;

/** One kiosk process. Lines are kept in arrival order; waiters see past lines too. */
export class KioskChild {
  readonly lines: ChildLine[] = [];
  /** Anything on stdout that is not a protocol line, plus stderr: shown when a test fails. */
  noise = '';
  readonly closed: Promise<Exit>;
  exit: Exit | undefined;
  readonly #proc: ChildProcess;
  readonly #listeners = new Set<(line: ChildLine) => void>();
  readonly #waiters = new Set<Waiter>();
  #partial = '';

  /** `script`: another child program speaking the same protocol (the refund child). */
  constructor(spec: ChildSpec | object, script: string = CHILD) {
    this.#proc = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', script, JSON.stringify(spec)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const { stdout, stderr } = this.#proc;
    if (stdout === null || stderr === null) throw new Error('child spawned without pipes');
    stdout.setEncoding('utf8');
    stderr.setEncoding('utf8');
    stdout.on('data', (chunk: string) => this.#take(chunk));
    stderr.on('data', (chunk: string) => {
      this.noise += chunk;
    });
    // 'close', not 'exit': by then every line the child wrote before dying has been read.
    this.closed = new Promise((resolve) => {
      this.#proc.once('close', (code, signal) => {
        if (this.#partial !== '') this.noise += `[unterminated line] ${this.#partial}\n`;
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get pid(): number | undefined {
    return this.#proc.pid;
  }

  on(listener: (line: ChildLine) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The first line (already seen or still to come) that passes `test`. */
  waitFor(test: (line: ChildLine) => boolean, timeoutMs: number, what: string): Promise<ChildLine> {
    const seen = this.lines.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms\n${this.describe()}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
      void this.closed.then((exit) => {
        if (!this.#waiters.delete(waiter)) return;
        clearTimeout(timer);
        reject(new Error(`child exited (${exit.code ?? exit.signal}) before ${what}\n${this.describe()}`));
      });
    });
  }

  /** The first engine event (seen or to come) about an order that passes `test`. */
  async waitForOrder(
    test: (line: OrderLine) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<OrderLine> {
    const line = await this.waitFor((l) => l.t === 'order' && test(l), timeoutMs, what);
    if (line.t !== 'order') throw new Error(`expected an order line, got ${JSON.stringify(line)}`);
    return line;
  }

  /** SIGKILL: no handler runs, nothing is flushed, exactly like a power cut for the journal. */
  async kill(): Promise<Exit> {
    if (this.exit === undefined) this.#proc.kill('SIGKILL');
    return this.closed;
  }

  errors(): Extract<ChildLine, { t: 'error' }>[] {
    return this.lines.filter((l): l is Extract<ChildLine, { t: 'error' }> => l.t === 'error');
  }

  describe(): string {
    const tail = this.lines.slice(-15).map((l) => `  ${JSON.stringify(l)}`);
    return [
      `child ${this.pid ?? '?'} last lines:`,
      ...tail,
      this.noise === '' ? '' : `noise:\n${this.noise}`,
    ].join('\n');
  }

  #take(chunk: string): void {
    const parts = (this.#partial + chunk).split('\n');
    this.#partial = parts.pop() ?? '';
    for (const text of parts) {
      if (text === '') continue;
      const line = parseChildLine(text);
      if (line === undefined) {
        this.noise += `${text}\n`;
        continue;
      }
      this.lines.push(line);
      for (const listener of this.#listeners) listener(line);
      for (const waiter of [...this.#waiters]) {
        if (waiter.test(line)) {
          this.#waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    }
  }
}

/** Order ids the child reported as created: each line came after the engine's commit. */
export function createdIds(lines: readonly ChildLine[]): string[] {
  return lines.flatMap((l) => (l.t === 'order' && l.prev === null && l.state === 'created' ? [l.id] : []));
}

/**
 * Checks the journal exactly as the crash left it, before anything reopens it for writing: a
 * read-only full integrity_check and foreign_key_check, then the journal's own open (its
 * quick_check, version check and migration). Returns the problems found.
 */
export function journalProblems(file: string): string[] {
  const problems: string[] = [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const verdicts = integrity.map((r) => r.integrity_check);
    if (verdicts.length !== 1 || verdicts[0] !== 'ok')
      problems.push(`integrity_check: ${verdicts.join('; ')}`);
    const dangling = db.pragma('foreign_key_check') as unknown[];
    if (dangling.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(dangling)}`);
  } finally {
    db.close();
  }
  try {
    Journal.open(file).close();
  } catch (error) {
    problems.push(`Journal.open: ${error instanceof Error ? error.message : String(error)}`);
  }
  return problems;
}

/** Every order in the journal, oldest first. */
export function journalRows(file: string): OrderRow[] {
  const journal = Journal.open(file);
  try {
    const rows: OrderRow[] = [];
    let before: number | undefined;
    for (;;) {
      const page = journal.history(before === undefined ? { limit: 200 } : { limit: 200, before });
      rows.push(...page.rows);
      if (page.nextCursor === undefined) break;
      before = page.nextCursor;
    }
    return rows.reverse();
  } finally {
    journal.close();
  }
}

export function withJournal<T>(file: string, read: (journal: Journal) => T): T {
  const journal = Journal.open(file);
  try {
    return read(journal);
  } finally {
    journal.close();
  }
}

/**
 * The QR is written (atomically) before the order is journaled pending, so a journaled QR path
 * must hold a whole PNG after any kill: the customer display reads it with no network. The one
 * pending order without a QR is one whose QR could not be had, and that is being cancelled.
 */
export function qrProblems(rows: readonly OrderRow[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    if (row.state === 'pending' && row.qrPath === undefined && row.cancelRequestedAt === undefined) {
      problems.push(`${row.orderId}: pending with no QR and no cancel under way`);
    }
    if (row.qrPath === undefined) continue;
    try {
      checkQrPng(readFileSync(row.qrPath), 1 << 20);
    } catch (error) {
      problems.push(
        `${row.orderId}: QR ${row.qrPath}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return problems;
}
