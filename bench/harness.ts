/**
 * Wiring shared by the figure groups: a kiosk (journal, QR store, engine) in a throw-away folder,
 * talking to an emulator the same way training mode does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KioskEvent, OrderView } from '../common/order.ts';
import { isFinalState } from '../common/order.ts';
import { CheckoutEngine } from '../main/checkout/engine.ts';
import type { EngineOptions } from '../main/checkout/engine.ts';
import { Journal } from '../main/journal/journal.ts';
import { MidtransClient } from '../main/midtrans/client.ts';
import { QrStore } from '../main/qr/qr-store.ts';

export const sleep = (msToWait: number): Promise<void> => new Promise((r) => setTimeout(r, msToWait));

/** `work`, or a rejection once `limitMs` has passed: a hung step must fail the group, not the run. */
export async function within<T>(work: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${limitMs} ms`)), limitMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `kiosk-bench-${label}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Kiosk {
  dir: string;
  journal: Journal;
  client: MidtransClient;
  engine: CheckoutEngine;
  close(): Promise<void>;
}

export function openKiosk(
  gateway: { url: string; serverKey: string },
  label: string,
  options: Omit<EngineOptions, 'environment'> = {},
): Kiosk {
  const dir = tempDir(label);
  const client = new MidtransClient({ serverKey: gateway.serverKey, baseUrl: gateway.url });
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  const engine = new CheckoutEngine(
    { journal, gateway: client, qrStore: new QrStore({ dir: join(dir, 'qr') }) },
    { ...options, environment: 'bench' },
  );
  return {
    dir,
    journal,
    client,
    engine,
    async close() {
      await engine.stop();
      client.close();
      journal.close();
      removeDir(dir);
    },
  };
}

/** Resolves with the order once the engine reports it final (or rejects after `timeoutMs`). */
export function finalEvent(
  engine: CheckoutEngine,
  orderId: string,
  timeoutMs: number,
): Promise<{ order: OrderView; at: number; perfAt: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`order ${orderId} did not end within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = engine.on((event: KioskEvent) => {
      if (event.type !== 'order' || event.order.orderId !== orderId) return;
      if (event.previousState !== event.order.state && isFinalState(event.order.state)) {
        clearTimeout(timer);
        off();
        resolve({ order: event.order, at: event.at, perfAt: performance.now() });
      }
    });
  });
}

/** Runs `work` over `items` with at most `width` in flight. */
export async function pool<T>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
}
