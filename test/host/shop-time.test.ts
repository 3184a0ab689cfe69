/**
 * The shop's zone and cut-off reach what the journal files: a sale's id and business date are on
 * the shop's clock, and a change of zone is not retroactive for days already filed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderView } from '../../common/order.ts';
import type { ShopTime } from '../../common/shop-time.ts';
import { ManualClock } from '../../main/clock.ts';
import { configFromEnv } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-shop-time-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

// 2026-11-25 01:30 WIT (UTC+9) = 2026-11-24 16:30 UTC = 23:30 WIB the evening before.
const AT = Date.UTC(2026, 10, 24, 16, 30);

async function cashSaleAt(shopTime: ShopTime | undefined, at: number) {
  const config = { ...configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir }), shopTime };
  const services = await openKiosk(config, { clock: new ManualClock(at) });
  try {
    const sale = await services.till.start({
      lines: [{ name: 'Kopi', unitPrice: 20_000, quantity: 1 }],
      tender: { kind: 'cash', received: 20_000 },
    });
    const record = services.journal.database
      .prepare<[string], { business_date: string }>('SELECT business_date FROM sales WHERE sale_id = ?')
      .get(sale.saleId);
    return { saleId: sale.saleId, businessDate: record?.business_date };
  } finally {
    await services.close();
  }
}

describe('the shop time in the journal', () => {
  it('WIT with cut-off 4: a sale at 01:30 is filed under the day before, its id on the WIT clock', async () => {
    const sale = await cashSaleAt({ zone: 'WIT', cutoffHour: 4 }, AT);
    expect(sale.saleId).toMatch(/^S20261125-013000-/);
    expect(sale.businessDate).toBe('2026-11-24');
  });

  it('WIT with the day turning at midnight: the same sale is filed under the 25th', async () => {
    const sale = await cashSaleAt({ zone: 'WIT', cutoffHour: 0 }, AT);
    expect(sale.businessDate).toBe('2026-11-25');
  });

  it('a gateway order of the engine is filed the same way', async () => {
    const config = {
      ...configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir }),
      shopTime: { zone: 'WIT' as const, cutoffHour: 4 },
    };
    const services = await openKiosk(config, { clock: new ManualClock(AT) });
    try {
      const created = new Promise<OrderView>((resolve) => {
        services.engine.on((event) => {
          if (event.type === 'order' && event.previousState === null) resolve(event.order);
        });
      });
      const charging = services.engine.startSale({ paymentType: 'qris', amount: 15_000 });
      const order = await created;
      expect(order.orderId).toMatch(/^K20261125-013000-/);
      expect(services.journal.get(order.orderId)?.businessDate).toBe('2026-11-24');
      // The day report of "today" (shop time) is that business day.
      expect(services.engine.report().date).toBe('2026-11-24');
      await charging;
    } finally {
      await services.close();
    }
  });

  it('without a shop time the kiosk keeps WIB at midnight, as before the setting existed', async () => {
    const sale = await cashSaleAt(undefined, AT);
    expect(sale.saleId).toMatch(/^S20261124-233000-/);
    expect(sale.businessDate).toBe('2026-11-24');
  });

  it('changing the zone is not retroactive: days already filed keep their date', async () => {
    const first = await cashSaleAt({ zone: 'WIB', cutoffHour: 0 }, AT);
    expect(first.businessDate).toBe('2026-11-24');
    const second = await cashSaleAt({ zone: 'WIT', cutoffHour: 0 }, AT + 60_000);
    expect(second.businessDate).toBe('2026-11-25');
    const config = configFromEnv({ KIOSK_MODE: 'training', KIOSK_DATA_DIR: dir });
    const services = await openKiosk(config);
    try {
      const dates = services.journal.database
        .prepare<[], { sale_id: string; business_date: string }>(
          'SELECT sale_id, business_date FROM sales ORDER BY id',
        )
        .all();
      expect(dates).toEqual([
        { sale_id: first.saleId, business_date: '2026-11-24' },
        { sale_id: second.saleId, business_date: '2026-11-25' },
      ]);
    } finally {
      await services.close();
    }
  });
});
