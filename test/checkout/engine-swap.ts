/**
 * What the branch tests need beyond the harness: an engine on the harness's journal and emulator
 * but with one dependency replaced (a gateway that looks at the journal when a charge leaves, a
 * QR store whose drawing fails, a fixed random source), every request the gateway saw for one
 * order, and waiting on a condition instead of sleeping a guessed time.
 */
import { join } from 'node:path';
import { CheckoutEngine, type EngineDeps, type EngineOptions } from '../../main/checkout/engine.ts';
import type { RequestLogEntry } from '../../main/emulator/index.ts';
import { chargeIdempotencyKey } from '../../main/midtrans/client.ts';
import { QrStore } from '../../main/qr/qr-store.ts';
import { FAST_POLL, sleep, type Harness } from './harness.ts';

/** Stops the harness's engine and puts one built from these parts in its place. */
export async function swapEngine(
  h: Harness,
  deps: Partial<EngineDeps> = {},
  options: Partial<EngineOptions> = {},
): Promise<CheckoutEngine> {
  await h.engine.stop();
  const engine = new CheckoutEngine(
    {
      journal: h.journal,
      gateway: h.client,
      qrStore: new QrStore({ dir: join(h.dir, 'qr') }),
      ...deps,
    },
    {
      environment: 'test',
      chargeSettleMs: 0,
      ...options,
      poll: { ...FAST_POLL, ...options.poll },
    },
  );
  engine.on((e) => h.events.push(e));
  h.engine = engine;
  return engine;
}

/**
 * Every API request the emulator logged for one order: charges (by their attempts' keys; the
 * charge path names no order), and status, cancel, expire and QR requests by order_id or by any
 * of its transaction_ids.
 */
export function gatewayRequests(h: Harness, orderId: string, maxAttempts = 5): RequestLogEntry[] {
  const keys = new Set(Array.from({ length: maxAttempts }, (_, i) => chargeIdempotencyKey(orderId, i + 1)));
  const ids = [
    orderId,
    ...h.emu.control.list().flatMap((o) => (o.orderId === orderId ? [o.transactionId] : [])),
  ];
  return h.emu.control.requests().filter((r) => {
    if (r.target === 'charge') return r.idempotencyKey !== null && keys.has(r.idempotencyKey);
    if (r.target === 'control' || r.target === 'simulator' || r.target === 'unknown') return false;
    return ids.some((id) => r.path.includes(`/${id}/`));
  });
}

/** Waits for a condition, polling, up to a bound generous enough for a loaded 2-core machine. */
export async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * An order journaled as the engine leaves it just before a crash: `created` (its charge never
 * sent) or `charging` with attempt 1 committed at `createdAt`.
 */
export function journalOrder(
  h: Harness,
  orderId: string,
  options: { state: 'created' | 'charging'; createdAt?: number | undefined; amount?: number },
): { key: string } {
  const createdAt = options.createdAt ?? Date.now();
  h.journal.createOrder({
    orderId,
    environment: 'test',
    paymentType: 'qris',
    grossAmount: options.amount ?? 25_000,
    items: [],
    createdAt,
    deadlineAt: createdAt + 15 * 60_000,
    businessDate: '2026-11-24',
  });
  const key = chargeIdempotencyKey(orderId, 1);
  if (options.state === 'charging') {
    h.journal.update(
      orderId,
      'created',
      { state: 'charging', attempt: 1, attemptKey: key, attemptSentAt: createdAt },
      { kind: 'transition', at: createdAt },
    );
  }
  return { key };
}
