/**
 * kill -9 during a Z close: never half-written. A child process closes the Z and SIGKILLs itself
 * just before or just after each write it makes (the row written but its transaction not yet
 * committed) and once the Z is committed; then a loop of sales and Zs is killed at random moments.
 * After every kill the journal opens, the Zs form an unbroken sealed chain whose figures are the
 * journal's own for their periods, and every paid sale is counted exactly once: on one Z, or on
 * the X of what is not closed yet.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_SETTINGS, priceCart } from '../../common/pricing/index.ts';
import type { ReportFigures } from '../../common/day-contract.ts';
import { Journal } from '../../main/journal/journal.ts';
import { openDay } from '../../main/reports/day-services.ts';
import { SalesBook } from '../../main/sales/sales-book.ts';
import { seedFor } from './fixture.ts';
import { rng } from './random.ts';
import type { ZChildLine, ZChildSpec } from './z-child.ts';

const CHILD = fileURLToPath(new URL('./z-child.ts', import.meta.url));
const ENV = 'crash-z';
const CLOCK = { now: () => Date.now() };

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-zcrash-'));
  dirs.push(dir);
  return dir;
}

interface Run {
  lines: ZChildLine[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

function runChild(spec: ZChildSpec, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', CHILD, JSON.stringify(spec)],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let timer: NodeJS.Timeout | undefined;
    if (killAfterMs !== undefined) {
      // Counted from 'ready', so the kill lands while the till is working, not while Node starts.
      const started = setInterval(() => {
        if (!out.includes('"t":"ready"')) return;
        clearInterval(started);
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }, 5);
      child.once('close', () => clearInterval(started));
    }
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(guard);
      if (timer !== undefined) clearTimeout(timer);
      const lines = out
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as ZChildLine);
      resolve({ lines, signal, code, stderr });
    });
  });
}

/** A day of cash sales in a fresh journal. */
function prepareDay(file: string, sales: number): void {
  const journal = Journal.open(file);
  const book = new SalesBook(journal.database);
  const random = rng(7);
  for (let i = 0; i < sales; i++) {
    const priced = priceCart({
      lines: [{ name: `Barang ${i % 5}`, unitPrice: random.int(1, 40) * 500, quantity: random.int(1, 3) }],
      settings: DEFAULT_PRICING_SETTINGS,
    });
    if (!priced.ok) throw new Error('a test cart did not price');
    book.create({
      saleId: `S-${i}`,
      environment: ENV,
      createdAt: Date.now(),
      businessDate: '2020-01-01',
      breakdown: priced.value,
      cash: { amount: priced.value.cashTotal, received: priced.value.cashTotal },
      paid: true,
    });
  }
  journal.close();
}

interface Audit {
  zs: { number: number; date: string; figures: ReportFigures }[];
  /** Paid sales counted on the Zs plus on the X of what is not closed yet. */
  counted: number;
  paid: number;
}

/** Opens the journal as the next start would, and checks everything a Z promises. */
function audit(file: string): Audit {
  const journal = Journal.open(file);
  try {
    expect(journal.verify()).toBe('ok');
    const { reports } = openDay({
      db: journal.database,
      environment: ENV,
      clock: CLOCK,
      utcOffsetMinutes: 420,
    });
    expect(reports.verify()).toEqual([]);
    const zs = reports.zBook.all(ENV).map((row) => ({
      number: row.number,
      date: row.business_date,
      figures: JSON.parse(row.figures) as ReportFigures,
    }));
    expect(zs.map((z) => z.number)).toEqual(zs.map((_, i) => i + 1));
    const counted = zs.reduce((n, z) => n + z.figures.counts.sales, 0) + reports.x().figures.counts.sales;
    const paid = (
      journal.database.prepare("SELECT count(*) AS n FROM sales WHERE state = 'paid'").get() as { n: number }
    ).n;
    return { zs, counted, paid };
  } finally {
    journal.close();
  }
}

describe('a Z close killed at every write', () => {
  it('leaves the whole Z or none, and the next close makes exactly the Z a clean close makes', async () => {
    const template = join(tempDir(), 'template.sqlite');
    prepareDay(template, 40);
    // What a clean close shows: the X of the same journal.
    const journal = Journal.open(template);
    const expected = openDay({
      db: journal.database,
      environment: ENV,
      clock: CLOCK,
      utcOffsetMinutes: 420,
    }).reports.x().figures;
    journal.close();
    expect(expected.counts.sales).toBe(40);

    const points: string[] = [];
    for (const when of ['before', 'after', 'committed'] as const) {
      for (let n = 1; ; n++) {
        const dir = tempDir();
        const file = join(dir, 'journal.sqlite');
        copyFileSync(template, file);
        const spec: ZChildSpec = {
          file,
          environment: ENV,
          mode: 'close',
          date: '2020-01-01',
          crashAt: { when, n },
        };
        const run = await runChild(spec);
        const point = run.lines.find((l) => l.t === 'crash-point');
        if (point === undefined) {
          expect(run.lines.at(-1), run.stderr).toMatchObject({ t: 'no-crash' });
          break;
        }
        points.push(`${when} #${n} ${point.t === 'crash-point' ? point.sql : ''}`);
        expect(run.signal, run.stderr).toBe('SIGKILL');
        const afterKill = audit(file);
        // Committed: the whole Z. Killed before the commit: no trace of it.
        expect(afterKill.zs).toHaveLength(when === 'committed' ? 1 : 0);
        expect(afterKill.counted).toBe(afterKill.paid);
        // The next start closes (or finds) the one Z, with the clean figures.
        const again = await runChild({ file, environment: ENV, mode: 'close', date: '2020-01-01' });
        expect(again.lines.find((l) => l.t === 'closed' || l.t === 'refused')).toMatchObject(
          when === 'committed' ? { t: 'refused', code: 'z-day-closed' } : { t: 'closed', number: 1 },
        );
        const final = audit(file);
        expect(final.zs).toHaveLength(1);
        expect({ ...final.zs[0]?.figures, counts: undefined }).toEqual({ ...expected, counts: undefined });
        expect(final.zs[0]?.figures.counts.sales).toBe(40);
        if (when === 'committed') break;
      }
    }
    console.log(`[crash] Z close points:\n  ${points.join('\n  ')}`);
    expect(points).toEqual([
      'before #1 INSERT INTO z_reports',
      'after #1 INSERT INTO z_reports',
      'committed #1 commit',
    ]);
  }, 60_000);

  it('sales and Zs killed at random moments: the chain stays whole and no sale is counted twice or lost', async () => {
    const seed = seedFor('Z loop', 20261217);
    const random = rng(seed);
    const file = join(tempDir(), 'journal.sqlite');
    prepareDay(file, 0);
    let date = '2020-01-01';
    let kills = 0;
    for (let cycle = 0; cycle < 12; cycle++) {
      const run = await runChild(
        { file, environment: ENV, mode: 'loop', date, seed: seed + cycle },
        random.int(5, 250),
      );
      expect(run.stderr).toBe('');
      if (run.signal === 'SIGKILL') kills += 1;
      const state = audit(file);
      expect(state.counted).toBe(state.paid);
      const last = state.zs.at(-1);
      if (last !== undefined) {
        date = new Date(Date.parse(`${last.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      }
    }
    const end = audit(file);
    console.log(`[crash] Z loop: ${kills} kills, ${end.zs.length} Zs, ${end.paid} sales`);
    expect(kills).toBe(12);
    expect(end.zs.length).toBeGreaterThan(3);
  }, 90_000);
});
