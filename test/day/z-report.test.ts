/**
 * The X, Z and range reports on the real till: what they count (tenders, payment types and
 * issuers, discounts, service, tax, rounding, counts, hours, items, each shift's drawer), the
 * refunds (cash out of the drawer, QRIS/GoPay by tender, each counted once), and the Z's rules: numbered without gaps, sealed, never
 * changed, never empty, one per business day, and later corrections on the next one.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { PricingSettings } from '../../common/pricing/types.ts';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import { recordedRefunds } from '../../main/reports/recorded-refunds.ts';
import { ReportService } from '../../main/reports/report-service.ts';
import { ShiftService } from '../../main/shifts/shift-service.ts';
import { count, line, openDayKiosk, refusal } from './helpers.ts';

const TAXED: PricingSettings = {
  ...DEFAULT_PRICING_SETTINGS,
  tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
  servicePercent: 5,
  serviceTaxed: true,
  cashRounding: { unit: 500, mode: 'half-up' },
};

describe('X and Z reports', () => {
  it('count tenders, payment types, discounts, service, tax, rounding, hours, items and the drawer', async () => {
    const kiosk = await openDayKiosk({ pricing: TAXED });
    const { shifts, reports } = kiosk.services.day;
    await shifts.open({ float: 100_000 });
    // 20.000 − 10 % = 18.000; service 900; PB1 10 % of 18.900 = 1.890; total 20.790, cash 21.000.
    const cash = await kiosk.services.till.start({
      lines: [{ name: 'Kopi susu', sku: 'KS', unitPrice: 10_000, quantity: 2 }],
      orderDiscount: { kind: 'percent', value: 10 },
      tender: { kind: 'cash', received: 50_000 },
    });
    expect(cash.breakdown).toMatchObject({ total: 20_790, cashTotal: 21_000, service: 900 });
    const qr = await kiosk.sell([line('Roti bakar', 25_000, 1, 'RB')], {
      kind: 'gateway',
      paymentType: 'qris',
    });
    await kiosk.payQr(qr);
    const gopay = await kiosk.sell([line('Kopi susu', 10_000, 1, 'KS')], {
      kind: 'gateway',
      paymentType: 'gopay',
    });
    kiosk.services.emulator?.control.pay(gopay.liveOrderId ?? '', { via: 'gopay' });
    await kiosk.waitForSale(gopay.saleId, (s) => s.state === 'paid');
    const declined = await kiosk.sell([line('Es teh', 8_000)], { kind: 'gateway', paymentType: 'qris' });
    await kiosk.denyQr(declined);
    kiosk.services.till.void(declined.saleId);
    shifts.cash('out', 5_000, 'parkir');

    const x = reports.x();
    expect(x).toMatchObject({ kind: 'x', number: null, hash: null, from: null, training: true });
    const f = x.figures;
    const qrTotal = qr.breakdown.total;
    const gopayTotal = gopay.breakdown.total;
    expect(f.tenders).toEqual([
      { tender: 'cash', count: 1, amount: 21_000 },
      { tender: 'qris', count: 1, amount: qrTotal },
      { tender: 'gopay', count: 1, amount: gopayTotal },
    ]);
    expect(f.paymentTypes).toEqual([
      { paymentType: 'gopay', issuer: '', count: 1, amount: gopayTotal },
      { paymentType: 'qris', issuer: 'gopay', count: 1, amount: qrTotal },
    ]);
    expect(f.salesAmount).toBe(21_000 + qrTotal + gopayTotal);
    expect(f.counts).toEqual({
      sales: 3,
      voided: 1,
      settled: 2,
      expired: 0,
      cancelled: 0,
      denied: 1,
      failed: 0,
      stillOpen: 0,
    });
    expect(f.subtotal).toBe(20_000 + 25_000 + 10_000);
    expect(f.discounts).toEqual({ line: 0, order: 2_000 });
    expect(f.service).toBe(900 + qr.breakdown.service + gopay.breakdown.service);
    expect(f.tax).toEqual({
      added: 1_890 + qr.breakdown.tax.amount + gopay.breakdown.tax.amount,
      included: 0,
    });
    expect(f.rounding).toBe(210);
    expect(f.refunds).toMatchObject({ included: true, count: 0, amount: 0 });
    expect(f.refunds.note.en).toMatch(/recorded by this kiosk/);
    expect(f.byHour.reduce((n, h) => n + h.count, 0)).toBe(3);
    expect(f.byHour.reduce((n, h) => n + h.amount, 0)).toBe(f.salesAmount);
    const kopi = f.byItem.find((i) => i.name === 'Kopi susu');
    expect(kopi).toMatchObject({ sku: 'KS', quantity: 3 });
    expect(f.byItem.map((i) => i.name)).not.toContain('Es teh');
    // The drawer of the open shift, live: float + 21.000 kept − 5.000 out.
    expect(f.shifts).toEqual([expect.objectContaining({ closedAt: null, counted: null, difference: null })]);
    expect(f.shifts[0]?.drawer.expected).toBe(116_000);

    // The X wrote nothing; the Z waits for the shift.
    expect(count(kiosk.services, 'z_reports')).toBe(0);
    expect((await refusal(() => reports.closeZ())).code).toBe('shift-open');
    shifts.close({ counted: 115_000 });
    const z = reports.closeZ();
    expect(z).toMatchObject({ kind: 'z', number: 1, label: 'Z-0001', previousHash: null });
    expect(z.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(z.figures.shifts).toEqual([expect.objectContaining({ counted: 115_000, difference: -1_000 })]);
    expect({ ...z.figures, shifts: [] }).toEqual({ ...f, shifts: [] });
    expect(reports.verify()).toEqual([]);
  });

  it('numbers Zs without gaps, refuses an empty one and a second one for the day, and never changes one', async () => {
    const kiosk = await openDayKiosk();
    const { reports } = kiosk.services.day;
    const empty = await refusal(() => reports.closeZ());
    expect(empty.code).toBe('z-empty');
    await kiosk.sell([line('Kopi', 10_000)], { kind: 'cash', received: 10_000 });
    const first = reports.closeZ();
    expect(first.label).toBe('Z-0001');

    await kiosk.sell([line('Teh', 5_000)], { kind: 'cash', received: 5_000 });
    const sameDay = await refusal(() => reports.closeZ());
    expect(sameDay.code).toBe('z-day-closed');
    expect(sameDay.words.id).toContain('Z-0001');
    expect(sameDay.words.en).toMatch(/already closed/);
    // A late close for a day before the last Z's is refused as well.
    expect((await refusal(() => reports.closeZ('2020-01-01'))).code).toBe('z-day-closed');
    expect((await refusal(() => reports.closeZ('2999-01-01'))).problems[0]?.code).toBe('date-future');

    kiosk.nextDay();
    const second = reports.closeZ();
    expect(second).toMatchObject({ number: 2, label: 'Z-0002', previousHash: first.hash, from: first.to });
    expect(second.figures.salesAmount).toBe(5_000);
    kiosk.nextDay();
    const none = await refusal(() => reports.closeZ());
    expect(none.code).toBe('z-empty');
    expect(none.words.id).toContain('Z-0002');
    expect(count(kiosk.services, 'z_reports')).toBe(2);

    const db = kiosk.services.journal.database;
    expect(() => db.prepare("UPDATE z_reports SET figures = '{}'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM z_reports').run()).toThrow(/never deleted/);
    expect(reports.zGet(1)).toEqual(first);
    expect(reports.zList().map((z) => z.label)).toEqual(['Z-0002', 'Z-0001']);
    expect((await refusal(() => reports.zGet(7))).code).toBe('z-unknown');
  });

  it('a QR paid after the Z counts on the next Z; the first stays as it was', async () => {
    const kiosk = await openDayKiosk();
    const { reports } = kiosk.services.day;
    await kiosk.sell([line('Kopi', 10_000)], { kind: 'cash', received: 10_000 });
    const late = await kiosk.sell([line('Nasi goreng', 35_000)], { kind: 'gateway', paymentType: 'qris' });
    const first = reports.closeZ();
    expect(first.figures.counts).toMatchObject({ sales: 1, settled: 0, stillOpen: 1 });
    await kiosk.payQr(late);
    kiosk.nextDay();
    const second = reports.closeZ();
    expect(second.figures.counts).toMatchObject({ sales: 1, settled: 1, stillOpen: 0 });
    expect(second.figures.tenders.find((t) => t.tender === 'qris')).toEqual({
      tender: 'qris',
      count: 1,
      amount: 35_000,
    });
    expect(reports.zGet(1)).toEqual(first);
    expect(reports.verify()).toEqual([]);
  });

  it("counts refunds: cash out of the shift's drawer, QRIS by its tender, one made after a Z on the next Z", async () => {
    const kiosk = await openDayKiosk();
    const { shifts, reports } = kiosk.services.day;
    await shifts.open({ float: 50_000 });
    const cash = await kiosk.sell([line('Kopi', 10_000)], { kind: 'cash', received: 10_000 });
    const qr = await kiosk.payQr(
      await kiosk.sell([line('Roti', 20_000)], { kind: 'gateway', paymentType: 'qris' }),
    );
    const back = await kiosk.services.refunds.create(
      { saleId: cash.saleId, amount: 4_000, reason: 'Kurang manis' },
      'manager',
    );
    expect(back.complete).toBe(true);
    const x = reports.x().figures;
    expect(x.refunds).toMatchObject({
      included: true,
      count: 1,
      amount: 4_000,
      byTender: [{ tender: 'cash', count: 1, amount: 4_000 }],
    });
    expect(x.shifts[0]?.drawer.expected).toBe(50_000 + 10_000 - 4_000);
    shifts.close({ counted: 56_000 });
    const first = reports.closeZ();
    expect(first.figures.refunds.amount).toBe(4_000);
    expect(first.figures.shifts[0]?.difference).toBe(0);

    // A QRIS refund alone is something to close: it goes on the next Z, and only there.
    kiosk.nextDay();
    const qrBack = await kiosk.services.refunds.create({ saleId: qr.saleId, reason: 'Batal' }, 'manager');
    expect(qrBack.complete).toBe(true);
    const second = reports.closeZ();
    expect(second.figures.refunds).toMatchObject({
      count: 1,
      amount: 20_000,
      byTender: [{ tender: 'qris', count: 1, amount: 20_000 }],
    });
    expect(second.figures.counts.sales).toBe(0);
    expect(reports.zGet(1)).toEqual(first);
    kiosk.nextDay();
    expect((await refusal(() => reports.closeZ())).code).toBe('z-empty');
    expect(reports.verify()).toEqual([]);
  });

  it("keeps the shop's business day: in WITA with the day turning at 04:00, 02:00 is still yesterday", async () => {
    const kiosk = await openDayKiosk({ shopTime: { zone: 'WITA', cutoffHour: 4 } });
    const HOUR = 3_600_000;
    // Forward to the next 02:00 WITA (18:00 UTC).
    const now = kiosk.clock.now();
    const target = Math.ceil((now - 18 * HOUR) / (24 * HOUR)) * 24 * HOUR + 18 * HOUR + 60_000;
    kiosk.clock.advance(target - now);
    const calendar = new Date(kiosk.clock.now() + 8 * HOUR).toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(calendar) - 24 * HOUR).toISOString().slice(0, 10);
    const { reports } = kiosk.services.day;
    expect(reports.today()).toMatchObject({ businessDate: yesterday, utcOffsetMinutes: 480 });
    const sale = await kiosk.sell([line('Kopi', 10_000)], { kind: 'cash', received: 10_000 });
    await kiosk.services.refunds.create({ saleId: sale.saleId, amount: 1_000, reason: 'Tumpah' }, 'manager');
    const refundDay = kiosk.services.journal.database
      .prepare<[], { business_date: string }>('SELECT business_date FROM refunds')
      .get()?.business_date;
    expect(refundDay).toBe(yesterday);
    expect(reports.range(yesterday, yesterday).figures.refunds.amount).toBe(1_000);
    expect(reports.closeZ()).toMatchObject({ businessDate: yesterday });
  });

  it('verify() finds a Z whose figures were changed behind the triggers, or whose chain was broken', async () => {
    const kiosk = await openDayKiosk();
    await kiosk.sell([line('Kopi', 10_000)], { kind: 'cash', received: 10_000 });
    kiosk.services.day.reports.closeZ();
    kiosk.nextDay();
    await kiosk.sell([line('Teh', 6_000)], { kind: 'cash', received: 6_000 });
    kiosk.services.day.reports.closeZ();
    const copyDir = mkdtempSync(join(tmpdir(), 'kiosk-z-tamper-'));
    try {
      const file = join(copyDir, 'journal.sqlite');
      kiosk.services.journal.database.pragma('wal_checkpoint(TRUNCATE)');
      copyFileSync(kiosk.services.journal.file, file);
      const db = new Database(file);
      db.exec('DROP TRIGGER z_reports_no_update');
      const row = db.prepare('SELECT figures FROM z_reports WHERE number = 1').get() as { figures: string };
      db.prepare('UPDATE z_reports SET figures = ? WHERE number = 1').run(
        row.figures.replace('"salesAmount":10000', '"salesAmount":1000'),
      );
      const shifts = new ShiftService({
        db,
        environment: 'training',
        clock: kiosk.clock,
        utcOffsetMinutes: 420,
        refunds: recordedRefunds(db),
      });
      const reports = new ReportService({
        db,
        environment: 'training',
        clock: kiosk.clock,
        utcOffsetMinutes: 420,
        refunds: recordedRefunds(db),
        shifts,
      });
      const problems = reports.verify();
      expect(problems).toContain('Z 1: its hash does not match its content');
      expect(problems).toContain("Z-0001: its figures differ from the journal's for its period");
      expect(problems.some((p) => p.startsWith('Z 2'))).toBe(false);
      db.close();
    } finally {
      rmSync(copyDir, { recursive: true, force: true });
    }
  });

  it('asks for the manager PIN once one exists; a wrong one is refused and nothing is closed', async () => {
    const tries: string[] = [];
    const kiosk = await openDayKiosk({
      manager: {
        pinSet: () => Promise.resolve(true),
        checkPin: (pin) => {
          tries.push(pin);
          return Promise.resolve(pin === '4821' ? 'ok' : 'wrong');
        },
      },
    });
    const { reports } = kiosk.services.day;
    await kiosk.sell([line('Kopi', 10_000)], { kind: 'cash', received: 10_000 });
    expect((await refusal(() => reports.z())).code).toBe('pin-wrong');
    expect((await refusal(() => reports.z({ managerPin: '1111' }))).code).toBe('pin-wrong');
    expect(count(kiosk.services, 'z_reports')).toBe(0);
    expect((await reports.z({ managerPin: '4821' })).label).toBe('Z-0001');
    expect(tries).toEqual(['1111', '4821']);
  });
});

describe('the date-range report', () => {
  it('totals by day and by item over the range, and refuses a reversed one', async () => {
    const kiosk = await openDayKiosk();
    const { reports } = kiosk.services.day;
    const first = reports.today().businessDate;
    await kiosk.sell([line('Kopi', 10_000, 2, 'K')], { kind: 'cash', received: 20_000 });
    kiosk.nextDay();
    const second = reports.today().businessDate;
    await kiosk.sell([line('Kopi', 10_000, 1, 'K'), line('Teh', 5_000, 3, 'T')], {
      kind: 'cash',
      received: 25_000,
    });
    kiosk.nextDay();
    await kiosk.sell([line('Kopi', 10_000, 5, 'K')], { kind: 'cash', received: 50_000 });

    const range = reports.range(first, second);
    expect(range.days).toEqual([
      { date: first, sales: 1, amount: 20_000 },
      { date: second, sales: 1, amount: 25_000 },
    ]);
    expect(range.figures.byItem).toEqual([
      { name: 'Kopi', sku: 'K', quantity: 3, amount: 30_000 },
      { name: 'Teh', sku: 'T', quantity: 3, amount: 15_000 },
    ]);
    expect(range.figures.salesAmount).toBe(45_000);

    const reversed = await refusal(() => reports.range(second, first));
    expect(reversed.code).toBe('day-invalid');
    expect(reversed.problems[0]?.code).toBe('range-reversed');
    expect(reversed.words.id).toMatch(/terbalik/);
    expect(reversed.words.en).toMatch(/reversed/);
    expect((await refusal(() => reports.range('2026-02-30', second))).problems[0]?.code).toBe('date-invalid');
  });
});
