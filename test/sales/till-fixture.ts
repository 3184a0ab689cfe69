/**
 * The till on the real stack: a journal in a temp folder, the real checkout engine, the real
 * emulator behind a proxy that keeps every request body and reads the journal file (on a
 * connection of its own, so only what is committed) at the instant a charge reaches the gateway.
 * The kiosk can be taken down and brought back up on the same journal, in the same environment
 * or another one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_PRICING_SETTINGS, type PricingSettings } from '../../common/pricing/types.ts';
import type { DiscountApproval, SaleView, TillSaleRequest } from '../../common/till-contract.ts';
import { CheckoutEngine, type EngineOptions } from '../../main/checkout/engine.ts';
import { systemClock } from '../../main/clock.ts';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { Journal } from '../../main/journal/journal.ts';
import { MidtransClient } from '../../main/midtrans/client.ts';
import { QrStore } from '../../main/qr/qr-store.ts';
import { SalesBook } from '../../main/sales/sales-book.ts';
import { Till, type ApprovalOutcome } from '../../main/sales/till.ts';
import { FAST_POLL } from '../checkout/harness.ts';
import { startWireRecorder, type WireRecorder, type WireRequest } from '../support/wire-recorder.ts';

/** What the journal file held, committed, about a sale. */
export interface Committed {
  sale: { state: string; total: number; cash_total: number } | undefined;
  cash: { amount: number; received: number; change: number; state: string }[];
  events: string[];
  orders: { order_id: string; state: string; gross_amount: number }[];
}

export interface ChargeOnTheWire {
  orderId: string;
  grossAmount: number;
  items: { id: string; name: string; price: number; quantity: number }[];
  /** The sale the order belongs to, as committed when the charge arrived. */
  saleId: string | undefined;
  committed: Committed | undefined;
}

export interface TillRig {
  dir: string;
  emu: RunningEmulator;
  wire: WireRecorder;
  journal: Journal;
  book: SalesBook;
  engine: CheckoutEngine;
  till: Till;
  pricing: PricingSettings;
  approval: DiscountApproval | null;
  approve: (pin: string) => Promise<ApprovalOutcome>;
  /** Every sale view the till announced, in order (all lives). */
  announced: SaleView[];
  charges: ChargeOnTheWire[];
  start(request: TillSaleRequest): Promise<SaleView>;
  committed(saleId: string): Committed;
  /** Row counts of the till's tables and the orders, for "nothing was written". */
  counts(): Record<string, number>;
  /** Waits until the sale's view passes `test` (read from the journal, not from events). */
  until(
    saleId: string,
    test: (view: SaleView) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<SaleView>;
  /** The kiosk stops (engine drained, journal closed): what a shutdown leaves. */
  down(): Promise<void>;
  /** A new kiosk on the same journal: engine.start() then till.recover(), as the host does. */
  up(options?: { environment?: string }): Promise<SaleView[]>;
  close(): Promise<void>;
}

const rigs: TillRig[] = [];

export function plainPricing(over: Partial<PricingSettings> = {}): PricingSettings {
  return { ...DEFAULT_PRICING_SETTINGS, ...over };
}

function readCommitted(file: string, saleId: string): Committed {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      sale: db
        .prepare<[string], Committed['sale'] & object>(
          'SELECT state, total, cash_total FROM sales WHERE sale_id = ?',
        )
        .get(saleId),
      cash: db
        .prepare<[string], Committed['cash'][number]>(
          'SELECT amount, received, change, state FROM cash_tenders WHERE sale_id = ? ORDER BY id',
        )
        .all(saleId),
      events: db
        .prepare<[string], { kind: string }>('SELECT kind FROM sale_events WHERE sale_id = ? ORDER BY seq')
        .all(saleId)
        .map((r) => r.kind),
      orders: db
        .prepare<[string], Committed['orders'][number]>(
          'SELECT order_id, state, gross_amount FROM orders WHERE sale_id = ? ORDER BY id',
        )
        .all(saleId),
    };
  } finally {
    db.close();
  }
}

function saleOfOrder(file: string, orderId: string): string | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare<[string], { sale_id: string | null }>('SELECT sale_id FROM orders WHERE order_id = ?')
        .get(orderId)?.sale_id ?? undefined
    );
  } finally {
    db.close();
  }
}

export async function openTillRig(
  options: { engine?: Partial<EngineOptions>; pricing?: PricingSettings } = {},
): Promise<TillRig> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-till-'));
  const file = join(dir, 'journal.sqlite');
  const emu = await startEmulator();
  const wire = await startWireRecorder(emu.url);
  const client = new MidtransClient({ serverKey: emu.serverKey, baseUrl: wire.url });
  const announced: SaleView[] = [];
  const charges: ChargeOnTheWire[] = [];
  wire.onRequest = (request: WireRequest) => {
    if (request.method !== 'POST' || request.path !== '/v2/charge' || request.body === undefined) return;
    const details = request.body['transaction_details'] as { order_id: string; gross_amount: number };
    const saleId = saleOfOrder(file, details.order_id);
    charges.push({
      orderId: details.order_id,
      grossAmount: details.gross_amount,
      items: (request.body['item_details'] ?? []) as ChargeOnTheWire['items'],
      saleId,
      committed: saleId === undefined ? undefined : readCommitted(file, saleId),
    });
  };

  let offTill = () => {};
  const build = (environment: string) => {
    const journal = Journal.open(file);
    const engine = new CheckoutEngine(
      { journal, gateway: client, qrStore: new QrStore({ dir: join(dir, 'qr') }) },
      {
        chargeSettleMs: 0,
        ...options.engine,
        environment,
        poll: { ...FAST_POLL, ...options.engine?.poll },
      },
    );
    const book = new SalesBook(journal.database);
    const till = new Till({
      book,
      journal,
      engine,
      clock: systemClock,
      settings: () => ({ pricing: rig.pricing, approval: rig.approval }),
      approve: (pin) => rig.approve(pin),
    });
    offTill = till.on((view) => announced.push(view));
    return { journal, engine, book, till };
  };

  let running = true;
  const first = build('test');
  const rig: TillRig = {
    dir,
    emu,
    wire,
    ...first,
    pricing: options.pricing ?? plainPricing(),
    approval: null,
    approve: () => Promise.resolve('no-pin'),
    announced,
    charges,
    start: (request) => rig.till.start(request),
    committed: (saleId) => readCommitted(file, saleId),
    counts() {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        const out: Record<string, number> = {};
        for (const table of ['sales', 'sale_lines', 'cash_tenders', 'sale_events', 'orders', 'events']) {
          out[table] = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? -1;
        }
        return out;
      } finally {
        db.close();
      }
    },
    async until(saleId, test, what, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const view = rig.till.view(saleId);
        if (view !== undefined && test(view)) return view;
        if (Date.now() > deadline) {
          throw new Error(`timed out waiting for ${what}; sale is ${JSON.stringify(view)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async down() {
      if (!running) return;
      running = false;
      await rig.engine.stop();
      offTill();
      rig.till.close();
      rig.journal.close();
    },
    async up(upOptions = {}) {
      await rig.down();
      const next = build(upOptions.environment ?? 'test');
      Object.assign(rig, next);
      running = true;
      next.engine.start();
      return next.till.recover();
    },
    async close() {
      await rig.down();
      client.close();
      await wire.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  first.engine.start();
  rigs.push(rig);
  return rig;
}

export async function closeTillRigs(): Promise<void> {
  for (const rig of rigs.splice(0)) await rig.close();
}

/** Σ price × quantity of a charge's item_details. */
export function itemSum(items: readonly { price: number; quantity: number }[]): number {
  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);
}

export const line = (name: string, unitPrice: number, quantity = 1) => ({ name, unitPrice, quantity });
