/**
 * The reconciliation line of the X, Z and range reports: the checks and findings of the period
 * (the Z's marks), by kind, the money at risk, what a manager must decide; "not reconciled" when
 * nothing was checked. A Z never changes afterwards (a run after it lands on the next Z) and
 * `verify()` recomputes each identically. In the CSV and on the slip as on screen.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { periodCsv } from '../../main/reports/csv.ts';
import { periodSlip } from '../../main/reports/slip.ts';
import { toTextLines } from '../../main/receipts/index.ts';
import { line, openDayKiosk, type DayKiosk } from './helpers.ts';

async function reconcile(kiosk: DayKiosk): Promise<void> {
  const { reconciler, day } = kiosk.services;
  reconciler.start(day.reports.today().businessDate);
  expect(await reconciler.settled()).toBeUndefined();
}

describe('the reports count reconciliation', () => {
  it('a dashboard refund found and adopted: on the X and the Z; a later run on the next Z; verify agrees', async () => {
    const kiosk = await openDayKiosk();
    const { reports } = kiosk.services.day;
    const sale = await kiosk.payQr(
      await kiosk.sell([line('Nasi goreng', 30_000)], { kind: 'gateway', paymentType: 'qris' }),
    );
    const orderId = sale.charges.at(-1)?.orderId ?? '';
    expect(reports.x().figures.reconciliation).toEqual({
      reconciled: false,
      runs: [],
      checked: 0,
      findings: 0,
      byKind: [],
      moneyAtRisk: 0,
      toDecide: 0,
    });

    kiosk.services.emulator?.control.refund(orderId, { reason: 'dashboard' });
    await reconcile(kiosk);
    const today = reports.today().businessDate;
    const x = reports.x().figures;
    expect(x.refunds).toMatchObject({ count: 1, amount: 30_000 });
    expect(x.reconciliation).toMatchObject({
      reconciled: true,
      runs: [{ businessDate: today, checked: 1 }],
      checked: 1,
      findings: 1,
      byKind: [{ kind: 'refunded-at-gateway', count: 1 }],
      toDecide: 0,
    });
    const first = reports.closeZ();
    expect(first.figures.reconciliation).toEqual(x.reconciliation);

    // A second run of the same day after the Z: the refund is known now, nothing found. It counts
    // on the next Z, never on the first.
    await reconcile(kiosk);
    kiosk.nextDay();
    await kiosk.sell([line('Kopi', 10_000)], { kind: 'cash', received: 10_000 });
    const second = reports.closeZ();
    expect(second.figures.reconciliation).toMatchObject({
      reconciled: true,
      runs: [{ businessDate: today, checked: 1 }],
      checked: 1,
      findings: 0,
      byKind: [],
    });
    kiosk.nextDay();
    await kiosk.sell([line('Teh', 5_000)], { kind: 'cash', received: 5_000 });
    const third = reports.closeZ();
    expect(third.figures.reconciliation?.reconciled).toBe(false);
    expect(reports.zGet(1)).toEqual(first);
    expect(reports.verify()).toEqual([]);

    const rows = parse(periodCsv(first, 'en').csv, { bom: true, delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    const line_ = (name: string) =>
      rows.find((r) => r['section'] === 'Midtrans reconciliation' && r['name'] === name);
    expect(line_('Orders checked')?.['count']).toBe('1');
    expect(line_('Refunded at the gateway')).toMatchObject({ detail: 'refunded-at-gateway', count: '1' });
    const notReconciled = parse(periodCsv(third, 'id').csv, {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(notReconciled.find((r) => r['bagian'] === 'rekonsiliasi Midtrans')?.['nama']).toBe(
      'Belum dicocokkan dengan Midtrans',
    );
    const slip = toTextLines(
      { type: 'slip', document: periodSlip(first, { shop: { name: 'Warung Uji' }, language: 'id' }) },
      80,
    ).join('\n');
    expect(slip).toContain('REKONSILIASI MIDTRANS');
    expect(slip).toMatch(/Dana dikembalikan di Midtrans\s+1/);
  });

  it('a Z keeps its reconciliation marks, and the check numbers behind them cannot be removed', async () => {
    const kiosk = await openDayKiosk();
    const { reports } = kiosk.services.day;
    await kiosk.payQr(await kiosk.sell([line('Roti', 20_000)], { kind: 'gateway', paymentType: 'qris' }));
    await reconcile(kiosk);
    reports.closeZ();
    expect(reports.verify()).toEqual([]);
    // The marks, not the clock, decide what a Z counts: the check numbers are append-only.
    const db = kiosk.services.journal.database;
    const marks = JSON.parse(
      (db.prepare('SELECT marks FROM z_reports').get() as { marks: string }).marks,
    ) as { to: { reconcileChecks: number } };
    expect(marks.to.reconcileChecks).toBe(1);
    expect(() => db.prepare('DELETE FROM reconcile_check_seq').run()).toThrow(/append-only/);
  });
});
