/**
 * What every crash test needs: an emulator in this process, a kiosk data folder, kiosk children
 * that are killed whatever happens, and the final recovery with its full cross-check.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect } from 'vitest';
import type { RunningEmulator } from '../../main/emulator/index.ts';
import { startEmulator } from '../../main/emulator/index.ts';
import type { OrderRow } from '../../main/journal/types.ts';
import type { OrderState } from '../../common/order.ts';
import {
  FAST_ENGINE,
  KioskChild,
  type OrderLine,
  journalFile,
  journalProblems,
  journalRows,
  qrProblems,
  tempDataDir,
} from './harness.ts';
import { finalViolations } from './invariants.ts';
import type { ChildSpec } from './protocol.ts';

export const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function emulator(latencyMs = 0): Promise<RunningEmulator> {
  const emu = await startEmulator({ host: '127.0.0.1', latencyMs });
  cleanups.push(() => emu.close());
  return emu;
}

export function dataDir(): string {
  const temp = tempDataDir();
  cleanups.push(() => temp.remove());
  return temp.dir;
}

export function spawnKiosk(spec: ChildSpec): KioskChild {
  const child = new KioskChild(spec);
  cleanups.push(() => child.kill());
  return child;
}

export function baseSpec(emu: RunningEmulator, dir: string): ChildSpec {
  return {
    apiUrl: emu.url,
    serverKey: emu.serverKey,
    dataDir: dir,
    seed: 1,
    sales: 0,
    salePauseMs: [0, 0],
    paymentTypes: ['gopay', 'qris'],
    cancelRate: 0,
    exitWhenFinal: false,
    ...FAST_ENGINE,
  };
}

export function seedFor(test: string, fallback: number): number {
  const text = process.env.CRASH_SEED?.trim();
  const seed = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new Error(`CRASH_SEED must be a whole number, got ${text}`);
  console.log(`[crash] ${test}: seed ${seed} (replay with CRASH_SEED=${seed})`);
  return seed;
}

export async function until(what: string, test: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const isOrder =
  (id: string, states: readonly OrderState[]) =>
  (l: OrderLine): boolean =>
    l.id === id && states.includes(l.state);

export function chargeRequests(emu: RunningEmulator) {
  return emu.control.requests().filter((r) => r.target === 'charge');
}

export function onlyRow(dir: string): OrderRow {
  const rows = journalRows(journalFile(dir));
  expect(rows).toHaveLength(1);
  const row = rows[0];
  if (row === undefined) throw new Error('no journal row');
  return row;
}

/** Recovers to the end, then checks the journal against the gateway on every point. */
export async function recoverToFinal(
  emu: RunningEmulator,
  dir: string,
  created: Iterable<string>,
): Promise<OrderRow[]> {
  const last = spawnKiosk({ ...baseSpec(emu, dir), exitWhenFinal: true });
  await last.waitFor((l) => l.t === 'final', 25_000, 'final recovery');
  expect(await last.closed).toEqual({ code: 0, signal: null });
  expect(last.errors()).toEqual([]);
  const file = journalFile(dir);
  expect(journalProblems(file)).toEqual([]);
  const rows = journalRows(file);
  expect(qrProblems(rows)).toEqual([]);
  expect(
    finalViolations({ rows, ledger: emu.control.list(), requests: emu.control.requests(), created }),
  ).toEqual([]);
  return rows;
}
