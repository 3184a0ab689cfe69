/**
 * The reports' CSV, read back the way a spreadsheet would get it: csv-parse with the BOM and the
 * semicolon, every figure where it belongs, names with separators and quotes intact, formulas
 * disarmed, amounts as plain whole numbers.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { periodCsv } from '../../main/reports/csv.ts';
import { line, openDayKiosk } from './helpers.ts';

type Row = Record<'bagian' | 'nama' | 'keterangan' | 'jumlah' | 'kuantitas' | 'nilai_rp', string>;

function readBack(csv: string): Row[] {
  return parse(csv, { bom: true, delimiter: ';', columns: true, record_delimiter: ['\r\n'] }) as Row[];
}

describe('report CSV', () => {
  it('is UTF-8 with a BOM, semicolons and CRLF, and reads back to the Z figures', async () => {
    const kiosk = await openDayKiosk();
    const { shifts, reports } = kiosk.services.day;
    await shifts.open({ float: 200_000 });
    await kiosk.sell([line('Kopi "Tubruk"; besar', 15_000, 2, '0899')], { kind: 'cash', received: 50_000 });
    await kiosk.sell([line('=HYPERLINK("http://x")', 7_000)], { kind: 'cash', received: 7_000 });
    await kiosk.sell([line('Crème brûlée', 12_000)], { kind: 'cash', received: 12_000 });
    const qr = await kiosk.sell([line('Roti', 20_000)], { kind: 'gateway', paymentType: 'qris' });
    kiosk.services.emulator?.control.pay(qr.liveOrderId ?? '', { issuer: 'ovo' });
    await kiosk.waitForSale(qr.saleId, (s) => s.state === 'paid');
    shifts.close({ counted: 245_000 });
    const z = reports.closeZ();

    const { csv, fileName } = reports.csv({ kind: 'z', number: 1 });
    expect(fileName).toBe(`Z-0001_${z.businessDate}.csv`);
    expect(csv.startsWith('\ufeffbagian;nama;keterangan;jumlah;kuantitas;nilai_rp\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');

    const rows = readBack(csv);
    const find = (bagian: string, nama: string, keterangan?: string) =>
      rows.find(
        (r) =>
          r.bagian === bagian && r.nama === nama && (keterangan === undefined || r.keterangan === keterangan),
      );
    expect(find('laporan', 'LAPORAN Z')?.keterangan).toBe('Z-0001');
    expect(find('laporan', 'segel (sha256)')?.keterangan).toBe(z.hash);
    expect(find('laporan', 'dari')?.keterangan).toBe('awal (belum ada Z sebelumnya)');
    expect(find('laporan', 'sampai')?.keterangan).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB$/);
    expect(find('penjualan', 'Total penjualan')).toMatchObject({ jumlah: '4', nilai_rp: '69000' });
    expect(find('pembayaran', 'Tunai')).toMatchObject({ jumlah: '3', nilai_rp: '49000' });
    expect(find('pembayaran', 'QRIS')).toMatchObject({ jumlah: '1', nilai_rp: '20000' });
    expect(find('jenis pembayaran', 'qris', 'ovo')).toMatchObject({ jumlah: '1', nilai_rp: '20000' });
    expect(find('pengembalian dana', 'Dicatat di laporan ini')?.keterangan).toBe('ya');
    // Names typed by people come back exactly, quotes and semicolons included; codes keep their zero.
    expect(find('per barang', 'Kopi "Tubruk"; besar')).toMatchObject({
      keterangan: '0899',
      kuantitas: '2',
      nilai_rp: '30000',
    });
    expect(find('per barang', 'Crème brûlée')?.nilai_rp).toBe('12000');
    // A formula is never a formula in the spreadsheet.
    expect(find('per barang', `'=HYPERLINK("http://x")`)?.nilai_rp).toBe('7000');
    expect(rows.some((r) => Object.values(r).some((v) => v.startsWith('=')))).toBe(false);
    // The drawer: expected 249.000, counted 245.000, a negative difference as a plain number.
    const shift = rows.filter((r) => r.bagian === 'shift');
    expect(shift.find((r) => r.keterangan === 'Seharusnya di laci')?.nilai_rp).toBe('249000');
    expect(shift.find((r) => r.keterangan === 'Dihitung')?.nilai_rp).toBe('245000');
    expect(shift.find((r) => r.keterangan.startsWith('Selisih'))?.nilai_rp).toBe('-4000');
    // Every amount cell is a whole number a spreadsheet can add up.
    for (const row of rows) if (row.nilai_rp !== '') expect(row.nilai_rp).toMatch(/^-?\d+$/);
  });

  it('writes English words when asked, and a range report by day and item', async () => {
    const kiosk = await openDayKiosk();
    const { reports } = kiosk.services.day;
    const today = reports.today().businessDate;
    await kiosk.sell([line('Teh', 5_000, 4)], { kind: 'cash', received: 20_000 });
    const { csv, fileName } = reports.csv({ kind: 'range', from: today, to: today });
    expect(fileName).toBe(`laporan_${today}_${today}.csv`);
    const rows = readBack(csv);
    expect(rows.find((r) => r.bagian === 'per hari')).toMatchObject({
      nama: today,
      jumlah: '1',
      nilai_rp: '20000',
    });
    expect(rows.find((r) => r.bagian === 'per barang')).toMatchObject({
      nama: 'Teh',
      kuantitas: '4',
      nilai_rp: '20000',
    });

    const x = periodCsv(reports.x(), 'en');
    expect(x.fileName).toMatch(/^X_\d{4}-\d{2}-\d{2}_\d{4}\.csv$/);
    const english = parse(x.csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(english[0] ?? {})).toEqual([
      'section',
      'name',
      'detail',
      'count',
      'quantity',
      'amount_rp',
    ]);
    expect(english.find((r) => r['section'] === 'tenders' && r['name'] === 'Cash')?.['amount_rp']).toBe(
      '20000',
    );
  });
});
