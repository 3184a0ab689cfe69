/**
 * Reconciliation on the real stack: the emulator over loopback HTTP (through a tamper proxy a test
 * may use to forge answers), a real journal in a temp folder, an engine that makes the day's sales
 * and is then stopped (the kiosk "was off"), and a second engine and a refund desk on the same
 * journal as the reconciler's doors. The reconciler runs on a fake clock whose sleeps advance it,
 * and every status request's start time on that clock is recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { OrderView } from '../../common/order.ts';
import type { ReconcileEvent } from '../../common/reconcile-contract.ts';
import { CheckoutEngine } from '../../main/checkout/engine.ts';
import { ManualClock } from '../../main/clock.ts';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { businessDateOf, WIB_OFFSET_MINUTES } from '../../main/journal/business-date.ts';
import { Journal } from '../../main/journal/journal.ts';
import { MidtransClient } from '../../main/midtrans/client.ts';
import { computeSignatureKey } from '../../main/midtrans/signature.ts';
import { QrStore } from '../../main/qr/qr-store.ts';
import { doorsOf, Reconciler, type ReconcilerOptions } from '../../main/reconcile/index.ts';
import { RefundDesk } from '../../main/refunds/index.ts';
import { SalesBook } from '../../main/sales/sales-book.ts';
import { FAST_POLL } from '../checkout/harness.ts';
import { startTamperProxy, type TamperProxy } from '../support/tamper-proxy.ts';

export interface ReconcileHarness {
  dir: string;
  emu: RunningEmulator;
  proxy: TamperProxy;
  journal: Journal;
  /** The day's sales' engine (running until `kioskOff`). */
  seller: CheckoutEngine;
  desk: RefundDesk;
  clock: ManualClock;
  today: string;
  /** Status requests, by the reconciler's clock: [time, id asked]. */
  asked: { at: number; id: string }[];
  events: ReconcileEvent[];
  /** A sale of `amount`, left pending (QR ready). */
  pendingSale(amount: number): Promise<OrderView>;
  /** A sale paid at the gateway and settled in the journal. */
  paidSale(amount: number): Promise<OrderView>;
  /** A sale expired at the gateway and seen so in the journal. */
  expiredSale(amount: number): Promise<OrderView>;
  /** Stops the seller: nothing follows the orders any more. */
  kioskOff(): Promise<void>;
  /** A reconciler on the journal (a new one = a restart). `onAsk` runs after each request is recorded. */
  reconciler(options?: Partial<ReconcilerOptions>, onAsk?: (n: number) => void): Reconciler;
  /** Rewrites the status answers for one order, re-signing them as the gateway would. */
  forge(orderId: string, change: (body: Record<string, unknown>) => void, resign?: boolean): void;
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const h of open.splice(0).reverse()) await h.close();
});

export async function startReconcileHarness(): Promise<ReconcileHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-reconcile-'));
  const emu = await startEmulator();
  const proxy = await startTamperProxy(emu.url);
  const client = new MidtransClient({ serverKey: emu.serverKey, baseUrl: proxy.url });
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  const qrStore = new QrStore({ dir: join(dir, 'qr') });
  const engineOptions = { environment: 'test', chargeSettleMs: 0, kioskTimeoutMs: 600_000, poll: FAST_POLL };
  const seller = new CheckoutEngine({ journal, gateway: client, qrStore }, engineOptions);
  // The reconciler's door to the status flow: an engine that was never started follows nothing.
  const doorEngine = new CheckoutEngine({ journal, gateway: client, qrStore }, engineOptions);
  const desk = new RefundDesk(
    { journal, book: new SalesBook(journal.database), gateway: client },
    { environment: 'test' },
  );
  const clock = new ManualClock(Date.now());
  const asked: { at: number; id: string }[] = [];
  const events: ReconcileEvent[] = [];
  const forged = new Map<string, { change: (b: Record<string, unknown>) => void; resign: boolean }>();
  proxy.rewrite = (path, body) => {
    const id = /^\/v2\/([^/]+)\/status/.exec(path)?.[1];
    const rule = [...forged.entries()].find(
      ([orderId]) => body['order_id'] === orderId || id === orderId,
    )?.[1];
    if (rule === undefined) return body;
    rule.change(body);
    if (rule.resign) {
      body['signature_key'] = computeSignatureKey(
        String(body['order_id']),
        String(body['status_code']),
        String(body['gross_amount']),
        emu.serverKey,
      );
    }
    return body;
  };
  const reconcilers: Reconciler[] = [];
  const h: ReconcileHarness & { close(): Promise<void> } = {
    dir,
    emu,
    proxy,
    journal,
    seller,
    desk,
    clock,
    today: businessDateOf(Date.now(), WIB_OFFSET_MINUTES),
    asked,
    events,
    async pendingSale(amount) {
      const order = await seller.startSale({ paymentType: 'qris', amount });
      expect(order.state).toBe('pending');
      return order;
    },
    async paidSale(amount) {
      const order = await h.pendingSale(amount);
      emu.control.pay(order.orderId, { issuer: 'gopay', via: 'qris' });
      const done = await seller.waitForFinal(order.orderId, 8000);
      expect(done.state).toBe('settlement');
      return done;
    },
    async expiredSale(amount) {
      const order = await h.pendingSale(amount);
      emu.control.expire(order.orderId);
      const done = await seller.waitForFinal(order.orderId, 8000);
      expect(done.state).toBe('expire');
      return done;
    },
    kioskOff: () => seller.stop(),
    reconciler(options = {}, onAsk) {
      let n = 0;
      const r = new Reconciler(
        {
          journal,
          gateway: {
            status: (id) => {
              asked.push({ at: clock.now(), id });
              onAsk?.(++n);
              return client.status(id);
            },
          },
          doors: doorsOf(doorEngine, desk),
          clock,
          sleep: (ms) => {
            clock.advance(ms);
            return Promise.resolve();
          },
        },
        { environment: 'test', backoffBaseMs: 1000, ...options },
      );
      r.on((e) => events.push(e));
      reconcilers.push(r);
      return r;
    },
    forge(orderId, change, resign = true) {
      forged.set(orderId, { change, resign });
    },
    async close() {
      for (const r of reconcilers) await r.stop();
      await seller.stop();
      await doorEngine.stop();
      await desk.stop();
      client.close();
      await proxy.close();
      await emu.close();
      journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  open.push(h);
  return h;
}
