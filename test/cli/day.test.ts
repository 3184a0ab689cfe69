/**
 * The day from the command line: a shift opened and closed with a difference, cash in, the X, a
 * Z exported as CSV, and the refusals (a counted amount that is not a number, a shift closed over
 * an open sale, a second Z for a closed day, an empty Z, a reversed range) in both languages with
 * exit 2 and nothing written. Plain `kiosk report` keeps its old meaning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { PeriodReport, ShiftView } from '../../common/day-contract.ts';
import type { DayReport } from '../../common/order.ts';
import { Journal } from '../../main/journal/journal.ts';
import { openDay } from '../../main/reports/day-services.ts';
import { cli, cliInProcess, jsonLines, tempDir } from './helpers.ts';

function rows(dataDir: string, sql: string): unknown[] {
  const journal = Journal.open(join(dataDir, 'journal.sqlite'));
  try {
    return journal.database.prepare(sql).all();
  } finally {
    journal.close();
  }
}

describe('kiosk shift and kiosk report x|z|range', () => {
  it('runs a shift with a difference, the X, and a Z written to CSV; a second Z the same day is refused', async () => {
    const dir = tempDir();
    const env = { KIOSK_DATA_DIR: dir };
    const open = await cliInProcess(['shift', 'open', '--float', '200.000', '--json'], env);
    expect(open.code).toBe(0);
    const shift = jsonLines(open.stdout)[0] as unknown as ShiftView;
    expect(shift).toMatchObject({ float: 200_000, closedAt: null, cashier: null });

    expect(
      (await cliInProcess(['shift', 'cash', 'in', '--amount', '50000', '--reason', 'tukar uang'], env)).code,
    ).toBe(0);
    const sale = await cliInProcess(['charge', '44000', '--type', 'qris', '--simulate', 'pay'], env);
    expect(sale.code).toBe(0);

    const bad = await cliInProcess(['shift', 'close', '--counted', 'dua ratus ribu'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('id: Uang yang dihitung harus berupa angka');
    expect(bad.stderr).toContain('en: The counted cash must be a number');
    expect(rows(dir, 'SELECT closed_at FROM shifts')).toEqual([{ closed_at: null }]);

    const x = await cliInProcess(['report', 'x', '--json'], env);
    const xReport = jsonLines(x.stdout)[0] as unknown as PeriodReport;
    expect(xReport.figures.shifts[0]?.drawer.expected).toBe(250_000);
    expect(xReport.figures.tenders.find((t) => t.tender === 'qris')?.amount).toBe(44_000);
    expect(rows(dir, 'SELECT count(*) AS n FROM z_reports')).toEqual([{ n: 0 }]);

    const zWhileOpen = await cliInProcess(['report', 'z'], env);
    expect(zWhileOpen.code).toBe(2);
    expect(zWhileOpen.stderr).toMatch(/Tutup shift dulu/);

    const close = await cliInProcess(['shift', 'close', '--counted', '248000'], env);
    expect(close.code).toBe(0);
    expect(close.stdout).toMatch(/Expected in drawer\s+Rp 250\.000/);
    expect(close.stdout).toMatch(/Difference \(counted - expected\)\s+-Rp 2\.000/);

    const file = join(dir, 'z.csv');
    const z = await cliInProcess(['report', 'z', '--csv', file], env);
    expect(z.code).toBe(0);
    expect(z.stdout).toContain('Z report Z-0001');
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(records.find((r) => r['nama'] === 'LAPORAN Z')?.['keterangan']).toBe('Z-0001');
    expect(records.find((r) => r['keterangan']?.startsWith('Selisih'))?.['nilai_rp']).toBe('-2000');

    const again = await cliInProcess(['report', 'z'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/id: Hari \d{4}-\d{2}-\d{2} sudah ditutup dengan Z-0001/);
    expect(again.stderr).toMatch(/en: \d{4}-\d{2}-\d{2} is already closed by Z-0001/);
    expect(rows(dir, 'SELECT count(*) AS n FROM z_reports')).toEqual([{ n: 1 }]);

    // The stored Z, shown again; and the old day report as it always was.
    const shown = await cliInProcess(['report', 'z', '--number', '1', '--json'], env);
    const stored = jsonLines(shown.stdout)[0] as unknown as PeriodReport;
    expect(stored).toMatchObject({ label: 'Z-0001', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(stored.figures.shifts[0]?.difference).toBe(-2_000);
    const verified = await cliInProcess(['report', 'z', '--verify'], env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('1 Z report(s): numbered without gaps');
    const day = await cliInProcess(['report', '--json'], env);
    expect((jsonLines(day.stdout)[0] as unknown as DayReport).settledAmount).toBe(44_000);
  });

  it('refuses to close a shift over an open sale and a Z with nothing in it, writing nothing', async () => {
    const dir = tempDir();
    const env = { KIOSK_DATA_DIR: dir };
    const empty = await cliInProcess(['report', 'z'], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('refused (z-empty)');
    expect(empty.stderr).toMatch(/id: Belum ada penjualan/);
    const reversed = await cliInProcess(
      ['report', 'range', '--from', '2026-12-08', '--to', '2026-12-01'],
      env,
    );
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('Rentang tanggal terbalik');

    // A till sale still waiting for its QR: the CLI's own shift cannot close over it.
    expect((await cliInProcess(['shift', 'open', '--float', '0'], env)).code).toBe(0);
    const journal = Journal.open(join(dir, 'journal.sqlite'));
    journal.database
      .prepare(
        `INSERT INTO sales (sale_id, environment, state, created_at, updated_at, business_date, subtotal,
           line_discounts, order_discount, service, tax, tax_included, total, cash_total, breakdown, shift_id)
         VALUES ('S-OPEN', 'training', 'open', 1, 1, '2026-12-01', 1, 0, 0, 0, 0, 0, 1, 1, '{}',
           (SELECT id FROM shifts WHERE closed_at IS NULL))`,
      )
      .run();
    journal.close();
    const refused = await cliInProcess(['shift', 'close', '--counted', '0'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refused (shift-sale-open)');
    expect(rows(dir, 'SELECT closed_at FROM shifts')).toEqual([{ closed_at: null }]);
  });

  it('signs a cashier in with KIOSK_CASHIER_PIN as a real process', async () => {
    const dir = tempDir();
    const journal = Journal.open(join(dir, 'journal.sqlite'));
    const day = openDay({
      db: journal.database,
      environment: 'training',
      clock: { now: Date.now },
      utcOffsetMinutes: 420,
    });
    await day.shifts.saveCashier({ name: 'Sari', pin: '4821', active: true });
    journal.close();
    const wrong = await cli(['shift', 'open', '--float', '100000', '--cashier', 'sari'], {
      KIOSK_DATA_DIR: dir,
      KIOSK_CASHIER_PIN: '1234',
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Kasir atau PIN kasir salah');
    const right = await cli(['shift', 'open', '--float', '100000', '--cashier', 'sari', '--json'], {
      KIOSK_DATA_DIR: dir,
      KIOSK_CASHIER_PIN: '4821',
    });
    expect(right.code).toBe(0);
    expect(right.stdout).not.toContain('4821');
    expect((jsonLines(right.stdout)[0] as unknown as ShiftView).cashier?.name).toBe('Sari');
  });
});
