/**
 * A training kiosk for the day's tests: openKiosk on a temp folder (the real journal, engine, till
 * and in-process emulator over HTTP), a clock that can jump to the next business day, and the
 * steps the tests repeat (a cash sale, a split sale paid at the emulator, waiting for a sale).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CartLine, PricingSettings } from '../../common/pricing/types.ts';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import type { SaleView, TillSaleRequest } from '../../common/till-contract.ts';
import type { ShopTime } from '../../common/shop-time.ts';
import { OffsetClock } from '../../main/clock.ts';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk, type KioskServices } from '../../main/host/kiosk-services.ts';
import type { ManagerGate } from '../../main/shifts/manager-gate.ts';
import { FAST_POLL } from '../checkout/harness.ts';

export interface DayKiosk {
  dir: string;
  services: KioskServices;
  clock: OffsetClock;
  sell(lines: CartLine[], tender: TillSaleRequest['tender']): Promise<SaleView>;
  /** Pays the sale's live QR at the emulator and waits until the till has it as paid. */
  payQr(sale: SaleView): Promise<SaleView>;
  /** Ends the sale's live QR unpaid at the emulator and waits until the till has no live charge. */
  denyQr(sale: SaleView): Promise<SaleView>;
  waitForSale(saleId: string, test: (sale: SaleView) => boolean): Promise<SaleView>;
  /** Moves the kiosk's clock (and so its business day) forward. */
  nextDay(): void;
  restart(): Promise<void>;
  close(): Promise<void>;
}

const open: DayKiosk[] = [];
afterEach(async () => {
  for (const kiosk of open.splice(0)) await kiosk.close();
});

export interface DayKioskOptions {
  pricing?: PricingSettings;
  manager?: ManagerGate;
  dir?: string;
  /** The shop's zone and business-day cut-off (default: none set, WIB at midnight). */
  shopTime?: ShopTime;
}

export async function openDayKiosk(options: DayKioskOptions = {}): Promise<DayKiosk> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kiosk-day-'));
  const clock = new OffsetClock();
  const pricing = options.pricing ?? DEFAULT_PRICING_SETTINGS;
  const start = async () => {
    const config = configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir });
    const services = await openKiosk(
      { ...config, ...(options.shopTime ? { shopTime: options.shopTime } : {}) },
      {
        clock,
        engine: { chargeSettleMs: 0, poll: FAST_POLL },
        till: { settings: () => ({ pricing, approval: null }), approve: () => Promise.resolve('no-pin') },
        ...(options.manager === undefined ? {} : { day: { manager: options.manager } }),
      },
    );
    services.engine.start();
    services.till.recover();
    return services;
  };
  let services = await start();
  let closed = false;
  const waitForSale = (saleId: string, test: (sale: SaleView) => boolean): Promise<SaleView> =>
    new Promise((resolve, reject) => {
      const now = services.till.view(saleId);
      if (now !== undefined && test(now)) return resolve(now);
      const timer = setTimeout(() => {
        off();
        reject(
          new Error(
            `sale ${saleId} did not reach the state wanted: ${JSON.stringify(services.till.view(saleId))}`,
          ),
        );
      }, 15_000);
      const off = services.till.on((sale) => {
        if (sale.saleId !== saleId || !test(sale)) return;
        clearTimeout(timer);
        off();
        resolve(sale);
      });
    });
  const liveOrder = (sale: SaleView): string => {
    const orderId = sale.liveOrderId;
    if (orderId === undefined) throw new Error(`sale ${sale.saleId} has no live charge`);
    return orderId;
  };
  const kiosk: DayKiosk = {
    dir,
    get services() {
      return services;
    },
    clock,
    sell: (lines, tender) => services.till.start({ lines, tender }),
    async payQr(sale) {
      services.emulator?.control.pay(liveOrder(sale));
      return waitForSale(sale.saleId, (s) => s.state === 'paid');
    },
    async denyQr(sale) {
      services.emulator?.control.deny(liveOrder(sale));
      return waitForSale(sale.saleId, (s) => s.liveOrderId === undefined);
    },
    waitForSale,
    nextDay: () => clock.advance(24 * 3_600_000),
    async restart() {
      await services.close();
      services = await start();
    },
    async close() {
      if (closed) return;
      closed = true;
      await services.close();
      if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
  open.push(kiosk);
  return kiosk;
}

export const line = (name: string, unitPrice: number, quantity = 1, sku?: string): CartLine => ({
  name,
  unitPrice,
  quantity,
  ...(sku === undefined ? {} : { sku }),
});

/** Runs `act` and returns the DayError it threw (failing when it threw none or something else). */
export async function refusal(
  act: () => unknown,
): Promise<{ code: string; words: { id: string; en: string }; problems: { code: string; field: string }[] }> {
  try {
    await act();
  } catch (error) {
    if (error instanceof Error && error.name === 'DayError') {
      return error as unknown as {
        code: string;
        words: { id: string; en: string };
        problems: { code: string; field: string }[];
      };
    }
    throw error;
  }
  throw new Error('expected a refusal, but it went through');
}

/** Rows of a table in the journal's file, to show nothing was written. */
export function count(services: KioskServices, table: string): number {
  return (services.journal.database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
