/**
 * A refund desk on the real stack: the emulator over real HTTP, a real journal in a temp folder,
 * the checkout engine and the till to make the sales, and a client with short timeouts so a
 * "timeout" costs a test less than a second. Every refund event and drawer pulse is recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { OrderView } from '../../common/order.ts';
import type { RefundEvent } from '../../common/refund-contract.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import { CheckoutEngine } from '../../main/checkout/engine.ts';
import type { Clock } from '../../main/clock.ts';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../main/emulator/index.ts';
import { Journal } from '../../main/journal/journal.ts';
import { MidtransClient } from '../../main/midtrans/client.ts';
import { QrStore } from '../../main/qr/qr-store.ts';
import { RefundDesk, type DrawerPulse, type RefundDeskOptions } from '../../main/refunds/index.ts';
import { SalesBook } from '../../main/sales/sales-book.ts';
import { Till } from '../../main/sales/till.ts';
import { FAST_POLL } from '../checkout/harness.ts';

export const FAST_REFUNDS = { settleMs: 400, retryBaseMs: 50, retryCapMs: 300 } as const;
/** Short enough that a delayed gateway times the client out quickly. */
export const ACTION_TIMEOUT_MS = 600;

export interface RefundHarness {
  dir: string;
  emu: RunningEmulator;
  client: MidtransClient;
  journal: Journal;
  engine: CheckoutEngine;
  book: SalesBook;
  till: Till;
  desk: RefundDesk;
  events: RefundEvent[];
  drawer: DrawerPulse[];
  /** A QRIS/GoPay payment, paid (with this issuer) and settled in the journal. */
  paidOrder(
    amount: number,
    options?: { issuer?: string; paymentType?: 'qris' | 'gopay' },
  ): Promise<OrderView>;
  /** A sale paid all in cash (received exactly). */
  cashSale(amount: number): Promise<SaleView>;
  /** A sale paid `cash` in cash and the rest by QRIS, paid and settled. */
  splitSale(total: number, cash: number, issuer?: string): Promise<SaleView>;
  /** The gateway's refunds of an order (and chargebacks). */
  gatewayRefunds(orderId: string): { refundKey: string; amount: number; kind: string }[];
  /** Refund requests the gateway received. */
  refundRequests(): number;
  /** A new desk on the same journal (the old one stopped): a restart. */
  restart(options?: Partial<RefundDeskOptions> & { clock?: Clock }): RefundDesk;
}

const harnesses: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0).reverse()) await h.close();
});

export async function startRefundHarness(
  options: {
    emulator?: EmulatorOptions;
    desk?: Partial<RefundDeskOptions>;
    clock?: Clock;
  } = {},
): Promise<RefundHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-refunds-'));
  const emu = await startEmulator(options.emulator);
  const client = new MidtransClient({
    serverKey: emu.serverKey,
    baseUrl: emu.url,
    timeouts: { actionMs: ACTION_TIMEOUT_MS, statusMs: ACTION_TIMEOUT_MS },
  });
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  const engine = new CheckoutEngine(
    { journal, gateway: client, qrStore: new QrStore({ dir: join(dir, 'qr') }) },
    { environment: 'test', chargeSettleMs: 0, kioskTimeoutMs: 60_000, poll: FAST_POLL },
  );
  const book = new SalesBook(journal.database);
  const till = new Till({
    book,
    journal,
    engine,
    clock: { now: () => Date.now() },
    settings: () => ({ pricing: DEFAULT_PRICING_SETTINGS, approval: null }),
    approve: () => Promise.resolve('no-pin'),
  });
  const events: RefundEvent[] = [];
  const drawer: DrawerPulse[] = [];
  const makeDesk = (extra: Partial<RefundDeskOptions> & { clock?: Clock } = {}) => {
    const { clock, ...rest } = extra;
    const desk = new RefundDesk(
      {
        journal,
        book,
        gateway: client,
        openDrawer: (pulse) => drawer.push(pulse),
        ...((clock ?? options.clock) ? { clock: clock ?? options.clock } : {}),
      },
      {
        environment: 'test',
        ...options.desk,
        ...rest,
        settings: { ...FAST_REFUNDS, ...options.desk?.settings, ...rest.settings },
      },
    );
    desk.on((event) => events.push(event));
    return desk;
  };

  const waitPaid = async (orderId: string) => {
    const done = await engine.waitForFinal(orderId, 8000);
    expect(done.state, `order ${orderId}`).toBe('settlement');
    return done;
  };

  const h: RefundHarness & { close(): Promise<void> } = {
    dir,
    emu,
    client,
    journal,
    engine,
    book,
    till,
    desk: makeDesk(),
    events,
    drawer,
    async paidOrder(amount, { issuer = 'gopay', paymentType = 'qris' } = {}) {
      const order = await engine.startSale({ paymentType, amount });
      emu.control.pay(order.orderId, { issuer, via: 'qris' });
      return waitPaid(order.orderId);
    },
    async cashSale(amount) {
      return till.start({
        lines: [{ name: 'Nasi goreng', unitPrice: amount, quantity: 1 }],
        tender: { kind: 'cash', received: amount },
      });
    },
    async splitSale(total, cash, issuer = 'gopay') {
      const sale = await till.start({
        lines: [{ name: 'Sate ayam', unitPrice: total, quantity: 1 }],
        tender: { kind: 'split', cash, paymentType: 'qris' },
      });
      const orderId = sale.liveOrderId;
      if (orderId === undefined) return expect.fail('the split sale has no charge');
      emu.control.pay(orderId, { issuer, via: 'qris' });
      await waitPaid(orderId);
      const view = till.view(sale.saleId);
      expect(view?.state).toBe('paid');
      return view as SaleView;
    },
    gatewayRefunds: (orderId) =>
      (emu.control.get(orderId)?.refunds ?? []).map((r) => ({
        refundKey: r.refundKey,
        amount: r.amount,
        kind: r.kind,
      })),
    refundRequests: () => emu.control.requests().filter((r) => r.target === 'refund').length,
    restart(extra) {
      void h.desk.stop();
      h.desk = makeDesk(extra);
      return h.desk;
    },
    async close() {
      await h.desk.stop();
      await engine.stop();
      till.close();
      client.close();
      await emu.close();
      journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  harnesses.push(h);
  return h;
}

/** Waits until `probe` gives a value (polling lightly); fails with `what` after a generous bound. */
export async function until<T>(
  probe: () => T | undefined | false,
  what: string,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Awaits a promise that must reject, and returns its error. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; words?: unknown; problems?: unknown[] }> {
  return promise.then(
    (value) => expect.fail(`expected a refusal, got ${JSON.stringify(value)}`),
    (error: unknown) => error as Error & { code?: string },
  );
}
